"""The heading tree of a report, for reading: levels, line numbers and titles."""

from __future__ import annotations

from dataclasses import dataclass

from govreport.document.document import Document
from govreport.rules.headings import find_headings


@dataclass(frozen=True)
class OutlineRow:
    file: str
    level: int
    line: int
    marker: str
    heading: str


def outline_rows(doc: Document, max_level: int = 4) -> list[OutlineRow]:
    return [OutlineRow(doc.name, h.level, doc.locate(h.line, 0)[0], h.marker, h.title)
            for h in find_headings(doc.lines) if h.level <= max_level]
