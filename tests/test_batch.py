import shutil

from conftest import SEED, needs_shared, report_files, tsv

from govreport.analyses.keywords import KeywordTask, Options
from govreport.analyses.targets import extract
from govreport.run.batch import Batch, RowsTask
from govreport.run.cache import Cache

TEXT = "全面推进乡村振兴，深化“放管服”改革，地区生产总值增长5%左右。"


def corpus(tmp_path, n=6):
    for i in range(n):
        (tmp_path / f"r{i}.txt").write_text(TEXT * (i + 1), encoding="utf-8")
    return str(tmp_path)


def test_results_come_in_input_order_with_workers(tmp_path):
    folder = corpus(tmp_path)
    names = [name for name, _ in Batch([folder], RowsTask(extract), jobs=2)]
    assert names == sorted(names) and len(names) == 6


def test_jobs_give_identical_output(cli, tmp_path):
    folder = corpus(tmp_path)
    for command in (["keywords"], ["targets", "--kind", "all"], ["slogans", "--all"]):
        one = cli(*command, "--jobs", "1", "--no-cache", folder)[1]
        two = cli(*command, "--jobs", "2", "--no-cache", folder)[1]
        assert one == two and one.count("\n") > 1, command


def test_bad_file_in_a_parallel_batch(cli, tmp_path):
    folder = corpus(tmp_path, 4)
    (tmp_path / "r2.txt").write_bytes(b"")
    code, out, err = cli("targets", "--kind", "all", "--jobs", "2", folder)
    assert code == 1 and "r2.txt: empty file" in err
    assert {r["file"].rsplit("/", 1)[1] for r in tsv(out)} == {"r0.txt", "r1.txt", "r3.txt"}


def test_cache_answers_a_warm_run_and_renames(tmp_path):
    folder = corpus(tmp_path / "a", 3) if (tmp_path / "a").mkdir() is None else None
    store = Cache.open(tmp_path / "cache")
    cold = list(Batch([folder], RowsTask(extract), cache=store))
    assert store.info().entries == 3
    moved = tmp_path / "b"
    shutil.copytree(folder, moved)
    warm = list(Batch([str(moved)], RowsTask(extract), cache=store))
    assert [rows[0].file for _, rows in warm] == [name for name, _ in warm]
    assert [[r.value for r in rows] for _, rows in warm] == [[r.value for r in rows] for _, rows in cold]


def test_options_change_the_cache_key():
    assert KeywordTask(Options(min_len=2)).fingerprint() != KeywordTask(Options(min_len=3)).fingerprint()
    assert KeywordTask(Options(stopwords=frozenset("ab"))).fingerprint() == \
        KeywordTask(Options(stopwords=frozenset("ba"))).fingerprint()


def test_corrupted_entries_are_rebuilt(tmp_path):
    folder = corpus(tmp_path / "c", 2) if (tmp_path / "c").mkdir() is None else None
    store = Cache.open(tmp_path / "cache")
    first = list(Batch([folder], RowsTask(extract), cache=store))
    store._db.execute("UPDATE results_v2 SET value = X'00DEADBEEF'")
    again = list(Batch([folder], RowsTask(extract), cache=store))
    assert [len(r) for _, r in again] == [len(r) for _, r in first]
    assert store.get(next(iter(store._db.execute("SELECT key FROM results_v2")))[0]) is not None


def test_a_broken_cache_file_never_stops_the_work(cli, tmp_path, monkeypatch):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "cache.sqlite3").write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("GOVREPORT_CACHE_DIR", str(broken))
    code, out, _ = cli("targets", str(SEED))
    assert code == 0 and len(tsv(out)) > 10


def test_cache_info_and_clear(cli):
    cli("targets", str(SEED))  # one report's facts, kept in two parts: its info and its figures
    rows = tsv(cli("cache", "info")[1])
    assert rows[0]["entries"] == "2"
    code, _, err = cli("cache", "clear")
    assert code == 0 and "removed 2" in err
    assert tsv(cli("cache", "info")[1])[0]["entries"] == "0"


def test_no_cache_writes_nothing(cli):
    cli("targets", "--no-cache", str(SEED))
    assert tsv(cli("cache", "info")[1])[0]["entries"] == "0"


@needs_shared
def test_warm_run_does_not_import_jieba(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "reports"
    folder.mkdir()
    for path in report_files()[:3]:
        shutil.copy(path, folder)
    code = ("import sys, io, contextlib\nfrom govreport.cli import main\nsys.argv=['govreport','keywords','--jobs','1',sys.argv[1]]\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n    try: main()\n    except SystemExit: pass\n"
            "print('jieba' in sys.modules or 'rjieba' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120)
    second = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120)
    assert first.stdout.strip() == "True" and second.stdout.strip() == "False"


def test_two_processes_share_the_cache(tmp_path):
    import subprocess
    import sys

    folder = corpus(tmp_path / "d", 6) if (tmp_path / "d").mkdir() is None else None
    env = dict(__import__("os").environ, GOVREPORT_CACHE_DIR=str(tmp_path / "shared-cache"))
    cmd = [sys.executable, "-m", "govreport", "targets", "--kind", "all", "--jobs", "1", folder]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert outs[0][0] == outs[1][0] and outs[0][0].count("\n") > 6
    assert all(err == "" for _, err in outs)
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert again.stdout == outs[0][0]


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch):
    import io
    import sys

    from govreport.commands import common

    folder = corpus(tmp_path / "e", 9) if (tmp_path / "e").mkdir() is None else None

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet = common.load([folder], RowsTask(extract), common.Run(jobs=1, no_cache=True))
    assert not isinstance(quiet, common.WithProgress)  # stderr is not a terminal here
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    loud = common.load([folder], RowsTask(extract), common.Run(jobs=1, no_cache=True))
    assert isinstance(loud, common.WithProgress) and len(list(loud)) == 9


def test_info_after_targets_is_a_cache_read_and_says_the_same(cli, monkeypatch):
    """targets, info, targets --panel and review share one analysis of each report."""
    from govreport.analyses import targets

    _, cold_info, _ = cli("info", "--no-cache", str(SEED))
    _, cold_rows, _ = cli("targets", "--no-cache", str(SEED))
    assert cli("targets", str(SEED))[1] == cold_rows

    def no_extraction(doc):
        raise AssertionError("extracted again")

    monkeypatch.setattr(targets, "extract", no_extraction)
    code, out, _ = cli("info", str(SEED))
    assert code == 0 and out == cold_info
    assert cli("targets", str(SEED))[1] == cold_rows
    assert tsv(cli("cache", "info")[1])[0]["hits"] == "2"  # info, then targets: both read, neither computed


def test_digest_and_diff_read_what_targets_keywords_and_slogans_cached(cli, monkeypatch, tmp_path):
    """A digest's report facts, word counts and phrases are the entries targets, keywords and
    slogans wrote; a diff after it computes nothing."""
    from govreport.analyses import keywords, report, slogans

    second = tmp_path / "fengquan-2023.txt"
    second.write_text(SEED.read_text(encoding="utf-8").replace("2022", "2023"), encoding="utf-8")
    inputs = [str(SEED), str(second)]
    cold_page = tmp_path / "cold.html"
    assert cli("digest", "--no-cache", "-j", "1", "-o", str(cold_page), *inputs)[0] == 0
    cold_diff = cli("diff", "--no-cache", "-j", "1", *inputs)[1]
    for command in ("targets", "keywords", "slogans"):
        assert cli(command, "-j", "1", *inputs)[0] == 0

    def computed(*args, **kwargs):
        raise AssertionError("computed again")

    for module, name in ((report, "extract"), (keywords, "count_words"), (slogans, "phrase_stats")):
        monkeypatch.setattr(module, name, computed)
    warm_page = tmp_path / "warm.html"
    code, _, err = cli("digest", "-j", "1", "-o", str(warm_page), *inputs)
    assert code == 0, err
    assert warm_page.read_bytes() == cold_page.read_bytes()
    code, out, err = cli("diff", "-j", "1", *inputs)
    assert code == 0 and out == cold_diff, err


def test_a_rerun_of_the_same_inputs_and_options_reads_one_entry(cli, monkeypatch, tmp_path):
    """keywords and targets --panel rerun on unchanged reports are answered from one cache entry,
    with the same output and notices; a changed report, other options, or an input that failed
    make them compute again."""
    from govreport.analyses import keywords, panel

    folder = tmp_path / "reports"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for year in ("2022", "2023"):
        (folder / f"fengquan-{year}.txt").write_text(text.replace("2022", year), encoding="utf-8")
    (folder / "copy-2023.txt").write_text(text.replace("2022", "2023") + "\n（副本）\n", encoding="utf-8")
    first = cli("keywords", "-j", "1", str(folder))
    first_panel = cli("targets", "--panel", "-j", "1", str(folder))
    assert "both" in first_panel[2]  # two reports claim 2023: a notice

    calls = []
    real_rank, real_candidates = keywords.ranked, panel.candidates
    monkeypatch.setattr(keywords, "ranked", lambda *a, **k: calls.append("rank") or real_rank(*a, **k))
    monkeypatch.setattr(panel, "candidates", lambda *a, **k: calls.append("panel") or real_candidates(*a, **k))
    assert cli("keywords", "-j", "1", str(folder)) == first
    assert cli("targets", "--panel", "-j", "1", str(folder)) == first_panel  # the notice said again
    assert calls == []
    assert cli("keywords", "-j", "1", "--top", "5", str(folder))[0] == 0 and calls == ["rank"]
    (folder / "copy-2023.txt").write_text(text.replace("2022", "2024"), encoding="utf-8")
    assert cli("keywords", "-j", "1", str(folder))[1] != first[1] and calls == ["rank", "rank"]
    (folder / "empty.txt").write_text("", encoding="utf-8")
    for _ in range(2):  # an input that fails is said again on every run: no run entry is kept
        code, _, err = cli("keywords", "-j", "1", str(folder))
        assert code == 1 and "empty.txt" in err
    assert calls == ["rank"] * 4


def test_a_first_run_reads_each_input_once_and_a_rerun_checks_the_bytes(cli, monkeypatch, tmp_path):
    """No run entry is looked for by reading every input a second time when none can be there
    (the paths, sizes and times were never seen); where they were, the bytes are read and checked,
    so a file rewritten in place with the same size and time is analysed again."""
    import os

    from govreport.run import batch

    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.txt").write_text(TEXT * (i + 1), encoding="utf-8")
    reads = []
    real_read = batch.read
    monkeypatch.setattr(batch, "read", lambda path, *a, **k: reads.append(os.path.basename(path)) or real_read(path, *a, **k))
    first = cli("keywords", "-j", "1", str(folder))
    assert first[0] == 0 and sorted(reads) == ["r0.txt", "r1.txt", "r2.txt"]  # once each, not twice
    reads.clear()
    assert cli("keywords", "-j", "1", str(folder)) == first
    assert sorted(reads) == ["r0.txt", "r1.txt", "r2.txt"]  # read to check them, not analysed

    target = folder / "r2.txt"
    before = target.stat()
    changed = (TEXT * 3).replace("乡村振兴", "城乡融合")  # the same number of bytes
    assert len(changed.encode()) == before.st_size
    target.write_text(changed, encoding="utf-8")
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    again = cli("keywords", "-j", "1", str(folder))
    assert again[0] == 0 and again[1] != first[1] and "融合" in again[1]


def test_workers_send_results_packed_for_the_cache(cli, monkeypatch, tmp_path):
    """With workers, a result comes as the bytes of its cache entry: the output is that of one
    job without a cache, the entries are written (a rerun with other options reads them), and
    bytes that cannot be decoded cost a recomputation, never the report."""
    from govreport.run import batch, cache

    (tmp_path / "c").mkdir()
    (tmp_path / "d").mkdir()
    folder = corpus(tmp_path / "c")
    plain = cli("keywords", "-j", "1", "--no-cache", "--top", "0", folder)
    assert plain[0] == 0 and plain[1].count("\n") > 5
    stored = []
    real_put = cache.Cache.put_packed
    monkeypatch.setattr(cache.Cache, "put_packed", lambda self, name, blob: stored.append(name) or real_put(self, name, blob))
    assert cli("keywords", "-j", "2", "--top", "0", folder) == plain
    assert len([name for name in stored if not name.count("run")]) >= 6  # one entry a report, from the workers' bytes
    computed = []
    monkeypatch.setattr(batch, "work", lambda *a, **k: computed.append(1))  # a warm run computes nothing
    assert cli("keywords", "-j", "2", "--top", "3", folder)[1] == "".join(plain[1].splitlines(True)[:4])
    assert computed == []

    monkeypatch.undo()
    monkeypatch.setattr(cache, "unpack", lambda blob: 1 / 0)  # a fault of ours in decoding
    assert cli("keywords", "-j", "2", "--top", "0", corpus(tmp_path / "d")) == plain


@needs_shared
def test_a_ranking_added_up_by_workers_is_the_one_added_up_here(cli):
    """keywords with workers adds reports up a chunk at a time, in whatever order chunks come;
    every method that may be added so (and --terms, --min-count, the docs column) ranks the same
    as one job does, with the cache and without."""
    from govreport.run.batch import FOLD_CHUNK

    files = [str(p) for p in report_files()]
    assert len(files) > 2 * FOLD_CHUNK  # several chunks, the last not full
    for options in ([], ["--method", "tfidf"], ["--method", "keyness", "--top", "0"], ["--min-count", "30", "--top", "0"],
                    ["--terms", "高质量发展,疫情,十四五,不存在的词"]):
        one = cli("keywords", *options, "--jobs", "1", "--no-cache", *files)
        assert one[0] == 0 and one[1].count("\n") > 4, options
        assert cli("keywords", *options, "--jobs", "2", "--no-cache", *files) == one, options
        assert cli("keywords", *options, "--jobs", "2", *files) == one, options  # cold, then the entries read
        # other options: each report's entry read and added up here
        assert cli("keywords", *options, "--jobs", "2", "--top", "7", *files) == \
            cli("keywords", *options, "--jobs", "1", "--no-cache", "--top", "7", *files), options


def _chunk_sources():
    from govreport.readers.sources import Source

    texts = [SEED.read_bytes(), TEXT.encode("utf-8"), b"\x00\x01\x02 not a report \xff\xfe" * 50,
             "各位代表：\n地区生产总值增长6%左右，“六稳”“六保”。".encode("gb18030"), (TEXT * 3).encode("utf-8")]
    return [Source(f"r{i}.txt", data) for i, data in enumerate(texts)]


def test_a_chunk_analysed_a_step_at_a_time_gives_what_one_at_a_time_gives(monkeypatch):
    """work_chunk loads its inputs, then analyses them all (KeywordTask.many: a step at a time),
    then adds them up: each result and the tally are those of each input analysed alone, and an
    unreadable input in the chunk is its own error, the others kept; a task whose `many` fails
    has each of its documents analysed alone."""
    from functools import partial

    from govreport.analyses.keywords import Tally, load_stopwords
    from govreport.errors import InputError
    from govreport.run import batch, cache

    task = KeywordTask(Options(stopwords=load_stopwords(())))
    sources = _chunk_sources()
    alone = [batch.work(task, source, None) for source in sources]
    assert isinstance(alone[2], InputError) and sum(isinstance(r, InputError) for r in alone) == 1
    expected = [r.result if isinstance(r, batch.Noted) else r for r in alone]

    def check():
        outcomes, tally = batch.work_chunk(task, sources, None, partial(Tally, False), True)
        assert len(outcomes) == len(sources)
        whole = Tally()
        for outcome, want in zip(outcomes, expected):
            outcome = outcome.result if isinstance(outcome, batch.Noted) else outcome
            if isinstance(want, InputError):
                assert isinstance(outcome, InputError) and str(outcome) == str(want)
                continue
            assert cache.unpack(outcome.blob) == want
            whole.add(want)
        assert (tally.counts, tally.docs, tally.tokens, tally.parts) == (whole.counts, whole.docs, whole.tokens, 4)

    check()
    calls = []
    monkeypatch.setattr(KeywordTask, "many", lambda self, docs: calls.append(len(docs)) or 1 / 0)
    check()
    assert calls == [4]  # the four readable documents went to `many` at once; it failed; each ran alone


def test_a_chunk_of_huge_files_is_loaded_a_few_at_a_time(monkeypatch):
    """work_chunk loads together only inputs of at most STAGED_BYTES (a bigger one alone), in order."""
    from govreport.readers.sources import Source
    from govreport.run import batch

    monkeypatch.setattr(batch, "STAGED_BYTES", 100)
    sizes = [30, 30, 30, 30, 250, 10, 90, 5]
    groups = list(batch._by_size([Source(str(i), b"x" * n) for i, n in enumerate(sizes)]))
    assert [[len(s.data) for s in group] for group in groups] == [[30, 30, 30], [30], [250], [10, 90], [5]]


def test_one_job_never_imports_the_process_pool(tmp_path):
    """With one job nothing starts a worker, so the process pool's modules (multiprocessing: some
    milliseconds a run) are never imported, folded (keywords) or not (targets)."""
    import subprocess
    import sys

    folder = corpus(tmp_path, 5)
    code = ("import sys, io, contextlib\nfrom govreport.cli import main\n"
            "for command in ('keywords', 'targets'):\n"
            "    sys.argv=['govreport', command, '--jobs', '1', '--no-cache', sys.argv[1]]\n"
            "    with contextlib.redirect_stdout(io.StringIO()):\n        try: main()\n        except SystemExit: pass\n"
            "print('concurrent.futures.process' in sys.modules, 'multiprocessing' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, folder], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False False", done.stderr
