"""Long titles break at their natural points, never inside a word, never leaving a stray last line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from nbreport import load
from nbreport.compose import compose
from nbreport.compose import nodes as dn
from nbreport.compose.title_layout import heading_lines, text_width_pt
from nbreport.compose.titles import MIN_LINE, break_title, em_width
from nbreport.schema import Theme

CHAPTER_MEASURE = text_width_pt(Theme()) / Theme().style("chapter.title").size  # 二号 on A4: 20.6 em


def test_a_title_that_fits_is_not_broken():
    assert break_title("第一节　甬江科创区建设深入推进", CHAPTER_MEASURE, 3) == ()


def test_a_chapter_title_breaks_at_the_space_between_its_two_parts():
    assert break_title("第三章　提升企业创新能力 塑造高质量发展动能", CHAPTER_MEASURE, 3) == (
        "第三章　提升企业创新能力", "塑造高质量发展动能")


def test_an_appendix_title_breaks_after_its_year_not_inside_a_word():
    assert break_title("附录3　2022年度宁波市青年科技创新奖获奖人员名单", CHAPTER_MEASURE, 3) == (
        "附录3　2022年度", "宁波市青年科技创新奖获奖人员名单")
    lines = break_title("附录1　宁波企事业单位牵头获2022年度浙江省科学技术奖项目汇总表", CHAPTER_MEASURE, 3)
    assert lines == ("附录1　宁波企事业单位牵头获2022年度", "浙江省科学技术奖项目汇总表")


def test_punctuation_and_brackets_are_natural_points():
    assert break_title("甲乙丙丁戊己庚辛壬癸、子丑寅卯辰巳午未申酉戌", 15) == ("甲乙丙丁戊己庚辛壬癸、", "子丑寅卯辰巳午未申酉戌")
    assert break_title("甲乙丙丁戊己庚辛壬癸（子丑寅卯辰巳午未申）", 15) == ("甲乙丙丁戊己庚辛壬癸", "（子丑寅卯辰巳午未申）")


def test_without_a_natural_point_the_split_is_balanced_and_keeps_numbers_whole():
    lines = break_title("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲", 20)
    assert [len(line) for line in lines] == [11, 12]
    assert break_title("甲乙丙丁戊己庚辛壬12345678子丑寅卯辰巳", 14) == ("甲乙丙丁戊己庚辛壬", "12345678子丑寅卯辰巳")
    assert break_title("甲乙丙丁戊己庚辛壬癸子丑寅卯12345678辰", 14) == ("甲乙丙丁戊己庚辛壬癸", "子丑寅卯12345678辰")


def test_a_long_latin_word_with_no_cut_is_left_to_the_renderer():
    assert break_title("A" * 60, 20) == ()


_TEXT = st.text(alphabet=st.sampled_from(list("科技创新发展宁波市、，（）《》 AB12")), min_size=1, max_size=80)


@given(_TEXT, st.floats(min_value=8, max_value=40))
def test_broken_lines_fit_keep_every_character_and_none_is_a_stray(text, measure):
    lines = break_title(text, measure)
    if not lines:
        return
    assert "".join(lines).replace(" ", "").replace("\u3000", "") == text.replace(" ", "").replace("\u3000", "")
    assert all(len(line) >= MIN_LINE for line in lines)
    assert all(em_width(line) <= measure for line in lines[:-1])
    for first, second in zip(lines, lines[1:]):
        if first[-1] + second[0] in text:  # cut between two adjacent characters, not at a space
            assert not (first[-1].isascii() and first[-1].isalnum() and second[0].isascii() and second[0].isalnum())
        assert second[0] not in "，。、；：！？）》" and first[-1] not in "（《"


def test_data_2023_titles_and_toc_entries_break_only_where_planned():
    document = compose(load(DATA / "2023"), Theme())
    broken = {heading.label: heading.lines for heading in document.headings() if heading.lines}
    assert broken == {
        "第三章\u3000提升企业创新能力 塑造高质量发展动能": ("第三章\u3000提升企业创新能力", "塑造高质量发展动能"),
        "附录3\u30002022年度宁波市青年科技创新奖获奖人员名单": ("附录3\u30002022年度", "宁波市青年科技创新奖获奖人员名单"),
    }
    toc = next(node for node in document.nodes if isinstance(node, dn.Toc))
    assert {entry.label: entry.lines for entry in toc.entries if entry.lines} == {
        "附录1\u3000宁波企事业单位牵头获2022年度浙江省科学技术奖项目汇总表":
            ("附录1\u3000宁波企事业单位牵头获2022年度", "浙江省科学技术奖项目汇总表"),
    }


def test_a_landscape_page_is_wider():
    heading = dn.Heading(level=1, text="宁波企事业单位牵头获2022年度浙江省科学技术奖项目汇总表", anchor="a",
                         role="chapter.title", number="附录1")
    assert heading_lines(heading, Theme(), landscape=False) and heading_lines(heading, Theme(), landscape=True) == ()
