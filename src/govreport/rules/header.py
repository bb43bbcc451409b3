"""What a report says about itself before its speech begins: a scraper's metadata header, the title,
the meeting line, the delivery date, the speaker and whose government it speaks for.

A title block may sit under a web page's navigation, or a scraper's header (标题：… 发文时间：…),
so it is read up to the speech's address (各位代表：) and a few lines past it, not a fixed count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

HEAD_LINES = 8  # without an address line: the opening lines that hold a title block
HEAD_MAX = 120  # the address is looked for this far down (navigation, a metadata header)
AFTER_ADDRESS = 3  # "现在，我代表…向第六届全国人民代表大会第一次会议作…" comes right after it
# "各位代表：", "各位代表、同志们：", "代表们！": the speech begins.
ADDRESS = re.compile(r"^(?:各位代表|代表们|同志们)")
# "——2022年4月20日在河南省新乡市凤泉区第十届人民代表大会第一次会议上", "在甘肃省十四届人民代表大会…"
MEETING = re.compile(r"在(?P<region>[\u4e00-\u9fff]{0,16}?)第?(?P<term>[一二三四五六七八九十]+)届"
                     r"(?P<national>全国)?人民代表大会第(?P<session>[一二三四五六七八九十]+)次会议")
# "我们第一届全国人民代表大会第一次会议", "向第六届全国人民代表大会第一次会议作", "向第五届全国人民代表大会作":
# the session the report is given to (not "去年…第三次会议", "…第一次会议以来", "根据…会议的决议").
NATIONAL_SESSION = re.compile(r"(?P<lead>向|我们|本次|这次|在)第(?P<term>[一二三四五六七八九十]+)届全国人民代表大会"
                              r"(?:第(?P<session>[一二三四五六七八九十]+)次会议)?(?!以来|闭幕|期间|的决议|召开以来)")
# "从去年９月第五届全国人民代表大会第三次会议到现在": the session before this one.
LAST_SESSION = re.compile(r"去年[^，。]{0,8}?第(?P<term>[一二三四五六七八九十]+)届全国人民代表大会"
                          r"第(?P<session>[一二三四五六七八九十]+)次会议")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# "二〇二六年一月二十七日" (a year of Chinese digits is already Arabic in normalised text: 2026年一月…)
CN_DATE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# "（2010年1月18日）", "(2008年1月23日)": a date alone on its line, under the meeting line.
DATE_LINE = re.compile(r"^[（(]?(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)[)）]?$")
CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# A scraper's header: "标题：河北省2010年政府工作报告", "发文单位：河北省人民政府", "发文时间：2010-01-18",
# "报告人：高阳县人民政府县长 闫向阳", "来源URL：…", "正文：".
METADATA = re.compile(r"^(标题|发文单位|发文机关|发文时间|发布时间|成文日期|报告人|来源URL|来源|正文)[：:]\s*(.*)$")
NATIONAL = "全国"
# "现在，我代表北京市人民政府，向大会报告政府工作": whose report it is.
ON_BEHALF = re.compile(r"我代表([\u4e00-\u9fff]{2,16}?)人民政府")
# "现在，我代表国务院，向大会…", "我受国务院的委托": the national report, even without its title block.
NATIONAL_OPENING = re.compile(r"我代表(?:国务院|中央人民政府)|受国务院的?委托|全国人民代表大会")
OFFICES = r"(?:总理|代省长|省长|代市长|市长|代区长|区长|代县长|县长|代旗长|旗长|代理主席|代主席|主席|州长|代州长|盟长)"
# "河北省代省长 陈全国", "国务院总理 李强", "保定市人民政府市长 马誉峰", "西藏自治区代理主席 嘎玛泽登"
SPEAKER = re.compile(rf"(?P<office>[\u4e00-\u9fff]{{0,20}}?){OFFICES}[\s?　]*"
                     r"(?P<name>[\u4e00-\u9fff]{1,5}?(?:·[\u4e00-\u9fff]{1,8})?)(?:同志)?(?=作|在|[\s（(]|$)", re.M)
# "我代表国务院向大会作政府工作报告": the speech's first sentence, not a title.
SPEECH = re.compile(r"我代表|向大会|请予审议")
# A name alone on its line under the meeting line: "毛伟明".
NAME_LINE = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{1,8})?$")
# "2026年上海市政府工作报告", "- 工作报告——2022年…": a short title line, up to its dash.
TITLE = re.compile(r"^[-\s]*([^，,。——]{0,20}工作报告[^，,。——]{0,8})")


@dataclass(frozen=True)
class TitleBlock:
    """The title block's facts, as written; None where it is silent."""

    title: str | None
    date: tuple[int, int, int] | None
    date_cue: str | None  # meeting line, date line, header, head
    meeting: str | None  # 河北省第十一届人民代表大会第三次会议
    meeting_region: str | None  # as the meeting line writes it: 河北省, 保定市清苑区
    national: bool
    session: tuple[int, int] | None  # (term, session) of a national report, where the opening names it
    speaker: str | None
    speaker_region: str | None  # 河北省 of "河北省代省长", 高阳县 of "高阳县人民政府县长"
    issuer: str | None  # 发文单位 of a metadata header, without 人民政府
    on_behalf: str | None  # 北京市 of "我代表北京市人民政府"


def parse_date(text: str) -> tuple[int, int, int] | None:
    """The first date written out in full, Arabic or Chinese.

    >>> parse_date("——二〇二六年一月二十七日在甘肃省"), parse_date("2022年4月20日"), parse_date("2010-01-18")
    ((2026, 1, 27), (2022, 4, 20), (2010, 1, 18))
    """
    for pattern in (DATE, CN_DATE, ISO_DATE):
        if match := pattern.search(text):
            year, month, day = (match.group(i) for i in (1, 2, 3))
            if pattern is CN_DATE:
                found = int(year.translate(CN_DIGITS)), small_number(month), small_number(day)
            else:
                found = int(year), int(month), int(day)
            if 1 <= found[1] <= 12 and 1 <= found[2] <= 31:
                return found
    return None


def small_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十七 -> 27."""
    if "十" not in text:
        return int(text.translate(CN_DIGITS) or 0)
    tens, _, ones = text.partition("十")
    return int(tens.translate(CN_DIGITS) or 1) * 10 + int(ones.translate(CN_DIGITS) or 0)


def head_lines(lines: Sequence[str]) -> Sequence[str]:
    """The title block: up to a few lines past the speech's address, else the first HEAD_LINES."""
    for index, line in enumerate(lines[:HEAD_MAX]):
        if ADDRESS.match(line):
            return lines[:index + 1 + AFTER_ADDRESS]
    return lines[:HEAD_LINES]


def read_header(lines: Sequence[str]) -> TitleBlock:
    block = head_lines(lines)
    text = "".join(block)
    fields = {m.group(1): m.group(2).strip() for line in block if (m := METADATA.match(line))}
    found = MEETING.search(text)
    date, cue = _date(block, found, fields)
    national_match = NATIONAL_SESSION.search(text)
    national = bool(found and found.group("national")) or (found is None and bool(NATIONAL_OPENING.search(text)))
    session = None
    if national_match and national:
        session = small_number(national_match.group("term")), small_number(national_match.group("session") or "一")
    speaker, speaker_region = _speaker(block, found, fields)
    title = fields.get("标题") or next((m.group(1).strip() for line in block[:6] if not METADATA.match(line)
                                  and not SPEECH.search(line) and (m := TITLE.match(line))), None)
    issuer = (fields.get("发文单位") or fields.get("发文机关") or "").removesuffix("人民政府") or None
    behalf = ON_BEHALF.search(text)
    return TitleBlock(
        title=title, date=date, date_cue=cue, meeting=found.group(0)[1:] if found else None,
        meeting_region=(found.group("region").removesuffix("人民政府") or None) if found else None,
        national=national, session=session, speaker=speaker, speaker_region=speaker_region, issuer=issuer,
        on_behalf=behalf.group(1) if behalf else None)


def _date(block: Sequence[str], meeting: re.Match | None, fields: dict[str, str]):
    """The delivery date: on the meeting line, alone on a line, in the metadata header, else the first one."""
    if meeting:
        for line in block:
            if "人民代表大会" in line and (found := parse_date(line)):
                return found, "meeting line"
    for line in block:
        if DATE_LINE.match(line) and (found := parse_date(line)):
            return found, "date line"
    for name in ("发文时间", "成文日期", "发布时间"):
        if fields.get(name) and (found := parse_date(fields[name])):
            return found, "header"
    found = parse_date("".join(line for line in block if not METADATA.match(line)))
    return found, ("head" if found else None)


def _speaker(block: Sequence[str], meeting: re.Match | None, fields: dict[str, str]):
    """The speaker's name and the region of their office, from the metadata header or the title block."""
    lines = [fields["报告人"]] if fields.get("报告人") else []
    lines += [line for line in block if len(line) < 80 and not METADATA.match(line)]
    for line in lines:
        if (match := SPEAKER.search(line)) and not ADDRESS.match(line):
            office = match.group("office").removesuffix("人民政府")
            return match.group("name"), office or None
    if fields.get("报告人") and NAME_LINE.match(fields["报告人"]):
        return fields["报告人"], None
    if meeting:
        after = next((i for i, line in enumerate(block) if "人民代表大会" in line), len(block))
        name = next((line for line in block[after + 1:after + 3] if NAME_LINE.match(line)
                     and not line.startswith("各位")), None)
        return name, None
    return None, None
