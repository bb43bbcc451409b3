"""Measure cn2an (as a normaliser of Chinese numerals in front of the Arabic grammar) against
govreport's own number grammar, on the cases of tests/data/numbers.tsv.

    pip install cn2an && python tools/compare_cn2an.py

Prints, for each approach, how many cases come out right and how many with a wrong value.
"""
import csv
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govreport.analyses.targets import extract  # noqa: E402
from govreport.document.document import Document  # noqa: E402
from govreport.rules.units import base_value  # noqa: E402


def cases():
    with open(ROOT / "tests" / "data" / "numbers.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def verdict(sentence, case):
    rows = extract(Document.from_text("二、2025年工作安排\n" + sentence))
    low, high = float(case["low"]), float(case["high"]) if case["high"] else None
    for row in rows:
        if row.base_value is None or abs(row.base_value - low) > 1e-6 * max(1, abs(low)):
            continue
        row_high = base_value(row.value_high, row.unit)[0] if row.value_high is not None else None
        if row.base_unit == case["unit"] and (row_high is None) == (high is None):
            return "right"
    return "wrong" if rows else "missed"


def main():
    import cn2an

    tally = {"govreport": {}, "cn2an + govreport": {}}
    for case in cases():
        for name, sentence in (("govreport", case["sentence"]), ("cn2an + govreport", _cn2an(cn2an, case["sentence"]))):
            outcome = verdict(sentence, case)
            tally[name][outcome] = tally[name].get(outcome, 0) + 1
    total = len(cases())
    for name, counts in tally.items():
        print(f"{name:20} right {counts.get('right', 0)}/{total}  wrong value {counts.get('wrong', 0)}  "
              f"missed {counts.get('missed', 0)}")


def _cn2an(cn2an, sentence):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return cn2an.transform(sentence, "cn2an")
        except Exception:  # noqa: BLE001 - a case cn2an cannot read is a case it misses
            return sentence


if __name__ == "__main__":
    main()
