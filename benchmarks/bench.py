"""govreport benchmark: ratios measured side by side in one run, so a busy machine cancels out.

    python benchmarks/bench.py [--runs 5] [--json] [--report PATH] [--corpus-mb 20] [--big-mb 0]

One report: each command against a bare "import jieba, convert, cut" script and against
`import jieba; jieba.initialize()`. Corpus: ../shared/reports/ copied to about --corpus-mb MB,
govreport keywords cold with --jobs 1 (rjieba and jieba) and --jobs 2 against a bare "import
jieba, convert, cut" script over the same files; a warm re-run of the reports; peak memory; the
rate of OpenCC conversion of traditional text against cutting. --big-mb N adds peak memory over
an N MB corpus.
Each one-report figure is the median of --runs interleaved runs. Not part of pytest.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DEFAULT_REPORT = SHARED / "reports" / "national-2024.txt"
CORPUS_ROUNDS = 3


def govreport(*args: str) -> list[str]:
    exe = shutil.which("govreport") or str(Path(sys.executable).with_name("govreport"))
    return [exe, *args]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_mb(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB of the largest process) of one run, measured in a fresh child."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def make_corpus(folder: Path, megabytes: float) -> int:
    """Copies of ../shared/reports/ up to the size asked, each with a line of its own (keywords
    reads the same bytes once: identical copies would be counted once); returns the characters
    written."""
    sources = sorted((SHARED / "reports").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    chars, size, copy = 0, 0, 0
    while size < megabytes * 1e6:
        for number, (path, text) in enumerate(zip(sources, texts)):
            text += f"\n（副本{copy}-{number}）\n"
            target = folder / f"{copy:03d}-{path.parent.name}-{path.name}"
            target.write_text(text, encoding="utf-8")
            chars, size = chars + len(text), size + len(text.encode("utf-8"))
        copy += 1
    return chars


def corpus_measures(corpus_mb: float, big_mb: float) -> dict:
    env_cache = tempfile.mkdtemp(prefix="govreport-bench-cache-")
    os.environ["GOVREPORT_CACHE_DIR"] = env_cache
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = make_corpus(folder, corpus_mb)
        runs: dict[str, list[float]] = {"bare": [], "fast": [], "jieba": [], "fast2": []}
        peaks = []
        for _ in range(CORPUS_ROUNDS):  # interleaved, so a slow spell of the machine hits all alike
            runs["bare"].append(timed([sys.executable, str(HERE / "bare_lcut_corpus.py"), str(folder)]))
            seconds, peak = peak_mb(govreport("keywords", "--no-cache", "--jobs", "1", "--segmenter", "rjieba",
                                              str(folder)))
            runs["fast"].append(seconds)
            peaks.append(peak)
            runs["jieba"].append(timed(govreport("keywords", "--no-cache", "--jobs", "1", "--segmenter", "jieba",
                                                 str(folder))))
            runs["fast2"].append(timed(govreport("keywords", "--no-cache", "--jobs", "2", "--segmenter", "rjieba",
                                                 str(folder))))
        bare, fast, slow, fast2 = (statistics.median(runs[k]) for k in ("bare", "fast", "jieba", "fast2"))
        out.update({"corpus_chars": chars, "bare_s": round(bare, 2), "rjieba_jobs1_s": round(fast, 2),
                    "jieba_jobs1_s": round(slow, 2), "rjieba_jobs2_s": round(fast2, 2),
                    "bare_chars_per_s": round(chars / bare), "rjieba_chars_per_s": round(chars / fast),
                    "jieba_chars_per_s": round(chars / slow), "peak_mb_jobs1": round(max(peaks), 1)})
        if big_mb:
            big = Path(tmp) / "big"
            big.mkdir()
            make_corpus(big, big_mb)
            _, out["peak_mb_big_jobs1"] = peak_mb(govreport("keywords", "--no-cache", "--jobs", "1", str(big)))
    reports = str(SHARED / "reports")
    timed(govreport("keywords", reports))  # fill the cache
    warm = statistics.median(timed(govreport("keywords", reports)) for _ in range(5))
    out["warm_reports_s"] = round(warm, 3)
    conversion = subprocess.run([sys.executable, str(HERE / "conversion.py")], capture_output=True, text=True,
                                check=True)
    out["conversion"] = json.loads(conversion.stdout)
    return out


def side_by_side(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median seconds of each command, runs interleaved so drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(timed(cmd))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--report", default=str(DEFAULT_REPORT))
    parser.add_argument("--corpus-mb", type=float, default=20.0, help="0 skips the corpus measures")
    parser.add_argument("--big-mb", type=float, default=0.0, help="also peak memory over a corpus this big")
    args = parser.parse_args()
    report = args.report
    jieba_init = [sys.executable, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"]
    bare = [sys.executable, str(HERE / "bare_jieba.py"), report]
    commands = {
        "bare jieba script": bare,
        "import jieba; initialize": jieba_init,
        "govreport keywords": govreport("keywords", "--no-cache", report),
        "govreport keywords --segmenter jieba": govreport("keywords", "--no-cache", "--segmenter", "jieba", report),
        "govreport --help": govreport("--help"),
    }
    for name in ("targets", "slogans"):
        if _has_command(name):
            commands[f"govreport {name}"] = govreport(name, "--no-cache", report)
    national = sorted(str(p) for p in (SHARED / "reports").glob("national-20*.txt"))
    page = os.path.join(tempfile.mkdtemp(prefix="govreport-bench-digest-"), "digest.html")
    if national and _has_command("digest"):
        commands["govreport digest (national reports)"] = govreport("digest", "--no-cache", *national, "-o", page)
        commands["govreport digest (national reports, cached)"] = govreport("digest", *national, "-o", page)
    med = side_by_side(commands, args.runs)
    rows = [
        ("keywords (rjieba) / bare jieba script", med["govreport keywords"] / med["bare jieba script"], "<= 0.5"),
        ("keywords --segmenter jieba / bare jieba script",
         med["govreport keywords --segmenter jieba"] / med["bare jieba script"], "<= 1.3"),
        ("govreport --help (s)", med["govreport --help"], "< 0.3"),
    ]
    for name in ("targets", "slogans"):
        if f"govreport {name}" in med:
            rows.append((f"govreport {name} / jieba initialize", med[f"govreport {name}"] / med["import jieba; initialize"], "<= 0.5"))
    if "govreport digest (national reports)" in med:
        rows.append((f"digest of the {len(national)} national reports, no cache (s)",
                     med["govreport digest (national reports)"], "(measured)"))
        rows.append((f"digest of the {len(national)} national reports, cached (s)",
                     med["govreport digest (national reports, cached)"], "(measured)"))
    corpus = corpus_measures(args.corpus_mb, args.big_mb) if args.corpus_mb else {}
    if corpus:
        rows += [
            ("corpus --jobs 1 rjieba time / bare script time", corpus["rjieba_jobs1_s"] / corpus["bare_s"], "<= 0.25"),
            ("corpus --jobs 1 jieba time / bare script time", corpus["jieba_jobs1_s"] / corpus["bare_s"], "<= 1.25"),
            ("corpus rjieba --jobs 2 / --jobs 1 throughput", corpus["rjieba_jobs1_s"] / corpus["rjieba_jobs2_s"],
             "(2 cores)"),
            ("warm keywords on reports/ / bare jieba script", corpus["warm_reports_s"] / med["bare jieba script"],
             "<= 0.35"),
            (f"peak MB, keywords --jobs 1, {args.corpus_mb:g} MB corpus", corpus["peak_mb_jobs1"], "<= 300"),
            ("traditional: loading / rjieba cutting (chars a second)",
             corpus["conversion"]["load_traditional_chars_per_s"] / corpus["conversion"]["cut_rjieba_chars_per_s"],
             "(< 1: conversion bounds)"),
        ]
        if "peak_mb_big_jobs1" in corpus:
            rows.append((f"peak MB, keywords --jobs 1, {args.big_mb:g} MB corpus", corpus["peak_mb_big_jobs1"], "<= 300"))
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "report": os.path.relpath(report, ROOT),
        "medians_s": {k: round(v, 3) for k, v in med.items()},
        "corpus": corpus,
        "ratios": {name: round(value, 3) for name, value, _ in rows},
        "goals": {name: goal for name, _, goal in rows},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"machine: {result['machine']}; report: {result['report']}; runs: {args.runs}")
    print(f"| {'measure':50} | {'value':>8} | goal |")
    print(f"|{'-' * 52}|{'-' * 10}|------|")
    for name, value, goal in rows:
        print(f"| {name:50} | {value:8.3f} | {goal} |")
    print()
    for name, value in med.items():
        print(f"  median {name:40} {value:6.3f} s")
    for name, value in corpus.items():
        print(f"  {name:47} {value}")


def _has_command(name: str) -> bool:
    done = subprocess.run(govreport(name, "--help"), capture_output=True)
    return done.returncode == 0


if __name__ == "__main__":
    main()
