"""A report's identity: region resolved to a GB/T 2260 code valid in its year, the year from every
form a report writes it, --meta, and a panel that never pools two regions (issue 18)."""
import re

import pytest
from conftest import SEED, SHARED, needs_shared, tsv

from govreport.document.document import Document
from govreport.rules import gazetteer
from govreport.rules.filename import name_hint
from govreport.rules.identity import identify

SCRAPED = SHARED / "scraped"
ERAS = SHARED / "eras"


def who(text: str, name: str = "-"):
    return identify(Document.from_text(text, name))


# --- the gazetteer ---------------------------------------------------------------------------

def test_a_renamed_city_keeps_its_code_and_a_retired_county_gives_way_to_its_successor():
    assert (gazetteer.resolve("襄樊市", 2009).code, gazetteer.resolve("襄阳市", 2011).code) == ("420600", "420600")
    old, new = gazetteer.resolve("清苑县", 2010), gazetteer.resolve("清苑区", 2023)
    assert (old.code, new.code) == ("130622", "130608") and "130608" in old.successors


def test_a_name_written_with_its_parents_is_the_same_unit():
    assert gazetteer.resolve("河北省保定市", 2021).code == gazetteer.resolve("保定市", 2014).code == "130600"
    assert gazetteer.resolve("河南省新乡市凤泉区", 2022).code == "410704"


def test_a_name_several_divisions_share_needs_its_parents():
    assert gazetteer.resolve("鼓楼区", 2020) is None
    assert gazetteer.resolve("南京市鼓楼区", 2020).code == "320106"
    assert gazetteer.resolve("鼓楼区", 2020, context=["福建省福州市"]).code == "350102"


# --- the year, in every form ------------------------------------------------------------------

@pytest.mark.parametrize("text, year, cue", [
    ("政府工作报告\n——二〇一九年一月十四日在河北省第十三届人民代表大会第二次会议上\n各位代表：", 2019, "meeting line"),
    ("２０１１年２月１４日在保定市第十三届人民代表大会第四次会议上\n各位代表：", 2011, "meeting line"),  # full width, no dash
    ("政府工作报告\n——在河北省第十一届人民代表大会第三次会议上\n河北省代省长 陈全国\n(2008年1月23日)\n各位代表：",
     2008, "date line"),
    ("各位代表：\n刚刚过去的１９８４年，是我国各族人民取得伟大成就的一年。\n我国经济持续发展。", 1985, "review"),
    ("各位代表：\n现在，我代表国务院，向第六届全国人民代表大会第一次会议作政府工作报告。", 1983, "session"),
    ("各位代表：\n从去年９月第五届全国人民代表大会第三次会议到现在，已经过去了一年零两个月。", 1981, "session"),
    ("各位代表：\n现在，我代表国务院作报告。\n今年是实行“七五”计划的头一年。", 1986, "plan term"),
    ("各位代表：\n一、2025年主要工作和“十四五”发展成就\n过去一年，我们…\n二、2026年工作安排", 2026, "heading"),
])
def test_the_year_from_every_form(text, year, cue):
    found = who(text)
    assert (found.year, found.year_cue) == (year, cue)


def test_a_review_of_a_year_as_a_whole_is_the_year_before():
    found = who("各位代表：\n我代表国务院作报告。\n1986年是开始执行第七个五年计划并取得显著成就的一年。\n"
                "1987年，我们要继续扩大对外开放。1987年要在这方面取得成效。")
    assert found.year == 1987


def test_the_file_name_is_the_last_resort_and_says_so():
    doc = Document.from_text("各位代表：\n我们做了很多工作。\n", "河北省_2010_report.txt")
    found = identify(doc)
    assert (found.region, found.region_code, found.year) == ("河北省", "130000", 2010)
    assert (found.region_cue, found.year_cue) == ("file name", "file name")
    assert any("file name" in note for note in doc.notes)
    assert name_hint("x/national-1985.txt") == (None, 1985)


# --- a title block under navigation, a scraper's header ---------------------------------------

def test_a_meeting_line_pushed_down_by_navigation_is_found():
    nav = "\n".join(["首页", "领导之窗", "政府信息公开", "政务服务", "政府数据", "互动交流", "当前位置：", ">>"] * 3)
    found = who(f"{nav}\n——在河北省第十一届人民代表大会第三次会议上\n河北省代省长 陈全国\n（2010年1月18日）\n各位代表：\n")
    assert (found.region, found.region_code, found.year, found.date, found.speaker) == \
        ("河北省", "130000", 2010, "2010-01-18", "陈全国")
    assert found.meeting == "河北省第十一届人民代表大会第三次会议"


def test_a_metadata_header_names_region_date_and_title_without_its_labels():
    found = who("标题：高阳县2019年政府工作报告\n发文单位：高阳县人民政府\n发文时间：2019-01-17\n"
                "报告人：高阳县人民政府县长 闫向阳\n正文：\n各位代表：\n我们做了很多工作。")
    assert (found.title, found.region, found.region_code, found.level, found.year, found.date, found.speaker) == \
        ("高阳县2019年政府工作报告", "高阳县", "130628", "county-district", 2019, "2019-01-17", "闫向阳")
    assert (found.region_cue, found.year_cue) == ("header", "header")


def test_a_report_that_only_calls_itself_by_its_level_is_found_by_the_names_it_uses():
    found = who("各位代表：\n过去一年，全县上下团结奋斗。高阳县纺织业稳步发展，全县财政收入增长。\n"
                "高阳县被评为先进县。全县人民共同努力。保定市表彰了全县。")
    assert (found.region, found.region_code, found.region_cue) == ("高阳县", "130628", "self-reference")


@needs_shared
def test_scraped_files_give_what_their_cleaned_copies_give():
    table = re.findall(r"^\| (\S+_report\.txt) \| \.\./(\S+?\.txt)", (SCRAPED / "SOURCES.md").read_text(), re.M)
    assert len(table) == 9
    for scraped, cleaned in table:
        a = identify_file(SCRAPED / scraped)
        b = identify_file(SHARED / cleaned)
        assert (a.region, a.region_code, a.level, a.year) == (b.region, b.region_code, b.level, b.year), scraped
        assert a.region_code and a.year and a.year_cue != "file name" and a.region_cue != "file name", scraped
    assert identify_file(SCRAPED / "河北省_2018_report.txt").year == 2019  # the name's year is wrong


@needs_shared
def test_the_national_reports_of_1978_to_1988_get_their_years_from_the_text():
    paths = sorted(ERAS.glob("national-*.txt"))
    assert len(paths) == 11
    for path in paths:
        found = identify_file(path)
        assert (found.year, found.region_code) == (int(path.stem[-4:]), gazetteer.NATIONAL_CODE), path.name
        assert found.year_cue != "file name", path.name


@needs_shared
def test_every_report_in_shared_gets_a_region_code_and_a_year():
    paths = [p for folder in ("reports", "holdout", "scraped", "eras") for p in (SHARED / folder).rglob("*.txt")]
    assert len(paths) > 90
    missing = [p.name for p in paths if not (f := identify_file(p)).region_code or f.year is None]
    assert missing == []


def identify_file(path):
    from govreport.document.document import load_document
    from govreport.readers.sources import read

    return identify(load_document(read(str(path))))


# --- the panel keyed by region code -----------------------------------------------------------

REGIONLESS = "各位代表：\n一、2024年工作回顾\n生产总值增长{}%。\n二、2025年工作安排\n生产总值增长{}%左右。\n"


def test_two_reports_of_unknown_region_are_never_one_series(cli, tmp_path):
    (tmp_path / "one.txt").write_text(REGIONLESS.format("5.2", "5"), encoding="utf-8")
    (tmp_path / "two.txt").write_text(REGIONLESS.format("7.1", "6"), encoding="utf-8")
    code, out, err = cli("targets", "--panel", "-i", "gdp", str(tmp_path))
    rows = tsv(out)
    assert code == 0 and len(rows) == 4
    by_file = {(r["target_file"] or r["actual_file"]).split(":")[0].rsplit("/", 1)[1] for r in rows}
    assert by_file == {"one.txt", "two.txt"}
    assert all(not (r["target_file"] and r["actual_file"]) for r in rows)  # never one's target beside the other's result
    assert err.count("region unknown") == 2
    code, out, _ = cli("targets", "--panel", "--wide", "-i", "gdp", str(tmp_path))
    assert code == 0 and sorted(r["actual_2024"] for r in tsv(out)) == ["5.2", "7.1"]


def test_a_report_given_twice_is_used_once_with_a_warning(cli, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text + "\n附件：名词解释\n", encoding="utf-8")  # a second copy, saved otherwise
    code, out, err = cli("targets", "--panel", str(tmp_path))
    assert code == 0 and "are both 凤泉区's 2022 report" in err
    files = {(r["target_file"] or r["actual_file"]).split(":")[0].rsplit("/", 1)[1] for r in tsv(out)}
    assert files == {"a.txt"}


def test_meta_overrides_region_and_year_and_bad_rows_are_errors(cli, tmp_path):
    (tmp_path / "one.txt").write_text(REGIONLESS.format("5.2", "5"), encoding="utf-8")
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tregion\tyear\n*.txt\t河北省保定市\t2025\n", encoding="utf-8")
    code, out, err = cli("info", str(tmp_path / "one.txt"), "--meta", str(meta))
    row = tsv(out)[0]
    assert code == 0 and (row["region"], row["region_code"], row["year"]) == ("保定市", "130600", "2025")
    assert (row["region_cue"], row["year_cue"]) == ("meta", "meta")
    code, out, err = cli("targets", "--panel", "-i", "gdp", str(tmp_path / "one.txt"), "--meta", str(meta))
    assert code == 0 and {r["region_code"] for r in tsv(out)} == {"130600"} and "region unknown" not in err
    meta.write_text("file,region_code,year\none.txt,999999,2025\n", encoding="utf-8")
    code, out, err = cli("info", str(tmp_path / "one.txt"), "--meta", str(meta))
    assert code == 2 and out == "" and err.strip().endswith("region_code '999999' is no GB/T 2260 code")
    assert len(err.strip().splitlines()) == 1


def test_meta_changes_the_cached_result(cli, tmp_path):
    (tmp_path / "one.txt").write_text(REGIONLESS.format("5.2", "5"), encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,region\none.txt,河北省\n", encoding="utf-8")
    assert tsv(cli("info", str(tmp_path / "one.txt"))[1])[0]["region"] == ""
    assert tsv(cli("info", str(tmp_path / "one.txt"), "--meta", str(meta))[1])[0]["region"] == "河北省"
    assert tsv(cli("info", str(tmp_path / "one.txt"))[1])[0]["region"] == ""


@needs_shared
def test_scraped_and_cleaned_reports_give_each_region_year_once(cli):
    code, out, err = cli("targets", "--panel", "-i", "gdp", str(SCRAPED), str(SHARED / "reports"))
    rows = tsv(out)
    keys = [(r["region_code"], r["year"], r["change"]) for r in rows]
    assert code == 0 and rows and len(keys) == len(set(keys)) and all(r["region_code"] for r in rows)
    assert "河北省_2010_report.txt and ../shared/reports/hebei-2010.txt" in err.replace(str(SHARED), "../shared")
    hebei = {r["year"]: r for r in rows if r["region_code"] == "130000"}
    assert hebei["2010"]["target_low"] == "9" and hebei["2019"]["target_low"] == "6.5"


def test_every_command_that_reads_reports_takes_meta():
    from test_docs import commands

    for name, command in commands().items():
        params = {p.name for p in getattr(command, "params", [])}
        if "inputs" in params or "a" in params or "arguments" in params:
            assert "meta" in params, name
