"""Write src/govreport/data/profile.tsv: how government reports use words, for keyness and tf-idf.

    python tools/make_profile.py [FOLDER ...]      (default: ../shared/reports)

For every word govreport's keywords would rank: in how many reports it appears (df) and how many
times in all (count), with the number of reports and tokens in the header. Words seen in only one
report once are left out (they weigh nothing and would bloat the file).
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govreport import load_document  # noqa: E402
from govreport.analyses.keywords import KeywordTask, Options, load_stopwords  # noqa: E402
from govreport.readers.sources import expand, read  # noqa: E402


def main(folders):
    task = KeywordTask(Options(min_len=1, stopwords=load_stopwords(())), backend="rjieba")
    df, counts, tokens, docs, seen = Counter(), Counter(), 0, 0, set()
    for path in expand(folders):
        if not isinstance(path, str):
            continue
        data = Path(path).read_bytes()
        if data in seen:  # the same report under two names counts once
            continue
        seen.add(data)
        part = task(load_document(read(path)))
        df.update(part.counts.keys())
        counts.update(part.counts)
        tokens += part.tokens
        docs += 1
    out = ROOT / "src" / "govreport" / "data" / "profile.tsv"
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"# govreport reference profile: {docs} reports, {tokens} tokens; made by tools/make_profile.py\n")
        handle.write(f"#docs={docs}\n#tokens={tokens}\n")
        for word, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            if df[word] > 1 or n > 1:
                handle.write(f"{word}\t{df[word]}\t{n}\n")
    print(f"{out}: {docs} reports, {tokens} tokens, {sum(1 for w in counts if df[w] > 1 or counts[w] > 1)} words")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT.parent / "shared" / "reports")])
