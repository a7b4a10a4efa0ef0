"""Turn the inline tokens of one paragraph or heading into runs, reporting what cannot print.

Every inline token type is handled by one dispatch with a default branch that reports,
so no construct disappears unnoticed. What each construct becomes:

- text, escapes (``\\*``) and entities (``&amp;``) → their literal characters;
- ``**`` → toggles bold, by position in the source, because CommonMark will not close
  ``**`` after CJK punctuation followed by a letter (``**引语。**正文``), which is exactly
  how bold lead-ins are written; an unmatched ``**`` stays literal, with a warning;
- soft line break → a space between two narrow (Latin, digit) characters, nothing next
  to a CJK character (CLREQ);
- hard line break, ``*emphasis*``, ```code```, ``[link](url)`` → their text, with a warning
  that the mark (or the URL) is not printed; an autolink prints its URL, silently;
- inline HTML → printed as typed (user text stays text), with a warning;
- image, ``~~strike~~`` and any unknown token → an error (their text is kept in the run so
  nothing is lost, but the build refuses).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from .. import codes

if TYPE_CHECKING:
    from markdown_it.token import Token

# Placeholders for bold toggles and soft breaks; control characters are removed from the
# text before parsing, so these cannot occur in it.
BOLD = "\x01"
SOFT = "\x02"

Note = Callable[[int, str, str], None]
"""Receive (line within the inline token, finding code, detail) for one construct."""


def _ignore(line: int, code: str, detail: str) -> None:
    """Drop a note (for callers that report nothing, such as tests of the text alone)."""


def runs(inline: Token, note: Note = _ignore) -> list[dict[str, Any]]:
    """Return the runs (text, strong) of an inline token, noting constructs that do not print."""
    text = _flatten(inline.children or [], note)
    text = _resolve_soft_breaks(text)
    parts = text.split(BOLD)
    if len(parts) % 2 == 0:
        note(_line_of_last_bold(inline), "W-MD-INLINE", codes.detail("md.bold_unpaired"))
        parts[-2:] = [parts[-2] + "**" + parts[-1]]
    result: list[dict[str, Any]] = []
    for index, part in enumerate(parts):
        if part:
            _append(result, part, index % 2 == 1)
    return result or [{"text": "", "strong": False}]


def inline_text(inline: Token, note: Note = _ignore) -> str:
    """Return the plain text of an inline token (a heading), noting constructs that do not print."""
    return "".join(run["text"] for run in runs(inline, note))


def _flatten(children: list[Token], note: Note) -> str:
    """Return the text of the children with BOLD and SOFT placeholders."""
    pieces: list[str] = []
    line = 0
    for child in children:
        piece, line = _piece(child, line, note)
        pieces.append(piece)
    return "".join(pieces)


def _piece(child: Token, line: int, note: Note) -> tuple[str, int]:
    """Return what one inline token contributes and the line after it."""
    match child.type:
        case "text":
            return child.content.replace("**", BOLD), line
        case "text_special":  # a backslash escape or an entity: the character itself
            return child.content, line
        case "strong_open" | "strong_close":
            return BOLD, line
        case "softbreak":
            return SOFT, line + 1
        case "hardbreak":
            note(line, "W-MD-INLINE", codes.detail("md.hard_break"))
            return SOFT, line + 1
        case "em_open":
            note(line, "W-MD-INLINE", codes.detail("md.emphasis", mark=child.markup))
            return "", line
        case "em_close" | "link_close" | "s_close":
            return "", line
        case "code_inline":
            note(line, "W-MD-INLINE", codes.detail("md.code", code=child.content))
            return child.content, line
        case "link_open":
            if child.markup != "autolink":
                note(line, "W-MD-INLINE", codes.detail("md.link", href=unquote(str(child.attrs.get('href', '')))))
            return "", line
        case "image":
            note(line, "E-MD-INLINE", codes.detail("md.image", alt=child.content))
            return child.content, line
        case "html_inline":
            note(line, "W-MD-INLINE", codes.detail("md.html", tag=child.content))
            return child.content, line
        case "s_open":
            note(line, "E-MD-INLINE", codes.detail("md.strike"))
            return "", line
        case _:
            note(line, "E-MD-INLINE", codes.detail("md.inline_other", kind=child.type))
            return child.content, line


def _resolve_soft_breaks(text: str) -> str:
    """Return the text with each soft break a space between narrow characters, else nothing."""
    if SOFT not in text:
        return text
    pieces = text.split(SOFT)
    result = [pieces[0]]
    last = _visible(pieces[0], -1)
    for piece in pieces[1:]:
        result.append((" " if _narrow(last) and _narrow(_visible(piece, 0)) else "") + piece)
        last = _visible(piece, -1) or last
    return "".join(result)


def _visible(piece: str, end: int) -> str:
    """Return the first (end 0) or last (end -1) character of ``piece`` that is not a bold toggle."""
    stripped = piece.strip(BOLD)
    return stripped[end] if stripped else ""


def _narrow(char: str) -> bool:
    """Return True for a visible character that is not CJK-wide (Latin, digits, ASCII punctuation)."""
    return bool(char) and not char.isspace() and unicodedata.east_asian_width(char) not in ("W", "F")


def _line_of_last_bold(inline: Token) -> int:
    """Return the line (within the inline token) of its last ``**``."""
    before = inline.content.rsplit("**", 1)[0]
    return before.count("\n")


def _append(result: list[dict[str, Any]], text: str, strong: bool) -> None:
    if result and result[-1]["strong"] == strong:
        result[-1]["text"] += text
    else:
        result.append({"text": text, "strong": strong})
