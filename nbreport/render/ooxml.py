"""Build the WordprocessingML that python-docx has no API for: fonts, fields, tables, sections.

Every function here takes and returns lxml elements and writes children in the order
the schema requires; none of them knows about the report or the theme.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from ..text import CONTROL

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Children that follow a given element in its parent, per the WordprocessingML schema.
_PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                   "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                   "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_SETTINGS_AFTER_UPDATEFIELDS = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat",
                                "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
                                "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                                "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                                "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                                "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol",
                                "w:listSeparator")

_OTHER_NS = {
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
}

def illegal_character(text: str) -> int | None:
    """Return the index of the first character XML cannot hold, or None when all are legal."""
    match = CONTROL.search(text)
    return match.start() if match else None


def _child(parent: etree._Element, tag: str, successors: Sequence[str] = ()) -> etree._Element:
    """Return the ``tag`` child of ``parent``, inserting it before ``successors`` when absent."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        for name in successors:
            successor = parent.find(_clark(name))
            if successor is not None:
                successor.addprevious(found)
                break
        else:
            parent.append(found)
    return found


def _clark(name: str) -> str:
    prefix, local = name.split(":")
    return qn(name) if prefix == "w" else f"{{{_OTHER_NS[prefix]}}}{local}"


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


# ---------------------------------------------------------------- fonts and language


def set_fonts(rpr: etree._Element, cjk: str, latin: str) -> None:
    """Name the Chinese font (w:eastAsia) and the Latin font of a run or style rPr; drop theme fonts."""
    fonts = rpr.get_or_add_rFonts()
    for theme_attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme_attr}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), cjk)
    fonts.set(qn("w:hint"), "eastAsia")


def default_run_properties(styles: etree._Element) -> etree._Element:
    """Return the w:rPr of the styles part's run defaults, creating the defaults when absent."""
    doc_defaults = styles.find(qn("w:docDefaults"))
    if doc_defaults is None:
        doc_defaults = OxmlElement("w:docDefaults")
        styles.insert(0, doc_defaults)
    rpr_default = _child(doc_defaults, "w:rPrDefault", ("w:pPrDefault",))
    return _child(rpr_default, "w:rPr")


def set_language(rpr: etree._Element, east_asia: str, latin: str = "en-US") -> None:
    """Mark the language of text: ``east_asia`` for Chinese, ``latin`` for Western script."""
    lang = _child(rpr, "w:lang", _RPR_AFTER_LANG)
    lang.set(qn("w:val"), latin)
    lang.set(qn("w:eastAsia"), east_asia)


def set_theme_font_language(settings: etree._Element, east_asia: str) -> None:
    """Set w:themeFontLang so Word picks East Asian theme fonts for ``east_asia``."""
    lang = _child(settings, "w:themeFontLang", _SETTINGS_AFTER_UPDATEFIELDS[9:])
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), east_asia)


# ---------------------------------------------------------------- paragraph properties


def set_first_line_chars(ppr: etree._Element, chars: float, twips: int) -> None:
    """Indent the first line by ``chars`` characters (w:firstLineChars) and the same in twips."""
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(round(chars * 100)))
    ind.set(qn("w:firstLine"), str(twips))


def set_left_indent(ppr: etree._Element, chars: float, twips: int) -> None:
    """Indent the whole paragraph from the left by ``chars`` characters (and the same in twips)."""
    ind = ppr.get_or_add_ind()
    ind.set(qn("w:leftChars"), str(round(chars * 100)))
    ind.set(qn("w:left"), str(twips))


def set_hanging(ppr: etree._Element, chars: float, twips: int) -> None:
    """Hang every line after the first by ``chars`` characters, with a tab stop there for the marker."""
    ind = ppr.get_or_add_ind()
    for name in ("firstLine", "firstLineChars"):
        ind.attrib.pop(qn(f"w:{name}"), None)
    ind.set(qn("w:leftChars"), str(round(chars * 100)))
    ind.set(qn("w:left"), str(twips))
    ind.set(qn("w:hangingChars"), str(round(chars * 100)))
    ind.set(qn("w:hanging"), str(twips))
    add_tab_stop(ppr, twips, "left")


def add_tab_stop(ppr: etree._Element, position: int, align: str, leader: str | None = None) -> None:
    """Add a tab stop at ``position`` twips (align left/right/center, optional leader such as dot)."""
    tab = _sub(ppr.get_or_add_tabs(), "w:tab", val=align, pos=str(position))
    if leader:
        tab.set(qn("w:leader"), leader)


def set_outline_level(ppr: etree._Element, level: int) -> None:
    """Set the paragraph's outline level: 0–8 for headings, 9 for body text (kept out of the TOC)."""
    ppr.get_or_add_outlineLvl().set(qn("w:val"), str(level))


def set_cjk_line_layout(ppr: etree._Element) -> None:
    """Set the paragraph's East Asian line rules as the PDF sets its lines.

    Kinsoku on (no line opens with a closing mark); no punctuation hung past the measure
    (the PDF compresses marks instead); Han next to Latin or digits spaced by layout, not
    by a character; no snapping to a document grid, which would undo the line pitch.

    LibreOffice reads w:overflowPunct the other way round (its DOCX import sets hanging
    punctuation on for val 0) and ignores autoSpaceDE/DN: data/2023 opened there hangs 34
    marks past the margin (up to 6 pt) with val 0 and none with val 1, which in Word would
    hang them. Word's reading (ECMA-376) is kept.
    """
    for tag, value in (("w:kinsoku", "1"), ("w:overflowPunct", "0"), ("w:autoSpaceDE", "1"),
                       ("w:autoSpaceDN", "1"), ("w:snapToGrid", "0")):
        successors = _PPR_AFTER_PBDR[_PPR_AFTER_PBDR.index(tag) + 1:]
        _child(ppr, tag, successors).set(qn("w:val"), value)


def set_bottom_rule(ppr: etree._Element, color: str, size_eighths: int = 4) -> None:
    """Draw a rule under the paragraph (used for the running header)."""
    border = _child(ppr, "w:pBdr", _PPR_AFTER_PBDR)
    _sub(border, "w:bottom", val="single", sz=str(size_eighths), space="1", color=color)


def add_bookmark(p: etree._Element, bookmark_id: int, name: str) -> None:
    """Wrap the paragraph's content in a bookmark called ``name``."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)})
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        p.insert(0, start)
    else:
        ppr.addnext(start)
    p.append(end)


# ---------------------------------------------------------------- runs and fields


def new_paragraph(style_id: str | None) -> etree._Element:
    """Return an empty w:p in paragraph style ``style_id``; None is the default style (no w:pStyle).

    The markup is what python-docx's ``paragraph.style`` setter writes (an empty w:pPr for
    the default style), without its scan of every style on each call.
    """
    p = OxmlElement("w:p")
    set_paragraph_style(p, style_id)
    return p


def set_paragraph_style(p: etree._Element, style_id: str | None) -> None:
    """Give the paragraph the style ``style_id`` (None: the default style) as its first property."""
    ppr = p.get_or_add_pPr()
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        ppr.remove(style)
    if style_id is not None:
        ppr.insert(0, OxmlElement("w:pStyle", {qn("w:val"): style_id}))


def add_text_run(parent: etree._Element, text: str, bold: bool = False) -> etree._Element:
    """Append a run as python-docx's ``add_run(text)`` writes it; tabs become w:tab, newlines w:br.

    Unlike add_run, xml:space="preserve" is set only on text with outer white space
    (python-docx's rule), so documents keep the markup they had.
    """
    run = etree.SubElement(parent, qn("w:r"))
    if bold:
        etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:b"))
    if "\t" not in text and "\n" not in text and "\r" not in text:
        _text(run, text)
        return run
    for index, line in enumerate(_LINE_BREAKS.split(text)):
        if index:
            etree.SubElement(run, qn("w:br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                etree.SubElement(run, qn("w:tab"))
            _text(run, part)
    return run


_LINE_BREAKS = re.compile("[\r\n]")


def _text(run: etree._Element, text: str) -> None:
    if text:
        t = etree.SubElement(run, qn("w:t"))
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_XML_SPACE, "preserve")



def add_run(parent: etree._Element, text: str, bold: bool = False) -> etree._Element:
    """Append a run holding ``text``; newlines become w:br and tabs w:tab."""
    run = etree.SubElement(parent, qn("w:r"))
    if bold:
        etree.SubElement(etree.SubElement(run, qn("w:rPr")), qn("w:b"))
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(run, qn("w:br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                etree.SubElement(run, qn("w:tab"))
            if part:
                t = etree.SubElement(run, qn("w:t"))
                t.text = part
                t.set(_XML_SPACE, "preserve")
    return run


def _field_char(parent: etree._Element, kind: str) -> None:
    run = etree.SubElement(parent, qn("w:r"))
    _sub(run, "w:fldChar", fldCharType=kind)


def begin_field(parent: etree._Element, instruction: str) -> None:
    """Open a complex field with ``instruction``; its result follows until end_field."""
    _field_char(parent, "begin")
    run = etree.SubElement(parent, qn("w:r"))
    instr = etree.SubElement(run, qn("w:instrText"))
    instr.text = f" {instruction} "
    instr.set(_XML_SPACE, "preserve")
    _field_char(parent, "separate")


def end_field(parent: etree._Element) -> None:
    """Close the complex field opened last."""
    _field_char(parent, "end")


def add_field(parent: etree._Element, instruction: str, result: str = "") -> etree._Element | None:
    """Append a complete field such as ``PAGE`` with a cached ``result`` shown before an update; return the result's run."""
    begin_field(parent, instruction)
    run = add_run(parent, result) if result else None
    end_field(parent)
    return run


def set_run_font(run: etree._Element, cjk: str, latin: str, size_pt: float) -> None:
    """Set a run's own fonts and size, over its paragraph style's."""
    rpr = run.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    set_fonts(rpr, cjk, latin)
    half_points = str(round(size_pt * 2))
    _sub(rpr, "w:sz", val=half_points)
    _sub(rpr, "w:szCs", val=half_points)


def add_internal_link(p: etree._Element, anchor: str) -> etree._Element:
    """Append a hyperlink to the bookmark ``anchor`` and return it to receive runs."""
    return _sub(p, "w:hyperlink", anchor=anchor, history="1")


def set_update_fields(settings: etree._Element) -> None:
    """Ask Word to update fields (the TOC and page references) when the document opens."""
    _child(settings, "w:updateFields", _SETTINGS_AFTER_UPDATEFIELDS).set(qn("w:val"), "true")


def set_document_variable(settings: etree._Element, name: str, value: str) -> None:
    """Store ``value`` under ``name`` in the settings' w:docVars (Word keeps them when it saves)."""
    variables = _child(settings, "w:docVars", _SETTINGS_AFTER_UPDATEFIELDS[5:])
    _sub(variables, "w:docVar", name=name, val=value)


def pop_document_variable(settings: etree._Element, name: str) -> str | None:
    """Remove the document variable ``name`` (and w:docVars when it is left empty); return its value."""
    variables = settings.find(qn("w:docVars"))
    if variables is None:
        return None
    value = None
    for variable in variables.findall(qn("w:docVar")):
        if variable.get(qn("w:name")) == name:
            value = variable.get(qn("w:val"))
            variables.remove(variable)
    if len(variables) == 0:
        settings.remove(variables)
    return value


# ---------------------------------------------------------------- sections


def section_break(body: etree._Element) -> etree._Element:
    """End the current section at the last paragraph and return the new last w:sectPr.

    The ended section keeps its properties, headers and footers; the new one starts as a copy
    without header/footer references (so it inherits them), page-number restart, vertical
    alignment or title page. A paragraph is added to carry the break only when the section
    ends with a table, a field or nothing, so no blank line can spill onto an extra page.
    """
    sentinel = body.find(qn("w:sectPr"))
    ended = copy.deepcopy(sentinel)
    last = sentinel.getprevious()
    if not _can_carry_section_break(last):
        last = OxmlElement("w:p")
        ppr = last.get_or_add_pPr()
        spacing = ppr.get_or_add_spacing()
        spacing.set(qn("w:line"), "20")
        spacing.set(qn("w:lineRule"), "exact")
        sentinel.addprevious(last)
    last.get_or_add_pPr()._insert_sectPr(ended)
    for tag in ("w:headerReference", "w:footerReference", "w:pgNumType", "w:vAlign", "w:titlePg"):
        for element in sentinel.findall(qn(tag)):
            sentinel.remove(element)
    return sentinel


def _can_carry_section_break(block: etree._Element | None) -> bool:
    """Return whether ``block`` is a paragraph that may end a section: no break yet, no field.

    A paragraph inside a field (the TOC's last entry holds the field's end) must not carry
    the break: LibreOffice then drops the footers of the whole document.
    """
    if block is None or block.tag != qn("w:p"):
        return False
    return block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None and next(block.iter(qn("w:fldChar")), None) is None


# ---------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class CellFormat:
    """Describe how one kind of cell looks: paragraph style id, alignment, merge state, fill."""

    style_id: str
    align: str = "left"
    merge: str | None = None  # "restart", "continue" or None
    fill: str | None = None
    valign: str = "center"


def _borders(parent: etree._Element, tag: str, color: str, size_eighths: int, inside: bool) -> None:
    borders = _sub(parent, tag)
    sides = ("top", "left", "bottom", "right") + (("insideH", "insideV") if inside else ())
    for side in sides:
        _sub(borders, f"w:{side}", val="single", sz=str(size_eighths), space="0", color=color)


def new_table(widths: Sequence[int], border_color: str, border_eighths: int = 4,
              cell_margin: int | None = None) -> etree._Element:
    """Return an empty fixed-layout w:tbl whose columns are ``widths`` twips wide."""
    tbl = OxmlElement("w:tbl")
    tbl_pr = _sub(tbl, "w:tblPr")
    _sub(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
    _sub(tbl_pr, "w:jc", val="center")
    _borders(tbl_pr, "w:tblBorders", border_color, border_eighths, inside=True)
    _sub(tbl_pr, "w:tblLayout", type="fixed")
    if cell_margin is not None:
        margins = _sub(tbl_pr, "w:tblCellMar")
        for side in ("top", "left", "bottom", "right"):
            _sub(margins, f"w:{side}", w=str(cell_margin), type="dxa")
    _sub(tbl_pr, "w:tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0",
         lastColumn="0", noHBand="1", noVBand="1")
    grid = _sub(tbl, "w:tblGrid")
    for width in widths:
        _sub(grid, "w:gridCol", w=str(width))
    return tbl


def keep_row_with_next(row: etree._Element) -> None:
    """Keep a table row (or cell) on the same page as the row after it (keepNext on its paragraphs)."""
    for ppr in row.iter(qn("w:pPr")):
        style = ppr.find(qn("w:pStyle"))
        keep = OxmlElement("w:keepNext")
        if style is not None:
            style.addnext(keep)
        else:
            ppr.insert(0, keep)


def new_cell(width: int, fmt: CellFormat) -> etree._Element:
    """Return a w:tc of ``width`` twips holding one empty paragraph formatted per ``fmt``."""
    cell = OxmlElement("w:tc")
    tc_pr = _sub(cell, "w:tcPr")
    _sub(tc_pr, "w:tcW", w=str(width), type="dxa")
    if fmt.merge == "restart":
        _sub(tc_pr, "w:vMerge", val="restart")
    elif fmt.merge == "continue":
        _sub(tc_pr, "w:vMerge")
    if fmt.fill:
        _sub(tc_pr, "w:shd", val="clear", color="auto", fill=fmt.fill)
    _sub(tc_pr, "w:vAlign", val=fmt.valign)
    p = _sub(cell, "w:p")
    ppr = _sub(p, "w:pPr")
    _sub(ppr, "w:pStyle", val=fmt.style_id)
    _sub(ppr, "w:jc", val={"justify": "both"}.get(fmt.align, fmt.align))
    return cell


def box_table(width: int, fill: str, border_color: str, padding: int) -> tuple[etree._Element, etree._Element, etree._Element]:
    """Return a shaded box ruled in ``border_color``: a table with a title cell above a body cell.

    The two rows read as one box (no rule between them); the title row cannot split and keeps
    with the body row, while the body row may run over pages.
    """
    tbl = new_table([width], border_color, border_eighths=8, cell_margin=padding)
    inside = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:insideH')}")
    inside.set(qn("w:val"), "nil")
    cells = []
    for title in (True, False):
        row = etree.SubElement(tbl, qn("w:tr"))
        if title:
            etree.SubElement(etree.SubElement(row, qn("w:trPr")), qn("w:cantSplit"))
        cell = _sub(row, "w:tc")
        tc_pr = _sub(cell, "w:tcPr")
        _sub(tc_pr, "w:tcW", w=str(width), type="dxa")
        _sub(tc_pr, "w:shd", val="clear", color="auto", fill=fill)
        margins = _sub(tc_pr, "w:tcMar")
        _sub(margins, "w:bottom" if title else "w:top", w="0", type="dxa")
        cells.append(cell)
    return tbl, cells[0], cells[1]


def insert_block(container: etree._Element, block: etree._Element) -> None:
    """Append a paragraph or table to a body or cell, before the body's final w:sectPr."""
    sect_pr = container.find(qn("w:sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(block)
    else:
        container.append(block)


def last_block(container: etree._Element) -> etree._Element | None:
    """Return the last paragraph or table of a body or cell, or None when it has none."""
    for child in reversed(container):
        if child.tag in (qn("w:p"), qn("w:tbl")):
            return child
    return None
