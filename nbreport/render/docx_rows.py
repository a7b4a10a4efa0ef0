"""Write table rows as markup: one serialised template per cell kind, spliced into document.xml at save.

A 50,000-row appendix as lxml elements costs about 15 MB per 1,000 rows and a deep copy per
cell. Here each cell kind (column, CellFormat, kept with the next row or not) is built once
with ``ooxml.new_cell`` and serialised; a row is those strings around its escaped text.
Small tables are parsed back into the tree (so the rest of the writer sees ordinary
elements); a table of more than ``STREAM_ROWS`` rows leaves a comment in its w:tbl and its
rows are generated while document.xml is written into the zip, never held at once. Both
ways give the same bytes: lxml writes what the templates were cut from.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from lxml import etree

from . import ooxml

STREAM_ROWS = 400  # rows from which a table's rows are written at save instead of held in the tree
_DOCUMENT_PART = "word/document.xml"
_MARK = "nbreport-rows {}"
_MARK_BYTES = re.compile(rb"<!--nbreport-rows (\d+)-->")
_W_DECL = f" {nsdecls('w')}"
_ROW_HEAD = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_HEADER_ROW_HEAD = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
_CELL_TAIL = "</w:p></w:tc>"
_SPECIAL = re.compile("[&<>\r]")


@dataclass(frozen=True, slots=True)
class Row:
    """Describe one table row: its cell texts and formats, whether it repeats as the header, keeps with the next."""

    texts: Sequence[str]
    formats: Sequence[ooxml.CellFormat]
    header: bool = False
    keep: bool = False


class RowMarkup:
    """Make the WordprocessingML of table rows from one serialised template per cell kind."""

    def __init__(self, widths: Sequence[int]) -> None:
        self.widths = list(widths)
        self._cells: dict[tuple[int, ooxml.CellFormat, bool], str] = {}

    def row(self, row: Row) -> str:
        """Return the w:tr of ``row``: a row that cannot split across pages."""
        parts = [_HEADER_ROW_HEAD if row.header else _ROW_HEAD]
        for column, (text, fmt) in enumerate(zip(row.texts, row.formats)):
            parts.append(self._cell(column, fmt, row.keep))
            if fmt.merge != "continue" and text:
                parts.append(run_markup(text))
            parts.append(_CELL_TAIL)
        parts.append("</w:tr>")
        return "".join(parts)

    def _cell(self, column: int, fmt: ooxml.CellFormat, keep: bool) -> str:
        key = (column, fmt, keep)
        head = self._cells.get(key)
        if head is None:
            cell = ooxml.new_cell(self.widths[column], fmt)
            if keep:
                ooxml.keep_row_with_next(cell)
            markup = etree.tostring(cell, encoding="unicode").replace(_W_DECL, "", 1)
            if not markup.endswith(_CELL_TAIL):
                raise AssertionError(f"unexpected cell markup: {markup}")
            head = self._cells[key] = markup[: -len(_CELL_TAIL)]
        return head


def run_markup(text: str) -> str:
    """Return the w:r ``ooxml.add_run`` makes of ``text``: newlines as w:br, tabs as w:tab."""
    if not text:
        return "<w:r/>"
    if "\n" not in text and "\t" not in text:
        return f'<w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r>'
    parts = ["<w:r>"]
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append("<w:br/>")
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                parts.append("<w:tab/>")
            if part:
                parts.append(f'<w:t xml:space="preserve">{_escape(part)}</w:t>')
    parts.append("</w:r>")
    return "".join(parts)


def _escape(text: str) -> str:
    """Return ``text`` escaped as lxml writes element text (a carriage return as a reference)."""
    if _SPECIAL.search(text) is None:
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def append_rows(tbl: etree._Element, markup: Iterable[str]) -> list[etree._Element]:
    """Parse row markup into elements at the end of ``tbl`` and return them."""
    fragment = parse_xml(f"<w:tbl{_W_DECL}>{''.join(markup)}</w:tbl>")
    rows = list(fragment)
    tbl.extend(rows)
    return rows


@dataclass
class DeferredRows:
    """Hold the row generators of streamed tables, each behind a comment in its w:tbl."""

    _tables: dict[int, Callable[[], Iterator[str]]] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def __bool__(self) -> bool:
        return bool(self._tables)

    def defer(self, tbl: etree._Element, rows: Callable[[], Iterator[str]]) -> None:
        """Mark the end of ``tbl`` as the place of the rows ``rows()`` will yield at save."""
        number = next(self._ids)
        self._tables[number] = rows
        tbl.append(etree.Comment(_MARK.format(number)))

    def write_document(self, xml: bytes, target: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        """Write the document part ``xml`` into ``target`` as ``info``, each mark replaced by its rows."""
        with target.open(info, "w") as stream:
            start = 0
            for mark in _MARK_BYTES.finditer(xml):
                stream.write(xml[start:mark.start()])
                for chunk in _batched(self._tables[int(mark.group(1))]()):
                    stream.write(chunk.encode("utf-8"))
                start = mark.end()
            stream.write(xml[start:])


def _batched(rows: Iterator[str], size: int = 256) -> Iterator[str]:
    """Join rows in batches so the zip stream is written in pieces of a few hundred kilobytes."""
    while batch := list(itertools.islice(rows, size)):
        yield "".join(batch)


def is_document_part(name: str) -> bool:
    """Return whether ``name`` is the main document part, the one that holds the marks."""
    return name == _DOCUMENT_PART
