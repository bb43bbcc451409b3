"""Region names to GB/T 2260 codes, valid in the report's year (data/regions.tsv, tools/make_gazetteer.py).

A report names itself in many ways: 河北省, 河北省保定市, 保定市清苑区, 清苑县 before 2015, 襄樊市
before 2010. Each name is read as a chain of divisions, the last one the region, the ones before it
its parents; a name shared by several divisions (鼓楼区, 城关镇 …) is settled by its parents, the
year, and which parents the report's own text mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from govreport import datafiles

NATIONAL_CODE = "000000"  # GB/T 2260 has no code for the country; panels need one
LONGEST_NAME = 12  # characters: 克孜勒苏柯尔克孜自治州
SHORTEST_NAME = 2  # 易县, 蠡县
# The last character of a division's name: 河北省, 保定市, 高阳县, 清苑区, 甘孜藏族自治州, 锡林郭勒盟, 达尔罕茂明安联合旗
NAME_END = re.compile(r"[省市县区州盟旗]")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # provincial, city, county-district
    province: str
    parent: str  # the code of its 地级 division, or ""
    start: int
    end: int | None  # the year it changed or was retired; None while in use
    successors: tuple[str, ...]

    def valid_in(self, year: int | None) -> bool:
        """In use when a report of `year` was written (reports are read in spring: the year a name
        changed still counts for it)."""
        return year is None or (self.start <= year and (self.end is None or year <= self.end))


# The country's own report: 全国, under a code of its own.
COUNTRY = Region(NATIONAL_CODE, "全国", "national", "", "", 1949, None, ())


@cache
def regions() -> tuple[Region, ...]:
    out = []
    for cells in datafiles.table("regions.tsv"):
        cells += [""] * (8 - len(cells))
        code, name, level, province, parent, start, end, successors = cells[:8]
        out.append(Region(code, name, level, province, parent, int(start), int(end) if end else None,
                          tuple(s for s in successors.split(",") if s)))
    return tuple(out)


@cache
def by_name() -> dict[str, tuple[Region, ...]]:
    index: dict[str, list[Region]] = {}
    for region in regions():
        index.setdefault(region.name, []).append(region)
    return {name: tuple(found) for name, found in index.items()}


@cache
def by_code() -> dict[str, Region]:
    """The newest entry of each code (a renamed division keeps its code)."""
    index: dict[str, Region] = {}
    for region in regions():
        current = index.get(region.code)
        if current is None or (current.end is not None and (region.end is None or region.end > current.end)):
            index[region.code] = region
    return index


def split_chain(text: str) -> list[str]:
    """A name written with its parents, read left to right into division names.

    >>> split_chain("河南省新乡市凤泉区"), split_chain("保定市人民政府")
    (['河南省', '新乡市', '凤泉区'], ['保定市'])
    """
    names, known, i = [], by_name(), 0
    while i < len(text):
        for size in range(min(LONGEST_NAME, len(text) - i), SHORTEST_NAME - 1, -1):
            if text[i:i + size] in known:
                names.append(text[i:i + size])
                i += size
                break
        else:
            if names:  # only a name's own parts, from its start: "保定市人民政府" stops at 人民政府
                break
            i += 1
    return names


def resolve(text: str | None, year: int | None = None, *, context: Iterable[str] = (),
            mentions: dict[str, int] | None = None) -> Region | None:
    """The division `text` names, valid in `year`; `context`: names the report gives elsewhere
    (a province in its header, a city in its title) that a bare county name must agree with;
    `mentions`: how often the report names each division, to settle a name shared by several."""
    if not text:
        return None
    chain = split_chain(text)
    if not chain:
        return None
    parents = [*chain[:-1], *(name for c in context for name in split_chain(c))]
    found = list(by_name().get(chain[-1], ()))
    if not found:
        return None
    found = _narrow(found, lambda r: r.valid_in(year))
    for parent in parents:
        found = _narrow(found, lambda r, p=parent: _under(r, p))
    if len({r.code for r in found}) > 1 and mentions:
        best = max(sum(mentions.get(name, 0) for name in _parent_names(r)) for r in found)
        found = _narrow(found, lambda r: sum(mentions.get(name, 0) for name in _parent_names(r)) == best)
    codes = {r.code for r in found}
    if len(codes) != 1:
        return None  # a name shared by several divisions, and nothing in the report tells which
    return max(found, key=lambda r: (r.valid_in(year), r.end is None, r.end or 0))


def _narrow(found: list[Region], keep) -> list[Region]:
    """Those that keep, unless none would: a hint that fits nothing is no reason to lose the name."""
    kept = [r for r in found if keep(r)]
    return kept or found


def _under(region: Region, parent: str) -> bool:
    return parent in _parent_names(region) or parent == region.name


def _parent_names(region: Region) -> tuple[str, ...]:
    names = [region.province]
    if region.parent and (city := by_code().get(region.parent)):
        names.append(city.name)
    return tuple(n for n in names if n != region.name)


def names_in(text: str) -> dict[str, int]:
    """How often the text names each division by its full name, for `resolve(mentions=…)`."""
    counts: dict[str, int] = {}
    known = by_name()
    for match in NAME_END.finditer(text):
        end = match.end()
        for size in range(SHORTEST_NAME, min(LONGEST_NAME, end) + 1):
            if (name := text[end - size:end]) in known:
                counts[name] = counts.get(name, 0) + 1
    return counts
