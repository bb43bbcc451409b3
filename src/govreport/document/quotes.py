"""Quoted spans of a line in every style reports use, aware of encoding damage."""

from __future__ import annotations

import re
from typing import NamedTuple

from govreport.document.damage import Damage

PAIRS = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", '"': '"'}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
QUOTE_MARK = re.compile(r"[“”「」『』《》‘’\"]")
MAX_LEN = 120  # longer "quotes" are mismatched marks, not phrases
# A quote of 2 to 8 word characters (hanzi, letters, digits, +) between the two marks of one
# kind: the phrases keywords keeps whole. Such marks hold nothing else find_quotes could pair, so
# they are always a pair of it; ASCII double quotes pair by turns, so a text with one is not
# answered this way.
SHORT_WORDS = r"[\u4e00-\u9fffA-Za-z0-9+]{2,8}"
SHORT_QUOTE = re.compile("|".join(f"{re.escape(o)}({SHORT_WORDS}){re.escape(c)}" for o, c in PAIRS.items() if o != '"'))
NEAR = 4  # damage this close to a lone quote mark swallowed its partner


class Quote(NamedTuple):
    """A quoted span (a tuple: a report holds hundreds, made at every reading; 3x cheaper than a dataclass)."""

    line: int  # 1-based
    start: int  # 0-based column of the first character inside the marks
    end: int
    text: str
    garbled: bool = False


def find_quotes(line: str, line_no: int, damage: list[Damage] = ()) -> list[Quote]:
    """Quoted phrases of one line; adjacent quotes stay apart, nothing spans a line break.

    >>> [q.text for q in find_quotes('做好“六稳”“六保”和"放管服"', 1)]
    ['六稳', '六保', '放管服']
    """
    if not QUOTE_MARK.search(line):
        return []
    pairs, lone_open, lone_close = _pair_marks(line)
    quotes = []
    for start, end in pairs:
        hit = [d for d in damage if d.start < end and d.end > start]
        if hit:
            end = min(end, max(d.end for d in hit))
        quotes.append(Quote(line_no, start, end, line[start:end], bool(hit)))
    for mark in lone_open:
        hit = [d for d in damage if 0 <= d.start - mark - 1 <= NEAR]
        if hit:
            quotes.append(Quote(line_no, mark + 1, hit[0].end, line[mark + 1:hit[0].end], True))
    for mark in lone_close:
        hit = [d for d in damage if 0 <= mark - d.end <= NEAR]
        if hit:
            quotes.append(Quote(line_no, hit[-1].start, mark, line[hit[-1].start:mark], True))
    return sorted(quotes, key=lambda q: q.start)


def _pair_marks(line: str):
    """(content spans of matched pairs, lone opening marks, lone closing marks)."""
    pairs, lone_open, lone_close, open_at = [], [], [], {}
    for match in QUOTE_MARK.finditer(line):
        mark, at = match.group(0), match.start()
        if mark == '"':
            mark = "close" if '"' in open_at else '"'
        if mark in PAIRS:
            if mark in open_at:
                lone_open.append(open_at[mark])
            open_at[mark] = at
            continue
        opener = '"' if mark == "close" else CLOSERS[mark]
        begin = open_at.pop(opener, None)
        if begin is None:
            lone_close.append(at)
        elif 0 < at - begin - 1 <= MAX_LEN:
            pairs.append((begin + 1, at))
    lone_open.extend(open_at.values())
    return pairs, lone_open, lone_close


def short_quote_texts(text: str) -> set[str] | None:
    """The texts of the quotes of 2 to 8 word characters that find_quotes finds in the lines of
    `text` (a text without encoding damage), in one search of the text; None where an ASCII double
    quote leaves it to find_quotes.

    >>> sorted(short_quote_texts('做好“六稳”“六保”，《条例》和「放管服」，“一个很长很长的说法啊”'))
    ['六保', '六稳', '放管服', '条例']
    """
    if '"' in text:
        return None
    return {a or b or c or d or e for a, b, c, d, e in SHORT_QUOTE.findall(text)}
