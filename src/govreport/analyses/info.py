"""What a report says about itself in its opening lines: title, region, level, year, date, meeting, speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from govreport.document.document import Document
from govreport.rules.frames import report_year
from govreport.rules.header import HEAD_LINES, level_of, meeting, region_of, report_date

# "河北省代省长 陈全国", "国务院总理 李强", "保定市人民政府市长 马誉峰", "西藏自治区代理主席 嘎玛泽登"
SPEAKER = re.compile(r"(?:总理|代省长|省长|代市长|市长|区长|县长|旗长|代理主席|代主席|主席)[\s?　]*"
                     r"([\u4e00-\u9fff]{1,5}?(?:·[\u4e00-\u9fff]{1,8})?)(?=作|[\s（(]|$)", re.M)
# A name alone on its line under the meeting line: "毛伟明".
NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,8})?$")
# "2026年上海市政府工作报告", "- 工作报告——2022年…": a short title line, up to its dash.
TITLE = re.compile(r"^[-\s]*([^，,。——]{0,20}工作报告[^，,。——]{0,8})")
SENTENCE_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class InfoRow:
    file: str
    title: str | None
    region: str | None
    level: str | None
    year: int | None
    date: str | None
    meeting: str | None
    speaker: str | None
    characters: int
    sentences: int
    figures: int
    targets: int
    damaged: int


def describe(doc: Document, rows: Sequence | None = None) -> InfoRow:
    """One row about the document, parsed from its opening lines (null where they are silent).

    `rows`: the document's figures when the caller has extracted them already.
    """
    from govreport.analyses.targets import extract

    lines = doc.lines[:HEAD_LINES]
    found = meeting(doc.lines)
    date = report_date(doc.lines)
    title = next((m.group(1).strip() for line in lines[:4] if (m := TITLE.match(line))), None)
    speaker = next((m.group(1) for line in lines if len(line) < 80 and (m := SPEAKER.search(line))), None)
    if speaker is None and found:
        after = next((i for i, line in enumerate(lines) if "人民代表大会" in line), len(lines))
        speaker = next((line for line in lines[after + 1:after + 3] if NAME_LINE.match(line)
                        and not line.startswith("各位")), None)
    region = region_of(doc.lines)
    rows = extract(doc) if rows is None else rows
    return InfoRow(
        file=doc.name, title=title, region=region, level=level_of(region),
        year=report_year(doc.lines),
        date=f"{date[0]}-{date[1]:02d}-{date[2]:02d}" if date else None,
        meeting=found.group(0)[1:] if found else None, speaker=speaker,
        characters=sum(len(line) for line in doc.lines), sentences=len(SENTENCE_END.findall(doc.text)),
        figures=len(rows), targets=sum(r.kind == "target" for r in rows), damaged=len(doc.damage))
