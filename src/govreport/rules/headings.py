"""A report's heading tree: 一、 / （一） / 一是 / 1., and short unnumbered titles (2024年工作回顾)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

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
# An unnumbered title line: short, no sentence punctuation ("2024年工作回顾", "2025年工作安排").
BARE_TITLE = re.compile(r"^[^。，,；;：:！？!?]{4,24}$")
# What a title says it holds: reviews of the past hold results, plans hold targets.
REVIEW = re.compile(r"回顾|过去|成绩|成就|一年来|五年来|去年|总结")
PLAN = re.compile(r"目标|任务|安排|计划|重点工作|今后|部署|总体要求|政策取向|建议|展望|\d{4}年的?(?:工作|经济)")


@dataclass(frozen=True)
class Heading:
    level: int
    line: int  # 1-based, in the document's lines
    title: str
    marker: str


def find_headings(lines: Sequence[str]) -> list[Heading]:
    """Headings in reading order; inline ones (`（一）防大汛…。`) keep the text up to the first full stop."""
    found = []
    for number, line in enumerate(lines, 1):
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
