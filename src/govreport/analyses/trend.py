"""How often a report uses a term, by year (and region): per 10,000 tokens, so reports of any size compare."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from govreport.analyses.keywords import KeywordTask, Options
from govreport.rules.identity import identify, unit_key

SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class TrendFacts:
    file: str
    region: str | None
    region_code: str | None
    year: int | None
    counts: dict[str, int]
    tokens: int
    mentions: dict[str, int] | None = None


@dataclass(frozen=True)
class TrendRow:
    term: str
    region: str | None  # empty when the years are taken over all regions
    region_code: str | None  # regions are grouped by code (GB/T 2260); a report of unknown region alone
    year: int | None
    count: int  # as a word, the rule keywords and compare rank by (疫情 in 疫情防控 is not counted)
    mentions: int  # anywhere in the text, inside longer words too
    tokens: int
    per_10k: float  # of count
    docs: int


def trend_facts(doc, terms: tuple[str, ...], backend: str = "jieba") -> TrendFacts:
    counted = KeywordTask(Options(), terms=terms, backend=backend)(doc)
    who = identify(doc)
    return TrendFacts(doc.name, who.region, who.region_code, who.year, dict(counted.counts), counted.tokens,
                      dict(counted.mentions or {}))


def trend(reports: Iterable[TrendFacts], terms: Sequence[str], *, by_region: bool = False) -> list[TrendRow]:
    """One row per term and year (and region), in term order, then by region and year."""
    totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # count, tokens, docs, mentions
    names: dict[str | None, tuple[str | None, str | None]] = {None: (None, None)}
    for facts in reports:
        where = unit_key(facts.region_code, facts.file) if by_region else None
        if by_region:
            names[where] = (facts.region or facts.file, facts.region_code)
        for term in terms:
            cell = totals[(term, where, facts.year)]
            cell[0] += facts.counts.get(term, 0)
            cell[1] += facts.tokens
            cell[2] += 1
            cell[3] += (facts.mentions or {}).get(term, 0)
    rows = [TrendRow(term, *names[where], year, count, mentions, tokens,
                     round(count * 10000 / tokens, 2) if tokens else 0.0, docs)
            for (term, where, year), (count, tokens, docs, mentions) in totals.items()]
    order = {term: i for i, term in enumerate(terms)}
    return sorted(rows, key=lambda r: (order[r.term], str(r.region or ""), r.year if r.year is not None else -1))


def sparkline(values: Sequence[float]) -> str:
    """▁▃█: each value against the largest of its line.

    >>> sparkline([0, 1, 2, 4])
    '▁▃▅█'
    """
    top = max(values, default=0)
    if not top:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[min(len(SPARKS) - 1, round(v / top * (len(SPARKS) - 1)))] for v in values)


@dataclass(frozen=True)
class TrendLine:
    """A term's line on a terminal: its years, a sparkline of its rate, the first and last rates."""

    term: str
    region: str | None
    years: str
    spark: str
    first: float
    last: float
    peak_year: int | None


def lines(rows: Sequence[TrendRow]) -> list[TrendLine]:
    grouped: dict[tuple, list[TrendRow]] = defaultdict(list)
    for row in rows:
        grouped[(row.term, row.region_code, row.region)].append(row)
    out = []
    for (term, _, region), series in grouped.items():
        rates = [r.per_10k for r in series]
        years = [r.year for r in series if r.year is not None]
        peak = max(series, key=lambda r: r.per_10k).year
        out.append(TrendLine(term, region, f"{min(years)}–{max(years)}" if years else "", sparkline(rates),
                             rates[0], rates[-1], peak))
    return out
