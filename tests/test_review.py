"""Every row says how sure it is, and a researcher's corrections persist (issue 20)."""
import shutil

import pytest
from conftest import ROOT, SHARED, jsonl, needs_shared, tsv

from govreport.analyses.confidence import FLAGS, confidence, implausible, is_fragment
from govreport.analyses.targets import extract
from govreport.document.document import Document
from govreport.run.corrections import CorrectionsError, parse

NATIONAL = ROOT / "corpus" / "national"
PROVINCES = SHARED / "reports" / "provinces-2026"


def test_confidence_reads_the_flags():
    assert confidence([]) == "high"
    assert confidence(["no_code"]) == confidence(["multi_year", "year_fallback"]) == "medium"
    assert confidence(["no_code", "fragment"]) == confidence(["conflict"]) == "low"


@pytest.mark.parametrize("name, fragment", [
    ("先发行", True), ("比上年年初预算", True), ("提高到二百八十八元", True), ("的", True), ("批复建设", True),
    ("地区生产总值", False), ("超长期特别国债", False), ("城镇新增就业", False)])
def test_fragments(name, fragment):
    assert is_fragment(name) is fragment


def test_implausible_values():
    assert implausible("gdp", "growth", "%", 40) and not implausible("gdp", "growth", "%", 6.5)
    assert implausible("", "count", "个", -3) and not implausible("", "count", "个", 3)


def test_every_row_has_a_confidence_and_known_flags():
    rows = extract(Document.from_text("二、2025年工作安排\n地区生产总值增长40%左右，先发行1万亿元，城镇新增就业10万人。"))
    assert all(r.confidence in ("high", "medium", "low") for r in rows)
    assert all(f in FLAGS for r in rows for f in r.flags.split(",") if f)
    gdp = next(r for r in rows if r.code == "gdp")
    assert "implausible" in gdp.flags and gdp.confidence == "low"  # a GDP growth of 40%
    assert all("region_unknown" in r.flags for r in rows)  # nothing says whose report it is


@needs_shared
def test_the_wrong_rows_the_issues_name_are_fixed_or_not_high(cli):
    rows = jsonl(cli("targets", "-k", "all", "-f", "jsonl", str(PROVINCES / "jiangsu.txt"))[1])
    jobs = {r["text"]: r for r in rows if r["code"] == "urban_new_jobs" and r["kind"] == "actual"}
    five_years = jobs["690万人"]  # the 十四五 total: fixed (a span), or else not high
    assert five_years["period"] == "span" or five_years["confidence"] != "high"
    assert jobs["141万人"]["year"] == "2025" and jobs["141万人"]["period"] == "year"


def test_a_panel_cell_with_competing_figures_keeps_one_and_says_so(cli, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("——2025年1月20日在河北省第十四届人民代表大会第三次会议上\n各位代表：\n一、2024年工作回顾\n"
                      "全省生产总值增长5.4%。\n规上工业增加值增长7%，生产总值增长5.6%。\n", encoding="utf-8")
    row, = tsv(cli("targets", "--panel", "-i", "gdp", str(report))[1])
    assert (row["actual"], row["confidence"], row["n_sources"]) == ("5.4", "low", "2") and "conflict" in row["flags"]
    listed = tsv(cli("targets", "--panel", "--conflicts", "-i", "gdp", str(report))[1])
    assert [(r["text"], r["kept"], r["at"].rsplit(":", 1)[1]) for r in listed] == [("5.4%", "yes", "4"),
                                                                                 ("5.6%", "no", "5")]


def test_gap_is_the_result_less_the_target(cli):
    rows = {r["year"]: r for r in tsv(cli("targets", "--panel", "-i", "gdp", str(NATIONAL))[1])}
    assert float(rows["2014"]["gap"]) == pytest.approx(-0.1)  # 7.4 against 7.5%左右
    assert float(rows["2016"]["gap"]) == 0  # 6.7 inside 6.5%-7%


def _two_years(tmp_path):
    for name in ("national-2024.txt", "national-2025.txt"):
        shutil.copy(NATIONAL / name, tmp_path / name)
    return tmp_path


def test_corrections_reach_the_panel_wide_and_diff(cli, tmp_path):
    folder = _two_years(tmp_path / "in") if (tmp_path / "in").mkdir() is None else None
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("file\tline\ttext\tfix\nnational-2025.txt\t5\t5%\treject\n"
                     "national-2024.txt\t30\t5%左右\tyear=2023\n", encoding="utf-8")
    panel = {r["year"]: r for r in tsv(cli("targets", "--panel", "-i", "gdp", str(folder), "--corrections", str(fixes))[1])}
    assert panel["2024"]["actual"] == ""  # the 2024 result was rejected
    assert panel["2023"]["target_file"].endswith("national-2024.txt:30") and panel["2023"]["source"] == "corrected"
    wide, = tsv(cli("targets", "--panel", "--wide", "-i", "gdp", str(folder), "--corrections", str(fixes))[1])
    assert wide["actual_2024"] == "" and wide["target_2023"] == "5"
    rows = tsv(cli("diff", str(folder / "national-2024.txt"), str(folder / "national-2025.txt"), "-s", "target",
                   "--corrections", str(fixes))[1])
    gdp = next(r for r in rows if r["key"] == "gdp/growth")
    assert gdp["a_at"].endswith("national-2024.txt:31")  # the corrected line is no longer 2024's target
    targets = tsv(cli("targets", "-k", "all", "-i", "gdp", str(folder / "national-2024.txt"),
                      "--corrections", str(fixes))[1])
    fixed = next(r for r in targets if r["line"] == "30")
    assert (fixed["year"], fixed["source"]) == ("2023", "corrected")


def test_corrections_beside_the_inputs_are_read_and_a_stale_one_is_a_warning(cli, tmp_path):
    folder = _two_years(tmp_path)
    (folder / "govreport-corrections.tsv").write_text(
        "file\tline\ttext\tfix\nnational-2025.txt\t5\t5%\treject\n", encoding="utf-8")
    panel = {r["year"]: r for r in tsv(cli("targets", "--panel", "-i", "gdp", str(folder))[1])}
    assert panel["2024"]["actual"] == ""
    text = (folder / "national-2025.txt").read_text(encoding="utf-8")
    (folder / "national-2025.txt").write_text("\n" + text, encoding="utf-8")  # every line moves down
    code, out, err = cli("targets", "--panel", "-i", "gdp", str(folder))
    assert code == 0 and "govreport-corrections.tsv:2: matches no figure of national-2025.txt" in err
    assert {r["year"]: r for r in tsv(out)}["2024"]["actual"] == "5"


@pytest.mark.parametrize("text, message", [
    ("file,line,text,fix\n", "header row"),
    ("file\tline\ttext\tfix\na.txt\tx\t5%\treject\n", "line number"),
    ("file\tline\ttext\tfix\na.txt\t3\t5%\tyeer=2024\n", "no field=value"),
    ("file\tline\ttext\tfix\na.txt\t3\t5%\tkind=goal\n", "not one of"),
    ("file\tline\ttext\tfix\na.txt\t3\t5%\tcode=gpd\n", "not in the codebook"),
])
def test_bad_corrections_are_one_clear_error(text, message):
    with pytest.raises(CorrectionsError, match=message):
        parse(text, "c.tsv")


def test_a_bad_corrections_file_is_a_usage_error(cli, tmp_path):
    bad = tmp_path / "c.tsv"
    bad.write_text("file\tline\ttext\tfix\na.txt\t3\t5%\tvalue=many\n", encoding="utf-8")
    code, out, err = cli("targets", "--panel", str(NATIONAL / "national-2024.txt"), "--corrections", str(bad))
    assert code == 2 and out == "" and err.strip().endswith("value='many' is not a number")


# --- the review page --------------------------------------------------------------------------

def test_review_page_holds_every_figure_least_sure_first_with_filters(cli, tmp_path):
    import re

    out, template = tmp_path / "review.html", tmp_path / "fixes.tsv"
    code, stdout, err = cli("review", str(NATIONAL / "national-2024.txt"), "-o", str(out), "--template", str(template))
    assert code == 0 and stdout == "" and f"wrote {out}" in err and f"wrote {template}" in err
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and not re.findall(r"(?:src|href)=\"(?!#)", html)  # nothing fetched
    confidences = re.findall(r"<td class=\"c\">(\w+)</td>", html)
    order = {"low": 0, "medium": 1, "high": 2}
    assert confidences and [order[c] for c in confidences] == sorted(order[c] for c in confidences)
    for key in ("c-low", "f-no_code", "r-000000"):  # a filter is a link, an anchor and a :target rule
        assert f"href=\"#{key}\"" in html and f"id=\"{key}\"" in html and f"#{key}:target" in html
    assert "<mark>" in html
    rows = parse(template.read_text(encoding="utf-8").replace("\t\t", "\treject\t", 1), "t")
    assert rows and rows[0].reject  # the template, its first fix filled in, is a corrections file


@needs_shared
def test_review_of_the_2026_provinces_lists_the_conflicts_first_among_the_doubtful(cli, tmp_path):
    out = tmp_path / "review.html"
    code, _, err = cli("review", str(PROVINCES), "-o", str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    first_high = html.find("<td class=\"c\">high</td>")
    conflicts = [m.start() for m in __import__("re").finditer(r"f-conflict", html)]
    assert first_high > 0 and any(html.find("jiangsu.txt", at) < first_high for at in conflicts)


@pytest.mark.skipif(shutil.which("chromium") is None and __import__("os").environ.get("GOVREPORT_BROWSER_TESTS")
                    != "required", reason="headless Chromium is not installed")
def test_review_page_opens_in_headless_chromium(cli, tmp_path):
    from test_digest import Page, _chromium, console_messages

    inputs = sorted(PROVINCES.glob("*.txt")) or sorted(NATIONAL.glob("national-20*.txt"))
    out = tmp_path / "review.html"
    assert cli("review", *map(str, inputs), "-o", str(out))[0] == 0
    done = _chromium("--dump-dom", out.as_uri() + "#f-conflict")
    assert done.returncode == 0, done.stderr[-500:]
    assert console_messages(done.stderr) == []
    assert Page(done.stdout).rows.get("review-table", 0) > 10
