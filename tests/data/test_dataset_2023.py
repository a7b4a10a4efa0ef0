"""The shipped datasets read back complete, consistent and clean (counts stated in NOTES.md)."""

import itertools
from collections import Counter
from pathlib import Path

import pytest

from conftest import DATA
from nbreport import load, validate
from nbreport.checks import AWARD_CATEGORIES
from nbreport.schema import CaseBox, DistrictChapter, Table


@pytest.fixture(scope="module")
def report():
    return load(DATA / "2023")


@pytest.mark.parametrize("folder", ["top-events/2020", "top-events/2022", "top-events/2024"])
def test_every_dataset_validates_clean(folder):
    result = validate(DATA / folder)
    assert result.findings == []


def _photo_captions(folder: Path) -> set[tuple[str, int]]:
    """Return (file, line) of every ```figure block in the dataset's Markdown that names no image and no chart."""
    found = set()
    for path in sorted(folder.rglob("*.md")):
        if path.parent.name == "notes" or path.name == "NOTES.md":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip() == "```figure":
                body = list(itertools.takewhile(lambda text: text.strip() != "```", lines[number:]))
                if not any(text.startswith(("image:", "chart:")) for text in body):
                    found.add((path.relative_to(folder).as_posix(), number))
    return found


def test_the_2023_report_warns_only_of_its_photos_still_to_come():
    result = validate(DATA / "2023")
    expected = _photo_captions(DATA / "2023")
    assert len(expected) == 27  # NOTES.md: the source prints captions, no image files
    assert {finding.code for finding in result.findings} == {"W-FIGURE-NO-IMAGE"}
    assert {(finding.where.file, finding.where.line) for finding in result.findings} == expected
    assert len(result.findings) == len(expected) and result.ok


def test_structure_of_the_2023_report(report):
    assert report.meta.title == "宁波市科技进步报告" and report.meta.editor == "宁波市科学技术局"
    assert len(report.overview.sections) == 6
    assert [len(c.sections) for c in report.chapters[:5]] == [4, 4, 4, 4, 3]
    assert isinstance(report.chapters[5], DistrictChapter)


def test_all_ten_districts_with_their_items(report):
    districts = report.chapters[5].districts
    assert [d.name for d in districts] == ["海曙区", "江北区", "镇海区", "北仑区", "鄞州区", "奉化区", "余姚市", "慈溪市", "宁海县", "象山县"]
    assert [len(d.items) for d in districts] == [6, 4, 5, 4, 7, 5, 3, 4, 5, 3]
    assert all(item.lead for d in districts for item in d.items)


def test_appendix_row_counts_and_categories(report):
    a1, a2, a3 = (appendix.table for appendix in report.appendices)
    assert (len(a1.rows), len(a2.rows), len(a3.rows)) == (27, 79, 9)
    assert Counter(row[0] for row in a2.rows) == {"宁波市科学技术进步一等奖": 8, "宁波市科学技术进步二等奖": 20, "宁波市科学技术进步三等奖": 51}
    for table in (a1, a2):
        assert {row[0] for row in table.rows} <= set(AWARD_CATEGORIES)
        keys = [tuple(table.text_of(i, c) for c in range(4)) for i in range(len(table.rows))]
        assert len(keys) == len(set(keys))


def test_young_scientists_list_ends_with_the_last_printed_winner(report):
    names = [row[0] for row in report.appendices[2].table.rows]
    assert names[-1] == "张雷" and len(set(names)) == 9


def test_no_spaced_chinese_names_remain(report):
    for appendix in report.appendices[:2]:
        for row in appendix.table.rows:
            assert all(" " not in name or not ("\u4e00" <= name[0] <= "\u9fff" and "\u4e00" <= name[-1] <= "\u9fff" and "(" not in name)
                       for name in row[3])


def test_chronology_has_every_event_in_date_order(report):
    events = report.chronology.events
    assert len(events) == 50
    keys = [event.date.sort_key(2023) for event in events]
    assert keys == sorted(keys)
    per_month = Counter(event.date.month for event in events)
    assert per_month == {1: 5, 2: 5, 3: 3, 4: 3, 5: 6, 6: 6, 7: 3, 8: 4, 9: 3, 10: 4, 11: 5, 12: 3}


def _tables(blocks):
    for block in blocks:
        if isinstance(block, Table):
            yield block
        elif isinstance(block, CaseBox):
            yield from _tables(block.blocks)


def test_body_tables_are_joined_and_complete(report):
    tables = {t.caption: t for c in report.chapters[:5] for s in c.sections for t in _tables(s.blocks)}
    sizes = {caption: len(t.rows) for caption, t in tables.items()}
    assert sizes["宁波市省级新型研发机构名单"] == 23
    assert sizes["2023年度宁波市企业研发投入50强榜单"] == 50
    assert tables["2023年度宁波市企业研发投入50强榜单"].layout == "two-up"
    assert sizes["2023年度浙江省科技小巨人企业认定名单（宁波）"] == 22
    policies = tables["2023年宁波市科技政策制（修）订情况"]
    assert len(policies.rows) == 23 and all(row[2] for row in policies.rows)


@pytest.mark.parametrize(("year", "count", "status"), [(2020, 30, "candidates"), (2022, 10, "announced"), (2024, 10, "announced")])
def test_top_events_years(year, count, status):
    events = load(DATA / "top-events" / str(year)).top_events
    assert len(events.events) == count and events.status == status
    assert [e.rank for e in events.events] == list(range(1, count + 1))
