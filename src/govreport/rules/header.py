"""What a report says about itself in its opening lines: the date it was delivered, the meeting, national or not."""

from __future__ import annotations

import re
from collections.abc import Sequence

HEAD_LINES = 8
# "——2022年4月20日在河南省新乡市凤泉区第十届人民代表大会第一次会议上"
MEETING = re.compile(r"在(?P<region>[\u4e00-\u9fff]{0,16}?)第?(?P<term>[一二三四五六七八九十]+)届"
                     r"(?P<national>全国)?人民代表大会第(?P<session>[一二三四五六七八九十]+)次会议")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# "二〇二六年一月二十七日" (a year of Chinese digits is already Arabic in normalised text: 2026年一月…)
CN_DATE = re.compile(r"(\d{4}|[〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
NATIONAL = "全国"
# "现在，我代表北京市人民政府，向大会报告政府工作": whose report it is.
ON_BEHALF = re.compile(r"我代表([\u4e00-\u9fff]{2,16}?)人民政府")
# "现在，我代表国务院，向大会报告政府工作": the national report, even without its title block.
NATIONAL_OPENING = re.compile(r"我代表(?:国务院|中央人民政府)")


def parse_date(text: str) -> tuple[int, int, int] | None:
    """The first date written out in full, Arabic or Chinese.

    >>> parse_date("——二〇二六年一月二十七日在甘肃省"), parse_date("2022年4月20日")
    ((2026, 1, 27), (2022, 4, 20))
    """
    if match := DATE.search(text):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    if match := CN_DATE.search(text):
        return (int(match.group(1).translate(CN_DIGITS)), _small_number(match.group(2)),
                _small_number(match.group(3)))
    return None


def _small_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十七 -> 27."""
    if "十" not in text:
        return int(text.translate(CN_DIGITS))
    tens, _, ones = text.partition("十")
    return int(tens.translate(CN_DIGITS) or 1) * 10 + int(ones.translate(CN_DIGITS) or 0)


def head(lines: Sequence[str]) -> str:
    """The opening lines as one text: a header may be broken over lines ("在广东省第十四届" / "人民代表大会…")."""
    return "".join(lines[:HEAD_LINES])


def report_date(lines: Sequence[str]) -> tuple[int, int, int] | None:
    """The delivery date in the title block."""
    return parse_date(head(lines))


def meeting(lines: Sequence[str]) -> re.Match | None:
    return MEETING.search(head(lines))


def is_national(lines: Sequence[str]) -> bool:
    """Delivered to the National People's Congress, or opened "我代表国务院" (reports copied without a header)."""
    found = meeting(lines)
    return bool(found and found.group("national")) or (found is None and bool(NATIONAL_OPENING.search(head(lines))))


def region_of(lines: Sequence[str]) -> str | None:
    """全国 for the national report, else the region its meeting line names (河北省, 保定市清苑区)."""
    if is_national(lines):
        return NATIONAL
    found = meeting(lines)
    if found and found.group("region").removesuffix("人民政府"):
        return found.group("region").removesuffix("人民政府")
    speaker = ON_BEHALF.search(head(lines))  # a report without its title block: "我代表北京市人民政府"
    return speaker.group(1) if speaker else None


def level_of(region: str | None) -> str | None:
    """national, provincial, city or county-district, from the region's own name.

    >>> [level_of(r) for r in ["河北省", "上海市", "保定市", "河南省新乡市凤泉区", "阜平县"]]
    ['provincial', 'provincial', 'city', 'county-district', 'county-district']
    """
    if region == NATIONAL:
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
