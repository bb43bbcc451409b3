"""Write src/govreport/data/profile.tsv: how government reports of each level use words, for
keyness and tf-idf.

    python tools/make_profile.py [FOLDER ...]      (default: ../shared/reports)

For every word govreport's keywords would rank, per level (national, provincial, local: city,
county and district reports): in how many reports it appears (df) and how many times in all
(count); the header gives each level's reports and tokens. A national report is measured against
national reports: against local ones, 改革, 结构 and 我国 would stand out in every one of them. Words
seen in only one report once are left out (they weigh nothing and would bloat the file).
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govreport import load_document  # noqa: E402
from govreport.analyses.keywords import LEVELS, KeywordTask, Options, level_group, load_stopwords  # noqa: E402
from govreport.readers.sources import expand, read  # noqa: E402


def main(folders):
    task = KeywordTask(Options(min_len=1, stopwords=load_stopwords(())), backend="rjieba")
    df = {level: Counter() for level in LEVELS}
    counts = {level: Counter() for level in LEVELS}
    tokens, docs, seen = Counter(), Counter(), set()
    for path in expand(folders):
        if not isinstance(path, str) or not path.endswith(".txt"):
            continue
        data = Path(path).read_bytes()
        if data in seen:  # the same report under two names counts once
            continue
        seen.add(data)
        part = task(load_document(read(path)))
        level = level_group(part.level)
        df[level].update(part.counts.keys())
        counts[level].update(part.counts)
        tokens[level] += part.tokens
        docs[level] += 1
    out = ROOT / "src" / "govreport" / "data" / "profile.tsv"
    total = Counter()
    for level in LEVELS:
        total.update(counts[level])
    allowed = [w for w, n in total.items() if n > 1 or sum(df[level][w] for level in LEVELS) > 1]
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"# govreport reference profile: {sum(docs.values())} reports, {sum(tokens.values())} tokens; "
                     "made by tools/make_profile.py\n")
        for level in LEVELS:
            handle.write(f"#docs.{level}={docs[level]}\n#tokens.{level}={tokens[level]}\n")
        handle.write("# word\t" + "\t".join(f"df.{level}\tcount.{level}" for level in LEVELS) + "\n")
        for word in sorted(allowed, key=lambda w: (-total[w], w)):
            cells = "\t".join(f"{df[level][word]}\t{counts[level][word]}" for level in LEVELS)
            handle.write(f"{word}\t{cells}\n")
    print(f"{out}: " + ", ".join(f"{level} {docs[level]} reports / {tokens[level]} tokens" for level in LEVELS)
          + f"; {len(allowed)} words")


if __name__ == "__main__":
    shared = ROOT.parent / "shared"
    main(sys.argv[1:] or [str(shared / "reports")])
