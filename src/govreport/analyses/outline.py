"""A report's heading tree (一、 / （一） / 一是 / 1.), and what each top-level section is for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.document.document import Document

CN = "一二三四五六七八九十"
# (level, pattern): "一、2021年工作回顾", "（三）强载体、促转型。…", "一是抓好防洪除涝工程。", "1. 扩大内需"
HEADINGS = (
    (1, re.compile(rf"^(?:第[{CN}]+部分|[{CN}]{{1,3}}、)")),
    (2, re.compile(rf"^[（(][{CN}]{{1,3}}[)）]")),
    (3, re.compile(rf"^[{CN}]{{1,3}}是")),
    (4, re.compile(r"^\d{1,2}[.．、](?!\d)")),
)
HEADING_END = re.compile(r"[。！？!?]")
MAX_TITLE = 60
# What a section holds: reviews of the past hold results, plans hold targets.
REVIEW = re.compile(r"回顾|过去|成绩|成就|一年来|五年来|去年|总结")
PLAN = re.compile(r"目标|任务|安排|计划|重点工作|今后|部署|总体要求|政策取向|建议|展望|\d{4}年(?:工作|经济)")


@dataclass(frozen=True)
class Heading:
    level: int
    line: int
    title: str
    marker: str


# An unnumbered title line: short, no sentence punctuation ("2024年工作回顾", "2025年工作安排").
BARE_TITLE = re.compile(r"^[^。，,；;：:！？!?]{4,24}$")


def find_headings(doc: Document) -> list[Heading]:
    """Headings in reading order; inline ones (`（一）防大汛…。`) keep the text up to the first full stop."""
    found = []
    for number, line in enumerate(doc.lines, 1):
        if BARE_TITLE.match(line) and (REVIEW.search(line) or PLAN.search(line)) and number > 3 \
                and not any(pattern.match(line) for _, pattern in HEADINGS):
            found.append(Heading(1, number, line, ""))
            continue
        for level, pattern in HEADINGS:
            if (match := pattern.match(line)) is None:
                continue
            end = HEADING_END.search(line, match.end())
            title = line[:end.start()] if end else line
            if level == 1 and end and end.start() > 40 and len(line) > MAX_TITLE:
                break  # a numbered paragraph, not a heading
            found.append(Heading(level, number, title[:MAX_TITLE], match.group(0)))
            break
    return found


def section_kind(title: str, previous: str | None) -> str:
    """`review`, `plan` or `other`; a section with no cue continues a plan it follows."""
    title = re.sub(r"^[^、）)]*[、）)]", "", title)
    if REVIEW.search(title):
        return "review"
    plan = PLAN.search(title)
    if plan:
        return "plan"
    return "plan" if previous == "plan" else "other"


@dataclass(frozen=True)
class Section:
    """Where a line stands: the nearest headings above it and the kind of its top-level section."""

    top: str | None
    kind: str
    heading: str | None


def sections(doc: Document) -> list[Section]:
    """One Section per line (index 0 is line 1)."""
    return _sections(doc)


def _sections(doc: Document) -> list[Section]:
    heads = {h.line: h for h in find_headings(doc)}
    out, top, kind, sub, previous = [], None, "other", None, None
    for number in range(1, len(doc.lines) + 1):
        head = heads.get(number)
        if head and head.level == 1:
            top, sub = head.title, None
            kind = section_kind(head.title, previous)
            previous = kind
        elif head and head.level == 2:
            sub = head.title
        out.append(Section(top, kind, sub or top))
    return out


@dataclass(frozen=True)
class OutlineRow:
    file: str
    level: int
    line: int
    marker: str
    heading: str


def outline_rows(doc: Document, max_level: int = 4) -> list[OutlineRow]:
    return [OutlineRow(doc.name, h.level, doc.locate(h.line, 0)[0], h.marker, h.title)
            for h in find_headings(doc) if h.level <= max_level]
