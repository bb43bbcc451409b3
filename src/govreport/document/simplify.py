"""Traditional -> simplified with OpenCC t2s, only for lines that need it, plus known fixes."""

from __future__ import annotations

import os
from functools import cache

from govreport.datafiles import table


@cache
def _converter():
    import opencc  # opencc-python-reimplemented; loaded only when a line needs it

    return opencc.OpenCC("t2s")


@cache
def traditional_chars() -> frozenset[str]:
    """Characters t2s always changes; a line without any is left alone (most reports).

    A set test (`isdisjoint`) is about five times faster than a character-class regex here.
    """
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    chars = []
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            key, _, values = row.rstrip("\n").partition("\t")
            if len(key) == 1 and key not in values.split():
                chars.append(key)
    return frozenset(chars)


@cache
def _fixes() -> tuple[tuple[str, str], ...]:
    """Converter faults (研發覆蓋率 -> 研发复盖率) and their repair, from data/t2s_fixes.tsv."""
    return tuple((row[0], row[1]) for row in table("t2s_fixes.tsv"))


def needs_conversion(line: str) -> bool:
    return not traditional_chars().isdisjoint(line)


def to_simplified(line: str) -> str:
    """One line in simplified characters; same length whenever OpenCC keeps it."""
    if not needs_conversion(line):
        return line
    out = _converter().convert(line)
    for wrong, right in _fixes():
        out = out.replace(wrong, right)
    return out
