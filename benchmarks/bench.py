"""govreport benchmark: ratios measured side by side in one run, so a busy machine cancels out.

    python benchmarks/bench.py [--runs 5] [--json] [--report PATH]

Each figure is the median wall time of --runs runs; ratios compare commands run alternately.
Not part of pytest: timing belongs here, not in tests.
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
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DEFAULT_REPORT = SHARED / "reports" / "national-2024.txt"


def govreport(*args: str) -> list[str]:
    exe = shutil.which("govreport") or str(Path(sys.executable).with_name("govreport"))
    return [exe, *args]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


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
    args = parser.parse_args()
    report = args.report
    jieba_init = [sys.executable, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"]
    bare = [sys.executable, str(HERE / "bare_jieba.py"), report]
    commands = {
        "bare jieba script": bare,
        "import jieba; initialize": jieba_init,
        "govreport keywords": govreport("keywords", "--no-cache", report) if _has_cache() else govreport("keywords", report),
        "govreport --help": govreport("--help"),
    }
    for name in ("targets", "slogans"):
        if _has_command(name):
            commands[f"govreport {name}"] = govreport(name, report)
    med = side_by_side(commands, args.runs)
    rows = [
        ("govreport keywords / bare jieba script", med["govreport keywords"] / med["bare jieba script"], "<= 1.3"),
        ("govreport --help (s)", med["govreport --help"], "< 0.3"),
    ]
    for name in ("targets", "slogans"):
        if f"govreport {name}" in med:
            rows.append((f"govreport {name} / jieba initialize", med[f"govreport {name}"] / med["import jieba; initialize"], "<= 0.5"))
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "report": os.path.relpath(report, ROOT),
        "medians_s": {k: round(v, 3) for k, v in med.items()},
        "ratios": {name: round(value, 3) for name, value, _ in rows},
        "goals": {name: goal for name, _, goal in rows},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"machine: {result['machine']}; report: {result['report']}; runs: {args.runs}")
    print(f"{'measure':45} {'value':>8}  goal")
    for name, value, goal in rows:
        print(f"{name:45} {value:8.3f}  {goal}")
    print()
    for name, value in med.items():
        print(f"  median {name:40} {value:6.3f} s")


def _has_command(name: str) -> bool:
    done = subprocess.run(govreport(name, "--help"), capture_output=True)
    return done.returncode == 0


def _has_cache() -> bool:
    done = subprocess.run(govreport("keywords", "--help"), capture_output=True, text=True)
    return "--no-cache" in done.stdout


if __name__ == "__main__":
    main()
