"""outline, info, kwic, compare, doctor and the target panel, on inline texts and real reports."""
import math

import pytest
from conftest import SEED, SHARED, needs_shared, report_files, tsv

from govreport import load_document
from govreport.analyses.doctor import reread_shifted
from govreport.analyses.keyness import keyness, log_likelihood, log_ratio
from govreport.readers.sources import read
from govreport.rules.header import parse_date
from govreport.rules.headings import find_headings


def test_outline_of_the_seed(cli):
    rows = tsv(cli("outline", "--level", "2", str(SEED))[1])
    top = [r for r in rows if r["level"] == "1"]
    assert len(top) == 4 and top[2]["heading"] == "三、2022年工作安排"
    third = [r for r in rows if r["level"] == "2" and 31 < int(r["line"]) < 68]
    assert [r["marker"] for r in third] == [f"({n})" for n in "一二三四五六七八"]


def test_outline_markers_of_every_kind(cli):
    text = "一、回顾\n（一）全角标题。正文\n(二)半角标题。正文\n一是抓项目。\n1.扩大内需\n2025年工作安排\n"
    rows = tsv(cli("outline", input=text)[1])
    assert [(r["level"], r["marker"]) for r in rows] == [
        ("1", "一、"), ("2", "（一）"), ("2", "(二)"), ("3", "一是"), ("4", "1."), ("1", "")]


@needs_shared
def test_top_level_found_in_every_report():
    for path in report_files():
        heads = [h for h in find_headings(load_document(read(str(path))).lines) if h.level == 1]
        assert len(heads) >= 2, path.name


def test_info_of_the_seed(cli):
    row = tsv(cli("info", str(SEED))[1])[0]
    assert (row["region"], row["region_code"], row["province"], row["level"], row["year"], row["date"]) == \
        ("凤泉区", "410704", "河南省", "county-district", "2022", "2022-04-20")
    assert (row["region_cue"], row["year_cue"]) == ("meeting line", "meeting line")
    assert row["meeting"] == "河南省新乡市凤泉区第十届人民代表大会第一次会议"
    assert row["speaker"] == "" and row["damaged"] == "9"


def test_info_is_null_when_the_opening_is_silent(cli):
    row = tsv(cli("info", input="各位代表：\n现在，我向大会报告工作。\n")[1])[0]
    assert row["region"] == row["date"] == row["meeting"] == row["speaker"] == ""


def test_info_helpers():
    assert parse_date("——二〇二六年一月二十七日在甘肃省") == (2026, 1, 27)


@needs_shared
def test_info_of_every_report_with_a_header():
    for path in report_files():
        doc = load_document(read(str(path)))
        head = "".join(doc.lines[:8])
        from govreport.analyses.info import describe
        row = describe(doc)
        if "人民代表大会" in head and "日" in head:
            assert row.region and row.level and row.year and row.date, path.name


def test_kwic_finds_every_occurrence(cli):
    text = load_document(read(str(SEED))).text
    rows = tsv(cli("kwic", "鄉村振興", str(SEED))[1])
    assert len(rows) == text.count("乡村振兴") and all(r["term"] == "乡村振兴" for r in rows)
    assert all(len(r["left"]) <= 20 and len(r["right"]) <= 20 for r in rows)
    regex_rows = tsv(cli("kwic", "--regex", r"\d+亿元", "--width", "5", str(SEED))[1])
    assert regex_rows and all(r["term"].endswith("亿元") for r in regex_rows)
    assert cli("kwic", "--regex", "(", str(SEED))[0] == 2


def test_g2_matches_a_hand_computation():
    # a=10 of 1000 words, b=2 of 1000: E = 6 each; G2 = 2(10 ln(10/6) + 2 ln(2/6))
    expected = 2 * (10 * math.log(10 / 6) + 2 * math.log(2 / 6))
    assert log_likelihood(10, 2, 1000, 1000) == pytest.approx(expected)
    assert log_likelihood(2, 10, 1000, 1000) == pytest.approx(-expected)
    assert log_ratio(10, 0, 1000, 1000) == pytest.approx(math.log2(10 / 0.5))


def test_keyness_puts_one_sided_words_at_the_extremes():
    from collections import Counter
    a = Counter({"数字": 12, "发展": 50, "改革": 20})
    b = Counter({"疫情": 12, "发展": 50, "改革": 21})
    rows = keyness(a, b, 1000, 1000, top=5, min_count=1)
    assert rows[0].word == "数字" and rows[0].g2 > 0 and rows[-1].word == "疫情" and rows[-1].g2 < 0


@needs_shared
def test_compare_national_2024_and_2023(cli):
    rows = tsv(cli("compare", str(SHARED / "reports/national-2024.txt"), str(SHARED / "reports/national-2023.txt"),
                   "--top", "10")[1])
    g2 = [float(r["g2"]) for r in rows]
    assert g2 == sorted(g2, reverse=True) and g2[0] > 0 > g2[-1]
    assert any(r["count_b"] == "0" for r in rows[:10]) and any(r["count_a"] == "0" for r in rows[-10:])


def test_doctor_on_the_seed(cli):
    rows = tsv(cli("doctor", str(SEED))[1])
    assert [int(r["line"]) for r in rows] == [8, 11, 15, 23, 28, 30, 32, 41, 65]
    assert {r["kind"] for r in rows} == {"mojibake"}
    assert rows[1]["suggestion"].startswith("“以克論凈”")


def test_doctor_kinds_on_inline_text(cli):
    text = "今年经济社会发展的\n主要预期目标是增长5%。\n中共河北 省委要求严 格控制。\n二\ufffd\ufffd三五年远景目标。\n"
    kinds = [r["kind"] for r in tsv(cli("doctor", input=text)[1])]
    assert kinds == ["split line", "stray space", "stray space", "lost"]


def test_reread_shifted():
    assert reread_shifted("?!薄耙钥苏搩簟钡纫?").startswith("“以克論凈”等")


@needs_shared
def test_doctor_no_false_alarm_on_reports_without_damage():
    from govreport.analyses.doctor import diagnose
    damaged = {"baoding-city-2021.txt", "baoding-qingyuan-district-2023.txt", "hebei-2010.txt", "guangdong-2026.txt",
               "guangdong.txt", "sichuan.txt", "tianjin.txt"}  # SOURCES.md lists the first six; tianjin splits a line
    for path in report_files():
        if path.name not in damaged:
            doc = load_document(read(str(path)))
            for row in diagnose(doc):  # a dropped space is a repair, reported where the input has one
                assert row.kind == "stray space", (path.name, row)
                assert doc.source[row.line - 1][row.col - 1] in " \t", (path.name, row)
