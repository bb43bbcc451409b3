"""Every quantitative goal and result of a report, structured (see shared/design/TARGETS.md)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from govreport.analyses.confidence import confidence, row_flags, with_conflicts
from govreport.analyses.target_fields import (
    GDP_WORDS,
    Context,
    change_of,
    clause_before,
    clean_name,
    comparators,
    figure_kind,
    figure_time,
    indicator_of,
    respective,
    sentence_kind,
)
from govreport.analyses.rows import quick_init
from govreport.document.document import Document
from govreport.rules import cues
from govreport.rules.codebook import by_code, code_of
from govreport.rules.frames import OPENING, TIME_CHARS, LineFrame, SentenceFrames, line_frames, opening_frame
from govreport.rules.identity import identify
from govreport.rules.headings import find_headings
from govreport.rules.numbers import Figure, find_figures, is_count
from govreport.rules.units import base_value, kind_of

KINDS = ("target", "actual", "other")
MAX_SENTENCE = 600  # characters; keeps every figure's context small on a line of megabytes


@quick_init  # hundreds a report: made without a frozen __init__'s object.__setattr__ a field
@dataclass(frozen=True)
class TargetRow:
    file: str
    line: int
    col: int
    text: str
    indicator: str
    code: str
    value: float | None
    value_high: float | None
    unit: str
    base_value: float | None
    base_unit: str
    comparator: str
    change: str
    kind: str
    year: str | None
    period: str | None
    section: str | None
    sentence: str
    confidence: str = "high"  # high, medium or low (analyses/confidence.py)
    flags: str = ""  # why it is doubted, comma-separated: no_code, fragment, multi_year …
    source: str = "text"  # text, or corrected (a --corrections row changed it)


def extract(doc: Document) -> list[TargetRow]:
    """All figures of a document with indicator, bound, change, kind and year."""
    who = identify(doc)
    year = who.year
    gdp = "国内生产总值" if who.level == "national" else "地区生产总值"
    frames = line_frames(doc.lines, find_headings(doc.lines), year)
    rows: list[TargetRow] = []
    for number, line in enumerate(doc.lines, 1):
        if not line:
            continue
        absent = "目标" in line  # what a "no target" sentence (cues.ABSENT) ends with
        if found := find_figures(line):
            masked = _masked_spans(doc, number)
            figures = deque(f for f in found if not (masked and _inside(f, masked))
                            and not (is_count(f.unit) and cues.NOT_COUNTED_AFTER.match(line[f.end:f.end + 4]))
                            and not (f.unit == "岁" and cues.AGE_GROUP_AFTER.match(line, f.end)))
        else:
            figures = deque()
        if not figures and not absent:
            continue
        context = Context(year, gdp, frames[number - 1], who)
        if absent:
            rows.extend(_absent_rows(doc, number, line, context))
        running = context.line
        for start, end in _sentence_spans(line):
            here = running
            # opening_frame would find the opening timeless: asked here without cutting it out first
            if start and year is not None and TIME_CHARS.search(line, start, min(end, start + OPENING + 4)) and \
                    (opened := opening_frame(line[start:min(end, start + OPENING + 4)], year)) is not None:
                here = LineFrame(running.top, running.heading, opened)  # "…。过去一年，…。国内生产总值增长10.3%"
                running = here if opened.lasting else running
            inside = []
            while figures and figures[0].start < end:
                inside.append(figures.popleft())
            if inside:
                sentence_context = context if here is context.line else Context(context.year, context.gdp, here, context.who)
                rows.extend(_sentence_rows(doc, number, line, start, end, inside, sentence_context))
            if not figures:
                break
    return with_conflicts(rows)


def _masked_spans(doc: Document, number: int) -> list[tuple[int, int]]:
    """Quoted names (“982”工程, “1+8+N”) and damaged text hold no figures: the spans of one line
    (one with figures; the quotes of the others are never looked for)."""
    spans = [(q.start, q.end) for q in doc.line_quotes(number) if len(q.text) <= 20]
    spans += [(d.start, d.end) for d in doc.damage_by_line.get(number, ())]
    return sorted(spans)


def _inside(fig: Figure, spans: list[tuple[int, int]]) -> bool:
    """Whether the figure starts inside one of the (sorted) spans."""
    at = bisect_right(spans, (fig.start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= fig.start < spans[at][1]


def _sentence_spans(line: str):
    """Sentences of a line; one without a full stop for pages on end is cut at clause ends."""
    start = 0
    for match in cues.SENTENCE_END.finditer(line):
        if (end := match.end()) - start <= MAX_SENTENCE:
            yield start, end  # most sentences: as _bounded would give them
        else:
            yield from _bounded(line, start, end)
        start = end
    if start < len(line):
        yield from _bounded(line, start, len(line))


def _bounded(line: str, start: int, end: int):
    while end - start > MAX_SENTENCE:
        cut = max(line.rfind(mark, start, start + MAX_SENTENCE) for mark in "；;，,")
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def _sentence_rows(doc, number, line, start, end, figures, context) -> list[TargetRow]:
    """The rows of one sentence's figures, each read against the sentence and the figure before it."""
    sentence = line[start:end]
    own_sentence = doc.quote(number, start, end).strip()
    lean = sentence_kind(sentence, context)
    rows, previous, last_end, last_change = [], None, start, None
    split = respective(line, figures, start)
    scan = SentenceFrames(sentence, context.year)  # the sentence's time words, read once for all its figures
    for fig, comparator in zip(figures, comparators(line, figures, start, end)):
        before, after, between = line[start:fig.start], line[fig.end:end], line[last_end:fig.start]
        indicator = split.get(fig.start) or indicator_of(line, fig, last_end, end, previous, context)
        kind = figure_kind(line[fig.start:fig.end], before, after, lean, sentence, number)
        clause = clause_before(before)
        of_plan = fig.unit == "%" and cues.PLAN_SHARE.search(clause)
        change = "share" if of_plan else (_continued_change(between, last_change) if kind_of(fig.unit) == "percent"
                                          else None) or change_of(between, after, indicator, fig, last_change)
        multi = cues.MULTI_YEAR_CLAUSE.search(clause) is not None  # asked by the year and the flags
        year, period, kind, fallback = figure_time(kind, change, before, context, scan, multi)
        value_base, unit_base = base_value(fig.value, fig.unit) if fig.unit else (fig.value, "")
        at_line, at_col, text = doc.span(number, fig.start, fig.end)
        code = "" if of_plan else code_of(indicator)
        flags = row_flags(indicator=indicator, code=code, unit=fig.unit, rank=fig.rank, value=fig.value,
                          base=value_base, change=change, period=period, clause=clause, fallback=fallback,
                          who=context.who, multi=multi)
        rows.append(TargetRow(  # by position, in the order of the fields: half the time of by name
            doc.name, at_line, at_col, text,
            indicator, code, fig.value, fig.value_high, fig.unit,
            value_base, unit_base, comparator, change, kind,
            year, period, context.line.heading, own_sentence,
            confidence(flags), ",".join(flags)))
        last_end = fig.end
        if not fig.rank:  # 稳居全国前十强、增长4.8%: the growth is still the GDP's
            previous, last_change = indicator, change
    return rows


def _continued_change(between: str, last_change: str | None) -> str | None:
    """`7%以上、力争达到8%`, `分别增长9%和10%以上`: a figure joined to a growth figure grows too."""
    if last_change in ("growth", "decline") and between.strip() and not clean_name(between.strip("、和及与")) \
            and not cues.CLAUSE_END.search(between):
        return last_change
    return None


def _absent_rows(doc: Document, number: int, line: str, context: Context) -> list[TargetRow]:
    """`我们没有提出全年经济增速具体目标`: one row, comparator absent, no number."""
    rows = []
    for match in cues.ABSENT.finditer(line):
        name = clean_name(match.group(1)) or "经济增速"
        if GDP_WORDS.match(name) or "经济" in name:
            name = f"{context.gdp}（{name}）"
        start = max((m.end() for m in cues.SENTENCE_END.finditer(line, 0, match.start())), default=0)
        stop = cues.SENTENCE_END.search(line, match.end())
        at_line, at_col, text = doc.span(number, match.start(), match.end())
        code = code_of(name)
        flags = row_flags(indicator=name, code=code, unit="", rank=True, value=None, base=None, change="growth",
                          period="year", clause="", fallback=False, who=context.who)
        rows.append(TargetRow(
            file=doc.name, line=at_line, col=at_col, text=text,
            indicator=name, code=code, value=None, value_high=None, unit="", base_value=None, base_unit="",
            comparator="absent", change="growth", kind="target",
            year=str(context.year) if context.year else None, period="year" if context.year else None,
            section=context.line.heading,
            sentence=doc.quote(number, start, stop.end() if stop else len(line)).strip(),
            confidence=confidence(flags), flags=",".join(flags)))
    return rows


def select(rows: Sequence[TargetRow], *, kind: str = "target", indicator: str | None = None,
           year: str | None = None) -> list[TargetRow]:
    """The rows a user asked for: one kind or all; a codebook code or a regular expression on the indicator
    or its code;
    a year (a span counts for its years)."""
    pattern = None if not indicator or indicator in by_code() else re.compile(indicator)
    out = []
    for row in rows:
        if kind != "all" and row.kind != kind:
            continue
        if indicator and (row.code != indicator if pattern is None else
                          not (pattern.search(row.indicator) or pattern.search(row.code))):
            continue
        if year and not _covers(row.year, year):
            continue
        out.append(row)
    return out


def _covers(span: str | None, year: str) -> bool:
    if not span:
        return False
    if "-" in span:
        low, high = span.split("-", 1)
        return low <= year <= high
    return span == year


MARKS = {">=": "≥", "<=": "≤", "~": "≈"}


def show_figure(row: TargetRow) -> str:
    """A figure as a reader writes it: `≥10%`, `6–6.5%`, `≈5万人`, `no target`."""
    if row.comparator == "absent":
        return "no target"
    high = f"–{_number(row.value_high)}" if row.value_high is not None else ""
    return f"{MARKS.get(row.comparator, '')}{_number(row.value)}{high}{row.unit}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
