"""Where one paragraph was broken over several lines: hard wraps of PDF text, links of a web page, bad copies.

The rules read paragraphs; the input keeps its own lines. `joins` says which lines continue
into the next, and Document keeps the map back to the input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# A line that stops where no sentence or title can stop: "今年经济社会发展的" / "15%、15%、".
OPEN_END = re.compile(r"[的和与及或、，,在对把将从并而]$")
# A line that introduces what the next one says: "今年经济社会发展的主要预期目标是：" / "国内生产总值增长8%左右；…".
LEAD_IN = re.compile(r"[是为][：:]$")
# A line that starts where no paragraph can: "是：地区生产总值…", "”时期发展的…", "，强化基层…".
STARTS_MID = re.compile(r"^(?:[，,、。；;：:）)”’」』》]|是[：:])")
# A token or a list of figures broken over lines: "PM" / "2.5", "分别降低" / "15%、15%、" / "19%。".
BROKEN_TOKEN = (re.compile(r"[A-Za-z0-9.]$"), re.compile(r"^[0-9A-Za-z.%]"))
FIGURES_ONLY = re.compile(r"^\d[\d.%、，,—\-~]*$")
# The start of a heading or a speech's turn, never the rest of a paragraph.
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[)）]|\d+[.．、](?!\d)|各位代表)")
SENTENCE_END = re.compile(r"[。！？!?…]$|[。！？!?][”’」』]$")
MIN_OPEN_END = 4  # characters; shorter lines ending in 和 are names and titles ("两个维护")
FRAGMENT = 8  # a piece this short inside a paragraph does not end it ("PM" / "2.5" / "年平均浓度…")
MIN_WRAPPED_LINES = 20
WRAPPED_SHARE = 0.3  # of the lines, at the page width: the text was hard-wrapped (PDF)
WRAP_SLACK = 4  # display columns a full line may fall short of, or run past, the page width


# Characters a terminal or a printed page gives two columns: hanzi, CJK punctuation, full-width forms.
WIDE_RANGES = r"\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
NARROW = re.compile(f"[^{WIDE_RANGES}]")  # counted, not the wide ones: a report's lines hold few
MAX_WRAPPED = 200  # characters; a longer line is a paragraph, not a printed line
MIN_PAGE = 40  # display columns: a printed line holds 20 hanzi or more (short lines are titles, fragments)


def _ends(pattern: re.Pattern, line: str) -> bool:
    """pattern.search(line) for a pattern anchored at the end ($) that matches at most two
    characters: searched from two before the end, not from the start (a line holds no newline)."""
    return pattern.search(line, len(line) - 2) is not None


def width(line: str) -> int:
    """Display columns: hanzi and full-width forms take two.

    >>> width("增长 5.2%")
    9
    """
    return 2 * len(line) - len(NARROW.findall(line))


def page_width(lines: Sequence[str]) -> int | None:
    """The width hard-wrapped text was cut at (the commonest line width), or None for paragraphs."""
    sample = [line for line in lines[:2000] if line]
    cut = [not _ends(SENTENCE_END, line) for line in sample]  # a printed line stops anywhere
    if len(sample) < MIN_WRAPPED_LINES or sum(cut) < WRAPPED_SHARE / 2 * len(sample):
        return None  # paragraphs: nearly every line ends a sentence
    widths = [width(line) if len(line) <= MAX_WRAPPED else 0 for line in sample]
    counts = Counter(w for w in widths if w >= MIN_PAGE)
    if not counts:
        return None
    top = max(counts, key=lambda w: (counts[w], w))
    full = [stops for w, stops in zip(widths, cut) if top - _slack(top) <= w <= top + WRAP_SLACK]
    return top if len(full) >= WRAPPED_SHARE * len(sample) and 2 * sum(full) >= len(full) else None


def _slack(page: int) -> int:
    """Justified print squeezes or stretches a line with digits and Latin letters by some columns."""
    return max(WRAP_SLACK, page // 8)


def open_quote(line: str) -> bool:
    """A line that ends inside a quotation: `…成果找市场“双向` / `揭榜…`, `二、“` / `十四五`."""
    last = line.rfind("“")
    return last > line.rfind("”") and not re.search(r"[。！？；;）)]", line[last:])


def joins(lines: Sequence[str], source: Sequence[str] | None = None) -> list[tuple[int, str]]:
    """(i, why) for every line i that continues into line i+1, in order.

    `lines` are normalised; `source` are the same lines as printed, whose widths show hard wraps.

    >>> joins(["今年经济社会发展的", "主要预期目标", "是：地区生产总值增长5%。", "一、回顾"])
    [(0, 'open end'), (1, 'next starts mid-sentence')]
    """
    source = lines if source is None else source
    page = page_width(source)
    full = page - _slack(page) if page else None
    out: list[tuple[int, str]] = []
    continued = False
    for i in range(len(lines) - 1):
        line, following = lines[i], lines[i + 1]
        why = _why(line, following, continued, full is not None and width(source[i]) >= full) if line and following and not HEADING_START.match(following) \
            else None
        if why:
            out.append((i, why))
        continued = why is not None
    return out


def _why(line: str, following: str, continued: bool, full_width: bool) -> str | None:
    if line[-1] in "。！？":  # most lines: a quote, lead-in, open end or broken token ends otherwise
        return "next starts mid-sentence" if STARTS_MID.match(following) else None
    if open_quote(line):
        return "open quote"
    if _ends(LEAD_IN, line):
        return "lead-in"
    if len(line) >= MIN_OPEN_END and _ends(OPEN_END, line):
        return "open end"
    if STARTS_MID.match(following):
        return "next starts mid-sentence"
    if len(following) <= FRAGMENT and not _ends(SENTENCE_END, line) and not line.endswith(("：", ":")) and (
            _ends(BROKEN_TOKEN[0], line) and BROKEN_TOKEN[1].match(following) or FIGURES_ONLY.match(following)):
        return "broken token"
    if continued and len(line) <= FRAGMENT and not _ends(SENTENCE_END, line):
        return "fragment"
    if full_width and not _ends(SENTENCE_END, line):
        return "hard wrap"
    return None
