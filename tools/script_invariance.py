"""Script invariance: every report of ../shared converted with OpenCC s2t, s2tw and s2hk must give
the targets and keywords of the original.

    python tools/script_invariance.py [FOLDER ...]      (default: ../shared)

Targets: a row is the same when every field but the quoted text (text, sentence) is; keywords: a
file's top 50 (words and counts) must be identical. Prints the share of each, by conversion, and
the first differences.
"""
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import opencc  # noqa: E402

from govreport import load_document  # noqa: E402
from govreport.analyses import keywords as kw  # noqa: E402
from govreport.analyses.segment import segmenter  # noqa: E402
from govreport.analyses.targets import extract  # noqa: E402
from govreport.readers.sources import Source, expand, read  # noqa: E402
from govreport.readers.text import decode  # noqa: E402

QUOTED = {"text", "sentence", "file"}
SCRIPTS = ("s2t", "s2tw", "s2hk")


def target_keys(doc):
    return Counter(tuple((f.name, getattr(row, f.name)) for f in dataclasses.fields(row) if f.name not in QUOTED)
                   for row in extract(doc))


def top50(doc, seg, options):
    return [(r.word, r.count) for r in kw.rank([kw.count_words(doc, seg, options)], top=50)]


def main(folders):
    paths = sorted({p for p in expand(folders) if isinstance(p, str) and p.endswith(".txt")})
    seg = segmenter((), "rjieba")
    options = kw.Options(stopwords=kw.load_stopwords(()))
    converters = {name: opencc.OpenCC(name) for name in SCRIPTS}
    same_rows = Counter()
    all_rows, same_files, shown = Counter(), Counter(), Counter()
    for path in paths:
        source = read(path)
        doc = load_document(source)
        raw = decode(source.data, source.name)
        rows, words = target_keys(doc), top50(doc, seg, options)
        for name, converter in converters.items():
            other = load_document(Source(source.name, converter.convert(raw).encode("utf-8")))
            theirs = target_keys(other)
            same_rows[name] += sum((rows & theirs).values())
            all_rows[name] += sum(rows.values())
            if top50(other, seg, options) == words:
                same_files[name] += 1
            elif shown[name] < 3:
                shown[name] += 1
                mine, them = dict(words), dict(top50(other, seg, options))
                diff = [(w, mine.get(w), them.get(w)) for w in {*mine, *them} if mine.get(w) != them.get(w)]
                print(f"{name}\t{path}\tkeywords differ: {sorted(diff)[:6]}")
    for name in SCRIPTS:
        print(f"{name}: targets {same_rows[name]}/{all_rows[name]} rows identical "
              f"({same_rows[name] / max(1, all_rows[name]):.2%}); keywords top 50 identical in "
              f"{same_files[name]}/{len(paths)} files ({same_files[name] / max(1, len(paths)):.1%})")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT.parent / "shared")])
