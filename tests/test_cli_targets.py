import json
import re
import subprocess
import sys

from conftest import SEED, SHARED, jsonl, needs_shared, report_files, tsv
from conftest import score as score_seed

from govreport import load_document
from govreport.analyses.targets import extract
from govreport.readers.sources import read
from govreport.rules.identity import report_year

FIELDS = ["file", "line", "col", "text", "indicator", "code", "value", "value_high", "unit", "base_value", "base_unit",
          "comparator", "change", "kind", "year", "period", "section", "sentence", "confidence", "flags", "source"]


def test_fields_and_default_kind(cli):
    code, out, err = cli("targets", str(SEED))
    rows = tsv(out)
    assert code == 0 and err == ""
    assert list(rows[0]) == FIELDS
    assert {r["kind"] for r in rows} == {"target"}


def test_filters(cli):
    rows = jsonl(cli("targets", "--kind", "all", "--indicator", "生產總值", "-f", "jsonl", str(SEED))[1])
    assert rows and all("生产总值" in r["indicator"] for r in rows)
    assert {r["kind"] for r in rows} >= {"target", "actual"}
    years = {r["year"] for r in jsonl(cli("targets", "--year", "2026", "-f", "jsonl", str(SEED))[1])}
    assert years == {"2026"}
    assert cli("targets", "--kind", "plan", str(SEED))[0] == 2


def test_json_numbers_are_numbers(cli):
    rows = json.loads(cli("targets", "-f", "json", str(SEED))[1])
    assert all(isinstance(r["value"], (int, float)) and isinstance(r["line"], int) for r in rows)
    assert any(r["base_value"] == 1.34e10 and r["base_unit"] == "元" for r in rows)


def test_table_view(cli):
    out = cli("targets", "-f", "table", str(SEED))[1]
    assert "≥10%" in out and "indicator" in out


def test_targets_does_not_import_jieba():
    code = "import sys; from govreport.cli import main; sys.argv=['govreport','targets',sys.argv[1]];\n" \
           "import contextlib, io\n" \
           "with contextlib.redirect_stdout(io.StringIO()):\n" \
           "    try: main()\n" \
           "    except SystemExit: pass\n" \
           "print('jieba' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().endswith("False")


@needs_shared
def test_seed_scores(tmp_path):
    score = score_seed("score_targets.py", "seed-figures.tsv", "targets", "--kind", "all", tmp_path=tmp_path)
    assert score["figures_prf"][2] >= 0.97
    assert score["target_prf"][2] >= 0.95 and score["actual_prf"][2] >= 0.95
    assert score["kind_accuracy"] >= 0.95 and score["comparator_accuracy"] >= 0.98
    assert score["year_accuracy"] >= 0.95 and score["change_accuracy"] >= 0.90
    assert score["indicator_accuracy"] >= 0.90


HEADLINE = re.compile(r"主要预期目标(?:是|为)")
BOUND = {"以上": ">=", "以内": "<=", "左右": "~"}


@needs_shared
def test_headline_targets_of_every_report():
    """Rows of each report's 主要预期目标 sentence: kind target, the report's year, the bound it writes."""
    checked = 0
    for path in report_files():
        doc = load_document(read(str(path)))
        year = report_year(doc.lines)[0]
        assert year is not None, path.name
        for row in extract(doc):
            if not HEADLINE.search(row.sentence) or row.sentence.index(row.text) < HEADLINE.search(row.sentence).end():
                continue
            if row.comparator == "absent" or "到20" in row.sentence:
                continue
            checked += 1
            assert row.kind == "target", (path.name, row.text, row.sentence[:40])
            assert row.year == str(year), (path.name, row.text)
            suffix = next((c for word, c in BOUND.items() if row.text.endswith(word)), None)
            if suffix:
                assert row.comparator == suffix, (path.name, row.text)
    assert checked > 200


@needs_shared
def test_national_2020_has_an_absent_gdp_row_and_no_invented_number():
    rows = extract(load_document(read(str(SHARED / "reports" / "national-2020.txt"))))
    absent = [r for r in rows if r.comparator == "absent"]
    assert len(absent) == 1 and absent[0].value is None and "国内生产总值" in absent[0].indicator
    assert not [r for r in rows if r.kind == "target" and "生产总值" in r.indicator and r.value is not None
                and r.unit == "%" and r.change == "growth"]


def test_same_rows_whatever_the_encoding(cli, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    outputs = set()
    for codec in ("utf-8", "gb18030", "utf-16", "utf-8-sig"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        code, out, _ = cli("targets", "--kind", "all", "--format", "jsonl", str(path))
        assert code == 0
        outputs.add("\n".join(json.dumps({k: v for k, v in row.items() if k != "file"}, ensure_ascii=False)
                              for row in jsonl(out)))
    assert len(outputs) == 1 and len(next(iter(outputs))) > 1000


def test_html_lines_point_into_govreport_text(cli, tmp_path):
    page = tmp_path / "report.html"
    page.write_text("<html><head><title>t</title></head><body>\n<h2>二、2022年工作安排</h2>\n"
                    "<p>主要预期目标是：地区生产总值增长<b>10%</b>以上。</p>\n</body></html>\n", encoding="gb18030")
    rows = tsv(cli("targets", "--kind", "all", str(tmp_path))[1])
    assert [(r["line"], r["col"], r["text"], r["comparator"]) for r in rows] == [("3", "17", "10%以上", ">=")]
    line = cli("text", str(page))[1].splitlines()[2]
    assert line[16:16 + len("10%以上")] == "10%以上"
