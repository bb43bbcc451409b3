"""How a terminal table dresses each command's rows; the data formats never see this."""

from __future__ import annotations

from govreport.analyses.targets import TargetRow, show_figure
from govreport.output.render import View, cell


def targets_view(*, several: bool):
    """Terminal layout: indicator, the figure with its bound, year, kind, and the sentence with it marked."""
    columns = [("file", lambda r: r.file)] if several else []
    columns += [
        ("line", lambda r: r.line),
        ("indicator", lambda r: r.indicator),
        ("figure", show_figure),
        ("change", lambda r: r.change),
        ("year", lambda r: r.year),
        ("kind", lambda r: r.kind),
        ("sentence", _excerpt),
    ]
    return View(columns=columns, highlight=("sentence", "text"), wrap=("sentence",),
                max_width={"indicator": 14, "file": 24})


def _excerpt(row: TargetRow, width: int = 22) -> str:
    """The sentence around the figure, so a terminal row stays one or two lines high."""
    at = row.sentence.find(row.text)
    if at < 0 or len(row.sentence) <= 2 * width + len(row.text):
        return row.sentence
    start, stop = max(0, at - width), at + len(row.text) + width
    return ("…" if start else "") + row.sentence[start:stop] + ("…" if stop < len(row.sentence) else "")


def outline_view() -> View:
    """Headings indented by level."""
    return View(columns=[("line", lambda r: r.line), ("level", lambda r: r.level),
                         ("heading", lambda r: "  " * (r.level - 1) + r.heading)],
                max_width={"heading": 70})


def kwic_view(width: int) -> View:
    """Left contexts right-aligned so the terms line up in one column."""
    return View(columns=[("line", lambda r: r.line), ("left", lambda r: r.left.rjust(width, "　")),
                         ("term", lambda r: r.term), ("right", lambda r: r.right)])


def panel_view() -> View:
    """The panel on a terminal: the target as the report writes it beside the result, and whether it was met."""
    return View(columns=[("region", lambda r: r.region), ("indicator", lambda r: r.indicator),
                         ("year", lambda r: r.year), ("change", lambda r: r.change),
                         ("target", lambda r: r.target_text or ("no target" if r.comparator == "absent" else "")),
                         ("actual", lambda r: r.actual_text), ("met", lambda r: r.met),
                         ("unit", lambda r: r.unit), ("target_low", lambda r: cell(r.target_low)),
                         ("actual_value", lambda r: cell(r.actual))],
                max_width={"indicator": 14})


def diff_view() -> View:
    """A diff on a terminal: what, how it moved, both sides as written."""
    return View(columns=[("section", lambda r: r.section), ("name", lambda r: r.name), ("status", lambda r: r.status),
                         ("A", lambda r: r.a), ("B", lambda r: r.b), ("A at", lambda r: _short(r.a_at)),
                         ("B at", lambda r: _short(r.b_at))],
                max_width={"name": 18})


def _short(at: str | None) -> str | None:
    """national-2024.txt:30 for ../shared/reports/national-2024.txt:30: the line, without the folders."""
    return at.replace("\\", "/").rsplit("/", 1)[-1] if at else at


def trend_view() -> View:
    """A term's rate over the years at a glance."""
    return View(columns=[("term", lambda r: r.term), ("region", lambda r: r.region), ("years", lambda r: r.years),
                         ("per 10k", lambda r: r.spark), ("first", lambda r: r.first), ("last", lambda r: r.last),
                         ("peak", lambda r: r.peak_year)])
