"""The number grammar: every figure of a line as reports write it.

Arabic (1,050,000,000, 83.18, -2), Chinese numerals in full (二十五万三千二百, 十五点七, 一万三),
both mixed (1.2万亿), percentages (百分之五点五, 九成, 千分之三, 六个百分点), fractions
(三分之一), ranges (6%－6.5%, 8至10亿元, 十八至三十万元, 八九亿), approximations (五百余万,
550多万, 二十几万), bounds after the number (以上, （含）以上, 左右), doublings and rank goals.
A number without a unit (a year, a code, a list marker) is no figure.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from govreport.rules.cues import led_by
from govreport.rules.units import MULTIPLIERS, kind_of, split_unit, unit_at

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "万亿点"
# A run of numerals: Arabic numbers (thousands separators, decimals) and Chinese numeral characters.
ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d{1,3}(?:，\d{3})+\.\d+|\d+(?:\.\d+)?"
RUN = re.compile(rf"(?:{ARABIC}|[{NUMERAL_CHARS}])+")
TOKEN = re.compile(rf"{ARABIC}|[{NUMERAL_CHARS}]")
# Where a figure can begin.
START_FIRST = r"百千负\-－\d零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"
START_WORDS = rf"百分之|千分之|(?<![减担肩抱胜欺辜不背身自重正税])负(?=[\d{NUMERAL_CHARS}])|-(?=\d)|(?<![\d%])－(?=\d)|\d"
LONE_DIGIT = "[零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]"  # each of CN_DIGITS or CN_SMALL
START = led_by(START_FIRST, rf"{START_WORDS}|{LONE_DIGIT}")
# What may not stand right before a number: PM2.5, 5G (after), 18#, 1+19, 7·21, v1.2, 第3名, a code.
NOT_AFTER = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.#+·•_/第届")  # 九届十次全会: an ordinal
CLAUSE_END = set("，,。；;：:、！!？?）)")
DASHES = "-－—–~～"
RANGE_WORDS = ("至", "到")
APPROX = ("余", "多", "几")  # 1万余亩, 550多万, 二十几万: more than
BOUNDS = (("（含）以上", ">="), ("(含)以上", ">="), ("及以上", ">="), ("或以上", ">="), ("以上", ">="),
          ("（含）以下", "<="), ("(含)以下", "<="), ("及以下", "<="), ("以下", "<="), ("以内", "<="), ("之内", "<="),
          ("左右", "~"), ("上下", "~"))
INCLUSIVE = ("（含）", "(含)")
BOUND_STARTS = frozenset(word[0] for word, _ in BOUNDS)
# 翻一番, 翻两番: doubling goals (value 1 or 2, unit 番).
DOUBLING = re.compile(r"翻了?([一两二三四五六七八九]|\d)番")
# 千万元以上项目, 亿元以上: an amount with no digit at all.
BARE_AMOUNT = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万亿.])(千万|百万|亿|万)元(?=以上)")
# 前50, 前10位, 前十名: a rank goal (前三季度 is no rank).
RANK = re.compile(r"前(\d+)(?:名|位)?|前([一二三四五六七八九十]+)(?:名|位|强|(?=[，。；、,;]|$))")
FRACTION = re.compile(r"([零〇一二两三四五六七八九十百千\d]+)分之([零〇一二两三四五六七八九十百千\d.点]+)")
PERCENT_OF = re.compile(rf"(百分之|千分之)((?:{ARABIC}|[{NUMERAL_CHARS}])+)")
# "1/10以上", "三分之一" written with a slash: a share (not 645元/月, 2024/25, G318/G219).
SLASH_FRACTION = re.compile(r"(?<![\d./A-Za-z])(\d{1,2})/(\d{1,3})(?![\d./A-Za-z%年月])")
HANZI = re.compile(r"[\u4e00-\u9fff]")
# 十二次全会, 三次会议: the number of a session.
ORDINAL_AFTER = re.compile(r"(?:全会|会议|全体会议|代表大会|党代会)")
# Digits after 万 or 亿 that go on the number: 1万2千, 5亿1万4千6百.
SPOKEN_TAIL = re.compile(r"\d+(?:\.\d+)?[千百十万]")


class Figure(NamedTuple):
    """One figure of a line (a tuple: made for every figure of every report, 3x cheaper than a dataclass)."""

    start: int  # 0-based columns in the line; text = line[start:end]
    end: int
    value: float
    value_high: float | None
    unit: str
    bound: str | None  # comparator from the figure itself (以上, 左右, 余, a range)
    rank: bool = False


class Amount(NamedTuple):
    """One number and what follows it, before ranges are joined (a tuple: made for every number
    of every line, three times faster than a frozen dataclass)."""

    end: int
    value: float
    high: float | None  # 八九亿: the second of two adjacent digits
    multiplier: str  # 万, 亿, 万亿: goes into the unit
    unit: str
    approx: bool
    single_digit: bool  # 三, 两: a lone Chinese digit, often a word (一度, 两个维护), not a figure
    small: float | None = None  # 三百, 五千: the 百 or 千 of a lone digit, that a range can share (两到三千)


def find_figures(line: str) -> list[Figure]:
    """Every figure of one line, left to right; numbers without a unit (years, dates, codes) are not figures."""
    found: list[Figure] = []
    taken = 0
    search = _start().search
    # each search starts where the last figure or number ends (no start inside one is tried)
    no_unit_after = _no_unit_after()
    while (match := search(line, taken)) is not None:
        at = match.start()
        lead = match.group(0)
        taken = match.end()
        if lead in ASCII_DIGITS and (number := (text := (run := RUN.match(line, at)).group(0)).rstrip("万亿")).isascii():
            stop = run.end()
            if stop < len(line) and line[stop] in no_unit_after and len(number) == len(text):
                taken = stop
                continue  # 2022年, 3月: a number followed by what no unit, range or bound starts with
            if (figure := _plain_figure(line, at, stop, text, text[len(number):])) is not ASK:
                if figure is None:
                    taken = stop
                else:
                    found.append(figure)
                    taken = figure.end
                continue
        if lead in CN_DIGITS and _lone_word(line, at):
            continue  # 一批, 三项工作: passed over as _figure_at would refuse it (taken is past it)
        figure = _figure_at(line, at, lead)
        if figure is not None:
            found.append(figure)
            taken = max(taken, figure.end)
        elif lead.isdigit() or lead in CN_DIGITS or lead in CN_SMALL:
            run = RUN.match(line, at)  # "2022年": no figure starts inside a number that is none
            taken = max(taken, run.end() if run else at + 1)
    if not (special := _specials(line, found)):
        return found  # in order, none overlapping: each search starts past the last figure
    found += special
    found.sort(key=lambda f: f.start)
    return _drop_overlaps(found)


ASCII_DIGITS = frozenset("0123456789")


@functools.cache
def _no_unit_after() -> frozenset[str]:
    """Of 年 and 月, those nothing that goes on from a number into a figure starts with: after one,
    a number of Arabic digits is no figure (its unit, range and bound would start there)."""
    return frozenset(ch for ch in "年月" if ch not in _can_follow())


@functools.cache
def _start() -> re.Pattern:
    """START, where a lone Chinese digit begins a figure only with something after it that can
    make one (_can_follow): 统一, 进一步, 一体 are never handed to the figure reader."""
    follow = "".join(re.escape(ch) for ch in sorted(_can_follow()))
    return led_by(START_FIRST, rf"{START_WORDS}|{LONE_DIGIT}(?=[{follow}])")


@functools.cache
def _can_follow() -> frozenset[str]:
    """What may follow a lone Chinese digit that begins a figure: a numeral, 个 (两个亿), 余/多/几,
    a dash or 至/到, （含）, 分 (三分之一), or the first character of a unit."""
    from govreport.rules.units import lexicon

    chars = set(NUMERAL_CHARS) | set("0123456789个分") | set("".join(APPROX)) | set(DASHES) | set("".join(RANGE_WORDS))
    chars |= {word[0] for word in INCLUSIVE} | {unit[0] for unit in lexicon()}
    return frozenset(chars)


def _specials(line: str, found: list[Figure]) -> list[Figure]:
    """Amounts without a digit (千万元以上), doublings (翻一番) and rank goals (前50)."""
    out: list[Figure] = []
    if "元以上" in line:  # what each of the four patterns needs: most lines have none of them
        for match in BARE_AMOUNT.finditer(line):
            mult = match.group(1)
            value, unit = (1000.0, "万元") if mult == "千万" else (100.0, "万元") if mult == "百万" else (1.0, mult + "元")
            out.append(Figure(match.start(), match.end() + 2, value, None, unit, ">="))
    if "番" in line:
        for match in DOUBLING.finditer(line):
            times = match.group(1)
            out.append(Figure(match.start(), match.end(), float(CN_DIGITS.get(times, times)), None, "番", None))
    if "/" in line:
        for match in SLASH_FRACTION.finditer(line):  # "稳定在全国1/10以上": a share
            whole, part = int(match.group(2)), int(match.group(1))
            if 0 < part < whole <= 100 and not _taken(found, match.start()):
                bound, end = _bound(line, match.end())
                out.append(Figure(match.start(), end, round(part / whole * 100, 4), None, "%", bound))
    if "前" in line:
        for match in RANK.finditer(line):
            number = match.group(1) or match.group(2)
            value = float(number) if number.isdigit() else chinese_number(number)
            digits = match.start(1) if match.group(1) else match.start(2)
            if value and not _taken(found, digits):
                out.append(Figure(match.start(), match.end(), value, None, "", "<=", rank=True))
    return out


def _taken(found: list[Figure], at: int) -> bool:
    """Whether a figure found already covers position `at`."""
    return any(f.start <= at < f.end for f in found)


def _drop_overlaps(found: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    for fig in found:
        if not kept or fig.start >= kept[-1].end:
            kept.append(fig)
    return kept


ASK = object()  # _plain_figure's answer where the general reading (_figure_at) must decide
# After an Arabic number: what begins a fraction (分之) or an approximation (余, 多, 几) …
PLAIN_NOT_AFTER = frozenset("分") | frozenset("".join(APPROX))
# … and after its unit: a range (a dash, 至, 到), （含）, 一吨半.
PLAIN_NOT_AFTER_UNIT = frozenset(DASHES) | frozenset("".join(RANGE_WORDS)) | frozenset("（(半")


def _plain_figure(line: str, at: int, stop: int, text: str, multiplier: str) -> Figure | None | object:
    """What _figure_at reads at an Arabic number with no Chinese numeral in or after it but 万 or
    亿 (`text`, line[at:stop], ends in `multiplier`: 6.5%, 2000人, 1234.5亿元), nine in ten of a
    report's figures, without the readings that cannot apply to one; ASK where one might (a range,
    a fraction, 余 …): the general reading decides."""
    if at and (line[at - 1] in NOT_AFTER or (line[at - 1] == "-" and at > 1 and line[at - 2].isalnum())):
        return None
    after = line[stop:stop + 1]
    if after in PLAIN_NOT_AFTER or (after == "个" and line[stop + 1:stop + 2] in MULTIPLIERS) \
            or (multiplier and any(unit_at(line, pos) for pos in range(stop - len(multiplier), stop))):
        return ASK  # 3分之1, 300余, 2个亿; a unit that starts with 万 (_cut_unit_inside)
    unit = unit_at(line, stop)
    if not (unit or multiplier):
        return ASK if after in PLAIN_NOT_AFTER_UNIT else None
    end = stop + len(unit)
    parsed = parse_numeral(text)
    if parsed is None:
        return None
    if line[end:end + 1] in PLAIN_NOT_AFTER_UNIT or parsed[1] is not None or parsed[2] != multiplier:
        return ASK
    if (unit in ("名", "位") and at and line[at - 1] == "前") or \
            (unit in ("次", "届") and ORDINAL_AFTER.match(line, end)) or \
            (not split_unit(multiplier + unit)[1] and line.startswith("年", end)):
        return None  # 前10位, 十二次全会, 1万年: as _figure_at and _finish refuse them
    if line[end:end + 1] in BOUND_STARTS:
        bound, end = _bound(line, end)
        return Figure(at, end, parsed[0], None, multiplier + unit, bound)
    return Figure(at, end, parsed[0], None, multiplier + unit, None)


# After a lone Chinese digit: what makes more of it than a digit and a unit (a numeral, 分之, 余,
# a range, （含）), or where _figure_at decides otherwise.
LONE_NOT_AFTER = frozenset(NUMERAL_CHARS) | frozenset("0123456789分") | frozenset("".join(APPROX)) | PLAIN_NOT_AFTER_UNIT


def _lone_word(line: str, at: int) -> bool:
    """Whether the lone Chinese digit at `at` is a word that _figure_at refuses: a digit before no
    unit, or before a unit (not a measure) its clause goes on after (一批, 三项工作, 两个维护; 一
    always but before a bound): _stands_alone. False wherever the reader might find a figure."""
    after = line[at + 1:at + 2]
    if not after or after in LONE_NOT_AFTER or after.isdigit() \
            or (after == "个" and line[at + 2:at + 3] in MULTIPLIERS) or (at and line[at - 1] in NOT_AFTER):
        return False
    unit = unit_at(line, at + 1)
    if not unit:
        return True
    end = at + 1 + len(unit)
    ends = line[end:end + 1]
    return kind_of(unit) != "measure" and ends not in PLAIN_NOT_AFTER_UNIT and ends not in BOUND_STARTS \
        and (line[at] == "一" or (ends != "" and ends not in CLAUSE_END))


def _figure_at(line: str, at: int, lead: str) -> Figure | None:
    if at and line[at - 1] in NOT_AFTER:
        return None
    if at > 1 and line[at - 1] == "-" and line[at - 2].isalnum():
        return None  # 2019-2023, A-1: the second half of a code or span, not a negative number
    if lead in ("百分之", "千分之"):
        return _percent_of(line, at)
    if lead == "负" and line.startswith(("百分之", "千分之"), at + 1):  # 负百分之二
        found = _percent_of(line, at + 1)
        return None if found is None else Figure(at, found.end, -found.value, None if found.value_high is None
                                                 else -found.value_high, found.unit, found.bound)
    if (fraction := FRACTION.match(line, at)) is not None:
        return _fraction(line, at, fraction)
    sign, begin = (-1.0, at + 1) if lead in ("负", "-", "－") else (1.0, at)
    first = _amount(line, begin)
    if first is None:
        return None
    if not first.unit and not first.multiplier and first.high is None:
        ranged = _range(line, at, first)
        if ranged is None:
            return None
        return _finish(line, at, sign, ranged)
    ranged = _range(line, at, first) or (first.value, first.high, first.multiplier + first.unit, first.end)
    if first.single_digit and ranged[1] is None and not _stands_alone(line, line[begin], ranged[3]):
        return None  # 一度, 两个维护, 三个一批: a word, not a count
    if at and line[at - 1] == "前" and first.unit in ("名", "位"):
        return None  # 前10位: a rank goal
    if first.unit in ("次", "届") and ORDINAL_AFTER.match(line, first.end):
        return None  # 九届十一次、十二次全会: sessions, not counts
    return _finish(line, at, sign, ranged, approx=first.approx)


def _finish(line: str, at: int, sign: float, ranged: tuple, approx: bool = False) -> Figure | None:
    value, high, unit, end = ranged
    if not unit or (not split_unit(unit)[1] and line.startswith("年", end)):
        return None  # 2022年, and 1万年 is no amount either
    bound, end = _bound(line, end)
    if high is not None:
        bound = "range"
    elif approx:
        bound = bound or ">="
    return Figure(at, end, sign * value, high, unit, bound)


def _stands_alone(line: str, digit: str, end: int) -> bool:
    """A lone Chinese digit counts only when it ends its clause: `新建重点项目三个，` (not `三个一批`,
    `一起`, `说一件、干一件`); 一 only with a bound after it (`一个月以上`)."""
    if any(line.startswith(word, end) for word, _ in BOUNDS):
        return True
    return digit != "一" and (end >= len(line) or line[end] in CLAUSE_END)


def _amount(line: str, begin: int) -> Amount | None:
    """A number at `begin` with its approximation, multiplier and unit: 五百余万元, 700万千瓦, 1万余亩."""
    run = RUN.match(line, begin)
    if run is None:
        return None
    text = _cut_unit_inside(line, run.start(), run.end())
    parsed = parse_numeral(text)
    if parsed is None:
        return None
    value, high, trailing, small = parsed
    pos = begin + len(text)
    if line.startswith("个", pos) and pos + 1 < len(line) and line[pos + 1] in MULTIPLIERS:
        pos += 1  # 两个亿: 两亿
    approx = _take(line, pos, APPROX)
    pos += len(approx)
    more = ""
    while pos < len(line) and line[pos] in MULTIPLIERS and not unit_at(line, pos):
        more += line[pos]
        pos += 1
    if more and approx and high is None:  # 五百余万, 二十五亿七千多万: the multiplier after 余 counts too
        again = parse_numeral(text + more)
        if again is None or again[0] is None:
            return None
        value, _, trailing, small = again
        more = ""
    elif more and not approx and (again := _take(line, pos, APPROX)):
        approx, pos = again, pos + len(again)
    unit = unit_at(line, pos)
    end = pos + len(unit)
    if unit and line.startswith("半", end) and high is None and not approx \
            and (kind_of(unit) in ("measure", "time") or unit == "成"):
        value, end = value + 0.5, end + 1  # 一吨半, 十五斤半
    single = len(text) == 1 and text in CN_DIGITS and not trailing and not more and kind_of(unit) != "measure"
    return Amount(end, value, high, trailing + more, unit, bool(approx), single, small)


def _cut_unit_inside(line: str, start: int, end: int) -> str:
    """The numeral run without a unit that begins inside it: 750千伏 -> 750, 700万千瓦 -> 700万, 5百分点 -> 5;
    and without a second number after 万 or 亿 (390万65岁 is 390万 and 65岁; 1万2千 is one number)."""
    if line[start:end].isascii():  # 2025, 6.5, 1,050: no Chinese numeral to cut at
        return line[start:end]
    arabic = line[start].isdigit()
    for pos in range(start + 1, end):
        if line[pos] in "千百万亿十" and unit_at(line, pos):
            end = pos
            break
        if arabic and line[pos] in CN_DIGITS:
            end = pos  # 5万亿两个台阶: Arabic numbers take Chinese multipliers, never Chinese digits
            break
        if line[pos].isdigit() and line[pos - 1] in "万亿" and not SPOKEN_TAIL.match(line, pos):
            end = pos
            break
    text = line[start:end]
    while text.endswith("点"):  # 一点: not a decimal
        text = text[:-1]
    return text


def _range(line: str, at: int, first: Amount) -> tuple[float, float | None, str, int] | None:
    """The figure joined with a second number after a dash, 至 or 到: 6%－6.5%, 8至10亿元, 十八至三十万元."""
    if first.high is not None:  # 八九亿
        return first.value, first.high, first.multiplier + first.unit, first.end
    pos = first.end
    inclusive = _take(line, pos, INCLUSIVE)
    pos += len(inclusive)
    if pos < len(line) and line[pos] in DASHES:
        while pos < len(line) and line[pos] in DASHES and pos - first.end < 4:
            pos += 1
    elif pos < len(line) and line[pos] in RANGE_WORDS and not _from_before(line, at):
        pos += 1
    else:
        return None
    second = _amount(line, pos)
    if second is None or not second.unit or second.high is not None:
        return None
    low = first.value
    if first.small is None and second.small and first.single_digit:
        low *= second.small  # 两到三千: 2000-3000
    unit = second.multiplier + second.unit
    if first.unit and split_unit(first.multiplier + first.unit)[1] != split_unit(unit)[1]:
        return None
    low_factor = split_unit(first.multiplier)[0] if first.multiplier else None
    high_factor = split_unit(second.multiplier)[0] if second.multiplier else 1.0
    if low_factor is None:
        low_factor = high_factor if low <= second.value else 1.0  # 8至10亿: 8亿; 从8500到3万: 8500
    low = low * low_factor / high_factor
    if low > second.value:
        return None
    return round(low, 10), second.value, unit, second.end


CLAUSE_BREAK = re.compile(r"[，,。；;：:]")


def _from_before(line: str, at: int) -> bool:
    """`从15%到50%`, `由…到…`: a change from one level to another, not a range."""
    clause = CLAUSE_BREAK.split(line[max(0, at - 12):at])[-1]
    return "从" in clause or "由" in clause


def _percent_of(line: str, at: int) -> Figure | None:
    """百分之五点五, 百分之一百二十点五, 千分之三."""
    if line.startswith("百分之百", at) and not PERCENT_OF.match(line, at + 3):
        bound, end = _bound(line, at + 4)
        return Figure(at, end, 100.0, None, "%", bound)
    match = PERCENT_OF.match(line, at)
    if match is None:
        return None
    parsed = parse_numeral(match.group(2))
    if parsed is None or parsed[2]:
        return None
    unit = "%" if match.group(1) == "百分之" else "‰"
    if parsed[1] is not None:  # 百分之二三十: twenty to thirty
        bound, end = _bound(line, match.end())
        return Figure(at, end, parsed[0], parsed[1], unit, "range")
    high, after = _percent_range(line, match.end(), match.group(1), parsed[0])
    if high is not None:
        return Figure(at, after, parsed[0], high, unit, "range")
    bound, end = _bound(line, match.end())
    return Figure(at, end, parsed[0], None, unit, bound)


# "百分之四到五", "百分之八至九", "百分之四至百分之五", "百分之五—百分之六": the second end of a range.
PERCENT_RANGE = re.compile(rf"[至到{re.escape(DASHES)}](百分之|千分之)?((?:{ARABIC}|[{NUMERAL_CHARS}])+)(?![万亿千百]|[\u4e00-\u9fff]*[元人个])")


def _percent_range(line: str, pos: int, lead: str, low: float) -> tuple[float | None, int]:
    """The high end of a range that begins 百分之…, and where it ends; (None, pos) when there is none."""
    match = PERCENT_RANGE.match(line, pos)
    if match is None or (match.group(1) and match.group(1) != lead) or _from_before(line, pos):
        return None, pos
    parsed = parse_numeral(match.group(2))
    if parsed is None or parsed[2] or parsed[1] is not None or parsed[0] is None or parsed[0] <= low \
            or any(ch in match.group(2) for ch in "千万亿"):
        return None, pos
    return parsed[0], match.end()


def _fraction(line: str, at: int, match: re.Match) -> Figure | None:
    """三分之一 -> 33.33 %: a share."""
    whole, part = parse_numeral(match.group(1)), parse_numeral(match.group(2))
    if not whole or not part or not whole[0] or whole[2] or part[2]:
        return None
    bound, end = _bound(line, match.end())
    return Figure(at, end, round(part[0] / whole[0] * 100, 4), None, "%", bound)


@functools.lru_cache(maxsize=65536)  # the same numerals recur all through a corpus (5, 10, 2025, 三)
def parse_numeral(text: str) -> tuple[float, float | None, str, float | None] | None:
    """(value, high, trailing multiplier, small unit) of a numeral run; None when it is no number.

    >>> [parse_numeral(t)[:3] for t in ["二十五万三千二百", "四万亿", "十五点七亿", "1.2万亿", "八九", "一万三", "3千万"]]
    [(253200.0, None, ''), (4.0, None, '万亿'), (15.7, None, '亿'), (1.2, None, '万亿'), (8.0, 9.0, ''), (13000.0, None, ''), (3000.0, None, '万')]
    """
    tokens = TOKEN.findall(text)
    if not tokens:
        return None
    trailing = ""
    while tokens and tokens[-1] in MULTIPLIERS:
        trailing = tokens.pop() + trailing
    if not tokens:
        return None
    if trailing and any(t in MULTIPLIERS for t in tokens):  # 二十五亿七千万: 25亿 and 7000万, in 万
        whole = _value(tokens + list(trailing))
        if whole is None:
            return None  # 十万八九万: no one number
        return round(whole / split_unit(trailing)[0], 6), None, trailing, None
    if len(tokens) in (2, 3) and all(t in CN_DIGITS and CN_DIGITS[t] for t in tokens[:2]) \
            and CN_DIGITS[tokens[0]] < CN_DIGITS[tokens[1]] and (len(tokens) == 2 or tokens[2] in CN_SMALL):
        scale = CN_SMALL[tokens[2]] if len(tokens) == 3 else 1  # 八九亿, 三五百
        return float(CN_DIGITS[tokens[0]] * scale), float(CN_DIGITS[tokens[1]] * scale), trailing, None
    value = _value(tokens)
    if value is None:
        return None
    small = CN_SMALL.get(tokens[-1]) if len(tokens) == 2 and (tokens[0] in CN_DIGITS or
                                                               (tokens[0].isdigit() and len(tokens[0]) == 1)) else None
    return value, None, trailing, small


def _value(tokens: list[str]) -> float | None:
    """Chinese and Arabic numerals with 十百千万亿 and 点: 二十五万三千二百, 5亿1万4千6百, 零点五, 一万三."""
    total = section = 0.0
    digit: float | None = None
    last_unit: float | None = None  # for the spoken form 一万三 = 13000, 两千四百五 = 2450
    seen = False
    arabic = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token == "点":
            whole = section + (digit or 0)
            fraction = "".join(str(CN_DIGITS[t]) for t in tokens[index + 1:] if t in CN_DIGITS and t != "两")
            if not fraction or len(fraction) != len(tokens) - index - 1 or (digit is None and not section and not seen):
                return None
            return total + whole + float("0." + fraction)
        if token in CN_DIGITS:
            if token in "零〇":
                last_unit = None
                if index + 1 < len(tokens) and tokens[index + 1] == "点":
                    digit, seen = 0.0, True
                index += 1
                continue
            if digit is not None:
                return None  # 一九五四, 十一五: digits side by side are no number
            digit, seen = float(CN_DIGITS[token]), True
        elif token in CN_SMALL:
            if digit is None and token not in "十拾" and not seen:
                return None  # 百, 千 alone: 百姓, 千方百计
            section += (digit if digit is not None else 1) * CN_SMALL[token]
            digit, seen, last_unit = None, True, CN_SMALL[token]
        elif token == "万":
            if not seen:
                return None
            section = (section + (digit or 0)) * 1e4
            digit, last_unit = None, 1e4
        elif token == "亿":
            if not seen:
                return None
            total = (total + section + (digit or 0)) * 1e8
            section, digit, last_unit = 0.0, None, 1e8
        else:  # an Arabic number
            if digit is not None or arabic and last_unit is None:
                return None
            digit, seen, arabic = float(token.replace(",", "").replace("，", "")), True, True
            last_unit = None
        index += 1
    if not seen:
        return None
    if digit is not None and last_unit and last_unit >= 100 and not arabic:
        return total + section + digit * last_unit / 10  # 一万三, 两千四百五
    return total + section + (digit or 0)


def chinese_number(text: str) -> float | None:
    """三千 -> 3000, 十 -> 10, 二十五 -> 25, 一百零八 -> 108; None when it is not a numeral.

    >>> [chinese_number(t) for t in ["十", "三千", "二十五", "一百零八", "万"]]
    [10.0, 3000.0, 25.0, 108.0, None]
    """
    parsed = parse_numeral(text)
    if parsed is None or parsed[1] is not None:
        return None
    value, _, trailing, _ = parsed
    return value * split_unit(trailing)[0] if trailing else value


def _take(line: str, pos: int, words) -> str:
    if line[pos:pos + 1] not in _starts(words):
        return ""
    for word in words:
        if line.startswith(word, pos):
            return word
    return ""


@functools.cache
def _starts(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word[0] for word in words)


def _bound(line: str, pos: int) -> tuple[str | None, int]:
    if line[pos:pos + 1] not in BOUND_STARTS:  # most figures: no bound after them
        return None, pos
    for word, comparator in BOUNDS:
        if line.startswith(word, pos):
            return comparator, pos + len(word)
    return None, pos


def is_count(unit: str) -> bool:
    """人, 家, 个 … (with or without 万): what a count of things is written in."""
    return kind_of(unit) == "count"
