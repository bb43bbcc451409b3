"""The number grammar against cases from public suites (cn2an, JioNLP, Recognizers-Text) set into report
sentences, and the report forms of issue 10 (tests/data/numbers.tsv)."""
import csv
from pathlib import Path

import pytest

from govreport.analyses.targets import extract
from govreport.document.document import Document
from govreport.rules.numbers import chinese_number, find_figures, parse_numeral
from govreport.rules.units import base_value

DATA = Path(__file__).parent / "data"


def cases():
    with open(DATA / "numbers.tsv", encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def rows_of(sentence):
    return extract(Document.from_text("二、2025年工作安排\n" + sentence))


def close(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def verdict(case):
    """right, missed or wrong (a figure at that place with another value)."""
    rows = rows_of(case["sentence"])
    found = [r for r in rows if r.text == case["text"]]
    if not found:
        start = case["sentence"].index(case["text"]) + 1
        overlapping = [r for r in rows if r.col - 1 <= start + len(case["text"]) and start <= r.col - 1 + len(r.text)]
        low = float(case["low"])
        return "wrong" if any(r.base_value is not None and not close(r.base_value, low) for r in overlapping) else "missed"
    row = found[0]
    high = base_value(row.value_high, row.unit)[0] if row.value_high is not None else None
    ok = (close(row.base_value, float(case["low"])) and row.base_unit == case["unit"]
          and row.comparator == case["comparator"]
          and (close(high, float(case["high"])) if case["high"] else high is None))
    if ok:
        return "right"
    return "wrong" if not close(row.base_value, float(case["low"])) else "missed"


def test_public_suites_and_report_forms():
    results = {case["source"]: verdict(case) for case in cases()}
    right = sum(v == "right" for v in results.values())
    assert len(results) > 150
    assert right >= 0.95 * len(results), {k: v for k, v in results.items() if v != "right"}
    assert [k for k, v in results.items() if v == "wrong"] == []  # never a silently wrong value


@pytest.mark.parametrize("case", [c for c in cases() if c["source"].startswith("report:")], ids=lambda c: c["source"])
def test_every_report_form(case):
    assert verdict(case) == "right"


def test_sentences_without_figures():
    lines = [line.strip() for line in (DATA / "not_numbers.txt").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    for line in filter(None, lines):
        assert find_figures(Document.from_text(line).lines[0]) == [], line


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("十一", 11), ("一十一", 11), ("一百一十一", 111), ("一千一百一十一万一千一百一十一", 11111111),
    ("一千一百一十一亿一千一百一十一万一千一百一十一", 111111111111), ("一百零一", 101), ("一万零一", 10001),
    ("一千零一万一千零一", 10011001), ("一千亿一千万一千零一", 100010001001), ("零点零零一", 0.001),
    ("十亿零一万零一", 1000010001), ("壹仟壹佰壹拾壹", 1111),
])
def test_cn2an_strict_cases(text, value):
    assert chinese_number(text) == pytest.approx(value)


def test_numerals_that_are_no_numbers():
    assert [parse_numeral(t) for t in ("万", "百", "一九五四", "点一")] == [None, None, None, None]


def test_units_never_swallow_a_multiplier():
    """千瓦, 千伏, 百分点 are units: 700万千瓦 is 700 x 10^4 千瓦, never 700 万千."""
    for text, unit in (("700万千瓦", "万千瓦"), ("750千伏", "千伏"), ("5百分点", "百分点"), ("12亿千瓦时", "亿千瓦时")):
        figure = find_figures(text)[0]
        assert (text[figure.start:figure.end], figure.unit) == (text, unit)


@pytest.mark.skipif(not (Path(__file__).parent.parent.parent / "shared" / "reports").is_dir(), reason="no ../shared")
def test_no_multiplier_is_left_as_a_unit_over_the_corpus():
    from conftest import SHARED

    from govreport import load_document
    from govreport.readers.sources import read

    paths = sorted((SHARED / "reports").rglob("*.txt")) + sorted((SHARED / "holdout").rglob("*.txt"))
    units = {row.unit for path in paths for row in extract(load_document(read(str(path))))}
    assert not units & {"万千", "亿千", "千", "百", "十"}
    assert all(u.lstrip("万亿") in ("",) or not u.lstrip("万亿").startswith(("千", "百")) or u.lstrip("万亿") in
               ("千瓦", "千瓦时", "千伏", "千伏安", "千米", "千克", "百分点") for u in units), units
