"""How sure a figure is: reasons to doubt it from a short fixed vocabulary, and high, medium or low.

No rule set is right on every report; a researcher needs to know which rows to check. A row with
no flag is `high`; flags that mean the row may be filed in the wrong place (a fragment for an
indicator, an implausible value, two figures for one cell, no report year) make it `low`; the
others (no code, a multi-year cue, a fallback year, an unknown unit, no region) `medium`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from govreport import datafiles
from govreport.rules import cues
from govreport.rules.units import kind_of

FLAGS = {
    "no_code": "the indicator has no codebook code",
    "fragment": "the indicator looks like a verb or a fragment, not a noun",
    "multi_year": "its clause says 五年, 年均, 累计, 平均每年 or names a plan term",
    "year_fallback": "the year was not read near the figure (the report's own year, or a guessed report year)",
    "unknown_unit": "the unit is not in the unit lexicon",
    "implausible": "the value is implausible for its code (a GDP growth of 40%, a negative count)",
    "conflict": "another figure for the same region, code, change and year differs",
    "region_unknown": "the report's region is unknown",
    "year_unknown": "the report's year is unknown",
}
LOW = frozenset({"fragment", "implausible", "conflict", "year_unknown"})
CONFIDENCES = ("high", "medium", "low")
# "“十四五”时期", "十三五期间", "六五计划期间": a plan term named in the clause.
TERM = re.compile(r"(?:十[一二三四五六七八九]|[一二三四五六七八九十])五”?(?:计划|规划)?(?:时期|期间|以来)")
# An indicator that ends where no noun ends, or starts where no noun starts.
LOOSE_END = re.compile(r"(?:的|了|到|至|为|在|(?<!占)比|较|由|从|和|与|及|、)$")
# "人均预期寿命从2020年的", "…3个": a year or a figure inside the name (PM2.5, 5G and R&D are names).
FIGURE_INSIDE = re.compile(r"\d{4}年|\d+(?:\.\d+)?(?:%|万|亿|元|个|人|家|项|座|户|公里)")
LOOSE_START = re.compile(r"^(?:的|了|和|与|及|、|，|其中|以上|左右|以内)")


def confidence(flags: Iterable[str]) -> str:
    found = set(flags)
    return "low" if found & LOW else "medium" if found else "high"


def row_flags(*, indicator: str, code: str, unit: str, rank: bool, value: float | None, base: float | None,
              change: str, period: str | None, clause: str, fallback: bool, who, multi: bool | None = None) -> list[str]:
    """The flags one figure earns on its own (conflicts are found across rows: `with_conflicts`);
    `multi`: whether cues.MULTI_YEAR_CLAUSE finds something in `clause`, when the caller knows."""
    flags = []
    if not code:
        flags.append("no_code")
    if is_fragment(indicator):
        flags.append("fragment")
    if (cues.MULTI_YEAR_CLAUSE.search(clause) if multi is None else multi) or TERM.search(clause):
        flags.append("multi_year")
    if fallback or who.year_cue in ("review", "plan", "file name"):
        flags.append("year_fallback")
    if unit and not kind_of(unit) or (not unit and not rank and value is not None):
        flags.append("unknown_unit")
    if period == "year" and implausible(code, change, unit, base if base is not None else value):
        flags.append("implausible")
    if not who.region_code:
        flags.append("region_unknown")
    if who.year is None:
        flags.append("year_unknown")
    return flags


@lru_cache(maxsize=65536)  # indicators recur within and across reports
def is_fragment(indicator: str) -> bool:
    """先发行, 比上年年初预算, 提高到二百八十八元, 的: no noun a researcher could file a figure under."""
    name = indicator.strip()
    return (len(name) < 2 or "、" in name or "，" in name  # 社会消费品零售总额、固定资产投资: two, not one
            or bool(cues.VERB_ONLY.match(name)) or bool(cues.COMPARISON_BASE.match(name))
            or bool(cues.CHANGE_VERB.match(name)) or bool(FIGURE_INSIDE.search(name))
            or bool(LOOSE_END.search(name)) or bool(LOOSE_START.search(name)))


@cache
def ranges() -> dict[tuple[str, str], tuple[float, float]]:
    return {(code, change): (float(low), float(high)) for code, change, low, high in datafiles.table("plausible.tsv")}


def implausible(code: str, change: str, unit: str, value: float | None) -> bool:
    """One year's value outside what its code's can be (data/plausible.tsv), or a negative count."""
    if value is None:
        return False
    if (span := ranges().get((code, change))) is not None:
        return not span[0] <= value <= span[1]
    return kind_of(unit) == "count" and value < 0


def with_conflicts(rows: Sequence) -> list:
    """Rows where two annual figures of one code, change, kind, year and unit differ, flagged `conflict`."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        if row.code and row.period == "year" and row.kind in ("target", "actual") and row.base_value is not None:
            groups[(row.code, row.change, row.kind, row.year, row.base_unit)].append(i)
    out = list(rows)
    for members in groups.values():
        if len({rows[i].base_value for i in members}) > 1:
            for i in members:
                out[i] = flagged(out[i], "conflict")
    return out


def flagged(row, *more: str):
    """The row with more flags, and its confidence read again."""
    flags = [f for f in row.flags.split(",") if f] + [f for f in more if f not in row.flags.split(",")]
    return replace(row, flags=",".join(flags), confidence=confidence(flags))
