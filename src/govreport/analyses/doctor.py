"""A damage report: encoding errors, lost characters, lines split inside a sentence, stray spaces."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.document.document import Document

# A line that stops where no sentence or title can stop: "今年经济社会发展的" / "主要预期目标" / "是：…".
OPEN_END = re.compile(r"[的和与及或、，,在对把将从并而]$")
NEXT_STARTS_MID = re.compile(r"^(?:[，,、。；;：:）)”]|是[：:])")
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、]|各位代表)")
MIN_SPLIT_LINE = 4  # characters; shorter fragments are titles, names or page furniture


@dataclass(frozen=True)
class DamageRow:
    file: str
    line: int
    col: int
    kind: str
    text: str
    suggestion: str | None


def diagnose(doc: Document) -> list[DamageRow]:
    """Every suspected damaged place, in reading order."""
    rows = [DamageRow(doc.name, d.line, doc.input_col(d.line, d.start), d.kind, d.text,
                      reread_shifted(doc.before_conversion.get(d.line, doc.lines[d.line - 1])[d.start:d.end])
                      if d.kind == "mojibake" else None)
            for d in doc.damage]
    rows += _split_lines(doc) + _stray_spaces(doc)
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


def _split_lines(doc: Document) -> list[DamageRow]:
    rows = []
    for number, (line, following) in enumerate(zip(doc.lines, doc.lines[1:]), 1):
        if len(line) < MIN_SPLIT_LINE or not following or HEADING_START.match(following):
            continue
        if OPEN_END.search(line) or NEXT_STARTS_MID.match(following) or _open_quote(line):
            tail = line[-8:]
            rows.append(DamageRow(doc.name, number, doc.input_col(number, len(line) - len(tail)), "split line",
                                  f"{tail}⏎{following[:8]}", f"{tail}{following[:8]}"))
    return rows


def _open_quote(line: str) -> bool:
    """A line that ends inside a quotation: `…成果找市场“双向` / `揭榜…`."""
    last = line.rfind("“")
    return last > line.rfind("”") and not re.search(r"[。！？；;）)]", line[last:])


HANZI = re.compile(r"[\u4e00-\u9fff]")
HEADER_LINES = 10  # the title block ends at 各位代表; "广东省省长 孟凡利" there is layout, not damage
SPACED_TITLE = 12  # "名 词 解 释": a short line spaced out on purpose


def _stray_spaces(doc: Document) -> list[DamageRow]:
    """Spaces dropped from inside a Chinese word (`中共河北 省委`); layout spaces are no damage."""
    rows = []
    header = next((i for i, line in enumerate(doc.lines[:HEADER_LINES], 1) if line.startswith("各位代表")), 0)
    for number, shifts in doc.shifts.items():
        line, dropped_before = doc.lines[number - 1], 0
        if number < header or len(line) <= SPACED_TITLE:
            continue
        for position, dropped in shifts:
            width = dropped - dropped_before
            between_hanzi = 0 < position < len(line) and HANZI.match(line[position - 1]) and HANZI.match(line[position])
            if between_hanzi and not doc.in_quotes(number, position):
                rows.append(DamageRow(doc.name, number, doc.input_col(number, position) - width, "stray space",
                                      f"{line[max(0, position - 4):position]}␣{line[position:position + 4]}",
                                      f"{line[max(0, position - 4):position]}{line[position:position + 4]}"))
            dropped_before = dropped
    return rows
