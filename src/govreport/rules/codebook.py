"""One code per indicator (data/codebook.tsv): 地区生产总值, 全省生产总值 and 国内生产总值 are all `gdp`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from govreport.datafiles import table
from govreport.rules.cues import first_characters, led_by

# "国内生产总值（经济增长）", "城镇调查失业率(%)": asides say nothing of what is measured.
ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")
# "全省地区生产总值", "我市城镇新增就业", "年末城镇调查失业率": who and when, not what.
REGION_WORDS = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|全盟|全旗|我国|我省|我市|我区|我县|本市|本省|本区|年末|年底|全年|当年)+")
# Words a name may carry at its end: "城乡居民人均可支配收入均", "居民消费价格涨幅".
TRAILING = re.compile(r"(?:均|分别|同口径|口径)$")


@dataclass(frozen=True)
class Code:
    code: str
    name_zh: str
    name_en: str
    change: str
    unit: str
    sense: str  # floor: met at or above the target; ceiling: met at or below it
    pattern: re.Pattern
    exclude: re.Pattern | None


@cache
def codebook() -> tuple[Code, ...]:
    out = []
    for row in table("codebook.tsv"):
        row = row + [""] * (8 - len(row))
        code, name_zh, name_en, change, unit, sense, pattern, exclude = row[:8]
        out.append(Code(code, name_zh, name_en, change, unit, sense, re.compile(pattern),
                        re.compile(exclude) if exclude.strip() else None))
    return tuple(out)


@cache
def _any_code() -> re.Pattern:
    """Whether any entry's pattern matches: their alternation, looked ahead for the characters a
    match can start with (a new name is searched at each of its characters against 68 entries:
    6 µs a name without it)."""
    pattern = "|".join(f"(?:{entry.pattern.pattern})" for entry in codebook())
    first = first_characters(pattern)
    return re.compile(pattern) if first is None else led_by("".join(re.escape(ch) for ch in sorted(first)), pattern)


@cache
def by_code() -> dict[str, Code]:
    return {c.code: c for c in codebook()}


@cache
def position() -> dict[str, int]:
    """Each code's place in the codebook (headline indicators first): the order tables and charts follow."""
    return {c.code: i for i, c in enumerate(codebook())}


def name_key(indicator: str) -> str:
    """The indicator without asides, region words and trailing particles.

    >>> name_key("全省地区生产总值（经济增长）"), name_key("城乡居民人均可支配收入均")
    ('地区生产总值', '城乡居民人均可支配收入')
    """
    return TRAILING.sub("", REGION_WORDS.sub("", ASIDE.sub("", indicator).strip()))


@lru_cache(maxsize=8192)
def code_of(indicator: str) -> str:
    """The codebook code of an indicator as a report writes it, "" when none fits.

    >>> [code_of(n) for n in ["全省生产总值", "国内生产总值（经济增长）", "海洋生产总值", "单位生产总值能耗", "年末城镇调查失业率"]]
    ['gdp', 'gdp', '', 'energy_intensity', 'unemployment_surveyed']
    """
    key = name_key(indicator)
    if not key or not _any_code().search(key):  # most indicators have no code: one search says so
        return ""
    for entry in codebook():
        if entry.pattern.search(key) and not (entry.exclude and entry.exclude.search(key)):
            return entry.code
    return ""
