"""Audit keywords over every report of ../shared: numbers and fragments in any method's top 100,
and bundled terms cut apart by a quoted phrase.

    python tools/word_audit.py [FOLDER ...]      (default: ../shared)

Prints each suspect word with the reports it ranks in, then the totals; exit 0 always (a measure,
not a test: tests/test_words.py pins the rules).
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govreport import load_document  # noqa: E402
from govreport.analyses import keywords as kw  # noqa: E402
from govreport.analyses.segment import _protected_spans, segmenter  # noqa: E402
from govreport.readers.sources import expand, read  # noqa: E402

# What a number or a fragment looks like: digits, Chinese numerals with 多/余/半/分之, a letter unit.
SUSPECT = re.compile(r"\d|^[〇零一二两三四五六七八九十百千万亿几多余半]+(?:分之[一二三四五六七八九十]+)?.?$|^[多余几].$")


def main(folders):
    paths = sorted({p for p in expand(folders) if isinstance(p, str) and p.endswith(".txt")})
    seg = segmenter((), "rjieba")
    options = kw.Options(stopwords=kw.load_stopwords(()))
    terms = kw._terms()
    suspects, cuts = defaultdict(set), defaultdict(set)
    for path in paths:
        doc = load_document(read(path))
        name = Path(path).parent.name + "/" + Path(path).stem
        keep = kw.keep_phrases(doc)
        spans = _protected_spans(doc.text, keep)
        for term in terms:
            at = doc.text.find(term)
            while at >= 0:
                end = at + len(term)
                if any(s < end and e > at and not (s <= at and e >= end) for s, e in spans if s < end):
                    cuts[term].add(name)
                at = doc.text.find(term, end)
        for method in kw.METHODS:
            part = kw.count_words(doc, seg, kw.Options(stopwords=options.stopwords, method=method))
            for row in kw.rank([part], method=method, top=100):
                if SUSPECT.search(row.word):
                    suspects[row.word].add(name)
    for word, where in sorted(suspects.items(), key=lambda item: -len(item[1])):
        print(f"suspect\t{word}\t{len(where)}\t{' '.join(sorted(where)[:4])}")
    for term, where in sorted(cuts.items(), key=lambda item: -len(item[1])):
        print(f"cut\t{term}\t{len(where)}\t{' '.join(sorted(where)[:4])}")
    print(f"{len(paths)} reports; {len(suspects)} suspect words in a top 100; {len(cuts)} terms cut by a quoted phrase "
          f"in {len({n for w in cuts.values() for n in w})} reports")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT.parent / "shared")])
