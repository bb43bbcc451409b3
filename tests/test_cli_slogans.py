from conftest import SEED, jsonl, needs_shared, report_files, tsv
from conftest import score as score_seed


def test_seed_warns_once_about_damage(cli):
    code, out, err = cli("slogans", str(SEED))
    assert code == 0
    assert err.strip().splitlines() == [
        f"govreport: {SEED}: 6 quoted spans damaged by an encoding error (lines 8, 11, 28, 30, 32, 41; see --all)"]
    assert "garbled" not in out and "?!" not in out


def test_all_shows_garbled_and_quote_rows(cli):
    code, out, err = cli("slogans", "--all", "-f", "jsonl", str(SEED))
    rows = jsonl(out)
    assert err == "" and {r["type"] for r in rows} >= {"garbled", "quote", "formula"}
    assert sorted(r["first_line"] for r in rows if r["type"] == "garbled") == [8, 11, 28, 30, 32, 41]


def test_type_filter_and_bad_type(cli):
    rows = tsv(cli("slogans", "--type", "formula", str(SEED))[1])
    assert rows and {r["type"] for r in rows} == {"formula"}
    assert cli("slogans", "--type", "nonsense", str(SEED))[0] == 2


def test_several_inputs_add_file_and_files(cli, tmp_path):
    (tmp_path / "a.txt").write_text("做好“六稳”", encoding="utf-8")
    (tmp_path / "b.txt").write_text("做好“六稳”“六保”", encoding="gb18030")
    rows = tsv(cli("slogans", str(tmp_path))[1])
    assert list(rows[0]) == ["file", "phrase", "type", "quoted", "mentions", "first_line", "files"]
    assert (rows[0]["phrase"], rows[0]["files"]) == ("六稳", "2")


@needs_shared
def test_seed_scores(tmp_path):
    score = score_seed("score_slogans.py", "seed-slogans.tsv", "slogans", "--all", tmp_path=tmp_path)
    assert score["phrase_prf"][2] >= 0.98
    assert score["quoted_count_accuracy"] >= 0.98 and score["first_line_accuracy"] >= 0.98
    assert score["type_accuracy"] >= 0.90
    assert score["garbled_lines_flagged"] == "6/6"


@needs_shared
def test_no_false_damage_warning_on_clean_reports(cli):
    known = {"baoding-city-2021.txt", "baoding-qingyuan-district-2023.txt"}
    clean = [str(p) for p in report_files() if p.name not in known]
    code, out, err = cli("slogans", *clean)
    assert code == 0 and "damaged" not in err
    assert all(line.endswith("read once") for line in err.splitlines())  # only the twins given twice
