"""Compose decides numbering, order, month grouping and table grids once for every renderer."""

from builders import paragraph, small_report
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.compose.grid import build_grid
from nbreport.compose.numerals import chinese_number
from nbreport.schema import Table, Theme


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 6, 10, 11, 20, 21, 99)] == ["一", "六", "十", "十一", "二十", "二十一", "九十九"]


def test_chapters_and_sections_are_numbered_in_order():
    chapter = {"kind": "chapter", "title": "章", "sections": [{"title": "甲"}, {"title": "乙"}]}
    document = compose(small_report(chapters=[chapter, {**chapter, "title": "章二"}]))
    labels = [h.label for h in document.headings()]
    assert labels == ["第一章\u3000章", "第一节\u3000甲", "第二节\u3000乙", "第二章\u3000章二", "第一节\u3000甲", "第二节\u3000乙"]


def test_toc_lists_levels_one_and_two_in_document_order():
    report = small_report(
        overview={"sections": [{"title": "综述一", "blocks": [{"kind": "subheading", "text": "小标题"}]}]},
        conclusion={"blocks": [paragraph("结语。")]},
        appendices=[{"title": "名单", "table": {"columns": [{"name": "姓名"}], "rows": [["张三"]]}}],
    )
    toc = next(node for node in compose(report).nodes if isinstance(node, dn.Toc))
    assert [(e.level, e.label) for e in toc.entries] == [(1, "科技进步综述"), (2, "综述一"), (1, "结语"), (1, "附录1\u3000名单")]


def test_chronology_months_come_from_dates_not_from_typing_order():
    events = [{"date": d, "text": t} for d, t in [("4月13日", "甲"), ("3月9日", "乙"), ("4月下旬", "丙"), ("4月", "丁")]]
    chronology = next(n for n in compose(small_report(chronology={"events": events})).nodes if isinstance(n, dn.Chronology))
    assert [(m.heading.text, [e.text for e in m.events]) for m in chronology.months] == [("3月", ["乙"]), ("4月", ["甲", "丙", "丁"])]


def award(rows):
    columns = [{"name": "奖励类别", "merge": True}, {"name": "项目名称"}]
    return Table(table_kind="award", columns=columns, rows=rows)


def test_merged_runs_are_resolved_with_continuation_labels():
    grid = build_grid(award([["一等奖", "a"], ["一等奖", "b"], ["二等奖", "c"], ["一等奖", "d"]]), Theme())
    assert [row[0].span for row in grid.rows] == [2, 0, 1, 1]
    assert grid.rows[0][0].merge_label == "一等奖（续）" and grid.rows[0][1].merge_label is None


def test_two_up_layout_folds_rows_into_column_pairs():
    rows = [[i, f"企业{i}"] for i in range(1, 6)]
    table = Table(columns=[{"name": "序号", "type": "int"}, {"name": "名称"}], rows=rows, layout="two-up")
    grid = build_grid(table, Theme())
    assert [c.name for c in grid.columns] == ["序号", "名称", "序号", "名称"]
    assert [[cell.text for cell in row] for row in grid.rows] == [["1", "企业1", "4", "企业4"], ["2", "企业2", "5", "企业5"], ["3", "企业3", "", ""]]


def test_column_widths_favour_long_text_and_keep_serial_numbers_narrow():
    table = Table(columns=[{"name": "序号", "type": "int"}, {"name": "机构名称"}, {"name": "认定时间"}],
                  rows=[[1, "浙江东江绿色石化技术创新中心有限公司(省技术创新中心)", "2023年"]])
    widths = [c.width for c in build_grid(table, Theme()).columns]
    assert widths[0] < widths[2] < widths[1] and abs(sum(widths) - 1) < 1e-9


def test_wide_appendix_goes_landscape_and_is_preceded_by_a_landscape_break():
    long_people = ["张三丰"] * 13
    rows = [["省科技进步一等奖", "某某关键技术研究及产业化应用项目名称很长", ["某某大学", "某某有限公司"] * 3, long_people]]
    table = {"table_kind": "award", "columns": [{"name": n} for n in ("奖励类别", "项目名称", "主要完成单位", "主要完成人员")], "rows": rows}
    table["columns"][2]["type"] = table["columns"][3]["type"] = "list"
    nodes = compose(small_report(appendices=[{"title": "获奖", "table": table}])).nodes
    heading_at = next(i for i, n in enumerate(nodes) if isinstance(n, dn.Heading))
    assert nodes[heading_at - 1] == dn.PageBreak(orientation="landscape", run="appendix", header=nodes[heading_at].label)
    assert nodes[heading_at + 1].grid.landscape


def test_every_part_starts_a_page_run_whose_header_is_its_title():
    chapter = {"kind": "chapter", "title": "培育战略科技力量", "sections": [{"title": "甬江科创区", "blocks": [paragraph("正文。")]}]}
    nodes = compose(small_report(chapters=[chapter, chapter])).nodes
    breaks = [(n, nodes[i + 1]) for i, n in enumerate(nodes[:-1]) if isinstance(n, dn.PageBreak)]
    front, *parts = breaks
    assert (front[0].run, front[0].header) == ("front", "")
    assert isinstance(front[1], dn.Toc)
    assert parts
    for page_break, heading in parts:
        assert isinstance(heading, dn.Heading) and heading.level == 1
        assert page_break.header == heading.label


def _figures(nodes):
    for node in nodes:
        if isinstance(node, dn.Figure):
            yield node
        elif isinstance(node, dn.CaseBox):
            yield from _figures(node.children)


def _photo_report(*figures, boxed=()):
    from nbreport.schema import Report

    blocks = [*figures] + ([{"kind": "case", "title": "案例", "blocks": list(boxed)}] if boxed else [])
    return Report.model_validate({"meta": {"year": 2023, "region": "宁波市", "title": "报告"}, "conclusion": {"blocks": blocks}})


def test_a_figure_without_picture_gets_a_frame_of_the_theme_size_or_its_own():
    report = _photo_report({"kind": "figure", "caption": "甲"}, {"kind": "figure", "caption": "乙", "width_mm": 100},
                           {"kind": "figure", "caption": "丙", "height_mm": 45})
    theme = Theme(photo_width=0.5, photo_ratio=0.75)  # text width 210 − 26 − 24 = 160 mm
    frames = [figure.frame for figure in _figures(compose(report, theme).nodes)]
    assert [(f.width_mm, f.height_mm) for f in frames] == [(80, 60), (100, 75), (60, 45)]


def test_a_frame_is_scaled_down_to_the_page_and_inside_a_case_box():
    report = _photo_report({"kind": "figure", "caption": "甲", "width_mm": 160, "height_mm": 300},
                           boxed=[{"kind": "figure", "caption": "乙", "width_mm": 160}])
    outer, boxed = (figure.frame for figure in _figures(compose(report, Theme()).nodes))
    assert outer.height_mm <= (297 - 28 - 25) * 0.6 and abs(outer.width_mm / outer.height_mm - 160 / 300) < 0.01
    assert boxed.width_mm < 160 and abs(boxed.height_mm / boxed.width_mm - 0.75) < 0.01


def test_a_figure_with_a_chart_has_no_frame():
    report = _photo_report({"kind": "figure", "caption": "图", "chart": {"categories": ["a"], "series": {"x": [1]}}})
    (figure,) = _figures(compose(report, Theme()).nodes)
    assert figure.chart is not None and figure.frame is None
