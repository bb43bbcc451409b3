"""Numbers as reports write them: digits with a multiplier and a unit (134亿元, 6.5%, 1.2万亿元)."""

from __future__ import annotations

import re
from functools import cache

from govreport.datafiles import lines

MULTIPLIERS = {"百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}
DIGITS = r"\d+(?:[.．]\d+)?"


@cache
def units() -> tuple[str, ...]:
    """Bundled units, longest first so that 万平方米 wins over 万平."""
    return tuple(sorted(lines("units.txt"), key=len, reverse=True))


@cache
def unit_pattern() -> str:
    return "(?:" + "|".join(re.escape(u) for u in units()) + ")"


@cache
def number_token() -> re.Pattern:
    """A number and its unit as one token: `134亿元`, `6.5%`, `2000人`, `2022年` (dates too)."""
    return re.compile(rf"(?<![A-Za-z0-9.]){DIGITS}(?:[万亿千百]{{0,2}}{unit_pattern()}|年|[万亿]+)?(?![A-Za-z])")


def base_value(value: float, unit: str) -> tuple[float, str]:
    """Value in a base unit: (1.34, 亿元) -> (1.34e8, 元); % and plain units stay.

    >>> base_value(14.4, "万平方米")
    (144000.0, '平方米')
    """
    factor, rest = 1.0, unit
    while rest and rest[0] in MULTIPLIERS and len(rest) > 1 and rest not in units():
        factor *= MULTIPLIERS[rest[0]]
        rest = rest[1:]
    return round(value * factor, 6), rest
