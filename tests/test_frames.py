import pytest

from govreport.document.document import Document
from govreport.rules.frames import (
    Frame,
    clause_frame,
    opening_frame,
    plan_years,
    title_frame,
)
from govreport.rules.identity import report_year


@pytest.mark.parametrize("text, year", [
    ("政府工作报告——2022年4月20日在某区人民代表大会上\n各位代表：", 2022),
    ("——二〇二六年一月二十七日在甘肃省第十四届人民代表大会第五次会议上", 2026),
    ("各位代表：\n一、2009年工作回顾\n正文", 2010),
    ("各位代表：\n二、2010年主要任务\n正文", 2010),
    ("各位代表：\n一、“十一五”时期的回顾\n二、“十二五”时期的主要目标和任务\n三、2011年的工作\n正文", 2011),
    ("各位代表：\n一、2023 年工作回顾\n正文", 2024),  # PDF text: a space before 年
    ("各位代表：\n现在，我代表国务院。\n2013年是全面贯彻落实党的十八大精神的开局之年。", 2013),
    ("各位代表：\n一九五三年完成了计划。一九五四年預計工業總產值將增長。一九五四年的計劃指標。", 1954),
])
def test_report_year_in_every_form(text, year):
    assert report_year(Document.from_text(text).lines)[0] == year


def test_plan_years():
    assert [plan_years(n) for n in (11, 13, 14, 15)] == [(2006, 2010), (2016, 2020), (2021, 2025), (2026, 2030)]


@pytest.mark.parametrize("title, year, expected", [
    ("一、2021年及过去五年工作回顾", 2022, ("review", "year", "2021")),
    ("一、过去五年工作回顾", 2013, ("review", "span", "2008-2012")),
    ("一、“十三五”时期经济社会发展回顾", 2021, ("review", "span", "2016-2020")),
    ("二、今后五年的奋斗目标", 2022, ("plan", "plan", "2026")),
    ("二、“十三五”时期主要目标任务和重大举措", 2016, ("plan", "plan", "2020")),
    ("二、“十三五”时期发展成就和“十四五”时期主要目标任务", 2021, ("review", "span", "2016-2020")),
    ("三、2016年重点工作", 2016, ("plan", "year", "2016")),
    ("二、对今年政府工作的建议", 2023, ("plan", "year", "2023")),
    ("四、全面加强政府自身建设", 2022, None),
])
def test_title_frames(title, year, expected):
    frame = title_frame(title, year)
    assert (frame.kind, frame.period, frame.label) == expected if expected else frame is None


@pytest.mark.parametrize("paragraph, expected", [
    ("过去五年，我国经济社会发展取得新的历史性成就。", ("review", "span", "2016-2020")),
    ("“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。", ("plan", "plan", "2025")),
    ("——着力提升发展质量效益，保持经济持续健康发展。", None),
    ("2021年是“十四五”开局之年。", ("plan", "year", "2021")),
    ("刚刚过去的2020年，面对严峻复杂的形势。", ("review", "year", "2020")),
    ("今后五年经济社会发展的奋斗目标是：", ("plan", "plan", "2025")),
])
def test_opening_frames(paragraph, expected):
    frame = opening_frame(paragraph, 2021)
    assert (frame.kind, frame.period, frame.label) == expected if expected else frame is None


def test_nearest_time_words_before_a_figure_win():
    line = Frame("plan", "year", 2021)
    before = "“十四五”时期全省生产总值年均增长"
    assert clause_frame(before, line, 2021)[0].label == "2025"
    assert clause_frame("国内生产总值增加到121万亿元，五年年均增长5.2%，十年增加近", line, 2023)[0].label == "2013-2022"
    assert clause_frame("城镇新增就业预期目标比去年多", line, 2017)[0] is line  # a comparison, not a time
    assert clause_frame("去年国内生产总值增长", line, 2021)[0].label == "2020"


@pytest.mark.parametrize("text, year, expected", [
    ("“十一五”前四年累计单位国内生产总值能耗下降14.38%", 2010, ("review", "span", "2006-2009", False)),
    ("三年来，累计完成投资", 2010, ("review", "span", "2007-2009", False)),
    ("近两年年均增长6%", 2024, ("review", "span", "2022-2023", False)),
    ("今后三年", 2021, ("plan", "plan", "2023", False)),
    ("今后五年", 2022, ("plan", "plan", "2026", True)),
])
def test_spans_and_horizons_of_a_few_years(text, year, expected):
    """A span of two to four years frames its own sentence, never the paragraphs after it."""
    from govreport.rules.frames import time_frames

    (_, _, frame), = time_frames(text, year)
    assert (frame.kind, frame.period, frame.label, frame.lasting) == expected


def test_patterns_led_by_their_first_characters_match_as_without():
    """Every pattern made by cues.led_by (time words, figure starts, years, multi-year words, any code)
    finds what it finds without its look ahead: on random texts of the characters it is made of,
    and (with ../shared) on every line."""
    import random
    import re

    from conftest import SHARED

    from govreport.rules import codebook, cues, frames, numbers  # noqa: F401 (they make their patterns)

    assert {frames.TIME_WORDS, numbers.START, cues.EXPLICIT_YEAR, cues.MULTI_YEAR_CLAUSE,
            codebook._any_code()} <= cues.LED.keys()  # the codebook's: its first characters found by cues
    lines = [line for path in sorted(SHARED.glob("**/*.txt"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    rng = random.Random(3)
    for fast, pattern in cues.LED.items():
        plain = re.compile(pattern)
        alphabet = sorted({ch for ch in pattern if not ch.isascii()} | set("2025-\""))
        words = re.findall(r"[^\x00-\x7f]+", pattern) + ["2025", "3", "\""]  # its literal pieces: 目标, 增长 …
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
        texts += ["".join(rng.choice(words) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
        for text in texts + lines:
            found = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
            assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)], (pattern[:40], text)
