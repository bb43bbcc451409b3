"""Datasets researchers can open, and a CLI that catches their slips (issue 22)."""
import json
import subprocess
import sys

from conftest import ROOT, SEED, tsv

NATIONAL = ROOT / "corpus" / "national"


def run(*args):
    return subprocess.run([sys.executable, "-m", "govreport", *map(str, args)], capture_output=True, text=True)


def test_usage_errors_are_one_line_with_exit_2():
    for args in (["targets", "--bogus", SEED], ["targets", "--wide", SEED], ["nosuch"],
                 ["keywords", "--top", "-1", SEED], ["targets", "-i", "gpd", SEED]):
        done = run(*args)
        assert done.returncode == 2 and done.stdout == "", args
        assert len(done.stderr.strip().splitlines()) == 1 and done.stderr.startswith("govreport"), (args, done.stderr)


def test_a_misspelt_code_gets_the_close_ones(cli):
    code, out, err = cli("targets", "--panel", "-i", "urban_jobs", str(SEED))
    assert code == 2 and "unknown code urban_jobs (did you mean urban_new_jobs?)" in err
    assert cli("targets", "-i", "gdp|cpi", str(NATIONAL / "national-2024.txt"))[0] == 0  # a regex still works


def test_codebook_lists_every_code_the_panel_can_emit(cli):
    from govreport.rules.codebook import codebook

    rows = tsv(cli("codebook", "-f", "tsv")[1])
    assert [r["code"] for r in rows] == [c.code for c in codebook()]
    notes = {r["code"]: r["note"] for r in rows}
    assert "1993" in notes["gnp"] and "cpi" in notes["retail_prices"]
    panel_codes = {r["code"] for r in tsv(cli("targets", "--panel", str(NATIONAL))[1]) if r["code"]}
    assert panel_codes <= {r["code"] for r in rows}


def test_datapackage_describes_the_panels_columns(cli):
    from govreport.analyses.panel import PanelRow

    package = json.loads(cli("codebook", "-f", "datapackage")[1])
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == list(PanelRow.__dataclass_fields__)
    types = {f["name"]: f["type"] for f in fields}
    assert (types["year"], types["target_low"], types["region"], types["n_sources"]) == ("integer", "number",
                                                                                       "string", "integer")
    assert "gdp" in next(f for f in fields if f["name"] == "code")["constraints"]["enum"]
    # what a Frictionless validator checks of a tabular data resource (Table Schema)
    allowed = {"string", "number", "integer", "boolean", "date", "year", "any"}
    resource = package["resources"][0]
    assert package["name"] and resource["path"] and resource["profile"] == "tabular-data-resource"
    assert len({f["name"] for f in fields}) == len(fields) and {f["type"] for f in fields} <= allowed


def test_wide_keeps_the_comparator_and_the_years_without_a_target(cli):
    row, = tsv(cli("targets", "--panel", "--wide", "-i", "gdp", str(NATIONAL))[1])
    assert (row["target_cmp_2020"], row["target_2020"]) == ("absent", "")  # 2020: no GDP target was set
    assert (row["target_cmp_2016"], row["target_2016"], row["target_high_2016"]) == ("range", "6.5", "7")
    assert row["target_cmp_2024"] == "~" and row["region_code"] == "000000"


def test_a_region_on_one_side_only_is_said_so_once(cli, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "national-2023.txt").write_bytes((NATIONAL / "national-2023.txt").read_bytes())
    (a / "seed.txt").write_bytes(SEED.read_bytes())
    (b / "national-2024.txt").write_bytes((NATIONAL / "national-2024.txt").read_bytes())
    rows = tsv(cli("diff", str(a), str(b), "-s", "target")[1])
    assert [r["status"] for r in rows if "凤泉" in r["name"]] == ["only_a"]
    assert not [r for r in rows if r["status"] in ("new", "dropped") and "凤泉" in r["name"]]


def test_the_same_report_given_twice_is_read_once(cli, tmp_path):
    (tmp_path / "copy.txt").write_bytes((NATIONAL / "national-2023.txt").read_bytes())
    code, out, err = cli("trend", "疫情", str(NATIONAL / "national-2023.txt"), str(tmp_path / "copy.txt"))
    assert code == 0 and "copy.txt: the same bytes as" in err and "read once" in err
    row, = tsv(out)
    assert row["docs"] == "1"
    listed = tsv(cli("info", str(NATIONAL / "national-2023.txt"), str(tmp_path / "copy.txt"))[1])
    assert len(listed) == 2  # a command that lists each input lists both files


def test_exclude_leaves_inputs_out(cli):
    rows = tsv(cli("info", str(NATIONAL), "--exclude", "national-201*", "--exclude", "*2025*")[1])
    years = sorted(int(r["year"]) for r in rows)
    assert years == list(range(2020, 2025))


def _export(cli, tmp_path, name, *more):
    out = tmp_path / name
    code, stdout, err = cli("targets", "--panel", "-i", "gdp|cpi", str(NATIONAL), "-o", str(out), *more)
    assert code == 0 and stdout == "" and f"wrote {out}" in err, err
    return out


def test_excel_stata_and_parquet_read_back_typed_with_chinese_intact(cli, tmp_path):
    import pandas

    frames = {"xlsx": pandas.read_excel(_export(cli, tmp_path, "p.xlsx")),
              "dta": pandas.read_stata(_export(cli, tmp_path, "p.dta")),
              "parquet": pandas.read_parquet(_export(cli, tmp_path, "p.parquet"))}
    for fmt, frame in frames.items():
        assert str(frame["year"].dtype).startswith("int"), fmt
        assert str(frame["actual"].dtype) == "float64", fmt
        assert set(frame["region"]) == {"全国"} and "生产总值" in set(frame["indicator"]), fmt
    with pandas.read_stata(tmp_path / "p.dta", iterator=True) as stata:
        assert "GB/T 2260" in stata.variable_labels()["region_code"]
        assert "gdp 生产总值" in stata.value_labels()["code_n"].values()


def test_excel_csv_starts_with_a_bom_and_a_codebook_goes_beside(cli, tmp_path):
    out = _export(cli, tmp_path, "panel.csv", "--bom", "--codebook")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfregion,")
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["resources"][0]["path"] == "panel.csv"


def test_a_binary_format_needs_a_file_and_never_replaces_an_input(cli, tmp_path):
    assert cli("targets", "--format", "xlsx", str(SEED))[0] == 2
    copy = tmp_path / "seed.txt"
    copy.write_bytes(SEED.read_bytes())
    code, _, err = cli("targets", str(copy), "-o", str(copy))
    assert code == 2 and "is one of the inputs" in err and copy.read_bytes() == SEED.read_bytes()


def test_a_missing_optional_library_is_a_clear_message(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the parquet extra were not installed
    code, out, err = cli("targets", "--panel", str(NATIONAL / "national-2024.txt"), "-o", str(tmp_path / "p.parquet"))
    assert code == 2 and "writing .parquet needs pyarrow: pip install 'govreport[parquet]'" in err
    assert not (tmp_path / "p.parquet").exists() and not list(tmp_path.glob(".govreport-*"))
