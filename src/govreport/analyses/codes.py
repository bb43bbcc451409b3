"""The codebook as a table a researcher reads (`govreport codebook`), and the panel's columns described
as a Frictionless data package, so a dataset carries its own documentation."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from functools import cache

from govreport import datafiles
from govreport.analyses.panel import PanelRow
from govreport.rules.codebook import codebook


@dataclass(frozen=True)
class CodeRow:
    code: str
    name_zh: str
    name_en: str
    change: str  # the usual one; a panel keeps it unless --all-changes
    unit: str  # the base unit of its values
    sense: str  # floor: met at or above the target; ceiling: at or below
    aliases: str  # how reports write it: the pattern searched in an indicator
    note: str  # what changed over the decades (data/code_notes.tsv)


@cache
def notes() -> dict[str, str]:
    return {code: note for code, note in datafiles.table("code_notes.tsv")}


def code_rows() -> list[CodeRow]:
    return [CodeRow(c.code, c.name_zh, c.name_en, c.change, c.unit, c.sense, c.pattern.pattern, notes().get(c.code, ""))
            for c in codebook()]


COLUMN_DOCS = {
    "region": "the region's name (GB/T 2260)", "region_code": "GB/T 2260 code valid in the report's year; 000000 national",
    "province": "the province of the region", "level": "national, provincial, city or county-district",
    "code": "codebook code (govreport codebook); empty for an indicator the codebook does not know",
    "indicator": "the codebook's Chinese name, or the indicator as the report names it",
    "year": "the year the target is for and the result is of", "change": "growth, decline, level, share, increment, count",
    "unit": "the base unit of the values", "comparator": "= >= <= ~ range, or absent: the report says it set no target",
    "target_low": "the target, or the low end of a range", "target_high": "the high end of a range",
    "actual": "the result the next year's report states", "met": "yes or no, read the way the indicator points",
    "target_text": "the target as the report writes it", "actual_text": "the result as the report writes it",
    "target_file": "path:line of the target", "actual_file": "path:line of the result",
    "gap": "actual less target (the nearer end of a range; 0 inside it)",
    "confidence": "high, medium or low", "flags": "why the row is doubted (govreport targets --help)",
    "n_sources": "figures that could fill the cell", "source": "text, or corrected by a --corrections row",
}
TYPES = {str: "string", int: "integer", float: "number"}
WIDE_SIDES = {"target_cmp": "comparator", "target": "target_low", "target_high": "target_high", "actual": "actual"}


def code_labels() -> dict:
    """Stata value labels: a numbered column `code_n` whose labels are the codes and their names."""
    return {"code_n": ("code", {c.code: f"{c.code} {c.name_zh}" for c in codebook()})}


def datapackage(path: str = "panel.csv", *, fields: list[str] | None = None) -> dict:
    """A Frictionless descriptor of the panel written to `path` (the long panel, or the columns of
    --wide when `fields` names them), with the codes as the allowed values of `code`."""
    hints = typing.get_type_hints(PanelRow)
    described = []
    for name in fields or [f.name for f in dataclasses.fields(PanelRow)]:
        if name in hints:
            kind = next((TYPES[t] for t in typing.get_args(hints[name]) or (hints[name],) if t in TYPES), "string")
            about = COLUMN_DOCS.get(name, "")
        else:  # target_cmp_2024, target_2024, target_high_2024, actual_2024 of --wide
            side, _, year = name.rpartition("_")
            kind = "string" if side == "target_cmp" else "number"
            about = f"{COLUMN_DOCS.get(WIDE_SIDES.get(side, side), side)} ({year})"
        field = {"name": name, "type": kind, "description": about}
        if name == "code":
            field["constraints"] = {"enum": ["", *(c.code for c in codebook())]}
        described.append(field)
    fields = described
    return {
        "name": "govreport-panel",
        "title": "Targets and results of government work reports, by region, indicator and year",
        "resources": [{
            "name": "panel", "path": path, "profile": "tabular-data-resource", "format": path.rsplit(".", 1)[-1],
            "encoding": "utf-8", "schema": {"fields": fields, "missingValues": [""]},
        }],
    }
