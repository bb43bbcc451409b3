"""Every quantitative goal and result of a report, structured (see shared/design/TARGETS.md)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, replace

from govreport import cues, datafiles
from govreport.document import Document
from govreport.figures import COUNT_UNITS, Figure, find_figures
from govreport.outline import Section, sections
from govreport.quantities import base_value

KINDS = ("target", "actual", "other")
MAX_SENTENCE = 600  # characters; keeps every figure's context small on a line of megabytes
GDP_WORDS = re.compile(r"^(?:经济|经济增长|经济增速|经济总量|经济增长速度)$")


@dataclass(frozen=True)
class TargetRow:
    file: str
    line: int
    col: int
    text: str
    indicator: str
    value: float | None
    value_high: float | None
    unit: str
    base_value: float | None
    base_unit: str
    comparator: str
    change: str
    kind: str
    year: str | None
    section: str | None
    sentence: str


@dataclass(frozen=True)
class Context:
    """What a figure is read against: the document's year and national/local level, and its section."""

    year: int | None
    gdp: str
    section: Section
    five_years: bool


def report_year(doc: Document) -> int | None:
    """The year the report plans for: its delivery date, else its headings or `2013年是…`."""
    from govreport.info import parse_date

    if date := parse_date("".join(doc.lines[:8])):
        return date[0]
    for line in doc.lines:
        if len(line) <= 60:
            if match := cues.REVIEW_YEAR.search(line):
                return int(match.group(1)) + 1
            if match := cues.PLAN_YEAR.search(line):
                return int(match.group(1))
    for line in doc.lines:
        if match := cues.YEAR_IS.search(line):
            return int(match.group(1))
    return None


def extract(doc: Document) -> list[TargetRow]:
    """All figures of a document with indicator, bound, change, kind and year."""
    year = report_year(doc)
    gdp = "国内生产总值" if "全国人民代表大会" in "".join(doc.lines[:8]) or _no_title(doc) else "地区生产总值"
    line_sections = _lean_unmarked(doc, sections(doc))
    masked = _masked_spans(doc)
    rows: list[TargetRow] = []
    for number, line in enumerate(doc.lines, 1):
        if not line:
            continue
        context = Context(year, gdp, line_sections[number - 1], bool(cues.FIVE_YEARS.search(line)))
        rows.extend(_absent_rows(doc, number, line, context))
        figures = deque(f for f in find_figures(line) if not _inside(f, masked.get(number, ()))
                        and not cues.NOT_COUNTED_AFTER.match(line[f.end:f.end + 4]))
        for start, end in _sentence_spans(line):
            inside = []
            while figures and figures[0].start < end:
                inside.append(figures.popleft())
            if inside:
                rows.extend(_sentence_rows(doc, number, line, start, end, inside, context))
            if not figures:
                break
    return rows


def _lean_unmarked(doc: Document, line_sections: list[Section]) -> list[Section]:
    """A top-level section whose title says nothing (一、一年接着一年干…) leans the way its sentences do."""
    votes: dict[str | None, list[int]] = {}
    for line, section in zip(doc.lines, line_sections):
        if section.kind == "other" and section.top:
            tally = votes.setdefault(section.top, [0, 0])
            tally[0] += len(cues.REVIEW_VOTE.findall(line))
            tally[1] += len(cues.PLAN_VOTE.findall(line))
    lean = {top: ("review" if r >= 0.4 * p and r else "plan" if r <= 0.1 * p and p else "other")
            for top, (r, p) in votes.items()}
    return [replace(s, kind=lean[s.top]) if s.top in lean else s for s in line_sections]


def _no_title(doc: Document) -> bool:
    """National reports copied without a header open with 各位代表 and mention 国务院 or 全国."""
    head = "".join(doc.lines[:3])
    return head.startswith(("各位代表", "　各位代表")) and "国内生产总值" in doc.text


def _masked_spans(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Quoted names (“982”工程, “1+8+N”) and damaged text hold no figures."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for q in doc.quotes:
        if len(q.text) <= 20:
            spans.setdefault(q.line, []).append((q.start, q.end))
    for d in doc.damage:
        spans.setdefault(d.line, []).append((d.start, d.end))
    return {line: sorted(found) for line, found in spans.items()}


def _inside(fig: Figure, spans: list[tuple[int, int]]) -> bool:
    """Whether the figure starts inside one of the (sorted) spans."""
    at = bisect_right(spans, (fig.start, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= fig.start < spans[at][1]


def _sentence_spans(line: str):
    """Sentences of a line; one without a full stop for pages on end is cut at clause ends."""
    start = 0
    for match in cues.SENTENCE_END.finditer(line):
        yield from _bounded(line, start, match.end())
        start = match.end()
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
    sentence = line[start:end]
    sentence_kind = _sentence_kind(sentence, context)
    rows, previous, last_end, last_change = [], None, start, None
    comparators = _comparators(line, figures, start, end)
    split = _respective(line, figures, start)
    for fig, comparator in zip(figures, comparators):
        before, after = line[start:fig.start], line[fig.end:end]
        indicator = split.get(fig.start) or _indicator(line, fig, last_end, end, previous, context)
        kind = _kind(line[fig.start:fig.end], before, after, sentence_kind, sentence, number)
        between = line[last_end:fig.start]
        if last_change in ("growth", "decline") and not _clean(between.strip("、和及与")) and between.strip() \
                and not cues.CLAUSE_END.search(between):
            change = last_change  # 7%以上、力争达到8%; 分别增长9%和10%以上: same measure, same change
        else:
            change = _change(between, after, indicator, fig, last_change)
        row_year = _year(kind, fig, before, sentence, context)
        value_base, unit_base = base_value(fig.value, fig.unit) if fig.unit else (fig.value, "")
        rows.append(TargetRow(
            file=doc.name, line=number, col=doc.input_col(number, fig.start), text=line[fig.start:fig.end],
            indicator=indicator, value=fig.value, value_high=fig.value_high, unit=fig.unit,
            base_value=value_base, base_unit=unit_base, comparator=comparator,
            change=change, kind=kind, year=row_year,
            section=context.section.heading, sentence=sentence.strip()))
        previous, last_end, last_change = indicator, fig.end, change
    return rows


def _respective(line: str, figures: Sequence[Figure], start: int) -> dict[int, str]:
    """`城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内`: the i-th subject goes with the i-th figure."""
    out: dict[int, str] = {}
    for i, fig in enumerate(figures):
        before = line[start:fig.start]
        at = before.rfind("分别")
        if at < 0 or fig.start in out:
            continue
        subject = _clean(_clause_before(before[:at]))
        names = [n for n in re.split(r"[、和与及]", subject) if n]
        group = [f for f in figures[i:] if f.start > start + at]
        group = group[:len(names)]
        if len(names) > 1 and len(group) == len(names):
            out.update({f.start: n for f, n in zip(group, names)})
    return out


def _comparators(line: str, figures: Sequence[Figure], start: int, end: int) -> list[str]:
    """Each figure's bound: its own suffix, else the word right before it; `分别…以内` bounds the whole list."""
    out = []
    for fig in figures:
        before = line[start:fig.start]
        if fig.bound:
            out.append(fig.bound)
        elif cues.AT_LEAST_BEFORE.search(before):
            out.append(">=")
        elif cues.AT_MOST_BEFORE.search(before):
            out.append("<=")
        elif cues.ABOUT_BEFORE.search(before):
            out.append("~")
        else:
            out.append("=")
    for i in range(1, len(figures)):  # 超10亿元、30亿元: a bound word before a list covers it
        if line[figures[i - 1].end:figures[i].start] == "、" and out[i] == "=" and not figures[i - 1].bound:
            out[i] = out[i - 1]
    for i in range(len(figures) - 1, 0, -1):
        joined = line[figures[i - 1].end:figures[i].start]
        if joined in ("和", "、", "与", "及", "或") and out[i - 1] == "=" and out[i] in (">=", "<=", "~") \
                and "分别" in line[start:figures[i - 1].start]:
            out[i - 1] = out[i]
    return out


def _sentence_kind(sentence: str, context: Context) -> str | None:
    """target or actual when the sentence says so, else the section's lean; None when nothing tells."""
    target, actual = cues.TARGET_CUE.search(sentence), cues.ACTUAL_CUE.search(sentence)
    lean = {"review": "actual", "plan": "target"}.get(context.section.kind)
    if lean == "actual":
        horizon = cues.HORIZON.search(sentence)
        if horizon and context.year and int(horizon.group(1)) >= context.year:
            return "target"
        years = {int(m.group(1)) for m in cues.EXPLICIT_YEAR.finditer(sentence)}
        if context.year and years and max(years) < context.year:
            return "actual"  # "2012年，…国内生产总值增长7.8%": a past year's result
        if target and not actual and "今年" in sentence and re.search(r"力争|预期目标是|目标是|目标为", sentence):
            return "target"
        return "actual"
    if lean == "target":
        if actual and re.search(r"同比|去年|过去一年|一年来|五年来|过去五年|这五年", sentence) and not target:
            return "actual"
        return "target"
    if target and not actual:
        return "target"
    if actual and not target:
        return "actual"
    years = {int(m.group(1)) for m in cues.EXPLICIT_YEAR.finditer(sentence)}
    if context.year and (context.year in years or "今年" in sentence):
        return "target"
    if context.year and years and max(years) < context.year:
        return "actual"
    return None


def _kind(text: str, before: str, after: str, sentence_kind: str | None, sentence: str, number: int) -> str:
    if number <= 3 and cues.METADATA.search(sentence):
        return "other"
    if cues.ATTRIBUTE_BEFORE.search(before) or (cues.INVEST_BEFORE.search(before) and cues.ATTRIBUTE_AFTER.match(after)):
        return "other"
    if cues.BASELINE_BEFORE.search(before) and cues.BASELINE_AFTER.match(after):
        return "other"
    if text.endswith("以上") and cues.THRESHOLD_AFTER.match(after):
        return "other"
    if cues.RANK_GROUP.search(before) and cues.RANK_GROUP_AFTER.match(after):
        return "other"
    return sentence_kind or "other"


def _year(kind: str, fig: Figure, before: str, sentence: str, context: Context) -> str | None:
    year = context.year
    if kind == "other" or year is None:
        return None
    if kind == "target":
        horizons = [int(m.group(1)) for m in cues.HORIZON.finditer(before)] or \
                   [int(m.group(1)) for m in cues.HORIZON.finditer(sentence)]
        return str(horizons[-1]) if horizons else str(year)
    since = [m for m in cues.SINCE.finditer(before)]
    if since:
        return f"{since[-1].group(1) or since[-1].group(2)}-{year - 1}"
    if context.five_years:
        if cues.STOCK_BEFORE.search(before):
            return str(year - 1)
        return f"{year - 5}-{year - 1}"
    explicit = [int(m.group(1)) for m in cues.EXPLICIT_YEAR.finditer(before)]
    if explicit and explicit[-1] < year:
        return str(explicit[-1])
    return str(year - 1)


def _change(before: str, after: str, indicator: str, fig: Figure, previous: str | None) -> str:
    """growth, decline, share, increment, count or level, from the verb before the figure and its unit."""
    if fig.unit == "番":
        return "growth"
    if cues.DECLINE_BEFORE.search(before) or cues.DECLINE_MARGIN.search(before):
        return "decline"
    if cues.GROWTH_BEFORE.search(before):
        return "growth" if fig.unit in ("%", "个百分点", "百分点", "倍") else "increment"
    clause = _clause_before(before)
    if fig.unit in ("%", "‰", "个百分点", "百分点"):
        verb_part = clause.rsplit("分别", 1)[-1]  # 失业率、涨幅分别控制在…: the subjects are split apart
        return "growth" if cues.GROWTH_WORDS.search(indicator) or cues.GROWTH_WORDS.search(verb_part) else "share"
    unit = fig.unit.lstrip("万亿千百")
    if unit.endswith("元"):
        return "increment" if re.search(r"新增|增加", clause) else "level"
    if cues.INCREMENT.search(clause) or cues.INCREMENT.search(re.split(r"[，,。；;、]", after)[0][:10] or "-"):
        return "increment"
    if previous == "increment" and unit in COUNT_UNITS and not cues.OTHER_VERB.search(clause):
        return "increment"  # 新增高新技术企业3家，科技型中小企业24家: the verb covers the list
    if unit in COUNT_UNITS:
        return "count"
    return "level"


def _clause_before(before: str) -> str:
    parts = cues.CLAUSE_END.split(before)
    return parts[-1] if parts else before


def _indicator(line: str, fig: Figure, start: int, end: int, previous: str | None, context: Context) -> str:
    """What is measured: the clause before the figure without verbs and time words, else the noun after it."""
    clause = _clause_before(line[start:fig.start])
    after = line[fig.end:end]
    name = _clean(clause.lstrip("、和及与"))
    if cues.VERB_ONLY.match(name) or cues.SUMMING_UP.search(clause):
        name = _noun_after(after) or name or previous or ""
    elif (owner := cues.OWNER_AFTER.match(after)) and fig.unit.lstrip("万亿千百") not in COUNT_UNITS:
        name = owner.group(1) + name
    if GDP_WORDS.match(name):
        name = f"{context.gdp}（{name}）"
    return name


def _noun_after(after: str) -> str:
    """`26个重点防洪除涝项目` -> 重点防洪除涝项目; `15个总投资17.1亿元的“三大改造”项目` -> “三大改造”项目."""
    phrase = re.match(r"[^，,。；;：:]*", after).group(0)
    phrase = phrase.split("的")[-1] if "的" in phrase else phrase
    found = re.match(r"[\u4e00-\u9fffA-Za-z“”]{2,16}", phrase)
    if not found or found.group(0).startswith(("以上", "左右", "以内")):
        return ""
    return found.group(0)


def _clean(clause: str) -> str:
    text = clause.strip()
    for _ in range(3):
        text = cues.LEAD_WORDS.sub("", text)
        text = cues.TRAIL_WORDS.sub("", text)
    if "、" in text and len(text) > 24:
        text = text.split("、")[-1]
    return text[-24:]


def _absent_rows(doc: Document, number: int, line: str, context: Context) -> list[TargetRow]:
    """`我们没有提出全年经济增速具体目标`: one row, comparator absent, no number."""
    rows = []
    for match in cues.ABSENT.finditer(line):
        name = _clean(match.group(1)) or "经济增速"
        if GDP_WORDS.match(name) or "经济" in name:
            name = f"{context.gdp}（{name}）"
        start = max((m.end() for m in cues.SENTENCE_END.finditer(line, 0, match.start())), default=0)
        stop = cues.SENTENCE_END.search(line, match.end())
        rows.append(TargetRow(
            file=doc.name, line=number, col=doc.input_col(number, match.start()), text=match.group(0),
            indicator=name, value=None, value_high=None, unit="", base_value=None, base_unit="",
            comparator="absent", change="growth", kind="target",
            year=str(context.year) if context.year else None, section=context.section.heading,
            sentence=line[start:stop.end() if stop else len(line)].strip()))
    return rows


def select(rows: Sequence[TargetRow], *, kind: str = "target", indicator: str | None = None,
           year: str | None = None) -> list[TargetRow]:
    """The rows a user asked for: one kind or all, an indicator substring, a year (a span counts for its years)."""
    out = []
    for row in rows:
        if kind != "all" and row.kind != kind:
            continue
        if indicator and indicator not in row.indicator:
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


def table_view(*, several: bool):
    """Terminal layout: indicator, the figure with its bound, year, kind, and the sentence with it marked."""
    from govreport.render import View

    marks = {">=": "≥", "<=": "≤", "~": "≈", "range": "", "=": "", "absent": "none"}
    columns = [("file", lambda r: r.file)] if several else []
    columns += [
        ("line", lambda r: r.line),
        ("indicator", lambda r: r.indicator),
        ("figure", lambda r: "no target" if r.comparator == "absent" else
         f"{marks.get(r.comparator, '')}{_number(r.value)}{'–' + _number(r.value_high) if r.value_high else ''}{r.unit}"),
        ("change", lambda r: r.change),
        ("year", lambda r: r.year),
        ("kind", lambda r: r.kind),
        ("sentence", _excerpt),
    ]
    return View(columns=columns, highlight=("sentence", "text"), wrap=("sentence",),
                max_width={"indicator": 14, "file": 24})


def _excerpt(row: TargetRow, width: int = 22) -> str:
    """The sentence around the figure, so a terminal row stays one or two lines high."""
    at = row.sentence.find(row.text)
    if at < 0 or len(row.sentence) <= 2 * width + len(row.text):
        return row.sentence
    start, stop = max(0, at - width), at + len(row.text) + width
    return ("…" if start else "") + row.sentence[start:stop] + ("…" if stop < len(row.sentence) else "")


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class TargetTask:
    """Per-document work of `govreport targets`; picklable for a process pool."""

    def __call__(self, doc: Document) -> list[TargetRow]:
        return extract(doc)

    def fingerprint(self) -> str:
        return f"targets-{datafiles.fingerprint()}"

    def rename(self, result: list[TargetRow], name: str) -> list[TargetRow]:
        return [replace(row, file=name) for row in result]
