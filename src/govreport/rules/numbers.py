"""Find the numbers of a line as reports write them: 83.18亿元, 10%以上, 6%－6.5%, 1万余亩, 三千万元, 百分之五."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.rules.units import units

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
DASHES = "-－—–~～至到"
BOUNDS = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~"}
APPROX = ("余", "多")  # 1万余亩, 600余场次: more than
# A number that is not part of a code or name: PM2.5, 5G, 18#厂房, 1+19, 7·21, v1.2.
ARABIC = re.compile(r"(?<![A-Za-z0-9.#+·•_/\-])\d+(?:\.\d+)?")
NUMBER = re.compile(r"\d+(?:\.\d+)?")  # the high end of a range, right after its dash
# 翻一番, 翻两番: doubling goals (value 1 or 2, unit 番).
DOUBLING = re.compile(r"翻([一两二三])番")
# 三千万元, 十项, 百分之五: Chinese numerals reports use for amounts.
CHINESE = re.compile(r"百分之[零〇一二两三四五六七八九十点\d.]+|(?<![零〇一二两三四五六七八九十百千万亿第])"
                     r"[二两三四五六七八九十][零〇一二两三四五六七八九十百千]*[万亿]?(?=元|万元|亿元|项)")
# 千万元以上项目, 亿元以上: an amount with no digit at all.
BARE_AMOUNT = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万亿.])(千万|百万|亿|万)元(?=以上)")
# 前50, 前10位: a rank goal.
RANK = re.compile(r"前(\d+)(?:名|位)?")
COUNT_UNITS = frozenset("人 人次 名 位 户 户次 家 个 项 所 套 辆 台 台套 处 座 条 场 场次 次 件 宗 起 种 批 批次 张 床 间 栋 幢 村 镇 乡 艘 架 列 班 株 棵 头 只 部 篇 门 支 盏 根".split())


@dataclass(frozen=True)
class Figure:
    start: int  # 0-based columns in the line; text = line[start:end]
    end: int
    value: float
    value_high: float | None
    unit: str
    bound: str | None  # comparator from the figure itself (以上, 左右, 余, a range)
    rank: bool = False


def find_figures(line: str) -> list[Figure]:
    """Every figure of one line, left to right; numbers without a unit (years, dates, codes) are not figures."""
    found = [f for m in ARABIC.finditer(line) if (f := _arabic(line, m)) is not None]
    taken = [(f.start, f.end) for f in found]
    for match in CHINESE.finditer(line):
        if not any(a <= match.start() < b for a, b in taken) and (f := _chinese(line, match)):
            found.append(f)
    for match in BARE_AMOUNT.finditer(line):
        mult = match.group(1)
        value, unit = (1000.0, "万元") if mult == "千万" else (100.0, "万元") if mult == "百万" else (1.0, mult + "元")
        found.append(Figure(match.start(), match.end() + 2, value, None, unit, ">="))
    for match in DOUBLING.finditer(line):
        found.append(Figure(match.start(), match.end(), float(CN_DIGITS[match.group(1)]), None, "番", None))
    for match in RANK.finditer(line):
        if not any(a <= match.start(1) < b for a, b in taken):
            found.append(Figure(match.start(), match.end(), float(match.group(1)), None, "", "<=", rank=True))
    found.sort(key=lambda f: f.start)
    return _drop_overlaps(found)


def _drop_overlaps(found: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    for fig in found:
        if not kept or fig.start >= kept[-1].end:
            kept.append(fig)
    return kept


def _arabic(line: str, match: re.Match) -> Figure | None:
    value = float(match.group(0))
    pos = match.end()
    approx, pos = _take(line, pos, APPROX)
    mult, pos = _multiplier(line, pos)
    approx2, pos = _take(line, pos, APPROX)
    unit, pos = _unit(line, pos)
    high = None
    if not unit and pos < len(line) and line[pos] in DASHES:  # 6-6.5%, 4.5—5%
        other = NUMBER.match(line, pos + 1)
        if other:
            high_mult, after = _multiplier(line, other.end())
            unit, after = _unit(line, after)
            if unit and high_mult == mult:
                high, pos = float(other.group(0)), after
    elif unit and pos < len(line) and line[pos] in DASHES:  # 6%－6.5%, 5%—5.5%
        other = NUMBER.match(line, pos + 1)
        if other and line.startswith(unit, other.end()):
            high, pos = float(other.group(0)), other.end() + len(unit)
    unit = mult + unit
    if not unit or (mult and not unit[len(mult):] and line[pos:pos + 1] == "年"):
        return None
    bound, pos = _bound(line, pos)
    if high is not None:
        bound = "range"
    elif approx or approx2:
        bound = bound or ">="
    return Figure(match.start(), pos, value, high, unit, bound)


def _chinese(line: str, match: re.Match) -> Figure | None:
    text = match.group(0)
    if text.startswith("百分之"):
        number = text[3:]
        value = float(number) if re.fullmatch(r"\d+(?:\.\d+)?", number) else chinese_number(number)
        if value is None:
            return None
        bound, end = _bound(line, match.end())
        return Figure(match.start(), end, value, None, "%", bound)
    big = text[-1] if text[-1] in CN_BIG else ""
    value = chinese_number(text[:-1] if big else text)
    if value is None:
        return None
    unit, pos = _unit(line, match.end())
    bound, end = _bound(line, pos)
    return Figure(match.start(), end, value, None, big + unit, bound)


def chinese_number(text: str) -> float | None:
    """三千 -> 3000, 十 -> 10, 二十五 -> 25, 一百零八 -> 108; None when it is not a numeral.

    >>> [chinese_number(t) for t in ["十", "三千", "二十五", "一百零八", "万"]]
    [10.0, 3000.0, 25.0, 108.0, None]
    """
    total, digit, seen = 0, None, False
    for ch in text:
        if ch in CN_DIGITS:
            digit, seen = CN_DIGITS[ch], True
        elif ch in CN_SMALL:
            total += (1 if digit is None else digit) * CN_SMALL[ch]
            digit, seen = None, True
        else:
            return None
    if not seen:
        return None
    return float(total + (digit or 0))


def _take(line: str, pos: int, words) -> tuple[str, int]:
    for word in words:
        if line.startswith(word, pos):
            return word, pos + len(word)
    return "", pos


def _multiplier(line: str, pos: int) -> tuple[str, int]:
    start = pos
    while pos < len(line) and line[pos] in "万亿千百" and pos - start < 2:
        if line.startswith("百分点", pos):
            break
        pos += 1
    return line[start:pos], pos


def _unit(line: str, pos: int) -> tuple[str, int]:
    for unit in units():
        if line.startswith(unit, pos):
            return unit, pos + len(unit)
    return "", pos


def _bound(line: str, pos: int) -> tuple[str | None, int]:
    for word, comparator in BOUNDS.items():
        if line.startswith(word, pos):
            return comparator, pos + len(word)
    return None, pos
