"""Spans broken by an encoding error: `?!?·21`, `六?!比蝿?`, U+FFFD — found so no command reports them as text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.datafiles import common_hanzi

# Characters that do not belong in Chinese report text when they stand next to a `?`:
# ASCII ?!@, kana, Cyrillic, €, Latin letters, and (tested apart) rare hanzi.
ODD = re.compile(r"[?!@\u3040-\u30ff\u0400-\u04ff€A-Za-z]")
# A run counts as damage with three odd characters (`?!?`) or one that is no ASCII
# punctuation (`??偨Y`, `?!惫ぷ?`): a plain `?!` ending a sentence is not damage.
# `?` opening a damaged run; not inside an ASCII word or URL (`a.php?id=3`).
DAMAGE_START = re.compile(r"(?<![A-Za-z0-9/=&_.\-])\?")
LOST = re.compile(r"\ufffd+")  # "二��三五年": bytes the source already lost
MAX_GAP = 5  # ordinary hanzi allowed between two odd characters of one damaged run


@dataclass(frozen=True)
class Damage:
    line: int  # 1-based
    start: int  # 0-based column in the normalised line
    end: int
    kind: str  # "mojibake" or "lost"
    text: str


def is_odd(ch: str) -> bool:
    if ODD.match(ch):
        return True
    return "\u4e00" <= ch <= "\u9fff" and ch not in common_hanzi()


def find_damage(line: str, line_no: int) -> list[Damage]:
    """Damaged runs of one line, left to right.

    >>> [d.text for d in find_damage("落实“六?!比蝿?,持续改善", 1)]
    ['?!比蝿?']
    """
    found = [Damage(line_no, m.start(), m.end(), "lost", m.group(0)) for m in LOST.finditer(line)]
    if "?" not in line:
        return found
    position = 0
    while (match := DAMAGE_START.search(line, position)) is not None:
        end, odd_count = _run_end(line, match.start())
        if odd_count >= 3 or any(ch not in "?!" and is_odd(ch) for ch in line[match.start():end]):
            found.append(Damage(line_no, match.start(), end, "mojibake", line[match.start():end]))
        position = max(end, match.start() + 1)
    return sorted(found, key=lambda d: d.start)


def _run_end(line: str, start: int) -> tuple[int, int]:
    """End of the run of odd characters from `start`, allowing short gaps of hanzi."""
    end, odd_count, gap = start + 1, 1, 0
    for index in range(start + 1, len(line)):
        ch = line[index]
        if is_odd(ch):
            end, odd_count, gap = index + 1, odd_count + 1, 0
        elif "\u4e00" <= ch <= "\u9fff" and gap < MAX_GAP:
            gap += 1
        else:
            break
    return end, odd_count
