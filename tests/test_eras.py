"""Figures right in every era: Chinese-numeral ranges, plans of every number, era indicators (issue 19)."""
import re

import pytest
from conftest import SHARED, jsonl, needs_shared, tsv

from govreport.analyses.targets import extract
from govreport.document.document import Document
from govreport.rules.codebook import code_of
from govreport.rules.frames import time_frames
from govreport.rules.numbers import find_figures

ERAS = SHARED / "eras"


@pytest.mark.parametrize("text, low, high", [
    ("每年递增百分之四到五。", 4, 5), ("百分之五到十", 5, 10), ("百分之八至九", 8, 9),
    ("百分之四至百分之五", 4, 5), ("百分之二十到三十", 20, 30), ("八至九％", 8, 9),
])
def test_chinese_numeral_ranges_are_one_range(text, low, high):
    line = Document.from_text(text).lines[0]  # full-width ％ folded as a report is read
    figures = find_figures(line)
    assert [(f.value, f.value_high, f.unit, f.bound) for f in figures] == [(low, high, "%", "range")]


@pytest.mark.parametrize("text", ["从百分之五到百分之十", "百分之五到十个百分点", "百分之五至十万元"])
def test_a_change_or_another_unit_is_no_range(text):
    assert all(f.value_high is None for f in find_figures(text))


@pytest.mark.parametrize("text", ["城镇新增就业十万八九万人", "十亿八九亿"])
def test_odd_numerals_never_raise(text):
    assert find_figures(text) == []


@pytest.mark.parametrize("text, year, frame", [
    ("六五计划期间要求每年递增", 1982, ("plan", "plan", 1985, None)),
    ("第六个五年计划期间", 1982, ("plan", "plan", 1985, None)),
    ("“十五”期间年均增长", 2006, ("review", "span", 2005, 2001)),
    ("从1979年到1984年安排了", 1985, ("review", "span", 1984, 1979)),
    ("1953年到1978年的二十六年间", 1985, ("review", "span", 1978, 1953)),
    ("五年内全国工农业总产值增长", 1986, ("plan", "plan", 1990, None)),
])
def test_plans_and_spans_of_every_era(text, year, frame):
    (_, _, found), = time_frames(text, year)
    assert (found.kind, found.period, found.year, found.first) == frame


@pytest.mark.parametrize("indicator, code", [
    ("国民生产总值", "gnp"), ("工农业总产值", "gross_output"), ("国民收入", "national_income"),
    ("零售物价", "retail_prices"), ("商品零售价格", "retail_prices"), ("物价上涨幅度", "retail_prices"),
    ("居民消费价格", "cpi"), ("地区生产总值", "gdp"),
])
def test_indicators_of_the_time_have_codes(indicator, code):
    assert code_of(indicator) == code


def test_a_note_in_brackets_never_becomes_an_indicator():
    rows = extract(Document.from_text("一、2013年工作回顾\n全市生产总值完成2650.6亿元（不含定州，下同）、增长9%。"))
    assert [(r.text, r.indicator, r.change) for r in rows] == [("2650.6亿元", "生产总值", "level"),
                                                               ("9%", "生产总值", "growth")]


@needs_shared
def test_old_plans_and_reviews_are_read_on_their_lines(cli):
    rows = jsonl(cli("targets", "-k", "all", "--format", "jsonl", str(ERAS / "national-1982.txt"),
                     str(ERAS / "national-1985.txt"))[1])
    at = {(r["file"].rsplit("/", 1)[1], r["line"], r["text"]): r for r in rows}
    plan = at[("national-1982.txt", 9, "百分之四到五")]
    assert (plan["value"], plan["value_high"], plan["kind"], plan["period"], plan["year"]) == (4, 5, "target", "plan", "1985")
    spent = at[("national-1985.txt", 12, "四千二百多万")]
    assert (spent["kind"], spent["period"], spent["year"]) == ("actual", "span", "1979-1984")
    assert at[("national-1985.txt", 15, "二百八十八元")]["kind"] == "actual"


@needs_shared
def test_no_target_of_an_old_report_lacks_a_year(cli):
    rows = jsonl(cli("targets", "--format", "jsonl", str(ERAS))[1])
    assert rows and [r for r in rows if not r["year"]] == []


def test_digits_and_units_set_apart_by_spaces_are_one_figure():
    doc = Document.from_text("一、2 0 2 3 年工作回顾\n全市生产总值增长 8 ％。")
    rows = extract(doc)
    assert doc.lines[0] == "一、2023年工作回顾"
    assert [(r.value, r.unit, r.col) for r in rows] == [(8.0, "%", 10)]  # the 8 of the input line, 1-based


# What selfcheck's `annual` check asks, read on the clause up to the figure: "建成8.9万亩、累计达到120.5万亩"
# holds one annual flow and one running total; "年均浓度" is one year's mean; "一九八五年" holds no 五年.
MULTI_YEAR = re.compile(r"(?<![〇零一二三四五六七八九十\d])五年|年均(?!浓度)|累计|“?十[一二三四五六]五”?(?:时期|期间|以来)")


@needs_shared
def test_no_annual_flow_says_it_spans_several_years():
    from govreport.document.document import load_document
    from govreport.readers.sources import read

    paths = [p for folder in ("reports", "holdout", "scraped", "eras") for p in sorted((SHARED / folder).rglob("*.txt"))]
    bad, total = [], 0
    for path in paths:
        for row in extract(load_document(read(str(path)))):
            total += 1
            if row.period != "year" or row.change not in ("growth", "increment", "decline"):
                continue
            before = row.sentence[:row.sentence.find(row.text)] if row.text in row.sentence else ""
            if MULTI_YEAR.search(re.split(r"[；;。，,、]", before)[-1]):
                bad.append(f"{path.name}:{row.line} {row.text} ({before[-20:]})")
    assert total > 15000 and bad == []


PROVINCES = SHARED / "reports" / "provinces-2026"


def rows_at(cli, *paths):
    """Rows by (file name, line, text); the first of a line's figures written alike."""
    found = {}
    for r in jsonl(cli("targets", "-k", "all", "--format", "jsonl", *map(str, paths))[1]):
        found.setdefault((r["file"].rsplit("/", 1)[1], r["line"], r["text"]), r)
    return found


@needs_shared
def test_five_year_figures_in_a_review_of_the_year_and_the_term_are_spans(cli):
    at = rows_at(cli, PROVINCES / "jiangsu.txt", PROVINCES / "guizhou.txt", PROVINCES / "shandong.txt")
    for key in (("jiangsu.txt", 12, "690万人"), ("guizhou.txt", 21, "60万人以上"), ("shandong.txt", 22, "34.3%")):
        assert (at[key]["period"], at[key]["year"]) == ("span", "2021-2025"), key
    panel = tsv(cli("targets", "--panel", "-i", "urban_new_jobs", str(PROVINCES / "jiangsu.txt"))[1])
    assert {r["year"]: r["actual"] for r in panel if r["actual"]} == {"2025": "1410000"}  # 141万, line 20


@needs_shared
def test_a_share_of_the_plan_is_not_the_indicator(cli):
    row = rows_at(cli, PROVINCES / "jiangxi.txt")[("jiangxi.txt", 12, "118.2%")]
    assert (row["code"], row["change"]) == ("", "share")


@needs_shared
def test_a_heading_of_the_term_and_the_year_keeps_the_years_targets(cli):
    rows = jsonl(cli("targets", "--format", "jsonl", str(PROVINCES / "liaoning.txt"))[1])
    retail = next(r for r in rows if r["line"] == 34 and r["text"] == "4%左右")
    assert (retail["indicator"], retail["year"], retail["period"]) == ("社会消费品零售总额", "2026", "year")
    assert sum(r["year"] == "2030" for r in rows) < sum(r["year"] == "2026" for r in rows) / 4


@needs_shared
def test_indicators_are_nouns_not_verbs(cli):
    national = SHARED / "reports" / "national-2024.txt"
    holdout = SHARED / "holdout"
    at = rows_at(cli, national, holdout / "provinces-2025" / "guizhou.txt", holdout / "baoding-laishui-county-2021.txt",
                 holdout / "national-2025.txt")
    assert at[("national-2024.txt", 33, "1万亿元")]["code"] == "ultra_long_bonds"  # 今年先发行1万亿元
    assert at[("national-2024.txt", 33, "1800亿元")]["code"] == "deficit"  # 比上年年初预算增加1800亿元
    assert at[("guizhou.txt", 16, "22个")]["indicator"] == "全省重点实验室"  # 批复建设22个全省重点实验室
    assert at[("baoding-laishui-county-2021.txt", 78, "2个")]["indicator"] == "生态宜居美丽示范区"  # 着力打造2个…
    assert at[("national-2025.txt", 6, "10.9%")]["indicator"] == "信息传输软件和信息技术服务业增加值"
    assert at[("national-2025.txt", 6, "10.4%")]["indicator"] == "租赁和商务服务业增加值"


@pytest.mark.parametrize("text, expected", [
    ("一、2024年工作回顾\n第一、第三产业增加值分别增长3%、5%。", [("第一产业增加值", "3%"), ("第三产业增加值", "5%")]),
    ("一、2024年工作回顾\n高技术制造业、装备制造业增加值分别增长8.9%、7.7%。",
     [("高技术制造业增加值", "8.9%"), ("装备制造业增加值", "7.7%")]),
    ("二、2025年工作安排\n为0—6岁儿童提供免费筛查服务10万人次。", [("为0—6岁儿童提供免费筛查服务", "10万人次")]),
])
def test_lists_and_age_groups(text, expected):
    assert [(r.indicator, r.text) for r in extract(Document.from_text(text))] == expected


def test_a_comparison_with_last_year_in_a_plan_is_this_years_plan():
    row, = extract(Document.from_text("二、2025年工作安排\n一般公共预算支出比去年增加5%。"))
    assert (row.indicator, row.kind, row.year) == ("一般公共预算支出", "target", "2025")


def test_the_highest_since_a_year_is_no_time_frame():
    assert time_frames("增速为1985年以来最高", 1986) == []
    assert time_frames("1985年以来，工业增长", 1990)[0][2].period == "span"


@needs_shared
def test_a_change_from_a_level_keeps_the_subject_of_the_clause_before(cli):
    at = rows_at(cli, ERAS / "national-1985.txt")
    for text in ("一百七十五元", "二百八十八元", "７．３％"):  # 城乡居民的平均消费水平，由一百七十五元提高到二百八十八元…
        assert at[("national-1985.txt", 15, text)]["indicator"] == "城乡居民的平均消费水平", text
    assert at[("national-1985.txt", 12, "四千二百多万")]["indicator"] == "城镇劳动力就业"


@needs_shared
def test_the_older_reports_named_lines(cli):
    at = rows_at(cli, ERAS / "national-1985.txt", ERAS / "national-1979.txt")
    growth = at[("national-1985.txt", 14, "７．９％")]  # 从１９７９年到１９８３年，农业总产值…平均每年增长７．９％
    assert (growth["indicator"], growth["value"], growth["period"], growth["year"]) == ("农业总产值", 7.9, "span", "1979-1983")
    saving = at[("national-1979.txt", 35, "百分之五到十")]
    assert (saving["value"], saving["value_high"], saving["comparator"]) == (5, 10, "range")


def test_an_average_over_five_years_is_no_annual_figure():
    row, = extract(Document.from_text("一、2005年工作回顾\n五年平均增长9.5%。"))
    assert (row.kind, row.period) == ("actual", "span")


@pytest.mark.parametrize("sentence", [
    "从1979年到1984年，工农业总产值年均增长8%，2024年全省地区生产总值增长5%",
    "过去五年，“十三五”时期累计新增就业1000万人；今年目标5.5%左右，到2035年基本实现",
    "由“十二五”末的33.74%提高到2020年的40%，1985年以来的最高，2026年3月",
    "本届政府任期内，近三年累计减税1万亿元，上年均值2.1%，去年增长6%，今年以来7%"])
def test_one_scan_of_a_sentence_gives_each_prefix_its_frame(sentence):
    """SentenceFrames (one scan a sentence) against scanning the text before each position anew."""
    from govreport.rules.frames import NO_FRAME, SentenceFrames, clause_frame

    scan = SentenceFrames(sentence, 2025)
    for at in range(len(sentence) + 1):
        assert clause_frame(sentence[:at], NO_FRAME, 2025, scan) == clause_frame(sentence[:at], NO_FRAME, 2025), at
