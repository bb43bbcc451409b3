"""Document: one report, decoded, normalised and simplified, with its line structure intact."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from govreport.document.damage import Damage, find_damage
from govreport.document.normalize import (
    Shifts,
    fold,
    normalize_line,
    source_col,
    strip_html,
)
from govreport.document.quotes import Quote, find_quotes
from govreport.document.simplify import needs_conversion, to_simplified
from govreport.readers.sources import Source
from govreport.readers.text import decode


@dataclass(eq=False)
class Document:
    """Lines are simplified and normalised; line i of `lines` is line i+1 of the input file."""

    name: str
    lines: list[str]
    shifts: dict[int, Shifts] = field(default_factory=dict)
    before_conversion: dict[int, str] = field(default_factory=dict)  # traditional lines as read, for repairs

    @classmethod
    def from_text(cls, text: str, name: str = "-") -> "Document":
        text = fold(text)  # one pass over the whole text is cheaper than one a line
        traditional = needs_conversion(text)
        lines, shifts, originals = [], {}, {}
        for number, line in enumerate(text.splitlines(), 1):
            if " " in line or "\u3000" in line or "\t" in line:
                line, moved = normalize_line(line)
                if moved:
                    shifts[number] = moved
            if traditional and (simple := to_simplified(line)) is not line:
                originals[number] = line
                line = simple
            lines.append(line)
        return cls(name=name, lines=lines, shifts=shifts, before_conversion=originals)

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def damage(self) -> list[Damage]:
        """Spans broken by an encoding error, in reading order."""
        return [d for number, line in enumerate(self.lines, 1) for d in find_damage(line, number)]

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quoted span, damaged ones marked `garbled`."""
        by_line: dict[int, list[Damage]] = {}
        for d in self.damage:
            by_line.setdefault(d.line, []).append(d)
        return [q for number, line in enumerate(self.lines, 1)
                for q in find_quotes(line, number, by_line.get(number, []))]

    @cached_property
    def quoted_spans(self) -> dict[int, list[tuple[int, int]]]:
        """Per line, the (start, end) columns inside quotes: names and slogans, not running text."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in self.quotes:
            spans.setdefault(q.line, []).append((q.start, q.end))
        return spans

    def in_quotes(self, line_no: int, col: int) -> bool:
        return any(a <= col < b for a, b in self.quoted_spans.get(line_no, ()))

    def input_col(self, line_no: int, col: int) -> int:
        """1-based column in the input file of 0-based column `col` of normalised line `line_no`."""
        shifts = self.shifts.get(line_no)
        return (source_col(col, shifts) if shifts else col) + 1


def load_document(source: Source, *, encoding: str | None = None) -> Document:
    """Decode, normalise and simplify one input; raises InputError when it is not text."""
    text = decode(source.data, source.name, encoding)
    if source.is_html:
        text = strip_html(text)
    return Document.from_text(text, source.name)
