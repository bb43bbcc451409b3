"""govreport at scale: thousands of reports, cold and warm, against the ceiling of reading and cutting.

    python benchmarks/scale.py [--files 2000] [--jobs 1] [--repeat 1] [--json]

Makes --files reports by copying ../shared/reports/ under new names (each copy given a line of its
own, so no two files have the same bytes and none is read once for another), then measures, each
in a fresh process with an empty cache (cold) and again (warm):

- keywords, targets --panel, and info (cold: after nothing; warm: the same command again, which
  reads the run's own entry; "warm per report": other options, which merge each report's entry
  again; "after targets": info on the cache targets --panel filled, the shared analysis);
- the ceiling: a script that only reads the files and cuts them with rjieba.

Reports characters a second, peak resident memory of the process, and the ratios the issue asks
for (keywords against the ceiling, warm against cold, info after targets against cold). A
measure, not a test: the machine is shared, so compare ratios within one run. Prints a Markdown
table (or JSON).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CEILING = """
import sys, os
from collections import Counter
import rjieba
counts = Counter()
for name in sorted(os.listdir(sys.argv[1])):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8") as handle:
        counts.update(rjieba.cut(handle.read()))
print(len(counts))
"""


def make_corpus(folder: Path, files: int) -> int:
    """`files` copies of the shared reports, each with a line that makes its bytes its own."""
    sources = sorted(p for p in (SHARED / "reports").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    chars = 0
    for i in range(files):
        text = texts[i % len(texts)] + f"\n（副本{i}）\n"
        (folder / f"{i:05d}-{sources[i % len(sources)].name}").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def measure(cmd: list[str], env: dict) -> tuple[float, float]:
    """(seconds, peak resident MB) of one run in a child of a fresh child, so the peak is its own."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True); "
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    done = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True, env=env)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=1,
                        help="best of this many runs for every measure (a cold one on an emptied cache each time)")
    args = parser.parse_args()
    exe = shutil.which("govreport") or str(Path(sys.executable).with_name("govreport"))
    jobs = ["--jobs", str(args.jobs)]
    out: dict = {"files": args.files, "jobs": args.jobs}
    with tempfile.TemporaryDirectory(prefix="govreport-scale-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        chars = make_corpus(folder, args.files)
        out["chars"] = chars
        rows = []

        peaks: dict[str, float] = {}

        def run(name: str, cmd: list[str], cache: str, *, once: bool = False, keep: bool = True) -> tuple[float, float]:
            """The best of --repeat tries; `once`: one try (a second would read the entry the first wrote);
            `keep`: a row of the table (else the caller makes it, from the peak kept in `peaks`)."""
            folder_of_cache = Path(tmp) / cache
            env = dict(os.environ, GOVREPORT_CACHE_DIR=str(folder_of_cache), GOVREPORT_CACHE_MB="100000")
            tries = []
            for _ in range(1 if once else max(1, args.repeat)):
                if "cold" in name or "ceiling" in name:
                    shutil.rmtree(folder_of_cache, ignore_errors=True)  # every cold try starts empty
                tries.append(measure(cmd, env))
            seconds, peak = min(tries)
            peaks[name] = max(peaks.get(name, 0.0), peak)
            if keep:
                rows.append({"run": name, "seconds": round(seconds, 2), "chars_per_s": round(chars / seconds),
                             "peak_mb": round(peak)})
            return seconds, peak

        # the ceiling and keywords cold take turns, so the machine's moods fall on both alike
        ceiling = kw_cold = float("inf")
        for _ in range(max(1, args.repeat)):
            ceiling = min(ceiling, run("ceiling: read + rjieba cut", [sys.executable, "-c", CEILING, str(folder)], "none",
                                       once=True, keep=False)[0])
            kw_cold = min(kw_cold, run("keywords, cold", [exe, "keywords", *jobs, str(folder)], "kw", once=True,
                                       keep=False)[0])
        for name, seconds in (("ceiling: read + rjieba cut", ceiling), ("keywords, cold", kw_cold)):
            rows.append({"run": name, "seconds": round(seconds, 2), "chars_per_s": round(chars / seconds),
                         "peak_mb": round(peaks[name])})
        kw_warm, _ = run("keywords, warm", [exe, "keywords", *jobs, str(folder)], "kw")
        # other options: the run's own entry does not answer, each report's entry does (they are merged again)
        kw_each, _ = run("keywords --top 50, warm per report", [exe, "keywords", "--top", "50", *jobs, str(folder)], "kw",
                         once=True)
        tg_cold, _ = run("targets --panel, cold", [exe, "targets", "--panel", *jobs, str(folder)], "tg")
        tg_warm, _ = run("targets --panel, warm", [exe, "targets", "--panel", *jobs, str(folder)], "tg")
        tg_each, _ = run("targets --panel --all-changes, warm per report",
                         [exe, "targets", "--panel", "--all-changes", *jobs, str(folder)], "tg", once=True)
        info_after, _ = run("info, after targets", [exe, "info", *jobs, str(folder)], "tg")
        info_cold, _ = run("info, cold", [exe, "info", *jobs, str(folder)], "info")
        out["rows"] = rows
        out["ratios"] = {
            "keywords cold / ceiling (speed)": round(ceiling / kw_cold, 2),
            "keywords warm / cold (time)": round(kw_warm / kw_cold, 3),
            "keywords warm per report / cold (time)": round(kw_each / kw_cold, 3),
            "targets --panel warm / cold (time)": round(tg_warm / tg_cold, 3),
            "targets --panel warm per report / cold (time)": round(tg_each / tg_cold, 3),
            "info after targets / info cold (time)": round(info_after / info_cold, 3),
            "targets --panel cold, M chars/s": round(chars / tg_cold / 1e6, 2),
        }
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    print(f"{args.files} files, {chars / 1e6:.1f} M characters, --jobs {args.jobs}, best of {args.repeat}\n")
    print("| run | seconds | chars/s | peak MB |\n|---|---:|---:|---:|")
    for row in out["rows"]:
        print(f"| {row['run']} | {row['seconds']} | {row['chars_per_s']:,} | {row['peak_mb']} |")
    print()
    for name, value in out["ratios"].items():
        print(f"- {name}: {value}")


if __name__ == "__main__":
    main()
