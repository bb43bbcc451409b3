"""Which year a figure is for: each section's and paragraph's time frame, read against the report's
year (rules/identity.py), and the time words of the clause before the figure — the narrowest wins
(shared/design/TARGETS.md).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from govreport.rules import cues
from govreport.rules.header import small_number
from govreport.rules.headings import PLAN, REVIEW, Heading

# The number of a five-year plan as reports write it: 十四(五), 十(五) for the tenth, 六(五), 第六(个五年计划).
PLAN_NUMBER = "十[一二三四五六七八九]|(?<![一二三四五六七八九十])十|(?<![一二三四五六七八九十])[一二三四五六七八九]"

# --- time words in a title, an opening or a clause ------------------------------------------
# Each alternative names what it says; `Frame`s are made from them against the report's year.
TIME_WORDS_ALTERNATIVES = (
    r"(?P<years>(?:从|自)?(?P<years_first>\d{4})年(?:到|至)(?P<years_last>\d{4})年)"
    r"|(?P<horizon>到(?P<horizon_year>\d{4})年(?:底|末)?)"
    rf"|(?P<term>(?:“|\")?(?P<term_digit>{PLAN_NUMBER})五(?:”|\")?(?:计划|规划)?(?:时期|期间|末|以来|期末))"
    rf"|(?P<term_part>(?:“|\")?(?P<part_digit>{PLAN_NUMBER})五(?:”|\")?(?:计划|规划)?(?:的)?前(?P<part_years>[两二三四])年)"
    rf"|(?P<term_plan>第(?P<plan_digit>{PLAN_NUMBER})个五年(?:计划|规划)(?:时期|期间))"
    r"|(?P<ahead>(?:今后|未来)(?P<ahead_years>[两三四五])年)"
    r"|(?P<within5>(?<![过近这去])五年(?:内|之内))"
    r"|(?P<past5>过去五年|过去的五年|这五年|五年来|近五年|本届政府任期|(?<![一二三四五六七八九十\d])五年(?=年均|累计|间|共|来))"
    r"|(?P<past_n>(?:过去|近)(?P<past_years>[两三四])年|(?<![一二三四五六七八九十\d])(?P<n_years>[两三四])年(?=来|累计|年均|间))"
    r"|(?P<past10>过去十年|这十年|十年来|(?<![一二三四五六七八九十\d])十年(?=年均|累计|增加|增长|间))"
    r"|(?P<so_far>今年以来)"
    r"|(?P<last>(?<![比较同于])(?:去年|上年(?!均))|过去一年|过去的一年|一年来|这一年)"
    r"|(?P<this>今年|年内|本年度)"
    r"|(?P<since>(?<![到较比\d])(?P<since_year>\d{4})年以来(?!的?(?:最|首次|新高|新低)))"  # not "1985年以来最高"
    r"|(?P<year>(?<![到较比\d])(?P<year_value>\d{4})年(?![\d月底末初代]|以来))"
)
# Every time expression starts with one of these (looked ahead for: 9x faster).
TIME_WORDS = cues.led_by("从自到“\"十一二三四五六七八九第今未过近这本两去上年\\d", TIME_WORDS_ALTERNATIVES)
CN_DIGIT = {ch: i for i, ch in enumerate("一二三四五六七八九", 1)}
FIRST_PLANS = {1: 1953, 2: 1958, 3: 1966, 4: 1971, 5: 1976}  # the 6th began in 1981, every five years since
OPENING = 24  # characters of a paragraph that can set the frame of what follows ("过去五年，…", "“十四五”时期是…")
# Markers before a paragraph's first words: "——", "（一）", "一是".
LEAD = re.compile(r"^(?:——|--|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[是、]|各位代表[，,！!：:]?)")
# A paragraph that announces a list: "这一年，我们主要做了以下工作：", "五年来，…主要做了以下工作。"
LIST_INTRO = cues.AtEnd(r"(?:以下|如下)[^。，]{0,12}[。：:]$", 15)
# "（一）", "(一)": the first item of a list.
FIRST_ITEM = re.compile(r"^[（(]一[)）]$")
# Before a year that frames what follows: "2021年，…", "刚刚过去的2021年，…" (not "面对2015年的下滑…").
YEAR_LEAD = re.compile(r"^(?:刚刚|刚)?(?:过去的|在)?$")


class Frame(NamedTuple):
    """What the text in a frame holds (review: results, plan: goals) and for which year or span
    (a tuple: made for every time expression read, 3x cheaper than a dataclass)."""

    kind: str  # review, plan, other
    period: str | None  # year, plan, span; None when nothing tells
    year: int | None  # the year, the horizon of a plan, or the last year of a span
    first: int | None = None  # the first year of a span
    lasting: bool = True  # an opening that frames the paragraphs after it, until the next one

    @property
    def label(self) -> str | None:
        """`2022`, or `2017-2021` for a span."""
        if self.year is None:
            return None
        return f"{self.first}-{self.year}" if self.period == "span" and self.first else str(self.year)


NO_FRAME = Frame("other", None, None)


def plan_years(number: int) -> tuple[int, int]:
    """First and last year of the n-th five-year plan.

    >>> plan_years(14), plan_years(11), plan_years(1)
    ((2021, 2025), (2006, 2010), (1953, 1957))
    """
    first = FIRST_PLANS.get(number, 1981 + 5 * (number - 6))
    return first, first + 4


# Every time expression holds 年, 五 or 任 (本届政府任期): a text with none holds none. The pattern
# asks part of a line without cutting it out; a whole text is asked faster with `in`.
TIME_CHARS = re.compile("[年五任]")


def _timeless(text: str) -> bool:
    return "年" not in text and "五" not in text and "任" not in text  # TIME_CHARS finds nothing


def time_frames(text: str, year: int) -> list[tuple[int, int, Frame]]:
    """(start, end, frame) of every time expression in a text, for a report of `year`."""
    if _timeless(text):
        return []
    found = []
    for match in TIME_WORDS.finditer(text):
        if (frame := _kept_frame(text, match, year)) is not None:
            found.append((match.start(), match.end(), frame))
    return found


def _frame(match: re.Match, y: int) -> Frame | None:
    kind = match.lastgroup
    if kind == "years":  # "从1979年到1984年": a span, or a plan's years when it reaches past the report's
        first, last = int(match.group("years_first")), int(match.group("years_last"))
        if last < first:
            return None
        return Frame("review", "span", last, first) if last < y else Frame("plan", "plan", last, lasting=False)
    if kind == "horizon":
        horizon = int(match.group("horizon_year"))
        return Frame("plan", "plan", horizon, lasting=False) if horizon >= y else Frame("review", "year", horizon)
    if kind in ("term", "term_plan"):
        first, last = plan_years(small_number(match.group("term_digit") or match.group("plan_digit")))
        if last < y:
            return Frame("review", "span", last, first)
        return Frame("plan", "plan", last) if first <= y + 1 else None
    if kind == "term_part":  # "“十一五”前四年累计": the plan's first years
        first, _ = plan_years(small_number(match.group("part_digit")))
        years = CN_DIGIT.get(match.group("part_years"), 2)
        return Frame("review", "span", first + years - 1, first, lasting=False)
    if kind == "past_n":  # "三年来", "近两年": the years before the report's; its own sentence only
        years = CN_DIGIT.get(match.group("past_years") or match.group("n_years"), 2)
        return Frame("review", "span", y - 1, y - years, lasting=False)
    if kind == "ahead":  # "今后五年" opens a term's plan; "未来三年" is one goal's horizon
        years = CN_DIGIT.get(match.group("ahead_years"), 2)
        return Frame("plan", "plan", y + years - 1, lasting=years == 5)
    if kind == "within5":  # "“七五”计划草案规定，…五年内全国工农业总产值增长百分之三十八": the plan's five years
        return Frame("plan", "plan", y + 4, lasting=False)
    if kind == "past5":
        return Frame("review", "span", y - 1, y - 5)
    if kind == "past10":
        return Frame("review", "span", y - 1, y - 10)
    if kind == "so_far":
        return Frame("review", "year", y)
    if kind == "last":
        return Frame("review", "year", y - 1)
    if kind == "this":
        return Frame("plan", "year", y)
    if kind == "since":
        since = int(match.group("since_year"))
        return Frame("review", "span", y - 1, since) if since < y - 1 else Frame("review", "year", since)
    value = int(match.group("year_value"))
    if value < y:
        return Frame("review", "year", value) if value >= y - 3 else None  # older years are history, not a frame
    return Frame("plan", "year", value) if value == y else Frame("plan", "plan", value, lasting=False)


def title_frame(title: str, year: int) -> Frame | None:
    """A level-1 heading's frame; None when its title says nothing (the sentences decide).

    >>> title_frame("一、2021年工作回顾", 2022).label, title_frame("二、“十四五”时期的主要目标任务", 2021).label
    ('2021', '2025')
    >>> title_frame("一、过去五年工作回顾", 2023).label, title_frame("三、2011年的工作", 2011).period
    ('2018-2022', 'year')
    """
    body = re.sub(r"^[^、）)]*[、）)]", "", title)
    frames = [f for _, _, f in time_frames(body, year)]
    review, plan = bool(REVIEW.search(body)), bool(PLAN.search(body))
    if _mixed(body, year):
        return next(f for f in frames if f.kind == "review")  # the sentences read it: the review comes first
    if review:
        years = [f for f in frames if f.kind == "review" and f.period == "year"]
        spans = [f for f in frames if f.kind == "review" and f.period == "span"]
        return years[0] if years else spans[0] if spans else Frame("review", "year", year - 1)
    if plan:
        plans = [f for f in frames if f.kind == "plan"]
        long_range = [f for f in plans if f.period == "plan"]
        if long_range:
            return Frame("plan", "plan", long_range[0].year)
        return plans[0] if plans else Frame("plan", "year", year)
    return None


def _mixed(title: str, year: int) -> bool:
    """A title that holds a review and a plan ("“十三五”时期发展成就和“十四五”时期主要目标任务")."""
    kinds = {f.kind for _, _, f in time_frames(title, year)}
    return {"review", "plan"} <= kinds and bool(REVIEW.search(title)) and bool(PLAN.search(title))


FIRST_CLAUSE = re.compile(r"[^，,。；;！!]*")


def opening_frame(paragraph: str, year: int) -> Frame | None:
    """The frame a paragraph's first words set: `过去五年，…`, `“十四五”时期是…`, `2021年是…`, `今年…`."""
    if not TIME_CHARS.search(paragraph, 0, OPENING + 4):  # _timeless(paragraph[:OPENING + 4])
        return None
    opening = LEAD.sub("", paragraph[:OPENING + 4])[:OPENING]
    clause = FIRST_CLAUSE.match(opening).group(0)  # up to the first clause end
    for start, _, frame in time_frames(clause, year):
        if TIME_WORDS.match(clause, start).lastgroup != "year" or YEAR_LEAD.match(clause[:start]):
            return frame
    return None


class LineFrame(NamedTuple):
    """Where a line stands: the heading above it, its top-level section, and its time frame."""

    top: str | None
    heading: str | None
    frame: Frame


def line_frames(lines: Sequence[str], headings: Sequence[Heading], year: int | None) -> list[LineFrame]:
    """One LineFrame per line: the section's frame, changed by paragraphs that open with a time frame."""
    heads = {h.line: h for h in headings}
    lean = silent_sections(lines, headings, year)
    out: list[LineFrame] = []
    top = sub = None
    section = running = listed = NO_FRAME
    mixed = False
    for number, line in enumerate(lines, 1):
        head = heads.get(number)
        if head and head.level == 1:
            top, sub = head.title, None
            section = _section_frame(head.title, year, lean.get(head.line), section)
            mixed = year is not None and _mixed(head.title, year)
            running = section
            listed = section
        elif head and head.level == 2:
            sub = head.title
            if FIRST_ITEM.match(head.marker):
                listed = running  # a list's items start from the frame in force where it begins
            running = running if mixed else listed  # each item of a list starts from the frame of its list
        frame = running
        if year is not None and line and not (head and head.level == 1):
            if (opened := opening_frame(line, year)) is not None:
                frame = opened
                if opened.lasting:
                    running = opened
            running = _later_span(line, year) or running  # "2025年是…收官之年。五年来，…": the term frames what follows
            if not head and LIST_INTRO.search(line):
                listed = frame  # "五年来，我们…主要做了以下工作。" frames the (一)(二)… after it
        out.append(LineFrame(top, sub or top, frame))
    return out


def _later_span(line: str, year: int) -> Frame | None:
    """The last span a later sentence of the paragraph opens with ("…。回望过去五年，…"), if any."""
    found = None
    last = len(line) - 1
    for match in TIMED_OPENING.finditer(line):  # the sentence ends whose opening can hold a time
        if match.start() >= last:
            break
        opening = line[match.end():match.end() + OPENING + 4]  # all opening_frame reads of what follows
        opened = opening_frame(opening, year)
        if opened is not None and opened.lasting and opened.period == "span":
            found = opened
    return found


# A sentence end followed, within the OPENING + 4 characters opening_frame reads, by 年, 五 or 任:
# one that is not opens a timeless sentence (_timeless), and most are not.
TIMED_OPENING = re.compile(rf"{cues.SENTENCE_END.pattern}(?=.{{0,{OPENING + 3}}}{TIME_CHARS.pattern})", re.S)


def silent_sections(lines: Sequence[str], headings: Sequence[Heading], year: int | None) -> dict[int, str]:
    """review or plan for top-level sections whose title says nothing (一、一年接着一年干…), by their sentences."""
    tops = [h for h in headings if h.level == 1]
    silent = {h.line for h in tops if (title_frame(h.title, year) if year else None) is None
              and not REVIEW.search(h.title) and not PLAN.search(h.title)}
    votes: dict[int, list[int]] = {}
    current = None
    starts = {h.line for h in tops}  # a set: a text of 40,000 bare headings stays linear
    for number, line in enumerate(lines, 1):
        if number in starts:
            current = number
        if current in silent:
            tally = votes.setdefault(current, [0, 0])
            tally[0] += len(cues.REVIEW_VOTE.findall(line))
            tally[1] += len(cues.PLAN_VOTE.findall(line))
    return {top: "review" if r >= 0.4 * p and r else "plan" if r <= 0.1 * p and p else "other"
            for top, (r, p) in votes.items()}


def _section_frame(title: str, year: int | None, lean: str | None, previous: Frame) -> Frame:
    if year is None:
        kind = "review" if REVIEW.search(title) else "plan" if PLAN.search(title) else "other"
        return Frame(kind, None, None)
    frame = title_frame(title, year)
    if frame is not None:
        return frame
    if lean == "review":
        return Frame("review", "year", year - 1)
    if lean == "plan" or previous.kind == "plan":
        return Frame("plan", "year", year)  # "四、全面加强政府自身建设" after the plan goes on planning
    return NO_FRAME


# No time expression, with what its lookarounds read, spans more characters than this.
REACH = 24


class SentenceFrames:
    """The time expressions of every prefix of one sentence, from one scan of the sentence.

    A figure's frame is the last expression before it, as a scan of the text before the figure
    finds it. Every match that starts more than REACH characters before the figure is the same in
    both scans (neither it nor the attempts before it read as far as the figure), so only the
    tail after the last of those is scanned again, up to the figure: the same result as scanning
    each prefix, without reading the sentence once a figure."""

    def __init__(self, text: str, year: int | None):
        self.text, self.year = text, year
        self.timeless = year is None or _timeless(text)
        self._matches: list[re.Match] | None = None  # scanned when a figure first asks (not for "other" ones)

    @property
    def matches(self) -> list[re.Match]:
        if self._matches is None:
            self._matches = [] if self.timeless else list(TIME_WORDS.finditer(self.text))
            self.starts = [m.start() for m in self._matches]
        return self._matches

    def last_before(self, at: int) -> tuple[Frame, int] | None:
        """(frame, end) of the last time expression a scan of text[:at] finds; None if none."""
        if self.timeless:
            return None
        matches = self.matches
        safe = bisect.bisect_left(self.starts, at - REACH)
        # Attempts before `at - REACH` fail in both scans where the full scan found nothing there.
        resume = max(matches[safe - 1].end() if safe else 0, at - REACH)
        found = None
        for match in TIME_WORDS.finditer(self.text, resume, at):
            if (frame := _kept_frame(self.text, match, self.year)) is not None:
                found = frame, match.end()
        if found is not None:
            return found
        for match in reversed(matches[:safe]):
            if (frame := _kept_frame(self.text, match, self.year)) is not None:
                return frame, match.end()
        return None


def _kept_frame(text: str, match: re.Match, year: int) -> Frame | None:
    if match.start() and text[match.start() - 1] in "由从":
        return None  # "由“十二五”末的33.74%提高到…": the time of a baseline
    return _frame(match, year)


def clause_frame(before: str, frame: Frame, year: int | None, scan: SentenceFrames | None = None) -> tuple[Frame, int]:
    """The frame of a figure: the nearest time expression before it in its sentence, else the line's.

    Also returns where that expression ends in `before` (-1 when the line's frame holds). `scan`:
    the sentence's expressions, scanned once for all its figures (`before` is its start).
    """
    if year is None:
        return frame, -1
    if scan is not None:
        found = scan.last_before(len(before))
        return found if found is not None else (frame, -1)
    found = time_frames(before, year)
    if not found:
        return frame, -1
    _, end, nearest = found[-1]
    return nearest, end
