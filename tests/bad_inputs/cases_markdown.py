"""Bad inputs for one area of the code; the shape of a case is in cases_base."""

from __future__ import annotations

from bad_inputs.cases_base import CHAPTER, Case, chapter

DISTRICTS = "---\ntitle: 区县\nkind: districts\n---\n\n## 海曙区\n\n"
CASE_BOX = "````case 案例\n"  # body lines start at ch.md:8


def _md(id: str, code: str, place: str, body: str) -> Case:
    return Case(id, [(code, place)], report=CHAPTER, files=chapter(body))


def _file(id: str, code: str, place: str, text: str) -> Case:
    return Case(id, [(code, place)], report=CHAPTER, files={"ch.md": text})


CASES: list[Case] = [
    # setext headings: a paragraph over --- or === would become a heading
    _md("md-setext-dashes", "E-MD-STRUCTURE", "ch.md:7", "一段文字\n---\n"),
    _md("md-setext-equals", "E-MD-STRUCTURE", "ch.md:7", "一段文字\n===\n"),
    _md("md-setext-in-case", "E-MD-STRUCTURE", "ch.md:10", CASE_BOX + "故事。\n\n小标题\n---\n````\n"),
    _file("md-setext-not-a-section", "E-MD-STRUCTURE", "ch.md:5", "---\ntitle: 章\n---\n\n节名\n---\n\n正文。\n"),
    # GFM pipe tables are not printed as one run-on paragraph
    _md("md-pipe-table", "E-MD-STRUCTURE", "ch.md:7", "| 指标 | 数值 |\n|---|---|\n| 企业 | 7000 |\n"),
    _md("md-pipe-table-in-case", "E-MD-STRUCTURE", "ch.md:8", CASE_BOX + "| a | b |\n| - | - |\n| 1 | 2 |\n````\n"),
    _md("md-pipe-table-after-text", "E-MD-STRUCTURE", "ch.md:9", "正文。\n\n| a |\n|:-:|\n| 1 |\n"),
    # link-reference definitions and footnotes: lines the parser swallows
    _md("md-link-reference", "E-MD-STRUCTURE", "ch.md:9", "正文。\n\n[a]: http://x\n"),
    _md("md-footnote-definition", "E-MD-STRUCTURE", "ch.md:9", "正文[^1]。\n\n[^1]: 注释内容\n"),
    _md("md-link-reference-in-case", "E-MD-STRUCTURE", "ch.md:10", CASE_BOX + "故事。\n\n[b]: /x\n````\n"),
    # nesting: markdown-it stops reading past its depth limit, so past it is a finding
    _md("md-list-30-deep", "E-MD-STRUCTURE", "ch.md:8",
        "".join("  " * i + f"- 第{i}项\n" for i in range(30)) + "\n后面的段落。\n"),
    _md("md-blockquote-3000-deep", "E-MD-STRUCTURE", "ch.md:7", ">" * 3000 + " 很深\n\n后面。\n"),
    _md("md-list-quote-mix-deep", "E-MD-STRUCTURE", "ch.md:7", "".join("  " * i + "- > " for i in range(40)) + "深\n"),
    # list items hold one paragraph; anything else in them is reported
    _md("md-nested-list", "E-MD-STRUCTURE", "ch.md:8", "- 一\n  - 二\n"),
    _md("md-fence-in-list-item", "E-MD-STRUCTURE", "ch.md:9", "- 项\n\n  ```table\n  file: t.csv\n  ```\n"),
    _md("md-two-paragraphs-in-item", "E-MD-STRUCTURE", "ch.md:9", "- 第一段\n\n  第二段\n"),
    _file("md-nested-list-in-district", "E-MD-STRUCTURE", "ch.md:9", DISTRICTS + "- **引语。**正文\n  - 子项\n"),
    # HTML blocks, thematic breaks, other heading levels
    _md("md-html-block", "E-MD-STRUCTURE", "ch.md:7", "<div>\n内容\n</div>\n"),
    _md("md-html-comment", "E-MD-STRUCTURE", "ch.md:7", "<!-- 备注 -->\n"),
    _md("md-html-block-in-case", "E-MD-STRUCTURE", "ch.md:8", CASE_BOX + "<table><tr><td>x</td></tr></table>\n````\n"),
    _md("md-thematic-stars", "E-MD-STRUCTURE", "ch.md:9", "正文。\n\n***\n"),
    _md("md-thematic-underscores", "E-MD-STRUCTURE", "ch.md:9", "正文。\n\n___\n"),
    _md("md-thematic-spaced", "E-MD-STRUCTURE", "ch.md:9", "正文。\n\n- - -\n"),
    _md("md-h6-heading", "E-MD-STRUCTURE", "ch.md:7", "###### 六级\n"),
    _md("md-h2-in-case", "E-MD-STRUCTURE", "ch.md:8", CASE_BOX + "## 不是节\n\n故事。\n````\n"),
    _file("md-paragraph-after-district-items", "E-MD-STRUCTURE", "ch.md:10", DISTRICTS + "- **引语。**条目。\n\n简介写在了后面。\n"),
    _file("md-subheading-in-district", "E-MD-STRUCTURE", "ch.md:10", DISTRICTS + "简介。\n\n### 小标题\n"),
    _file("md-blockquote-in-district", "E-MD-STRUCTURE", "ch.md:8", DISTRICTS + "> 引用\n"),
    # empty headings and titles are reported by the loader, so the Report is still built
    _file("md-empty-section-heading", "E-MD-STRUCTURE", "ch.md:5", "---\ntitle: 章\n---\n\n##\n\n正文。\n"),
    _file("md-empty-district-name", "E-MD-STRUCTURE", "ch.md:6", "---\ntitle: 区县\nkind: districts\n---\n\n## \u3000\n\n简介。\n"),
    _file("md-title-not-text", "E-MD-FRONTMATTER", "ch.md:2", "---\ntitle: [章, 节]\n---\n\n正文。\n"),
    _file("md-title-blank", "E-MD-FRONTMATTER", "ch.md:2", "---\ntitle: '  '\n---\n\n正文。\n"),
    # inline constructs that cannot be typeset
    _md("md-image", "E-MD-INLINE", "ch.md:7", "正文![照片](photo.png)。\n"),
    _md("md-image-second-line", "E-MD-INLINE", "ch.md:8", "第一行\n![照片](photo.png)\n"),
    _md("md-strikethrough", "E-MD-INLINE", "ch.md:7", "数量~~100~~200家。\n"),
    _md("md-image-in-heading", "E-MD-INLINE", "ch.md:7", "### 标题![i](x.png)\n\n正文。\n"),
    # inline marks that do not print: the text stays, a warning says so
    _md("md-link-url-dropped", "W-MD-INLINE", "ch.md:7", "见[宁波市科技局](http://kjj.ningbo.gov.cn)网站。\n"),
    Case("md-reference-link", [("W-MD-INLINE", "ch.md:7"), ("E-MD-STRUCTURE", "ch.md:9")], report=CHAPTER,
         files=chapter("见[科技局][k]。\n\n[k]: http://x\n")),
    _md("md-emphasis-star", "W-MD-INLINE", "ch.md:8", "第一行\n这是*强调*文字。\n"),
    _md("md-emphasis-underscore", "W-MD-INLINE", "ch.md:7", "这是 _强调_ 文字。\n"),
    _md("md-code-span", "W-MD-INLINE", "ch.md:7", "代码 `x = 1` 文字。\n"),
    _md("md-hard-break-spaces", "W-MD-INLINE", "ch.md:7", "第一行  \n第二行。\n"),
    _md("md-hard-break-backslash", "W-MD-INLINE", "ch.md:7", "第一行\\\n第二行。\n"),
    _md("md-unmatched-bold", "W-MD-INLINE", "ch.md:8", "第一行\n**引语。正文没有结束。\n"),
    _md("md-inline-html", "W-MD-INLINE", "ch.md:7", "加<b>粗</b>文字。\n"),
    # front matter: unknown keys and kinds are findings at their line
    _file("md-kind-district-typo", "E-MD-FRONTMATTER", "ch.md:3", "---\ntitle: 区县\nkind: district\n---\n\n## 海曙区\n\n简介。\n"),
    _file("md-front-matter-unknown-key", "E-MD-FRONTMATTER", "ch.md:3", "---\ntitle: 章\nsubtitle: 副标题\n---\n\n正文。\n"),
    _file("md-front-matter-title-typo", "E-MD-FRONTMATTER", "ch.md:2", "---\ntitel: 章\n---\n\n正文。\n"),
    Case("md-overview-with-kind", [("E-MD-FRONTMATTER", "ov.md:3")], report="overview: ov.md\n",
         files={"ov.md": "---\ntitle: 综述\nkind: districts\n---\n\n正文。\n"}),
    # fences: unclosed, a case inside a case, an empty case
    _md("md-unclosed-case", "E-MD-FENCE", "ch.md:7", "````case 案例\n故事。\n\n## 下一节\n\n正文。\n"),
    _md("md-unclosed-figure", "E-MD-FENCE", "ch.md:7", "```figure\ncaption: 图\n"),
    _md("md-case-closed-by-shorter-fence", "E-MD-FENCE", "ch.md:7", "````case 案例\n故事。\n```\n\n正文。\n"),
    _md("md-case-in-case", "E-MD-FENCE", "ch.md:8", "`````case 外\n````case 内\n故事。\n````\n`````\n"),
    _md("md-case-empty", "E-MD-FENCE", "ch.md:7", "````case 案例\n\n````\n"),
    _md("md-case-in-case-tildes", "E-MD-FENCE", "ch.md:8", "~~~~case 外\n```case 内\n故事。\n```\n~~~~\n"),
    _md("md-thematic-in-case", "E-MD-STRUCTURE", "ch.md:8", "````case 案例\n***\n````\n"),
    # editor checks: numbers typed into titles compose numbers again
    _file("struct-chapter-numbered", "W-STRUCT-NUMBERED", "ch.md:2", "---\ntitle: 第一章 培育战略科技力量\n---\n\n## 节\n\n正文。\n"),
    _file("struct-chapter-arabic-number", "W-STRUCT-NUMBERED", "ch.md:2", "---\ntitle: 第1章 企业\n---\n\n## 节\n\n正文。\n"),
    _file("struct-section-numbered", "W-STRUCT-NUMBERED", "ch.md:5", "---\ntitle: 章\n---\n\n## 第一节 人才\n\n正文。\n"),
    _file("struct-section-list-number", "W-STRUCT-NUMBERED", "ch.md:5", "---\ntitle: 章\n---\n\n## 一、人才\n\n正文。\n"),
    # editor checks: empty sections, chapters and districts
    _file("struct-empty-section", "W-STRUCT-EMPTY", "ch.md:5", "---\ntitle: 章\n---\n\n## 空节\n\n## 节\n\n正文。\n"),
    _file("struct-empty-last-section", "W-STRUCT-EMPTY", "ch.md:9", "---\ntitle: 章\n---\n\n## 节\n\n正文。\n\n## 空节\n"),
    _file("struct-empty-chapter", "W-STRUCT-EMPTY", "ch.md:1", "---\ntitle: 空章\n---\n"),
    _file("struct-empty-district", "W-STRUCT-EMPTY", "ch.md:6", DISTRICTS + "## 江北区\n\n简介。\n"),
    # editor checks: a bold lead-in must end with 。
    _md("struct-lead-without-stop", "W-STRUCT-LEAD", "ch.md:7", "**加大基础研究投入**正文。\n"),
    _md("struct-lead-with-comma", "W-STRUCT-LEAD", "ch.md:7", "**加大基础研究投入，**正文。\n"),
    _md("struct-lead-after-sentence", "W-STRUCT-LEAD", "ch.md:7", "**甲。**正文。**乙**正文。\n"),
    _file("struct-lead-in-district-item", "W-STRUCT-LEAD", "ch.md:9", DISTRICTS + "- **引语。**正文。\n- **引语：**正文。\n"),
]

CASES += [
    # a definition repeating a label is not even kept by the parser: line coverage finds it
    _md("md-link-reference-repeated", "E-MD-STRUCTURE", "ch.md:11", "正文。\n\n[a]: http://x\n\n[a]: http://y\n"),
    _md("md-link-reference-before-text", "E-MD-STRUCTURE", "ch.md:7", "[a]: http://x\n正文。\n"),
    _md("md-link-reference-in-list", "E-MD-STRUCTURE", "ch.md:9", "- 项\n\n  [a]: http://x\n"),
]

CASES += [
    # figure texts YAML reads as numbers, booleans or lists are reported at their key
    _md("md-figure-caption-number", "E-MD-FENCE", "ch.md:8", "```figure\ncaption: 2023\n```\n"),
    _md("md-figure-source-boolean", "E-MD-FENCE", "ch.md:9", "```figure\ncaption: 图\nsource: true\n```\n"),
    _md("md-figure-image-list", "E-MD-FENCE", "ch.md:9", "```figure\ncaption: 图\nimage: [a.png]\n```\n"),
]
