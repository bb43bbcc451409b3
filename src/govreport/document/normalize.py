"""Fold full-width forms and drop stray spaces without touching the line structure."""

from __future__ import annotations

import html
import re

# ０-９ Ａ-Ｚ ａ-ｚ ％ -> ASCII; punctuation such as ，；（） stays Chinese.
FOLD = str.maketrans(
    {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
    | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
    | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}
    | {"％": "%", "\u00a0": " "}
)
# Anything FOLD changes; most reports have none, and a search is far cheaper than translate().
FOLDABLE = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％\u00a0]")
CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
# "　　现在" (indent), "中共河北 省委" (stray space), "政 府 工 作" (spaced title), trailing blanks.
DROPPED_SPACE = re.compile(
    rf"\u3000+|^[ \t]+|[ \t\u3000]+$|(?<=[{CJK}])[ \t]+(?=[{CJK}])"
)
# <p>, <br/>, <script>…</script>: tags go, the newlines inside them stay.
HTML_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)

Shifts = list[tuple[int, int]]


def normalize_line(line: str) -> tuple[str, Shifts]:
    """The folded line and, where spaces were dropped, (new position, chars dropped so far) pairs.

    >>> normalize_line("　　增长１０％")
    ('增长10%', [(0, 2)])
    """
    line = fold(line)
    if " " not in line and "\u3000" not in line and "\t" not in line:
        return line, []
    pieces, shifts, last, dropped = [], [], 0, 0
    for match in DROPPED_SPACE.finditer(line):
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
    """Full-width digits, letters and ％ as ASCII (same length)."""
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


def strip_html(text: str) -> str:
    """Text of an HTML page, keeping every newline so line numbers still point into the file."""
    def keep_newlines(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n")

    return html.unescape(HTML_TAG.sub(keep_newlines, text))
