import json
import subprocess
import sys

from conftest import SEED, jsonl, tsv

TEXT = "全面推进乡村振兴，持续优化营商环境。乡村振兴取得新成效。\n"


def test_seed_head_gives_header_and_rows(cli):
    code, out, err = cli("keywords", str(SEED), "--top", "5")
    rows = tsv(out)
    assert code == 0 and err == ""
    assert list(rows[0]) == ["rank", "word", "count", "per_10k"] and len(rows) == 5
    counts = [int(r["count"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_stdin(cli):
    code, out, _ = cli("keywords", "--format", "jsonl", input=TEXT.encode("gb18030"))
    assert code == 0
    assert jsonl(out)[0] == {"rank": 1, "word": "乡村振兴", "count": 2, "per_10k": jsonl(out)[0]["per_10k"]}


def test_same_rows_whatever_the_encoding(cli, tmp_path):
    outputs = set()
    for codec in ["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"]:
        path = tmp_path / f"{codec}.txt"
        text = TEXT if codec != "big5" else "全面推進鄉村振興，持續優化營商環境。鄉村振興取得新成效。\n"
        path.write_bytes(text.encode(codec))
        code, out, _ = cli("keywords", str(path))
        assert code == 0
        outputs.add(out)
    assert len(outputs) == 1


def test_folder_and_several_inputs_add_docs(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("乡村振兴。", encoding="utf-8")
    code, out, _ = cli("keywords", str(tmp_path))
    rows = tsv(out)
    assert code == 0 and rows[0]["word"] == "乡村振兴" and rows[0]["count"] == "3" and rows[0]["docs"] == "2"


def test_by_doc_has_file_column(cli, tmp_path):
    for name in "ab":
        (tmp_path / f"{name}.txt").write_text(TEXT + name, encoding="utf-8")  # two reports, not one twice
    rows = tsv(cli("keywords", "--by-doc", "--top", "2", str(tmp_path))[1])
    assert [r["file"].rsplit("/", 1)[1] for r in rows] == ["a.txt", "a.txt", "b.txt", "b.txt"]


def test_terms(cli):
    out = cli("keywords", "--terms", "营商环境,鄉村振興,新质生产力", input=TEXT)[1]
    assert {r["word"]: r["count"] for r in tsv(out)} == {"乡村振兴": "2", "营商环境": "1", "新质生产力": "0"}


def test_bad_file_keeps_the_others(cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    code, out, err = cli("keywords", str(tmp_path / "missing.txt"), str(good))
    assert code == 1
    assert err.strip() == f"govreport: {tmp_path / 'missing.txt'}: no such file or folder"
    assert tsv(out)[0]["word"] == "乡村振兴"


def test_bad_option_is_usage_error(cli):
    assert cli("keywords", "--method", "magic", str(SEED))[0] == 2
    assert cli("keywords", "--top", "-1", str(SEED))[0] == 2


def test_each_format(cli):
    assert json.loads(cli("keywords", "-f", "json", "--top", "3", str(SEED))[1])[2]["rank"] == 3
    assert cli("keywords", "-f", "csv", "--top", "3", str(SEED))[1].splitlines()[0] == "rank,word,count,per_10k"
    assert "rank" not in cli("keywords", "--no-header", "--top", "3", str(SEED))[1]


def test_closed_pipe_ends_quietly():
    cmd = f"{sys.executable} -m govreport keywords --top 0 {SEED} | head -1"
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=60)
    assert done.stdout == "rank\tword\tcount\tper_10k\n"
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr


def test_no_input_on_a_terminal_is_usage_error():
    done = subprocess.run([sys.executable, "-m", "govreport", "keywords"], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60)
    # stdin is not a terminal here, but it is empty: an error for that input, not a traceback
    assert done.returncode in (1, 2) and "Traceback" not in done.stderr


def test_stopwords_file_and_min_options(cli, tmp_path):
    stop = tmp_path / "stop.txt"
    stop.write_text("# mine\n鄉村振興\n", encoding="utf-8")
    rows = tsv(cli("keywords", "--stopwords", str(stop), "--top", "0", input=TEXT * 3)[1])
    assert "乡村振兴" not in {r["word"] for r in rows}
    rows = tsv(cli("keywords", "--min-count", "6", "--top", "0", input=TEXT * 3)[1])
    assert [r["word"] for r in rows] == ["乡村振兴"]
    rows = tsv(cli("keywords", "--min-len", "4", "--top", "0", input=TEXT)[1])
    assert all(len(r["word"]) >= 4 for r in rows)


def test_pos_filter_and_methods(cli):
    rows = tsv(cli("keywords", "--pos", "n", "--top", "0", input=TEXT)[1])
    words = {r["word"] for r in rows}
    assert "乡村振兴" in words and "推进" not in words
    for method in ("tfidf", "textrank"):
        rows = tsv(cli("keywords", "--method", method, "--top", "3", input=TEXT * 2)[1])
        assert list(rows[0]) == ["rank", "word", "count", "per_10k", "score"] and len(rows) == 3


def test_userdict_option(cli, tmp_path):
    userdict = tmp_path / "dict.txt"
    userdict.write_text("持续优化营商环境 5 nz\n", encoding="utf-8")
    rows = tsv(cli("keywords", "--userdict", str(userdict), "--top", "0", "--no-cache", input=TEXT)[1])
    assert "持续优化营商环境" in {r["word"] for r in rows}
