"""What changed between two reports (or two sets of them): targets raised, lowered, new and dropped;
formulas and slogans new, dropped and kept; the words each side uses more (keyness)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from govreport.analyses.keyness import keyness, totals
from govreport.analyses.keywords import WordCounts
from govreport.analyses.slogans import PhraseStats
from govreport.analyses.targets import TargetRow
from govreport.rules.codebook import by_code
from govreport.rules.identity import unit_key
from govreport.rules.units import base_value

FORMULA_TYPES = ("formula",)
SLOGAN_TYPES = ("slogan", "policy", "model")
STATUS_ORDER = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4, "unchanged": 5, "kept": 6,
                "only_a": 7, "only_b": 8, "rising": 9, "falling": 10}


@dataclass(frozen=True)
class DiffRow:
    section: str  # target, formula, slogan, word
    key: str  # a codebook code and change (gdp/growth), a phrase, a word
    name: str
    status: str  # raised, lowered, changed, unchanged, new, dropped, kept; only_a, only_b (a region with a
    # report on one side only); rising, falling (words)
    a: str | None  # side A as the report writes it (a target's figure, a count)
    b: str | None
    a_value: float | None  # in the base unit (targets), a count (formulas, words)
    b_value: float | None
    a_at: str | None  # path:line
    b_at: str | None
    score: float | None = None  # G2 of a word (positive: typical of A)


@dataclass(frozen=True)
class DiffFacts:
    """What one report gives a diff: who and when, its annual targets, its phrases, its words."""

    file: str
    region: str | None
    region_code: str | None
    year: int | None
    targets: tuple[TargetRow, ...]  # all its figures: the diff takes its annual coded targets after corrections
    phrases: tuple[PhraseStats, ...]
    words: WordCounts


def diff_from(facts, phrases: Iterable[PhraseStats], words: WordCounts) -> DiffFacts:
    """A document's DiffFacts from the analyses it shares with targets, info, slogans and keywords
    (the phrases' year and region, which slogans adds, a diff does not read)."""
    info = facts.info
    return DiffFacts(info.file, info.region, info.region_code, info.year, facts.rows, tuple(phrases), words)


def annual_targets(rows: Iterable[TargetRow], year: int | None) -> tuple[TargetRow, ...]:
    """The coded targets a report sets for its own year: what a diff compares."""
    return tuple(r for r in rows if r.kind == "target" and r.period == "year" and r.code and r.year == str(year))


def diff(side_a: Iterable[DiffFacts], side_b: Iterable[DiffFacts], *, top: int = 20) -> list[DiffRow]:
    a, b = list(side_a), list(side_b)
    by_region = len(a) > 1 or len(b) > 1
    rows = _targets(a, b, by_region)
    rows += _phrases(a, b, "formula", FORMULA_TYPES) + _phrases(a, b, "slogan", SLOGAN_TYPES)
    rows += _words(a, b, top)
    return rows


def _targets(a: list[DiffFacts], b: list[DiffFacts], by_region: bool) -> list[DiffRow]:
    names: dict[str, str] = {}

    files: dict[str, list[str]] = {}

    def first(side):
        found: dict[tuple, tuple[TargetRow, str]] = {}
        units = set()
        for facts in side:
            where = unit_key(facts.region_code, facts.file) if by_region else None  # regions matched by code
            names[where] = facts.region or facts.file
            units.add(where)
            files.setdefault(where, []).append(facts.file)
            for row in annual_targets(facts.targets, facts.year):
                found.setdefault((where, row.code, row.change), (row, facts.file))
        return found, units

    (old, old_units), (new, new_units) = first(a), first(b)
    out = [DiffRow("target", f"region/{where}", names[where], "only_a" if where in old_units else "only_b",
                   ", ".join(files[where]) if where in old_units else None,
                   ", ".join(files[where]) if where in new_units else None, None, None, None, None)
           for where in sorted(old_units ^ new_units, key=lambda w: names[w])]  # no report on the other side
    for key in sorted(set(old) | set(new), key=lambda k: (names.get(k[0], ""), *(str(p) for p in k))):
        where, code, change = key
        if where not in old_units or where not in new_units:
            continue
        before, after = old.get(key), new.get(key)
        name = by_code()[code].name_zh + ("" if where is None else f"（{names[where]}）")
        out.append(DiffRow("target", f"{code}/{change}", name, _compare(before, after),
                           before[0].text if before else None, after[0].text if after else None,
                           _level(before[0]) if before else None, _level(after[0]) if after else None,
                           f"{before[1]}:{before[0].line}" if before else None,
                           f"{after[1]}:{after[0].line}" if after else None))
    return sorted(out, key=lambda r: (STATUS_ORDER[r.status], r.key))


def _level(row: TargetRow) -> float | None:
    """A target's value in its base unit; a range by its middle."""
    if row.value is None:
        return None
    low = base_value(row.value, row.unit)[0]
    if row.value_high is None:
        return low
    return round((low + base_value(row.value_high, row.unit)[0]) / 2, 6)


def _compare(before, after) -> str:
    if before is None or (before[0].value is None and after is not None and after[0].value is not None):
        return "new"
    if after is None or (after[0].value is None and before[0].value is not None):
        return "dropped"
    a, b = _level(before[0]), _level(after[0])
    if a is None or b is None or abs(a - b) <= 1e-9 * max(1.0, abs(a)):
        return "unchanged" if before[0].comparator == after[0].comparator else "changed"
    return "raised" if b > a else "lowered"


def _phrases(a: list[DiffFacts], b: list[DiffFacts], section: str, types: tuple[str, ...]) -> list[DiffRow]:
    def counted(side):
        counts: Counter = Counter()
        where: dict[str, str] = {}
        for facts in side:
            for stats in facts.phrases:
                if stats.type in types:
                    counts[stats.phrase] += stats.quoted
                    where.setdefault(stats.phrase, f"{facts.file}:{stats.first_line}")
        return counts, where

    (old, old_at), (new, new_at) = counted(a), counted(b)
    out = []
    for phrase in set(old) | set(new):
        status = "new" if phrase not in old else "dropped" if phrase not in new else "kept"
        out.append(DiffRow(section, phrase, phrase, status, str(old[phrase]) if phrase in old else None,
                           str(new[phrase]) if phrase in new else None, float(old.get(phrase, 0)),
                           float(new.get(phrase, 0)), old_at.get(phrase), new_at.get(phrase)))
    return sorted(out, key=lambda r: (STATUS_ORDER[r.status], -(r.b_value or 0) - (r.a_value or 0), r.key))


def _words(a: list[DiffFacts], b: list[DiffFacts], top: int) -> list[DiffRow]:
    (old, old_total), (new, new_total) = totals(f.words for f in a), totals(f.words for f in b)
    return [DiffRow("word", row.word, row.word, "falling" if row.g2 > 0 else "rising", str(row.count_a),
                    str(row.count_b), row.per_10k_a, row.per_10k_b, None, None, row.g2)
            for row in keyness(old, new, old_total, new_total, top=top, min_count=3)]
