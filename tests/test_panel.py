"""The research panel: codes, pairing, met, typed columns (the national series ships in corpus/national)."""
from dataclasses import replace

import pytest
from conftest import ROOT, SHARED, jsonl, needs_shared, tsv

from govreport.analyses.panel import PanelFacts, build_panel, widen
from govreport.analyses.targets import extract
from govreport.document.document import Document
from govreport.rules.codebook import code_of, codebook

NATIONAL = ROOT / "corpus" / "national"
# GDP and CPI of every year, read in the national reports: (target low, comparator, actual, met).
GDP = {2010: (8, "~", 10.3, "yes"), 2011: (8, "~", 9.2, "yes"), 2012: (7.5, "=", 7.8, "yes"),
       2013: (7.5, "~", 7.7, "yes"), 2014: (7.5, "~", 7.4, "no"), 2015: (7, "~", 6.9, "no"),
       2016: (6.5, "range", 6.7, "yes"), 2017: (6.5, "~", 6.9, "yes"), 2018: (6.5, "~", 6.6, "yes"),
       2019: (6, "range", 6.1, "yes"), 2020: (None, "absent", 2.3, None), 2021: (6, ">=", 8.1, "yes"),
       2022: (5.5, "~", 3, "no"), 2023: (5, "~", 5.2, "yes"), 2024: (5, "~", 5, "yes"), 2025: (5, "~", None, None)}
# CPI: the reports of 2012, 2016 and 2018 state no figure for the year before.
CPI = {2010: (3, 3.3, "no"), 2011: (4, None, None), 2012: (4, 2.6, "yes"), 2013: (3.5, 2.6, "yes"),
       2014: (3.5, 2, "yes"), 2015: (3, None, None), 2016: (3, 2, "yes"), 2017: (3, None, None),
       2018: (3, 2.1, "yes"), 2019: (3, 2.9, "yes"), 2020: (3.5, 2.5, "yes"), 2021: (3, 0.9, "yes"),
       2022: (3, 2, "yes"), 2023: (3, 0.2, "yes"), 2024: (3, 0.2, "yes"), 2025: (2, None, None)}


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    from typer.testing import CliRunner

    from govreport.cli import app

    result = CliRunner().invoke(app, ["targets", "--panel", "-f", "jsonl", "--no-cache", str(NATIONAL)])
    assert result.exit_code == 0, result.stderr
    return jsonl(result.stdout)


def test_the_codebook_has_the_indicators_of_headline_sentences():
    codes = {c.code for c in codebook()}
    assert len(codes) >= 40 and len(codes) == len(codebook())
    for needed in ("gdp", "gdp_per_capita", "cpi", "urban_new_jobs", "unemployment_surveyed", "unemployment_registered",
                   "grain_output", "budget_revenue", "fixed_investment", "retail_sales", "industrial_value_added",
                   "trade", "fdi", "income_per_capita", "income_urban", "income_rural", "energy_intensity",
                   "carbon_intensity", "rd_intensity", "urbanization", "forest_cover", "air_quality_days", "pm25",
                   "deficit_ratio", "special_bonds", "m2"):
        assert needed in codes
    assert all(c.name_zh and c.name_en and c.sense in ("floor", "ceiling") for c in codebook())


@pytest.mark.parametrize("name, code", [
    ("地区生产总值", "gdp"), ("全省生产总值", "gdp"), ("国内生产总值（经济增长）", "gdp"), ("海洋生产总值", ""),
    ("单位生产总值能耗", "energy_intensity"), ("居民消费价格总水平涨幅", "cpi"), ("居民消费价格涨幅", "cpi"),
    ("年末城镇调查失业率", "unemployment_surveyed"), ("调查失业率", "unemployment_surveyed"),
    ("农民人均纯收入", "income_rural"), ("规上工业增加值", "industrial_value_added"), ("人均地区生产总值", "gdp_per_capita"),
])
def test_codes_of_the_ways_reports_write_indicators(name, code):
    assert code_of(name) == code


def test_respective_subjects_split_into_codes():
    rows = extract(Document.from_text("二、2025年工作安排\n城乡居民人均可支配收入分别增长8%和10%。"))
    assert [(r.indicator, r.code) for r in rows] == [("城镇居民人均可支配收入", "income_urban"),
                                                     ("农村居民人均可支配收入", "income_rural")]


def facts(year, text, name):
    doc = Document.from_text(text, name)
    rows = tuple(r for r in extract(doc) if r.period == "year" and r.kind in ("target", "actual"))
    return PanelFacts(name, "某省", "990000", "某省", "provincial", year, rows)


def test_results_without_targets_are_rows_and_increments_never_meet_levels():
    report = facts(2022, "一、2021年工作回顾\n全年城镇调查失业率降到5.5%，基本公共卫生服务经费人均补助84元。\n"
                         "二、2022年工作安排\n城镇调查失业率5.5%左右。基本公共卫生服务经费人均再提高5元。", "r.txt")
    rows = {(r.code or r.indicator, r.year, r.change): r for r in build_panel([report])}
    jobless = rows[("unemployment_surveyed", 2021, "share")]
    assert (jobless.actual, jobless.target_low, jobless.actual_file) == (5.5, None, "r.txt:2")
    assert rows[("unemployment_surveyed", 2022, "share")].target_file == "r.txt:4"
    assert all(r.target_low is None or r.actual is None for r in rows.values())  # nothing paired across years


def test_met_reads_the_way_the_indicator_points():
    reports = [facts(2022, "二、2022年工作安排\n地区生产总值增长5%左右，居民消费价格涨幅3%左右，城镇调查失业率控制在5.5%以内。", "a"),
               facts(2023, "一、2022年工作回顾\n地区生产总值增长4.8%，居民消费价格上涨2%，城镇调查失业率5.6%。", "b")]
    met = {r.code: r.met for r in build_panel(reports) if r.year == 2022}
    assert met == {"gdp": "no", "cpi": "yes", "unemployment_surveyed": "no"}


def test_national_gdp_and_cpi_series(national):
    gdp = {r["year"]: r for r in national if r["code"] == "gdp" and r["change"] == "growth"}
    cpi = {r["year"]: r for r in national if r["code"] == "cpi" and r["change"] == "growth"}
    for year, (target, comparator, actual, met) in GDP.items():
        assert (gdp[year]["target_low"], gdp[year]["comparator"], gdp[year]["actual"], gdp[year]["met"]) == \
            (target, comparator, actual, met), year
    for year, (target, actual, met) in CPI.items():
        assert (cpi[year]["target_low"], cpi[year]["actual"], cpi[year]["met"]) == (target, actual, met), year
    assert gdp[2023]["target_file"].endswith("national-2023.txt:" + gdp[2023]["target_file"].split(":")[-1])
    assert gdp[2023]["actual_file"].split(":")[0].endswith("national-2024.txt")


def test_panel_columns_are_typed_in_json(national):
    assert national and all(isinstance(r["year"], int) for r in national)
    assert all(isinstance(r["target_low"], (float, int)) for r in national if r["target_low"] is not None)


def test_panel_loads_typed_in_pandas_and_duckdb(cli, tmp_path):
    import duckdb
    import pandas
    path = tmp_path / "panel.csv"
    path.write_text(cli("targets", "--panel", "-f", "csv", str(NATIONAL))[1], encoding="utf-8")
    frame = pandas.read_csv(path)
    assert str(frame["year"].dtype) == "int64"
    assert str(frame["target_low"].dtype) == "float64" and str(frame["actual"].dtype) == "float64"
    types = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM read_csv_auto('{path}')").fetchall()}
    assert types["year"] in ("BIGINT", "INTEGER") and types["target_low"] == "DOUBLE" and types["actual"] == "DOUBLE"


def test_wide_layout_has_a_column_per_year(cli):
    rows = tsv(cli("targets", "--panel", "--wide", "-i", "gdp", str(NATIONAL))[1])
    assert len(rows) == 1
    assert rows[0]["target_2016"] == "6.5" and rows[0]["target_high_2016"] == "7" and rows[0]["actual_2024"] == "5"


def test_indicator_takes_a_code_or_a_regex(cli):
    by_code = {r["code"] for r in tsv(cli("targets", "--panel", "-i", "cpi", str(NATIONAL))[1])}
    by_regex = {r["code"] for r in tsv(cli("targets", "--panel", "-i", "^income_", str(NATIONAL))[1])}
    assert by_code == {"cpi"} and by_regex and all(c.startswith("income_") for c in by_regex)
    assert cli("targets", "--panel", "-i", "(", str(NATIONAL))[0] == 2


def test_widen_keeps_each_change_apart():
    from govreport.analyses.panel import PanelRow

    row = PanelRow("某省", "990000", "某省", "provincial", "gdp", "生产总值", 2024, "growth", "%", "~", 5.0, None, 5.2,
                   "yes", "5%左右", "5.2%", "a:1", "b:2", 0.2, "high", "", 2, "text")
    table, fields = widen([row, replace(row, change="level", unit="元", comparator=None, target_low=None,
                                        actual=None, met=None, target_text=None, actual_text=None)])
    assert len(table) == 2 and "target_2024" in fields


from govreport.rules.cues import HEADLINE  # noqa: E402


@needs_shared
def test_nine_in_ten_headline_figures_get_a_code():
    from govreport import load_document
    from govreport.readers.sources import read

    rows = [r for path in sorted((SHARED / "reports").rglob("*.txt"))
            for r in extract(load_document(read(str(path)))) if r.kind == "target" and HEADLINE.search(r.sentence)]
    assert len(rows) > 250
    assert sum(bool(r.code) for r in rows) >= 0.9 * len(rows)
