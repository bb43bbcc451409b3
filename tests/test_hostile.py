"""Hostile files, hostile terminals, dying processes: nothing hangs, crashes or leaks, other inputs survive."""
from collections import Counter
import csv
import io
import json
import os
import pickle
import signal
import subprocess
import sys
import time
import zlib

import pytest
from conftest import ROOT, SEED, tsv

from govreport.analyses.targets import extract
from govreport.run.batch import Batch, RowsTask
from govreport.run.cache import Cache, decode

GOOD = "二、2025年工作安排\n地区生产总值增长5%左右，城镇新增就业1100万人以上。\n"


def govreport(*args, env=None, **kwargs):
    environment = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "govreport", *args], capture_output=True, env=environment, **kwargs)


def test_symlink_loops_never_trap_a_glob_or_a_folder(cli, tmp_path):
    root = tmp_path / "L"
    (root / "s").mkdir(parents=True)
    (root / "r.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("..", root / "s" / "up")
    os.symlink("../L", root / "self")
    for argument in (str(root / "**" / "*.txt"), str(root)):
        code, out, _ = cli("targets", "--no-cache", argument)
        assert code == 0 and {r["file"] for r in tsv(out)} == {str(root / "r.txt")}, argument


def test_devices_fifos_and_oversized_inputs(cli, tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    code, out, err = cli("targets", "--no-cache", str(tmp_path))  # neither blocks nor floods the run
    assert code == 0 and len(tsv(out)) == 2 and "devices, FIFOs" in err
    code, out, err = cli("targets", "--no-cache", "/dev/zero", str(tmp_path / "good.txt"))
    assert code == 1 and len(tsv(out)) == 2 and "/dev/zero: not a regular file" in err
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 3000, encoding="utf-8")
    code, out, err = cli("targets", "--no-cache", "--max-size", "0.01", str(big))
    assert code == 1 and tsv(out) == [] and "more than" in err and "--max-size" in err and err.count("\n") == 1
    assert cli("targets", "--no-cache", "--max-size", "1", str(big))[0] == 0


class Boom:
    """Whatever a crafted cache entry tries to run."""

    def __reduce__(self):
        return (open, (str(ROOT / "PWNED"), "w"))


def test_the_cache_holds_data_never_code(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVREPORT_CACHE_DIR", str(tmp_path))
    assert cli("targets", str(SEED))[0] == 0
    store = Cache.open(tmp_path)
    store._db.execute("UPDATE results_v2 SET value = ?", (zlib.compress(pickle.dumps([Boom()])),))
    code, out, err = cli("targets", str(SEED))
    assert code == 0 and len(tsv(out)) > 10 and err == "" and not (ROOT / "PWNED").exists()
    for crafted in ({"@": "Popen", "f": {}}, {"@": "TargetRow", "f": {"file": "x"}}, {"X": []}):
        with pytest.raises((KeyError, ValueError)):
            decode(crafted)


def test_the_cache_drops_the_least_recently_used(tmp_path):
    """A hit counts as use (recorded once at the end of a run), so an old entry read again stays."""
    import random

    store = Cache.open(tmp_path)
    texts = {name: "".join(chr(0x4E00 + random.Random(name).randrange(20000)) for _ in range(400))
             for name in ("old", "a", "b", "c", "d")}
    for name in ("old", "a", "b", "c"):
        store.put(name, texts[name])
    time.sleep(0.01)
    store._since = time.time()  # those four were an earlier run's: this run may evict them
    store.limit = store.info().bytes + 10  # room for these four, not five
    assert store.get("old") == texts["old"]
    store.evict()  # marks "old" used after a, b and c
    store.put("d", texts["d"])
    store.evict()
    assert store.get("old") == texts["old"] and store.get("d") == texts["d"]
    assert store.get("a") is None  # the least recently used went first


def test_the_cache_keeps_to_its_size_and_clear_mends_a_broken_file(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVREPORT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("GOVREPORT_CACHE_SIZE", "0.004")  # megabytes
    for i in range(80):
        (tmp_path / f"r{i}.txt").write_text(GOOD + f"第{i}条。" * 50, encoding="utf-8")
    code, _, err = cli("kwic", "地区", str(tmp_path))
    info = Cache.open(tmp_path).info()  # a run never evicts its own entries: it grows past, and says so
    assert code == 0 and info.entries == 80 and info.bytes > info.limit and "past its limit" in err
    code, _, err = cli("kwic", "发展", str(tmp_path))  # the next run evicts the last run's
    info = Cache.open(tmp_path).info()
    assert code == 0 and 80 <= info.entries < 160 and info.misses == 160 and info.hits == 0
    code, _, err = cli("kwic", "发展", str(tmp_path))
    assert Cache.open(tmp_path).info().hits == 80 and "past its limit" not in err
    (tmp_path / "cache.sqlite3").write_bytes(b"junk" * 1000)
    code, _, err = cli("cache", "clear")
    assert code == 0 and "removed" in err
    assert Cache.open(tmp_path) is not None


def test_escape_sequences_never_reach_a_terminal(cli, tmp_path):
    name = tmp_path / "\x1b]0;title\x07r.txt"
    name.write_text("\x1b[2J二、2025年工作安排\n“\x1b]8;;http://x\x1b\\链接”地区生产总值增长5%左右。\n",
                    encoding="utf-8")
    for args in (("targets", "-f", "table"), ("slogans", "-f", "tsv"), ("kwic", "地区", "-f", "csv")):
        code, out, err = cli(*args, str(name))
        assert "\x1b" not in out and "\x07" not in out, args
    code, out, err = cli("targets", str(tmp_path / "\x1b[31mmissing.txt"))
    assert code == 1 and "\x1b" not in err and "\\x1b[31m" in err


def test_csv_cells_are_no_formulas(cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("二、2025年工作安排\n“=cmd|' /C calc'!A0”“@SUM(A1)”“+cmd”“-1”。增长-2%。\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(cli("slogans", "--all", "-f", "csv", str(path))[1])))
    assert {r["phrase"] for r in rows} == {"'=cmd|' /C calc'!A0", "'@SUM(A1)", "'+cmd", "-1"}
    values = [r["value"] for r in csv.DictReader(io.StringIO(cli("targets", "-f", "csv", str(path))[1]))]
    assert values == ["-2"]  # a negative number stays a number


def test_tsv_is_one_record_a_line_for_every_reader(cli, tmp_path):
    import duckdb
    import pandas

    path = tmp_path / "r.txt"
    path.write_text("".join(f"第{i}项：\"开展\"试点，“开展”调研，开展{i}次。\n" for i in range(14)), encoding="utf-8")
    out = cli("kwic", "开展", "-w", "8", str(path))[1]
    lines = out.count("\n")
    assert lines == 43  # a header and 42 rows
    target = tmp_path / "kwic.tsv"
    target.write_text(out, encoding="utf-8")
    assert len(list(csv.reader(io.StringIO(out), delimiter="\t"))) == lines
    assert len(pandas.read_csv(target, sep="\t")) == lines - 1
    assert duckdb.sql(f"SELECT COUNT(*) FROM read_csv_auto('{target}', delim='\\t')").fetchall()[0][0] == lines - 1
    awk = subprocess.run(["awk", "-F\t", "END {print NR}", str(target)], capture_output=True, text=True).stdout
    cut = subprocess.run(["cut", "-f", "3", str(target)], capture_output=True, text=True).stdout
    assert int(awk) == lines and cut.count("\n") == lines


class KillWorker:
    """A task whose worker dies on reports that say 自毁 (every time, or the first time only)."""

    def __init__(self, marker=None):
        self.marker = marker

    def __call__(self, doc):
        if "自毁" in doc.text and os.getpid() != PARENT:
            if self.marker is None or not os.path.exists(self.marker):
                if self.marker:
                    open(self.marker, "w").close()
                os.kill(os.getpid(), signal.SIGKILL)
        return extract(doc)

    def fingerprint(self):
        return "kill"

    def rename(self, result, name):
        return result


PARENT = os.getpid()


def test_a_dead_worker_costs_only_its_own_input(tmp_path):
    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(GOOD + ("自毁。" if i == 2 else "") + "。" * i, encoding="utf-8")
    errors = []
    batch = Batch([str(tmp_path)], KillWorker(), jobs=2, on_error=errors.append)
    names = [os.path.basename(name) for name, _ in batch]
    assert names == ["r0.txt", "r1.txt", "r3.txt", "r4.txt", "r5.txt"]
    assert len(errors) == 1 and "r2.txt: a worker process died" in str(errors[0])
    once = Batch([str(tmp_path)], KillWorker(str(tmp_path / "died")), jobs=2)
    assert len(list(once)) == 6  # killed once, then read again


def workers_of(parent):
    children = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in children]


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_their_parent(tmp_path, how):
    for i in range(40):  # forty different reports (the same bytes twice are read once): work for a while
        (tmp_path / f"r{i}.txt").write_text(GOOD * 400 + f"第{i}条。", encoding="utf-8")
    command = ["keywords", "--jobs", "2", "--no-cache", "--segmenter", "jieba", str(tmp_path)]
    parent = subprocess.Popen([sys.executable, "-m", "govreport", *command],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not workers_of(parent.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = workers_of(parent.pid)
    assert workers, "no worker started"
    parent.send_signal(how)
    parent.wait()
    deadline = time.monotonic() + 20
    while any(os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid) for pid in workers) \
            and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid)]


def _state(pid):
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(")")[-1].split()[0]
    except OSError:
        return "Z"


def test_parallel_runs_end_without_a_traceback(tmp_path):
    for i in range(8):
        (tmp_path / f"r{i}.txt").write_text(GOOD * (20 + i), encoding="utf-8")
    for _ in range(6):
        done = govreport("targets", "--jobs", "2", "--no-cache", str(tmp_path))
        assert done.returncode == 0 and done.stderr == b""


def test_an_unreadable_folder_is_reported(cli, tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = cli("targets", str(tmp_path))
    assert code == 1 and len(tsv(out)) == 2 and "locked: cannot read this folder (Permission denied)" in err


def test_a_file_name_that_is_no_utf8(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/r\xff.txt", "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    done = govreport("targets", "-f", "jsonl", str(tmp_path), env={"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(rows) == 2 and rows[0]["file"].endswith("r\\xff.txt")


def test_workers_are_capped_at_the_cpus(tmp_path):
    from govreport.run.batch import default_jobs

    for i in range(8):
        (tmp_path / f"r{i}.txt").write_text(GOOD, encoding="utf-8")
    assert Batch([str(tmp_path)], RowsTask(extract), jobs=64).jobs == min(8, default_jobs())


def test_mixed_encodings_and_utf16_without_bom(cli, tmp_path):
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("二、2025年工作安排\n".encode("utf-8") + "地区生产总值增长5%左右。\n".encode("gbk")
                      + "城镇新增就业1100万人以上。\n".encode("utf-8"))
    code, out, err = cli("targets", str(mixed))
    assert code == 0 and len(tsv(out)) == 2 and "mixed encodings" in err and "(lines 2)" in err
    wide = tmp_path / "utf16.txt"
    wide.write_bytes("一、2024年工作回顾上年地区生产总值增长五个百分点。二、2025年工作安排".encode("utf_16_le"))
    assert cli("targets", "--kind", "all", str(wide))[0] == 0


def test_no_file_is_left_open(tmp_path):
    userdict = tmp_path / "dict.txt"
    userdict.write_text("新质生产力 100 n\n", encoding="utf-8")
    code = ("from govreport.analyses.segment import Segmenter\nfrom govreport.analyses.keywords import profile\n"
            f"Segmenter((r'{userdict}',)); profile()\nimport gc; gc.collect()")
    done = subprocess.run([sys.executable, "-X", "dev", "-W", "error::ResourceWarning", "-c", code],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "ResourceWarning" not in done.stderr


class KillName(KillWorker):
    """KillWorker whose result is the report's name: what a tally of names can check."""

    def __call__(self, doc):
        super().__call__(doc)
        return doc.name


class Names:
    """A tally of names added, and how many tallies were merged into it."""

    def __init__(self):
        self.seen, self.merged = Counter(), 0

    def add(self, name):
        self.seen[os.path.basename(name)] += 1

    def merge(self, other):
        self.seen.update(other.seen)
        self.merged += 1


def test_a_dead_worker_costs_a_fold_only_its_own_input(tmp_path):
    """Batch.fold adds results up in workers, a chunk at a time: a worker that dies loses its
    chunk's tally, whose inputs are read again alone; none is added twice or lost."""
    from govreport.run.batch import FOLD_CHUNK

    count = 2 * FOLD_CHUNK + 5
    for i in range(count):
        (tmp_path / f"r{i:02d}.txt").write_text(GOOD + ("自毁。" if i == 20 else "") + "。" * i, encoding="utf-8")
    errors = []
    tally = Batch([str(tmp_path)], KillName(), jobs=2, on_error=errors.append).fold(Names)
    assert tally.seen == Counter({f"r{i:02d}.txt": 1 for i in range(count) if i != 20})
    assert tally.merged >= 1  # added up in workers, not one by one here
    assert len(errors) == 1 and "r20.txt: a worker process died" in str(errors[0])
    again = Batch([str(tmp_path)], KillName(str(tmp_path / "died")), jobs=2).fold(Names)
    assert again.seen == Counter({f"r{i:02d}.txt": 1 for i in range(count)})
    alone = Batch([str(tmp_path)], KillName(str(tmp_path / "died")), jobs=1).fold(Names)
    assert alone.seen == again.seen and alone.merged >= 1  # one job adds up a chunk at a time too, here
