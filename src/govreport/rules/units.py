"""The unit lexicon (data/units.tsv): what a unit is, and a figure's value in its base unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from govreport.datafiles import table

# Multipliers a unit may carry in front: 亿元, 万千瓦, 万亿元. 千 and 百 are read into the value (3千人 = 3000人).
MULTIPLIERS = {"万": 1e4, "亿": 1e8}
DIGITS = r"\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str  # percent, money, count, measure, time, other
    factor: float = 1.0  # to the base unit (成 -> 10 %)
    base: str = ""

    @property
    def base_name(self) -> str:
        return self.base or self.name


@cache
def lexicon() -> dict[str, Unit]:
    units = {}
    for row in table("units.tsv"):
        name, kind = row[0], row[1]
        factor, base = (float(row[2]), row[3]) if len(row) >= 4 else (1.0, "")
        units[name] = Unit(name, kind, factor, base)
    return units


@cache
def _by_first_char() -> dict[str, tuple[str, ...]]:
    """Units grouped by their first character, longest first: 千瓦时 is tried before 千瓦."""
    groups: dict[str, list[str]] = {}
    for name in lexicon():
        groups.setdefault(name[0], []).append(name)
    return {ch: tuple(sorted(names, key=len, reverse=True)) for ch, names in groups.items()}


def unit_at(text: str, pos: int) -> str:
    """The longest unit that starts at `pos`, or ""."""
    if pos >= len(text):
        return ""
    for name in _by_first_char().get(text[pos], ()):
        if text.startswith(name, pos):
            return name
    return ""


@lru_cache(maxsize=4096)  # a few hundred units as written, asked of hundreds of thousands of figures
def kind_of(unit: str) -> str:
    """The kind of a unit as written, multipliers and all: 万人 -> count; "" when there is none."""
    _, name = split_unit(unit)
    found = lexicon().get(name)
    return found.kind if found else ""


@lru_cache(maxsize=4096)
def split_unit(unit: str) -> tuple[float, str]:
    """(multiplier, unit): 万亿元 -> (1e12, 元), 万千瓦 -> (1e4, 千瓦), 千瓦 -> (1, 千瓦), 万 -> (1e4, "").

    >>> split_unit("万亿元"), split_unit("千瓦时")
    ((1000000000000.0, '元'), (1.0, '千瓦时'))
    """
    factor, at = 1.0, 0
    while at < len(unit) and unit[at] in MULTIPLIERS and unit[at:] not in lexicon():
        factor *= MULTIPLIERS[unit[at]]
        at += 1
    return factor, unit[at:]


def base_value(value: float, unit: str) -> tuple[float, str]:
    """Value in its base unit, so a column of them can be summed: 亿元 -> 元, 万千瓦 -> 千瓦, 成 -> %.

    >>> base_value(14.4, "万平方米"), base_value(2.5, "万亿"), base_value(700, "万千瓦"), base_value(9, "成")
    ((144000.0, '平方米'), (2500000000000.0, ''), (7000000.0, '千瓦'), (90.0, '%'))
    """
    factor, name = _to_base(unit)
    return float(f"{value * factor:.12g}"), name  # 4.06万亿 is 4060000000000, not ...999.9995


@lru_cache(maxsize=4096)  # a few hundred units as written: a figure's value is not cached (too many)
def _to_base(unit: str) -> tuple[float, str]:
    """(factor, base unit) of a unit as written: 亿元 -> (1e8, 元), 成 -> (10, %)."""
    factor, name = split_unit(unit)
    found = lexicon().get(name)
    if found:
        factor *= found.factor
        name = found.base_name
    return factor, name


@cache
def unit_pattern() -> str:
    return "(?:" + "|".join(re.escape(u) for u in sorted(lexicon(), key=len, reverse=True)) + ")"


@cache
def number_token() -> re.Pattern:
    """A number and its unit as one token: `134亿元`, `6.5%`, `2000人`, `2022年` (dates too), `1000多万`,
    `300余台`, `4800PF`, `6.5GW` (two or more letters are a unit; one is a code: 5G, 5A, 3D stay)."""
    # The look behind follows the first digit (the same test, one character later) so that the
    # pattern starts with a digit and the regex engine skips to digits at C speed (2x faster).
    return re.compile(rf"\d(?<![A-Za-z0-9.].)\d*(?:\.\d+)?(?:[多余]?(?:[万亿千百]{{0,2}}{unit_pattern()}|年|[万亿]+)(?![A-Za-z])"
                      rf"|[多余](?![A-Za-z])|[A-Za-z]{{2,}}(?![A-Za-z0-9])|(?![A-Za-z0-9]))")
