"""Time frames on real reports: a five-year goal is never this year's target (../shared beside the checkout)."""
import json

import pytest
from conftest import SHARED, needs_shared

from govreport import load_document
from govreport.analyses.targets import extract
from govreport.readers.sources import read
from govreport.rules.identity import report_year

PROVINCES = SHARED / "reports" / "provinces-2026"
HOLDOUT = SHARED / "holdout"
# The GDP growth target of each province's 2026 主要预期目标 sentence, read in every report: (low, high, comparator).
GDP_2026 = {
    "anhui": (5, 5.5, "range"), "beijing": (5, None, "~"), "chongqing": (5, None, ">="), "fujian": (5, None, "~"),
    "gansu": (5.5, None, "~"), "guangdong": (4.5, 5, "range"), "guangxi": (5, None, "~"), "guizhou": (5, None, "~"),
    "hainan": (6, None, "~"), "hebei": (5, None, ">="), "heilongjiang": (4.5, 5, "range"), "henan": (5, None, "~"),
    "hubei": (5.5, None, "~"), "hunan": (5, None, "~"), "jiangsu": (5, None, "="), "jiangxi": (5, 5.5, "range"),
    "jilin": (5, None, "~"), "liaoning": (4.5, None, "~"), "neimenggu": (5, None, "~"), "ningxia": (5, None, "~"),
    "qinghai": (4.5, None, "~"), "shaanxi": (5, None, "~"), "shandong": (5, None, ">="), "shanghai": (5, None, "~"),
    "shanxi": (4.5, 5, "range"), "sichuan": (5.5, None, "~"), "tianjin": (4.5, None, "="),
    "xinjiang": (5.5, 6, "range"), "xizang": (7, None, ">="), "yunnan": (4.5, None, "~"), "zhejiang": (5, 5.5, "range"),
}
# National GDP growth: (target low, comparator, actual) of every year, read in the reports of that year and the next.
NATIONAL_GDP = {
    2010: (8, "~", 10.3), 2011: (8, "~", 9.2), 2012: (7.5, "=", 7.8), 2013: (7.5, "~", 7.7), 2014: (7.5, "~", 7.4),
    2015: (7, "~", 6.9), 2016: (6.5, "range", 6.7), 2017: (6.5, "~", 6.9), 2018: (6.5, "~", 6.6),
    2019: (6, "range", 6.1), 2020: (None, "absent", 2.3), 2021: (6, ">=", 8.1), 2022: (5.5, "~", 3),
    2023: (5, "~", 5.2), 2024: (5, "~", 5), 2025: (5, "~", None),
}


def national_reports():
    return sorted((SHARED / "reports").glob("national-20*.txt")) + sorted(HOLDOUT.glob("national-20*.txt"))


def gdp_growth(rows, year):
    return [r for r in rows if r["code"] == "gdp" and r["change"] == "growth" and r["year"] == year and r["target_text"]]


@needs_shared
def test_one_annual_gdp_target_per_province_and_it_is_the_headline_one(cli):
    rows = [json.loads(line) for line in cli("targets", "--panel", "-f", "jsonl", str(PROVINCES))[1].splitlines()]
    for name, (low, high, comparator) in GDP_2026.items():
        found = [r for r in gdp_growth(rows, 2026) if r["target_file"].split(":")[0].endswith(f"/{name}.txt")]
        assert len(found) == 1, (name, found)
        assert (found[0]["target_low"], found[0]["target_high"], found[0]["comparator"]) == (low, high, comparator), name


@needs_shared
def test_the_national_gdp_series_2010_to_2025(cli):
    rows = [json.loads(line) for line in cli("targets", "--panel", "-f", "jsonl",
                                             *map(str, national_reports()))[1].splitlines()]
    for year, (target, comparator, actual) in NATIONAL_GDP.items():
        found = [r for r in rows if r["code"] == "gdp" and r["change"] == "growth" and r["year"] == year]
        assert len(found) == 1, (year, found)
        assert (found[0]["target_low"], found[0]["comparator"], found[0]["actual"]) == (target, comparator, actual), year


@needs_shared
def test_every_report_gets_a_year():
    paths = sorted((SHARED / "reports").rglob("*.txt")) + sorted(HOLDOUT.rglob("*.txt"))
    missing = [p.name for p in paths if report_year(load_document(read(str(p))).lines)[0] is None]
    assert missing == []


def rows_of(path):
    return extract(load_document(read(str(path))))


@needs_shared
def test_five_year_goals_get_their_horizon_never_this_year():
    plan = [r for r in rows_of(SHARED / "reports" / "national-2016.txt") if r.line in range(30, 39) and r.kind == "target"]
    assert plan and {(r.year, r.period) for r in plan} == {("2020", "plan")}
    hebei = {(r.line, r.text): r for r in rows_of(HOLDOUT / "hebei-2021.txt")}
    assert (hebei[(56, "6%左右")].year, hebei[(56, "6%左右")].period) == ("2025", "plan")  # 2035 comes later
    assert {r.year for (line, _), r in hebei.items() if line == 76} == {"2025"}  # 十四五 split over three lines


@needs_shared
def test_past_term_results_are_spans():
    rows = {(r.line, r.text): r for r in rows_of(SHARED / "reports" / "national-2023.txt")}
    five = rows[(17, "5.2%")]
    assert (five.kind, five.year, five.period, five.indicator) == ("actual", "2018-2022", "span", "国内生产总值")
    assert rows[(17, "6.2%")].year == "2013-2022"  # 十年…年均增长6.2%
    assert (rows[(17, "121万亿元")].year, rows[(17, "121万亿元")].period) == ("2022", "year")  # the level reached
    national_2021 = rows_of(HOLDOUT / "national-2021.txt")
    assert {(r.kind, r.year) for r in national_2021 if r.line in range(26, 35) and r.kind != "other"} == {("target", "2025")}


@pytest.mark.parametrize("name, year", [("national-2011.txt", 2011), ("beijing-2024-pdftext.txt", 2024),
                                        ("national-1954.txt", 1954)])
@needs_shared
def test_years_written_as_headings_with_spaces_or_in_chinese(name, year):
    assert report_year(load_document(read(str(HOLDOUT / name))).lines)[0] == year
