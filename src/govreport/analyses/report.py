"""One analysis of a report's figures, shared: `targets`, `info`, `targets --panel` and `review`
read the same cached entry, so `info` over a corpus `targets` has read is a cache read."""

from __future__ import annotations

from dataclasses import dataclass

from govreport.analyses.info import InfoRow, describe
from govreport.analyses.panel import PanelFacts
from govreport.analyses.targets import TargetRow, extract


PARTS = ("info", "rows")  # cached apart: `info` reads the first only


@dataclass(frozen=True)
class ReportFacts:
    """Who and when, with sizes (info), and every figure (targets); rows is None when only the
    info was read from the cache."""

    info: InfoRow
    rows: tuple[TargetRow, ...] | None


def report_facts(doc) -> ReportFacts:
    rows = extract(doc)
    return ReportFacts(describe(doc, rows), tuple(rows))


def panel_of(facts: ReportFacts) -> PanelFacts:
    """What a panel takes of a report: its identity and its figures."""
    i = facts.info
    return PanelFacts(i.file, i.region, i.region_code, i.province, i.level, i.year, facts.rows)
