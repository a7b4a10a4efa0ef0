"""iter_text lists every printed string once, with the record and field an error would name."""

from __future__ import annotations

from nbreport.compose import nodes as dn
from nbreport.compose.walk import iter_text
from nbreport.schema.inline import Run

INFO = dn.DocumentInfo("题", "编者", "主题", (), "zh-CN", "页眉")


def test_pieces_name_the_heading_above_and_the_table_record():
    grid = dn.TableGrid((dn.GridColumn("类别", 0.5), dn.GridColumn("项目", 0.5)),
                        ((dn.GridCell("一等奖", 2, "一等奖（续）"), dn.GridCell("甲")),
                         (dn.GridCell("一等奖", 0, "一等奖（续）"), dn.GridCell("乙"))), "续表", "（续）")
    nodes: list[dn.Node] = [dn.Heading(1, "章", "p1", "chapter.title", number="第一章"),
                            dn.Paragraph((Run(text="正文"),)), dn.TableBlock("表1", grid, record="t.csv")]
    pieces = [(p.kind, p.record, p.field, p.text, p.always) for p in iter_text(dn.Document(INFO, nodes))]
    assert ("heading", "p1", "nodes[0].label", "第一章\u3000章", True) in pieces
    assert ("paragraph", "p1", "nodes[1].runs[0]", "正文", True) in pieces
    table = [p for p in pieces if p[0] == "table"]
    assert [p[3] for p in table if p[4]] == ["表1", "类别", "项目", "一等奖", "甲", "乙"]  # the covered cell once
    assert {p[3] for p in table if not p[4]} == {"续表", "一等奖（续）"}  # printed only where a page breaks
    assert all(p[1] == "t.csv" for p in table)


def test_the_running_title_is_printed_and_properties_are_not():
    printed = {p.field: p.always for p in iter_text(dn.Document(INFO, [])) if p.kind == "info"}
    assert printed == {"title": False, "author": False, "subject": False, "running_title": True}
