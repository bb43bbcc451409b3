"""What a report says about itself in its opening lines: title, region, level, year, date, meeting, speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.document.document import Document
from govreport.rules.frames import report_year
from govreport.rules.header import HEAD_LINES, is_national, meeting, report_date

# "河北省代省长 陈全国", "国务院总理 李强", "保定市人民政府市长 马誉峰", "西藏自治区代理主席 嘎玛泽登"
SPEAKER = re.compile(r"(?:总理|代省长|省长|代市长|市长|区长|县长|旗长|代理主席|代主席|主席)[\s?　]*"
                     r"([\u4e00-\u9fff]{1,5}?(?:·[\u4e00-\u9fff]{1,8})?)(?=作|[\s（(]|$)", re.M)
# A name alone on its line under the meeting line: "毛伟明".
NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,8})?$")
# "2026年上海市政府工作报告", "- 工作报告——2022年…": a short title line, up to its dash.
TITLE = re.compile(r"^[-\s]*([^，,。——]{0,20}工作报告[^，,。——]{0,8})")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
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


def level_of(region: str | None, national: bool = False) -> str | None:
    """national, provincial, city or county-district, from the region's own name.

    >>> [level_of(r) for r in ["河北省", "上海市", "保定市", "河南省新乡市凤泉区", "阜平县"]]
    ['provincial', 'provincial', 'city', 'county-district', 'county-district']
    """
    if national:
        return "national"
    if not region:
        return None
    if region.endswith(("区", "县", "旗")) and not region.endswith("自治区"):
        return "county-district"
    if region.endswith(("省", "自治区")) or region in MUNICIPALITIES:
        return "provincial"
    if region.endswith(("市", "州", "盟")):
        return "city"
    return None


def describe(doc: Document) -> InfoRow:
    """One row about the document, parsed from its opening lines (null where they are silent)."""
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
    national = is_national(doc.lines)
    region = "全国" if national else (found.group("region").removesuffix("人民政府") or None) if found else None
    rows = extract(doc)
    return InfoRow(
        file=doc.name, title=title, region=region, level=level_of(region, national),
        year=report_year(doc.lines),
        date=f"{date[0]}-{date[1]:02d}-{date[2]:02d}" if date else None,
        meeting=found.group(0)[1:] if found else None, speaker=speaker,
        characters=sum(len(line) for line in doc.lines), sentences=len(SENTENCE_END.findall(doc.text)),
        figures=len(rows), targets=sum(r.kind == "target" for r in rows), damaged=len(doc.damage))
