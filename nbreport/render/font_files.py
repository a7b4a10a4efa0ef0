"""Find font files and the characters they map, without loading reportlab.

The PDF renderer (render/fonts.py) loads what these functions find; ``validate`` asks
only which characters print (:func:`coverage`), which the fonts' cmap tables answer in
milliseconds, so checking a dataset never pays for importing reportlab.
"""

from __future__ import annotations

import functools
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..schema.theme import Theme
from .font_cmap import read_cmap

FONT_DIR_ENV = "NBREPORT_FONT_DIR"
SYSTEM_FONTS_ENV = "NBREPORT_SYSTEM_FONTS"  # "0": search only NBREPORT_FONT_DIR (a clean machine, in tests)
_TRUETYPE_SUFFIXES = (".ttf", ".ttc")


class FontWarning(UserWarning):
    """Warn that a font was skipped or that the PDF falls back to a font it does not embed."""


def candidate_paths(files: Sequence[str], names: Sequence[str]) -> Iterator[Path]:
    """Yield font files to try in order: explicit files, then ``names`` in the font folders."""
    for file in files:
        path = Path(file).expanduser()
        if path.is_file():
            yield path
        else:
            warnings.warn(f"主题中列出的字体文件 {file} 不存在，已跳过", FontWarning, stacklevel=4)
    index = _folder_index(tuple(str(folder) for folder in font_folders()))
    for name in names:
        yield from index.get(name.lower(), ())


def font_folders() -> list[Path]:
    """Return the folders searched for fonts: NBREPORT_FONT_DIR entries, then the system's (unless NBREPORT_SYSTEM_FONTS=0)."""
    folders = [Path(entry) for entry in os.environ.get(FONT_DIR_ENV, "").split(os.pathsep) if entry]
    if os.environ.get(SYSTEM_FONTS_ENV) == "0":
        return folders
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        folders += [windir / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        folders += [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]
    else:
        folders += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]
    return folders


@functools.lru_cache(maxsize=4)
def _folder_index(folders: tuple[str, ...]) -> dict[str, tuple[Path, ...]]:
    # One walk per process: font folders hold thousands of files and rarely change.
    found: dict[str, list[Path]] = {}
    for folder in folders:
        for root, _dirs, files in os.walk(folder):
            for file in files:
                found.setdefault(file.lower(), []).append(Path(root) / file)
    return {name: tuple(paths) for name, paths in found.items()}


def outline_kind(path: Path) -> str:
    """Return "truetype", "cff" (PostScript outlines reportlab cannot embed) or "unknown"."""
    with path.open("rb") as handle:
        head = handle.read(16)
        if head[:4] == b"ttcf":
            # A collection: look at the first font's own header.
            handle.seek(int.from_bytes(head[12:16], "big"))
            head = handle.read(4)
    if head[:4] == b"OTTO":
        return "cff"
    if head[:4] in (b"\x00\x01\x00\x00", b"true"):
        return "truetype"
    return "unknown"


def theme_font_files(theme: Theme) -> tuple[Path, ...]:
    """Return the font files the PDF would use for ``theme``: CJK serif, CJK sans, then fallbacks.

    Found as :func:`load_fonts` finds them (first embeddable TrueType file of each), but
    nothing is registered; an empty tuple's first entries missing means no CJK font at all.
    """
    found = [_first_truetype(family.files, family.names) for family in (theme.serif, theme.sans)]
    found += [_first_truetype([name] if os.sep in name else [], [name]) for name in theme.fallback_fonts]
    return tuple(path for path in found if path is not None)


def coverage(theme: Theme) -> frozenset[int] | None:
    """Return the code points some font of ``theme`` can draw, or None when no CJK font is found.

    Reads only each font's cmap table (milliseconds, not the second reportlab takes to
    parse a CJK font); the per-character fallback draws from all of them.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FontWarning)  # the build reports font problems itself
        cjk = [_first_truetype(family.files, family.names) for family in (theme.serif, theme.sans)]
        if not any(cjk):
            return None
        covered: set[int] = set()
        for path in theme_font_files(theme):
            covered |= read_cmap(path)
    return frozenset(covered)


def _first_truetype(files: Sequence[str], names: Sequence[str]) -> Path | None:
    for path in candidate_paths(files, names):
        if path.suffix.lower() in _TRUETYPE_SUFFIXES and outline_kind(path) == "truetype" and read_cmap(path):
            return path
    return None
