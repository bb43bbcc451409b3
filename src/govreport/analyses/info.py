"""What a report says about itself in its opening lines: title, region, level, year, date, meeting, speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.document.document import Document

HEAD_LINES = 8
# "——2022年4月20日在河南省新乡市凤泉区第十届人民代表大会第一次会议上"
MEETING = re.compile(r"在(?P<region>[\u4e00-\u9fff]{0,16}?)第?(?P<term>[一二三四五六七八九十]+)届"
                     r"(?P<national>全国)?人民代表大会第(?P<session>[一二三四五六七八九十]+)次会议")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# "二〇二六年一月二十七日"
CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# "河北省代省长 陈全国", "国务院总理 李强", "保定市人民政府市长 马誉峰", "西藏自治区代理主席 嘎玛泽登"
SPEAKER = re.compile(r"(?:总理|代省长|省长|代市长|市长|区长|县长|旗长|代理主席|代主席|主席)[\s?　]*"
                     r"([\u4e00-\u9fff]{1,5}?(?:·[\u4e00-\u9fff]{1,8})?)(?=作|[\s（(]|$)", re.M)
# A name alone on its line under the meeting line: "毛伟明".
NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,8})?$")
# "2026年上海市政府工作报告", "- 工作报告——2022年…": a short title line, up to its dash.
TITLE = re.compile(r"^[-\s]*([^，,。——]{0,20}工作报告[^，,。——]{0,8})")
# "现在，我代表国务院，向大会报告政府工作": the national report, even without its title block.
NATIONAL_OPENING = re.compile(r"我代表国务院")
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


def parse_date(text: str) -> tuple[int, int, int] | None:
    """The first date written out in full, Arabic or Chinese.

    >>> parse_date("——二〇二六年一月二十七日在甘肃省"), parse_date("2022年4月20日")
    ((2026, 1, 27), (2022, 4, 20))
    """
    from govreport.rules.numbers import chinese_number

    if match := DATE.search(text):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    if match := CN_DATE.search(text):
        return (int(match.group(1).translate(CN_YEAR_DIGITS)), int(chinese_number(match.group(2))),
                int(chinese_number(match.group(3))))
    return None


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


def is_national(doc: Document) -> bool:
    """Delivered to the National People's Congress, or opened "我代表国务院" (reports copied without a header)."""
    head = "".join(doc.lines[:HEAD_LINES])
    meeting = MEETING.search(head)
    return bool(meeting and meeting.group("national")) or (meeting is None and bool(NATIONAL_OPENING.search(head)))


def describe(doc: Document) -> InfoRow:
    """One row about the document, parsed from its opening lines (null where they are silent)."""
    from govreport.analyses.targets import extract, report_year

    head = doc.lines[:HEAD_LINES]
    joined = "".join(head)  # a header may be broken over lines: "在广东省第十四届" / "人民代表大会…"
    meeting = MEETING.search(joined)
    date = parse_date(joined)
    title = next((m.group(1).strip() for line in head[:4] if (m := TITLE.match(line))), None)
    speaker = next((m.group(1) for line in head if len(line) < 80 and (m := SPEAKER.search(line))), None)
    if speaker is None and meeting:
        after = next((i for i, line in enumerate(head) if "人民代表大会" in line), len(head))
        speaker = next((line for line in head[after + 1:after + 3] if NAME_LINE.match(line)
                        and not line.startswith("各位")), None)
    national = is_national(doc)
    region = "全国" if national else (meeting.group("region").removesuffix("人民政府") or None) if meeting else None
    rows = extract(doc)
    return InfoRow(
        file=doc.name, title=title, region=region, level=level_of(region, national),
        year=report_year(doc),
        date=f"{date[0]}-{date[1]:02d}-{date[2]:02d}" if date else None,
        meeting=meeting.group(0)[1:] if meeting else None, speaker=speaker,
        characters=sum(len(line) for line in doc.lines), sentences=len(SENTENCE_END.findall(doc.text)),
        figures=len(rows), targets=sum(r.kind == "target" for r in rows), damaged=len(doc.damage))
