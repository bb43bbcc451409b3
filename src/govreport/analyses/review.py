"""The rows a researcher should check, doubtful ones first: low, then medium, then high, each with the
report it is from (the review page's content; output/review.py draws it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from govreport.analyses.confidence import CONFIDENCES
from govreport.analyses.panel import PanelFacts
from govreport.analyses.targets import TargetRow

ORDER = {name: i for i, name in enumerate(reversed(CONFIDENCES))}  # low 0, medium 1, high 2


@dataclass(frozen=True)
class Item:
    row: TargetRow
    region: str | None
    region_code: str | None
    report_year: int | None


@dataclass
class Review:
    items: list[Item]
    by_confidence: Counter = field(default_factory=Counter)
    by_flag: Counter = field(default_factory=Counter)
    regions: dict[str, str] = field(default_factory=dict)  # region code (or "unknown") -> name
    reports: int = 0


def review(reports: Iterable[PanelFacts]) -> Review:
    """Every figure of the reports, the least sure first, then by region, file and line."""
    items, regions, count = [], {}, 0
    for report in reports:
        count += 1
        regions[report.region_code or "unknown"] = report.region or "unknown"
        items += [Item(row, report.region, report.region_code, report.year) for row in report.rows]
    items.sort(key=lambda i: (ORDER.get(i.row.confidence, 1), i.region_code or "~", i.row.file, i.row.line, i.row.col))
    page = Review(items, regions=dict(sorted(regions.items())), reports=count)
    for item in items:
        page.by_confidence[item.row.confidence] += 1
        page.by_flag.update(f for f in item.row.flags.split(",") if f)
    return page


def doubtful(page: Review) -> list[TargetRow]:
    """The rows not marked high: what a corrections template lists."""
    return [i.row for i in page.items if i.row.confidence != "high"]
