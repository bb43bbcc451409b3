"""Fold full-width forms and drop stray spaces and invisible characters without touching the line structure."""

from __future__ import annotations

import re

# ０-９ Ａ-Ｚ ａ-ｚ ％ ．(a decimal point) −(minus) -> ASCII; punctuation such as ，；（） stays Chinese.
FOLD = str.maketrans(
    {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"％": "%", "．": ".", "\u00a0": " ", "\u2212": "-"}
)
# Anything FOLD changes; most reports have none, and a search is far cheaper than translate().
FOLDABLE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．\u00a0\u2212]")
CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
# Zero-width characters and separators that str.splitlines() would take for line ends
# (form feed, U+2028 …): invisible in the report, but they break figures and words.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
BLANK = rf"[ \t{INVISIBLE}]"
# "　　现在" (indent), "中共河北 省委" (stray space), "增长 5.2%" / "748.7 亿元" / "2023 年" (PDF text),
# "70% 以上", "74.4\u200b万亿元" (zero-width), trailing blanks.
# Each alternative starts with a blank or an invisible character: looked ahead for (the engine
# skips to them, not trying six alternatives at every character of a paragraph).
DROPPED_FIRST = rf"[ \t\u3000{INVISIBLE}]"
DROPPED = re.compile(
    rf"(?={DROPPED_FIRST})(?:\u3000+|^{BLANK}+|{BLANK}+$"
    rf"|(?<=[{CJK}]){BLANK}+(?=[{CJK}0-9A-Za-z])"
    rf"|(?<=[0-9A-Za-z%]){BLANK}+(?=[{CJK}])"
    rf"|(?<=[0-9]){BLANK}+(?=[%‰])"  # "8 %" (PDF text)
    rf"|(?<=(?<![0-9.]){'[0-9]'}){BLANK}(?=[0-9](?![0-9.]))"  # "2 0 2 3 年": digits set one at a time
    rf"|[{INVISIBLE}]+)"
)
NEEDS_DROPPING = re.compile(DROPPED_FIRST)

# "一九五四年", "二〇二五年": a year in Chinese digits reads as 1954年 (same length, so columns hold).
CHINESE_YEAR = re.compile(r"(?:一[七八九]|二[〇零])[〇零一二三四五六七八九]{2}(?=年)")
CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")

Shifts = list[tuple[int, int]]


def normalize_line(line: str) -> tuple[str, Shifts]:
    """The folded line and, where characters were dropped, (new position, chars dropped so far) pairs.

    >>> normalize_line("　　增长１０％")
    ('增长10%', [(0, 2)])
    >>> normalize_line("增长 5.2%、约 4.4 万亿元")[0]
    '增长5.2%、约4.4万亿元'
    """
    line = fold(line)
    if not NEEDS_DROPPING.search(line):
        return line, []
    pieces, shifts, last, dropped = [], [], 0, 0
    for match in DROPPED.finditer(line):
        pieces.append(line[last:match.start()])
        new_position = match.start() - dropped
        dropped += match.end() - match.start()
        shifts.append((new_position, dropped))
        last = match.end()
    if not shifts:
        return line, []
    pieces.append(line[last:])
    return "".join(pieces), shifts


def fold(text: str) -> str:
    """Full-width digits, letters and ％, and the minus sign, as ASCII (same length)."""
    return text.translate(FOLD) if FOLDABLE.search(text) else text


def source_col(col: int, shifts: Shifts) -> int:
    """Map a 0-based column of the normalised line back to the input line.

    >>> source_col(0, [(0, 2)])
    2
    """
    offset = 0
    for position, dropped in shifts:
        if position > col:
            break
        offset = dropped
    return col + offset


def arabic_years(line: str) -> str:
    """Years in Chinese digits as Arabic ones.

    >>> arabic_years("一九五四年预计，到二〇三五年")
    '1954年预计，到2035年'
    """
    return CHINESE_YEAR.sub(lambda m: m.group(0).translate(CHINESE_DIGITS), line)
