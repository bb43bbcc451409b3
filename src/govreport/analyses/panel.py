"""The research panel: year t's target (from year t's report) beside year t's result (from t+1's report),
one row per region, code, year and change, values in base units, only annual figures.

Regions are keyed by their GB/T 2260 code (rules/identity.py), so 河北省保定市 and 保定市 are one unit;
a report whose region is unknown is a unit of its own, never merged with another. Of two reports
for one region and year (a page saved twice, a summary beside the full text) the panel keeps the
one with more annual figures (the first given on a tie) and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from govreport.analyses.confidence import CONFIDENCES
from govreport.analyses.targets import TargetRow, extract
from govreport.rules import cues
from govreport.rules.codebook import Code, by_code, name_key
from govreport.rules.identity import identify, unit_key
from govreport.rules.units import base_value

EPSILON = 1e-9


@dataclass(frozen=True)
class PanelRow:
    region: str | None
    region_code: str | None  # GB/T 2260; empty for a report whose region is unknown (its file is its unit)
    province: str | None
    level: str | None
    code: str  # "" for an indicator the codebook does not know: its name is the key
    indicator: str
    year: int
    change: str
    unit: str  # the base unit of the values (元, 人, %)
    comparator: str | None
    target_low: float | None
    target_high: float | None
    actual: float | None
    met: str | None  # yes, no, or empty when a side is missing or the bound cannot be judged
    target_text: str | None  # as the report writes it
    actual_text: str | None
    target_file: str | None  # path:line
    actual_file: str | None
    gap: float | None  # actual less target (the nearer end of a range; 0 inside it), in the base unit
    confidence: str  # the least sure of its sources; low when figures competed for the cell
    flags: str  # its sources' flags, and conflict when two figures competed
    n_sources: int  # the figures that could fill the cell (targets and results)
    source: str  # text, or corrected when a --corrections row changed one of its sides


@dataclass(frozen=True)
class PanelFacts:
    """What one report gives the panel: who and when, and its figures (all of them: a correction may
    make a plan's figure this year's, so the panel picks its annual rows only after corrections)."""

    file: str
    region: str | None
    region_code: str | None
    province: str | None
    level: str | None
    year: int | None
    rows: tuple[TargetRow, ...]


def panel_facts(doc) -> PanelFacts:
    who = identify(doc)
    return PanelFacts(doc.name, who.region, who.region_code, who.province, who.level, who.year, tuple(extract(doc)))


def annual_rows(rows: Iterable[TargetRow]) -> tuple[TargetRow, ...]:
    """The rows a panel pairs: annual targets and results (no plan goals, no past-term spans)."""
    return tuple(r for r in rows if r.period == "year" and r.kind in ("target", "actual"))


@dataclass(frozen=True)
class Side:
    row: TargetRow
    low: float | None
    high: float | None
    report: PanelFacts

    @property
    def where(self) -> str:
        """path:line"""
        return f"{self.report.file}:{self.row.line}"


def one_per_region_year(reports: Iterable[PanelFacts], notices: list[str] | None = None) -> list[PanelFacts]:
    """The reports a panel uses: one per region and year, with a notice for each unknown region and
    each pair of reports that claim the same region and year."""
    kept: dict[tuple[str, int], PanelFacts] = {}  # (unit, year) -> report, in input order
    seen: dict[tuple, str] = {}  # the figures of a report of unknown region -> its file: a copy is no new unit
    for report in reports:
        if report.year is None:
            _say(notices, f"{report.file}: no report year found; left out of the panel (give it with --meta)")
            continue
        key = (unit_key(report.region_code, report.file), report.year)
        if not report.region_code:
            signature = (report.year, tuple((r.line, r.col, r.text) for r in annual_rows(report.rows)))
            if report.rows and signature in seen:
                _say(notices, f"{report.file} has the same figures as {seen[signature]} (region unknown): "
                              f"taken for a copy and left out of the panel")
                continue
            seen[signature] = report.file
            _say(notices, f"{report.file}: region unknown; kept as a unit of its own (give it with --meta)")
        if key not in kept:
            kept[key] = report
            continue
        first = kept[key]
        mine, theirs = len(annual_rows(report.rows)), len(annual_rows(first.rows))
        better = report if mine > theirs else first
        other = first if better is report else report
        why = "the first given, as many annual figures" if mine == theirs else "more annual figures"
        _say(notices, f"{first.file} and {report.file} are both {report.region or key[0]}'s {report.year} report: "
                      f"the panel uses {better.file} ({why}) and leaves out {other.file}")
        kept[key] = better
    return list(kept.values())


def _say(notices: list[str] | None, message: str) -> None:
    if notices is not None:
        notices.append(message)


def build_panel(reports: Iterable[PanelFacts], *, all_changes: bool = False,
                notices: list[str] | None = None) -> list[PanelRow]:
    """Targets and results paired on region code, code (or name), year, change and base unit.

    Results nobody set a target for are rows too. Without `all_changes`, a coded indicator keeps only
    its usual change (GDP growth, not the GDP level of the review). `notices` collects what a user
    should hear: unknown regions and years, duplicated reports.
    """
    return rows_of(candidates(reports, all_changes=all_changes, notices=notices))


def rows_of(cells: dict[tuple, dict[str, list[Side]]]) -> list[PanelRow]:
    """One row per cell, each side the figure `choose` keeps."""
    return [_row(key, *(choose(cells[key].get(kind, [])) for kind in ("target", "actual")), cells[key])
            for key in sorted(cells, key=lambda k: tuple(str(part) for part in k))]


def candidates(reports: Iterable[PanelFacts], *, all_changes: bool = False,
               notices: list[str] | None = None) -> dict[tuple, dict[str, list[Side]]]:
    """Every figure that could fill each panel cell, by kind, in the order the reports give them."""
    cells: dict[tuple, dict[str, list[Side]]] = {}
    for report in one_per_region_year(reports, notices):
        for row in annual_rows(report.rows):
            year = int(row.year) if row.year and row.year.isdigit() else None
            wanted = report.year if row.kind == "target" else report.year - 1
            entry = by_code().get(row.code)
            if (year != wanted and row.source != "corrected") or (entry and not all_changes and row.change != entry.change):
                continue
            key, side = _side(report, row, entry, year)
            if key is not None:
                cells.setdefault(key, {}).setdefault(row.kind, []).append(side)
    return cells


RANK = {"high": 0, "medium": 1, "low": 2}


def choose(sides: list[Side]) -> Side | None:
    """The figure a cell keeps when several compete: the surest (confidence), then a target from the
    主要预期目标 sentence, then the first the report gives."""
    if not sides:
        return None
    return min(sides, key=lambda s: (RANK.get(s.row.confidence, 1), not cues.HEADLINE.search(s.row.sentence)))


def conflicting(sides: list[Side]) -> bool:
    """Two figures for one cell that do not say the same."""
    return len({(s.low, s.high, s.row.comparator) for s in sides}) > 1


def _side(report: PanelFacts, row: TargetRow, entry: Code | None, year: int):
    name = entry.name_zh if entry else name_key(row.indicator)
    if not name:
        return None, None
    if row.comparator == "absent":
        unit, low, high = (entry.unit if entry else "%"), None, None
    else:
        low, unit = base_value(row.value, row.unit)
        high = base_value(row.value_high, row.unit)[0] if row.value_high is not None else None
    key = (unit_key(report.region_code, report.file), row.code or name, year, row.change, unit)
    return key, Side(row, low, high, report)


def _row(key: tuple, target: Side | None, actual: Side | None, cell: dict[str, list[Side]]) -> PanelRow:
    _, ident, year, change, unit = key
    entry = by_code().get(ident)
    report = (target or actual).report
    flags = [f for side in (target, actual) if side for f in side.row.flags.split(",") if f]
    if any(conflicting(sides) for sides in cell.values()):
        flags.append("conflict")
    flags = list(dict.fromkeys(flags))
    surest = max((RANK.get(s.row.confidence, 1) for s in (target, actual) if s), default=0)
    return PanelRow(
        region=report.region, region_code=report.region_code, province=report.province, level=report.level,
        code=entry.code if entry else "", indicator=entry.name_zh if entry else ident,
        year=year, change=change, unit=unit, comparator=target.row.comparator if target else None,
        target_low=target.low if target else None, target_high=target.high if target else None,
        actual=actual.low if actual else None,
        met=judge(target, actual, entry.sense if entry else ""),
        target_text=target.row.text if target else None, actual_text=actual.row.text if actual else None,
        target_file=target.where if target else None, actual_file=actual.where if actual else None,
        gap=gap(target, actual),
        confidence="low" if "conflict" in flags else CONFIDENCES[surest], flags=",".join(flags),
        n_sources=sum(len(sides) for sides in cell.values()),
        source="corrected" if any(s and s.row.source == "corrected" for s in (target, actual)) else "text")


@dataclass(frozen=True)
class ConflictRow:
    """One of the figures that competed for a panel cell, and whether the panel kept it."""

    region: str | None
    region_code: str | None
    code: str
    indicator: str
    year: int
    change: str
    kind: str
    kept: str  # yes: the panel's figure; no: left out
    value: float | None  # in the base unit
    value_high: float | None
    unit: str
    text: str
    at: str  # path:line
    confidence: str
    flags: str
    sentence: str


def conflict_rows(cells: dict[tuple, dict[str, list[Side]]]) -> list[ConflictRow]:
    """Every figure of every cell whose candidates disagree, the kept one first (`--conflicts`)."""
    out = []
    for key in sorted(cells, key=lambda k: tuple(str(part) for part in k)):
        _, ident, year, change, unit = key
        entry = by_code().get(ident)
        for kind, sides in cells[key].items():
            if not conflicting(sides):
                continue
            kept = choose(sides)
            for side in sorted(sides, key=lambda s: s is not kept):
                report = side.report
                out.append(ConflictRow(
                    report.region, report.region_code, entry.code if entry else "", entry.name_zh if entry else ident,
                    year, change, kind, "yes" if side is kept else "no", side.low, side.high, unit, side.row.text,
                    side.where, side.row.confidence, side.row.flags, side.row.sentence))
    return out


def gap(target: Side | None, actual: Side | None) -> float | None:
    """The result less the target, in the target's base unit: 7.4 against 7.5左右 is -0.1; a result
    inside a range is 0, outside it the distance to the nearer end."""
    if target is None or actual is None or target.low is None or actual.low is None:
        return None
    high = target.high if target.high is not None else target.low
    value = actual.low
    distance = value - target.low if value < target.low else value - high if value > high else 0.0
    return round(distance, 10)


def judge(target: Side | None, actual: Side | None, sense: str) -> str | None:
    """yes or no: the result against the target's bound, read the way the indicator points."""
    if target is None or actual is None or target.low is None or actual.low is None:
        return None
    comparator, value = target.row.comparator, actual.low
    if comparator == ">=" or (comparator in ("=", "~", "range") and sense == "floor"):
        ok = value >= target.low - EPSILON
    elif comparator == "<=" or (comparator in ("=", "~") and sense == "ceiling"):
        ok = value <= target.low + EPSILON
    elif comparator == "range" and sense == "ceiling":
        ok = value <= (target.high if target.high is not None else target.low) + EPSILON
    else:
        return None
    return "yes" if ok else "no"


def select(rows: Iterable[PanelRow], *, indicator: str | None = None, year: str | None = None) -> list[PanelRow]:
    """Rows of a code (gdp), or of indicators a regular expression finds (生产总值$, ^income_)."""
    pattern = None if not indicator or indicator in by_code() else re.compile(indicator)
    out = []
    for row in rows:
        if indicator and (row.code != indicator if pattern is None else
                          not (pattern.search(row.indicator) or pattern.search(row.code))):
            continue
        if year and str(row.year) != year:
            continue
        out.append(row)
    return out


WIDE_KEY = ("region", "region_code", "province", "level", "code", "indicator", "change", "unit")


def widen(rows: list[PanelRow]) -> tuple[list[dict], list[str]]:
    """One row per region, code and change, with target_cmp_YYYY (=, >=, ~, range, absent), target_YYYY,
    target_high_YYYY and actual_YYYY columns (spreadsheets, Stata)."""
    years = sorted({r.year for r in rows})
    fields = list(WIDE_KEY) + [f"{side}_{y}" for y in years
                               for side in ("target_cmp", "target", "target_high", "actual")]
    table: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(getattr(row, f) for f in WIDE_KEY)
        file = (row.target_file or row.actual_file or "").rsplit(":", 1)[0]
        entry = table.setdefault((unit_key(row.region_code, file), *key), dict(zip(WIDE_KEY, key)))
        entry[f"target_cmp_{row.year}"] = row.comparator  # "absent": the report set no target that year
        entry[f"target_{row.year}"] = row.target_low
        entry[f"target_high_{row.year}"] = row.target_high
        entry[f"actual_{row.year}"] = row.actual
    return list(table.values()), fields
