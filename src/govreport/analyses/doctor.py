"""A damage report: encoding errors, lost characters, and what layout repair did (joined lines, dropped spaces)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.document.document import Document
from govreport.document.normalize import INVISIBLE


@dataclass(frozen=True)
class DamageRow:
    file: str
    line: int
    col: int
    kind: str
    text: str
    suggestion: str | None


def diagnose(doc: Document) -> list[DamageRow]:
    """Every suspected damaged place and every repair made for reading, in reading order."""
    rows = []
    for d in doc.damage:
        line, col, text = doc.span(d.line, d.start, d.end)
        before = doc.original.get(line - 1, doc.source[line - 1])[col - 1:col - 1 + len(text)]
        rows.append(DamageRow(doc.name, line, col, d.kind, text, reread_shifted(before) if d.kind == "mojibake" else None))
    rows += _joined_lines(doc) + _dropped(doc)
    return sorted(rows, key=lambda r: (r.line, r.col))


def reread_shifted(span: str) -> str | None:
    """What GBK bytes read one byte off once said: `?!薄耙钥苏搩簟钡` -> `“以克論凈”等`, U+FFFD for what is lost.

    The damage comes from text decoded as GBK from a misaligned byte: encoding the shown
    characters back and reading from the right byte realigns the rest. The alignment that
    reads most like Chinese (hanzi and Chinese punctuation, few lost bytes, no stray ASCII) wins.
    """
    data = b"".join(_gbk_bytes(ch) for ch in span)
    best, best_score = None, -len(span)
    for skip in range(1, min(4, len(data))):
        text = re.sub("\ufffd+", "\ufffd", data[skip:].decode("gbk", errors="replace"))
        hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
        if sum(ch in span for ch in hanzi) > len(hanzi) / 2:
            continue  # the alignment the damage already shows
        if (score := _readability(text)) > best_score:
            best, best_score = text, score
    return best if best is not None and best_score >= 0 else None


def _readability(text: str) -> int:
    good = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "“”‘’，。、；：（）《》")
    lost = text.count("\ufffd")
    stray = sum(1 for ch in text if ("!" <= ch <= "~" and not ch.isdigit()) or ch == "€")
    return good - lost - 2 * stray


def _gbk_bytes(ch: str) -> bytes:
    if ch == "?":
        return b"\xff"  # a byte the first decoding could not read: lost
    if ch == "€":
        return b"\x80"  # cp936's euro sign
    try:
        return ch.encode("gbk")
    except UnicodeEncodeError:
        return b"\xff"


def _joined_lines(doc: Document) -> list[DamageRow]:
    """Lines the rules read as one paragraph (layout repair), shown where the break is."""
    rows = []
    for join in doc.repairs:
        if join.why == "lead-in":
            continue  # "主要预期目标是：" / "国内生产总值增长8%左右；…": read as one, but nothing is broken
        line, following = doc.source[join.line - 2], doc.source[join.line - 1]
        tail = line.rstrip()[-8:]
        rows.append(DamageRow(doc.name, join.line - 1, len(line.rstrip()) - len(tail) + 1, "split line",
                              f"{tail}⏎{following[:8]}", f"{tail}{following.lstrip()[:8]} (joined: {join.why})"))
    return rows


HANZI = re.compile(r"[\u4e00-\u9fff]")
HEADER_LINES = 10  # the title block ends at 各位代表; "广东省省长 孟凡利" there is layout, not damage
SPACED_TITLE = 12  # "名 词 解 释": a short line spaced out on purpose


def _dropped(doc: Document) -> list[DamageRow]:
    """Invisible characters (U+200B …) and spaces inside Chinese text that were dropped for reading.

    Indents and layout spaces of the title block (`广东省省长 孟凡利`) are no damage.
    """
    rows = []
    header = next((i for i, line in enumerate(doc.source[:HEADER_LINES], 1) if line.lstrip().startswith("各位代表")), 0)
    for index, shifts in doc.shifts.items():
        line, dropped_before = doc.source[index], 0
        for position, dropped in shifts:
            start, end = position + dropped_before, position + dropped
            dropped_before = dropped
            run = line[start:end]
            if invisible := [ch for ch in run if ch in INVISIBLE]:
                rows.append(DamageRow(doc.name, index + 1, start + 1, "invisible character",
                                      " ".join(f"U+{ord(ch):04X}" for ch in invisible), "removed"))
                continue
            if index + 1 < header or len(line.strip()) <= SPACED_TITLE or "\u3000" in run:
                continue
            quoted = line.rfind("“", 0, start) > line.rfind("”", 0, start)  # “好客山东 好品山东”: a pause
            if 0 < start and end < len(line) and _inside_text(line[start - 1], line[end]) and not quoted:
                rows.append(DamageRow(doc.name, index + 1, start + 1, "stray space",
                                      f"{line[max(0, start - 4):start]}␣{line[end:end + 4]}",
                                      f"{line[max(0, start - 4):start]}{line[end:end + 4]}"))
    return rows


def _inside_text(left: str, right: str) -> bool:
    """A space between two hanzi, or between a hanzi and a number: not layout."""
    return bool((HANZI.match(left) and (HANZI.match(right) or right.isdigit()))
                or (left.isdigit() or left == "%") and HANZI.match(right))
