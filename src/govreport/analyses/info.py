"""One row per report: who and when (rules/identity.py, with the cues a user can check), and sizes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govreport.document.document import Document
from govreport.rules.identity import identify

SENTENCE_ENDS = "。！？!?"  # one character each: counted one by one, in C


@dataclass(frozen=True)
class InfoRow:
    file: str
    title: str | None
    region: str | None
    region_code: str | None  # GB/T 2260, valid in the report's year; 000000 for the national report
    province: str | None
    level: str | None
    year: int | None
    region_cue: str | None  # where the region was read: meeting line, header, title, speaker, opening …
    year_cue: str | None  # where the year was read: meeting line, date line, session, heading, review …
    date: str | None
    meeting: str | None
    speaker: str | None
    characters: int
    sentences: int
    figures: int
    targets: int
    damaged: int


def describe(doc: Document, rows: Sequence | None = None) -> InfoRow:
    """One row about the document (null where it is silent).

    `rows`: the document's figures when the caller has extracted them already.
    """
    from govreport.analyses.targets import extract

    who = identify(doc)
    rows = extract(doc) if rows is None else rows
    return InfoRow(
        file=doc.name, title=who.title, region=who.region, region_code=who.region_code, province=who.province,
        level=who.level, year=who.year, region_cue=who.region_cue, year_cue=who.year_cue, date=who.date,
        meeting=who.meeting, speaker=who.speaker,
        characters=len(doc.text) - doc.text.count("\n"), sentences=sum(map(doc.text.count, SENTENCE_ENDS)),
        figures=len(rows), targets=sum(r.kind == "target" for r in rows), damaged=len(doc.damage))
