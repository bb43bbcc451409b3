"""Targets beside results: year t's target (from year t's report) next to year t's actual (from t+1's)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from govreport.analyses.info import InfoRow
from govreport.analyses.targets import TargetRow, show_figure

# "国内生产总值（经济增长）" -> 国内生产总值; "全省地区生产总值" -> 地区生产总值
ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")
GROWTH_SUFFIX = re.compile(r"(?:涨幅|增幅|增速|增长率|增长)$")  # 居民消费价格涨幅 ~ 居民消费价格上涨
REGION_WORDS = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|我国|我省|我市|我区|我县)")


@dataclass(frozen=True)
class PanelRow:
    region: str | None
    indicator: str
    year: int
    change: str
    target: str | None
    target_value: float | None
    comparator: str | None
    actual: str | None
    actual_value: float | None
    unit: str
    target_file: str | None
    actual_file: str | None


def indicator_key(name: str) -> str:
    """The indicator as it is compared across reports.

    >>> indicator_key("全省地区生产总值（经济增长）")
    '地区生产总值'
    """
    return GROWTH_SUFFIX.sub("", REGION_WORDS.sub("", ASIDE.sub("", name)).strip())


def build_panel(documents: Iterable[tuple[InfoRow, list[TargetRow]]]) -> list[PanelRow]:
    """One row per region, indicator, year and kind of change, the target and the actual side by side."""
    targets: dict[tuple, tuple[TargetRow, str]] = {}
    actuals: dict[tuple, tuple[TargetRow, str]] = {}
    for info, rows in documents:
        if info.year is None:
            continue
        for row in rows:
            if not row.indicator or not row.year or row.period != "year":
                continue  # a five-year goal or a span's result is never one year's figure
            family = "%" if row.comparator == "absent" else _unit_family(row.unit)  # "no growth target" is about a %
            key = (info.region, indicator_key(row.indicator), int(row.year), row.change, family)
            if row.kind == "target" and int(row.year) == info.year:
                targets.setdefault(key, (row, info.file))
            elif row.kind == "actual" and int(row.year) == info.year - 1:
                actuals.setdefault(key, (row, info.file))
    out = []
    for key in sorted(targets, key=lambda k: (str(k[0]), k[1], k[2], k[3], k[4])):
        region, indicator, year, change, _ = key
        target, target_file = targets[key]
        actual, actual_file = actuals.get(key, (None, None))  # a result nobody set a target for is no row
        out.append(PanelRow(region, indicator, year, change, show_figure(target), target.value, target.comparator,
                            show_figure(actual) if actual else None, actual.value if actual else None,
                            target.unit, target_file, actual_file))
    return out


def _unit_family(unit: str) -> str:
    return "%" if unit in ("%", "个百分点", "百分点") else unit


def panel_facts(doc) -> tuple[InfoRow, list[TargetRow]]:
    """What `targets --panel` needs of one report: what it says of itself, and its figures."""
    from govreport.analyses.info import describe
    from govreport.analyses.targets import extract

    return describe(doc), extract(doc)
