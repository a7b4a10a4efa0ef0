"""Bad inputs for one area of the code; the shape of a case is in cases_base."""

from __future__ import annotations

import struct
import zlib

from bad_inputs.cases_base import AWARD_HEAD, AWARDS, CH, CHAPTER, CHRONO, PEOPLE, PEOPLE_HEAD, Case, table_chapter

HEAD = "日期,事件\n"


def chrono(rows: str, header: str = HEAD) -> dict[str, str | bytes]:
    return {"c.csv": header + rows}


def districts(first: str, second: str) -> dict[str, str | bytes]:
    return {"ch.md": f"---\ntitle: 区县\nkind: districts\n---\n\n## {first}\n\n简介。\n\n## {second}\n\n简介。\n"}


def titled(first: str, second: str) -> dict[str, str | bytes]:
    return {"a.md": f"---\ntitle: {first}\n---\n\n正文。\n", "b.md": f"---\ntitle: {second}\n---\n\n正文。\n"}


def awards(rows: str) -> dict[str, str | bytes]:
    return {"a.csv": AWARD_HEAD + rows}


def wide(columns: int, cell: str = "甲") -> str:
    return ",".join(f"列{i}" for i in range(columns)) + "\n" + ",".join(cell for _ in range(columns)) + "\n"


def titled_report(title: str, title_en: str = "") -> dict[str, str | bytes]:
    english = f"  title_en: {title_en}\n" if title_en else ""
    return {"report.yaml": f"meta:\n  year: 2023\n  region: 宁波市\n  title: {title}\n{english}"}


APPENDIX = "appendices:\n  - title: 附\n    table:\n      file: w.csv\n"
LONG = "科技创新推动发展，" * 2300


def charted(chart: str) -> dict[str, str | bytes]:
    return {"ch.md": CH + f"```figure\ncaption: 图\nchart: {chart}\n```\n"}


def png(width: int, height: int, bit_depth: int = 8, colour: int = 2) -> bytes:
    """Return a complete PNG of zero pixels; 1-bit grey keeps a 15000 × 15000 bomb near 27 KB."""
    channels = {0: 1, 2: 3}[colour]
    row = b"\x00" * (1 + (width * channels * bit_depth + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def jpeg_header(width: int, height: int) -> bytes:
    """Return a JPEG that declares ``width`` × ``height`` in its SOF0 and ends at EOI, with no pixels."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def pictured(name: str, content: bytes) -> dict[str, str | bytes]:
    return {"ch.md": CH + f"```figure\ncaption: 图\nimage: {name}\n```\n", name: content}


def numbered(rows: str) -> dict[str, str | bytes]:
    return table_chapter("file: t.csv", "t.csv", "序号,名称\n" + rows)


CASES: list[Case] = [
    # 大事记: days that do not exist in the report's year
    Case("chrono-feb-29-not-leap", [("E-CHRONO-DATE", "c.csv:3:1")], report=CHRONO, files=chrono("1月5日,甲\n2月29日,乙\n")),
    Case("chrono-feb-29-range-not-leap", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("2月27—29日,甲\n")),
    Case("chrono-feb-29-explicit-year", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("2023年2月29日,甲\n")),
    # 大事记: months and digits that are not dates, answered in Chinese
    Case("chrono-month-13", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("13月,甲\n")),
    Case("chrono-month-0", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("0月5日,甲\n")),
    Case("chrono-day-0", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("5月0日,甲\n")),
    Case("chrono-superscript-digit", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("²月,甲\n")),
    Case("chrono-circled-digit", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("①月3日,甲\n")),
    Case("chrono-arabic-indic-digit", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("٥月3日,甲\n")),
    Case("chrono-5000-digit-day", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("5月" + "9" * 5000 + "日,甲\n")),
    Case("chrono-5000-digit-month", [("E-CHRONO-DATE", "c.csv:2:1")], report=CHRONO, files=chrono("9" * 5000 + "月,甲\n")),
    Case("chrono-5000-digit-filed-month", [("E-CHRONO-DATE", "c.csv:2:3")], report=CHRONO,
         files=chrono("5月3日,甲," + "9" * 5000 + "\n", "日期,事件,月份\n")),
    Case("chrono-superscript-filed-month", [("E-CHRONO-DATE", "c.csv:2:3")], report=CHRONO, files=chrono("5月3日,甲,²\n", "日期,事件,月份\n")),
    Case("chrono-filed-month-13", [("E-CHRONO-DATE", "c.csv:2:3")], report=CHRONO, files=chrono("5月3日,甲,13月\n", "日期,事件,月份\n")),
    # 大事记: years outside the report period (the next January is inside)
    Case("chrono-next-february", [("E-CHRONO-YEAR", "c.csv:3:1")], report=CHRONO, files=chrono("12月3日,甲\n2024年2月3日,乙\n")),
    Case("chrono-previous-december", [("E-CHRONO-YEAR", "c.csv:2:1")], report=CHRONO, files=chrono("2022年12月3日,甲\n")),
    Case("chrono-two-years-on", [("E-CHRONO-YEAR", "c.csv:2:1")], report=CHRONO, files=chrono("2025年1月3日,甲\n")),
    # 大事记: the same event typed twice (error, both places)
    Case("chrono-identical-rows", [("E-CHRONO-DUPLICATE", "c.csv:3:2")], report=CHRONO, files=chrono("5月3日,甲会召开。\n5月3日,甲会召开。\n")),
    Case("chrono-identical-apart", [("E-CHRONO-DUPLICATE", "c.csv:4:2")], report=CHRONO,
         files=chrono("5月3日,甲会召开。\n5月3日,乙会召开。\n5月3日,甲会召开。\n")),
    Case("chrono-identical-but-width", [("E-CHRONO-DUPLICATE", "c.csv:3:2")], report=CHRONO,
         files=chrono("5月3日,ＡＩ大会召开。\n5月3日,AI大会召开\n")),
    # 大事记: one event's text starts another's on the same date (warning, both places)
    Case("chrono-prefix-text", [("W-CHRONO-NEAR-DUPLICATE", "c.csv:3:2")], report=CHRONO,
         files=chrono("5月3日,甲会召开。\n5月3日,甲会召开，部署全年工作。\n")),
    Case("chrono-prefix-reversed", [("W-CHRONO-NEAR-DUPLICATE", "c.csv:3:2")], report=CHRONO,
         files=chrono("5月3日,甲会召开，部署全年工作。\n5月3日,甲会召开\n")),
    Case("chrono-prefix-range", [("W-CHRONO-NEAR-DUPLICATE", "c.csv:4:2")], report=CHRONO,
         files=chrono("5月22—24日,培训班举办\n5月22—24日,论坛举办\n5月22—24日,培训班举办，100人参加\n")),
    # Names that print alike are the same name (NFKC: compatibility ideographs, NFD, invisible characters)
    Case("district-compat-ideograph", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER, files=districts("\u8c48山区", "\uf900山区")),
    Case("district-zero-width", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER, files=districts("海曙区", "海\u200b曙区")),
    Case("district-full-width-letters", [("E-DUPLICATE-ID", "ch.md:10")], report=CHAPTER, files=districts("AB新区", "ＡＢ新区")),
    Case("chapter-title-compat-ideograph", [("E-DUPLICATE-ID", "b.md:1")], report="chapters: [a.md, b.md]\n",
         files=titled("\u8c48章", "\uf900章")),
    Case("award-row-nfd-name", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS,
         files=awards("省科技进步一等奖,甲,单位,Ren\u00e9\n省科技进步一等奖,甲,单位,Rene\u0301\n")),
    Case("award-row-compat-ideograph", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS,
         files=awards("省科技进步一等奖,\u8c48项目,单位,张三\n省科技进步一等奖,\uf900项目,单位,张三\n")),
    Case("award-row-nbsp-in-name", [("E-AWARD-DUPLICATE", "a.csv:3:2")], report=AWARDS,
         files=awards("省科技进步一等奖,甲,单位,张三\n省科技进步一等奖,甲,单位,张\u00a0三\n")),
    # Person names carrying invisible characters or unusual spaces
    Case("name-zero-width-space", [("W-NAME-INVISIBLE", "a.csv:2:4")], report=AWARDS, files=awards("省科技进步一等奖,甲,单位,张\u200b刚、李四\n")),
    Case("name-word-joiner", [("W-NAME-INVISIBLE", "a.csv:2:4")], report=AWARDS, files=awards("省科技进步一等奖,甲,单位,张刚\u2060、李四\n")),
    Case("name-bom-inside", [("W-NAME-INVISIBLE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\ufeff波,单位,北仑区人民政府\n"}),
    Case("name-nbsp", [("W-NAME-INVISIBLE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\u00a0波,单位,北仑区人民政府\n"}),
    Case("name-thin-space", [("W-NAME-INVISIBLE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\u2009波,单位,北仑区人民政府\n"}),
    Case("name-hair-space", [("W-NAME-INVISIBLE", "a.csv:2:4")], report=AWARDS, files=awards("省科技进步一等奖,甲,单位,李四、王\u200a五\n")),
    Case("name-ideographic-space", [("W-NAME-SPACE", "p.csv:2:1")], report=PEOPLE, files={"p.csv": PEOPLE_HEAD + "蒲\u3000波,单位,北仑区人民政府\n"}),
    # Tables the page cannot hold: too many columns, a row taller than a page
    Case("table-60-columns", [("E-TABLE-TOO-WIDE", "ch.md:7")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", wide(60))),
    Case("table-30-columns", [("E-TABLE-TOO-WIDE", "ch.md:7")], report=CHAPTER, files=table_chapter("file: t.csv", "t.csv", wide(30))),
    Case("table-appendix-200-columns", [("E-TABLE-TOO-WIDE", "w.csv:1")], report=APPENDIX, files={"w.csv": wide(200)}),
    Case("table-appendix-two-up-40-columns", [("E-TABLE-TOO-WIDE", "w.csv:1")],
         report=APPENDIX + "      layout: two-up\n", files={"w.csv": wide(40)}),
    Case("table-cell-a-page-long", [("E-TABLE-ROW-TALL", "t.csv:2:3")], report=CHAPTER,
         files=table_chapter("file: t.csv", "t.csv", "序号,名称,说明\n1,甲," + "很长的说明" * 600 + "\n")),
    Case("table-cell-long-in-narrow-column", [("E-TABLE-ROW-TALL", "t.csv:3:1")], report=CHAPTER,
         files=table_chapter("file: t.csv", "t.csv", "名称,说明,备注,单位\n甲,乙,丙,丁\n" + "长" * 1500 + ",乙,丙,丁\n")),
    Case("table-appendix-cell-long", [("E-TABLE-ROW-TALL", "w.csv:2:2")], report=APPENDIX, files={"w.csv": "名称,说明\n甲," + "长" * 9000 + "\n"}),
    # Titles too long for a cover line and a file name
    Case("title-120-characters", [("E-TITLE-LONG", "report.yaml:4")], files=titled_report("宁波市科技进步报告" * 14)),
    Case("title-61-characters", [("E-TITLE-LONG", "report.yaml:4")], files=titled_report("长" * 61)),
    Case("title-en-long", [("E-TITLE-LONG", "report.yaml:5")], files=titled_report("宁波市科技进步报告", "Report " * 40)),
    # Headings and captions taller than a page with their text
    Case("heading-section-1000", [("E-HEADING-LONG", "ch.md:5")], report=CHAPTER, files={"ch.md": "---\ntitle: 章\n---\n\n## " + "长" * 1000 + "\n\n正文。\n"}),
    Case("heading-subheading-3000", [("E-HEADING-LONG", "ch.md:7")], report=CHAPTER, files={"ch.md": CH + "### " + "长" * 3000 + "\n\n正文。\n"}),
    Case("heading-chapter-title", [("E-HEADING-LONG", "ch.md:2")], report=CHAPTER, files={"ch.md": "---\ntitle: " + "长" * 500 + "\n---\n\n正文。\n"}),
    Case("heading-district-name", [("E-HEADING-LONG", "ch.md:6")], report=CHAPTER, files=districts("长" * 300, "海曙区")),
    Case("heading-figure-caption", [("E-HEADING-LONG", "ch.md:7")], report=CHAPTER, files={"ch.md": CH + "```figure\ncaption: " + "图" * 300 + "\n```\n"}),
    # Text too long to lay out (one paragraph, one run split in many, one cell)
    Case("paragraph-20001-characters", [("E-TEXT-TOO-LONG", "ch.md:7")], report=CHAPTER, files={"ch.md": CH + LONG + "\n"}),
    Case("paragraph-long-in-bold-runs", [("E-TEXT-TOO-LONG", "ch.md:7")], report=CHAPTER,
         files={"ch.md": CH + "**加粗**正文" * 6000 + "\n"}),
    Case("bullet-20001-characters", [("E-TEXT-TOO-LONG", "ch.md:7")], report=CHAPTER, files={"ch.md": CH + "- " + LONG + "\n"}),
    Case("chronology-event-20001-characters", [("E-TEXT-TOO-LONG", "c.csv:2:2")], report=CHRONO, files=chrono("5月3日," + LONG + "\n")),
    # Chart data the renderers cannot draw
    Case("chart-empty-series", [("E-CHART-DATA", "ch.md:7")], report=CHAPTER, files=charted("{categories: [a], series: {x: []}}")),
    Case("chart-nan", [("E-MD-FENCE", "ch.md:9")], report=CHAPTER, files=charted("{categories: [a, b], series: {x: [1, .nan]}}")),
    Case("chart-inf", [("E-MD-FENCE", "ch.md:9")], report=CHAPTER, files=charted("{categories: [a], series: {x: [.inf]}}")),
    Case("chart-negative-inf", [("E-MD-FENCE", "ch.md:9")], report=CHAPTER, files=charted("{categories: [a], series: {x: [-.inf]}}")),
    Case("chart-unequal-lengths", [("E-CHART-DATA", "ch.md:7")], report=CHAPTER,
         files=charted("{type: bar+line, categories: [a, b], series: {x: [1, 2], y: [1]}}")),
    Case("chart-longer-series", [("E-CHART-DATA", "ch.md:7")], report=CHAPTER, files=charted("{categories: [a], series: {x: [1, 2, 3]}}")),
    Case("chart-huge-number", [("E-MD-FENCE", "ch.md:9")], report=CHAPTER, files=charted("{categories: [a], series: {x: [1e309]}}")),
    Case("chart-units-of-unknown-series", [("E-CHART-DATA", "ch.md:7")], report=CHAPTER,
         files=charted("{categories: [a], series: {x: [1]}, units: {y: '%'}}")),
    # A figure still waiting for its photo: a warning at its block; a frame size it cannot have is an error
    Case("figure-without-image", [("W-FIGURE-NO-IMAGE", "ch.md:7")], report=CHAPTER,
         files={"ch.md": CH + "```figure\ncaption: 会议现场\n```\n"}),
    Case("figure-frame-size-beside-an-image", [("E-FIGURE-SIZE", "ch.md:7")], report=CHAPTER,
         files={**pictured("p.png", png(40, 30)), "ch.md": CH + "```figure\ncaption: 图\nimage: p.png\nwidth_mm: 60\n```\n"}),
    Case("figure-frame-wider-than-the-page", [("E-FIGURE-SIZE", "ch.md:7")], report=CHAPTER,
         files={"ch.md": CH + "```figure\ncaption: 图\nwidth_mm: 300\n```\n"}),
    Case("figure-frame-size-not-positive", [("E-SCHEMA-VALUE", "ch.md:7")], report=CHAPTER,
         files={"ch.md": CH + "```figure\ncaption: 图\nheight_mm: 0\n```\n"}),
    # Images that cannot be read: not an image, cut short, content and extension disagree
    Case("image-text-file", [("E-IMAGE-READ", "ch.md:7")], report=CHAPTER, files=pictured("p.png", "不是图片\n")),
    Case("image-empty-file", [("E-IMAGE-READ", "ch.md:7")], report=CHAPTER, files=pictured("p.png", b"")),
    Case("image-truncated-png", [("E-IMAGE-READ", "ch.md:7")], report=CHAPTER, files=pictured("p.png", png(40, 30)[:-20])),
    Case("image-truncated-jpeg", [("E-IMAGE-READ", "ch.md:7")], report=CHAPTER, files=pictured("p.jpg", jpeg_header(40, 30)[:-2])),
    Case("image-png-named-jpg", [("E-IMAGE-READ", "ch.md:7")], report=CHAPTER, files=pictured("p.jpg", png(40, 30))),
    Case("image-gif", [("E-IMAGE-READ", "ch.md:7")], report=CHAPTER, files=pictured("p.gif", b"GIF89a" + b"\x00" * 20)),
    # Images too large to decode: a decompression bomb is refused from its header
    Case("image-png-bomb", [("E-IMAGE-TOO-LARGE", "ch.md:7")], report=CHAPTER, files=pictured("p.png", png(15000, 15000, 1, 0))),
    Case("image-jpeg-declares-65535", [("E-IMAGE-TOO-LARGE", "ch.md:7")], report=CHAPTER, files=pictured("p.jpg", jpeg_header(65535, 65535))),
    Case("image-png-wide-strip", [("E-IMAGE-TOO-LARGE", "ch.md:7")], report=CHAPTER, files=pictured("p.png", png(2_000_000, 21, 1, 0))),
    # Bidi controls (text that displays differently from what it says) and right-to-left script
    Case("bidi-override-in-paragraph", [("E-TEXT-BIDI", "ch.md:7")], report=CHAPTER, files={"ch.md": CH + "正文\u202e甲乙\u202c。\n"}),
    Case("bidi-isolate-in-heading", [("E-TEXT-BIDI", "ch.md:5")], report=CHAPTER, files={"ch.md": "---\ntitle: 章\n---\n\n## 节\u2067名\u2069\n\n正文。\n"}),
    Case("bidi-mark-in-award-cell", [("E-TEXT-BIDI", "a.csv:2:2")], report=AWARDS, files=awards("省科技进步一等奖,项目\u200f甲,单位,张三\n")),
    Case("bidi-mark-in-chronology", [("E-TEXT-BIDI", "c.csv:2:2")], report=CHRONO, files=chrono("5月3日,会议\u200e召开\n")),
    Case("rtl-hebrew-paragraph", [("W-TEXT-RTL", "ch.md:7")], report=CHAPTER, files={"ch.md": CH + "与以色列合作伙伴（שלום）签约。\n"}),
    Case("rtl-arabic-in-cell", [("W-TEXT-RTL", "a.csv:2")], report=AWARDS, files=awards("省科技进步一等奖,甲,جامعة,张三\n")),
    Case("rtl-arabic-chronology", [("W-TEXT-RTL", "c.csv:2:2")], report=CHRONO, files=chrono("5月3日,迪拜（دبي）展会\n")),
    # 序号 that look like numbers but are not
    Case("seq-circled-number", [("E-CELL-TYPE", "t.csv:3:1")], report=CHAPTER, files=numbered("1,甲\n②,乙\n")),
    Case("seq-superscript", [("E-CELL-TYPE", "t.csv:2:1")], report=CHAPTER, files=numbered("¹,甲\n")),
    Case("seq-5000-digits", [("E-CELL-TYPE", "t.csv:2:1")], report=CHAPTER, files=numbered("9" * 5000 + ",甲\n")),
]


