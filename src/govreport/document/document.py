"""Document: one report as the rules read it, with a map back to every character of the input."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from govreport.document.damage import Damage, find_damage
from govreport.document.layout import joins
from govreport.document.normalize import (
    CHINESE_YEAR,
    FOLDABLE,
    NEEDS_DROPPING,
    Shifts,
    arabic_years,
    fold,
    normalize_line,
    source_col,
)
from govreport.document.quotes import Quote, find_quotes
from govreport.document.simplify import needs_conversion, to_simplified


@dataclass(frozen=True)
class Join:
    """Where layout repair glued input line `line` (1-based) to the one before it, and why."""

    line: int
    why: str


@dataclass(eq=False)
class Document:
    """`lines` are paragraphs for the rules: normalised, simplified, broken lines joined.

    `source` holds the input's own lines (split at \\n only), simplified and nothing else: what
    `govreport text` prints and what every line, col and quoted field of the output refers to.
    """

    name: str
    source: list[str]
    lines: list[str]
    starts: list[int]  # 0-based source line where each of `lines` begins
    pieces: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # joined line -> [(col, source index)]
    shifts: dict[int, Shifts] = field(default_factory=dict)  # source index -> where characters were dropped
    original: dict[int, str] = field(default_factory=dict)  # source index -> line before conversion
    repairs: list[Join] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what reading it repaired that a user should know
    given: dict[str, str] = field(default_factory=dict)  # what the user says of it (--meta): region, year, level

    @classmethod
    def from_text(cls, text: str, name: str = "-") -> "Document":
        source = text.split("\n") if text else []
        if text.endswith("\n"):
            source.pop()
        source = [line[:-1] if line.endswith("\r") else line for line in source]
        original = {}
        if needs_conversion(text):
            for index, line in enumerate(source):
                if (simple := to_simplified(line)) is not line:
                    original[index], source[index] = line, simple
        normal, shifts = [], {}
        years = CHINESE_YEAR.search(text) is not None or bool(original)
        folds = FOLDABLE.search(text) is not None or bool(original)  # most reports have nothing to fold
        for index, line in enumerate(source):
            if NEEDS_DROPPING.search(line):
                line, moved = normalize_line(line)
                if moved:
                    shifts[index] = moved
            elif folds:
                line = fold(line)
            normal.append(arabic_years(line) if years else line)
        return cls._joined(name, source, normal, shifts, original)

    @classmethod
    def _joined(cls, name, source, normal, shifts, original) -> "Document":
        glued = joins(normal, source)
        if not glued:
            return cls(name, source, normal, list(range(len(normal))), {}, shifts, original, [])
        lines, starts, pieces, repairs = [], [], {}, []
        follows = dict(glued)
        index = 0
        while index < len(normal):
            starts.append(index)
            text, parts = normal[index], []
            while index in follows:
                repairs.append(Join(index + 2, follows[index]))
                index += 1
                parts.append((len(text), index))
                text += normal[index]
            if parts:
                pieces[len(lines)] = parts
            lines.append(text)
            index += 1
        return cls(name, source, lines, starts, pieces, shifts, original, repairs)

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def damage(self) -> list[Damage]:
        """Spans broken by an encoding error, in reading order."""
        if "?" not in self.text and "\ufffd" not in self.text:  # damage starts at either: most reports have none
            return []
        return [d for number, line in enumerate(self.lines, 1) for d in find_damage(line, number)]

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quoted span, damaged ones marked `garbled`."""
        return [q for number in range(1, len(self.lines) + 1) for q in self.line_quotes(number)]

    @cached_property
    def damage_by_line(self) -> dict[int, list[Damage]]:
        """The damaged spans of each line that has any: what a line's quotes are read against."""
        by_line: dict[int, list[Damage]] = {}
        for d in self.damage:
            by_line.setdefault(d.line, []).append(d)
        return by_line

    def line_quotes(self, line_no: int) -> list[Quote]:
        """The quotes of one line, as `quotes` holds them: for a reader that needs only a few lines'."""
        return find_quotes(self.lines[line_no - 1], line_no, self.damage_by_line.get(line_no, []))

    @cached_property
    def quoted_spans(self) -> dict[int, list[tuple[int, int]]]:
        """Per line, the (start, end) columns inside quotes: names and slogans, not running text."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for q in self.quotes:
            spans.setdefault(q.line, []).append((q.start, q.end))
        return spans

    def in_quotes(self, line_no: int, col: int) -> bool:
        return any(a <= col < b for a, b in self.quoted_spans.get(line_no, ()))

    def _piece(self, index: int, col: int) -> tuple[int, int, int]:
        """(source index, first col, end col) of the input line that holds column `col` of line `index`."""
        parts = self.pieces.get(index)
        if not parts:
            return self.starts[index], 0, len(self.lines[index])
        at = bisect_right(parts, (col, float("inf"))) - 1
        source, begin = (self.starts[index], 0) if at < 0 else (parts[at][1], parts[at][0])
        end = parts[at + 1][0] if at + 1 < len(parts) else len(self.lines[index])
        return source, begin, end

    def _source_col(self, source: int, col: int) -> int:
        shifts = self.shifts.get(source)
        return source_col(col, shifts) if shifts else col

    def locate(self, line_no: int, col: int) -> tuple[int, int]:
        """1-based (line, col) in the input of 0-based column `col` of line `line_no` of `lines`."""
        source, begin, _ = self._piece(line_no - 1, col)
        return source + 1, self._source_col(source, col - begin) + 1

    def span(self, line_no: int, start: int, end: int) -> tuple[int, int, str]:
        """Input line, col and own text of a span; a span broken over input lines quotes its first part."""
        if line_no - 1 not in self.pieces and (source := self.starts[line_no - 1]) not in self.shifts:
            # one input line, no character dropped (most lines): columns are the input's own
            return source + 1, start + 1, self.source[source][start:min(end, len(self.lines[line_no - 1]))] \
                if end > start else ""
        return self._pieced_span(line_no, start, end)

    def _pieced_span(self, line_no: int, start: int, end: int) -> tuple[int, int, str]:
        """span of a line joined from input lines, or one with characters dropped."""
        source, begin, stop = self._piece(line_no - 1, start)
        first = self._source_col(source, start - begin)
        last = self._source_col(source, min(end, stop) - 1 - begin) + 1 if end > start else first
        return source + 1, first + 1, self.source[source][first:last]

    def quote(self, line_no: int, start: int, end: int) -> str:
        """The input's own characters (simplified, nothing else) behind columns start..end of a line."""
        position, end = max(0, start), min(end, len(self.lines[line_no - 1]))
        if line_no - 1 not in self.pieces and (source := self.starts[line_no - 1]) not in self.shifts:
            return self.source[source][position:end] if position < end else ""  # one input line, as most are
        return self._pieced_quote(line_no, position, end)

    def _pieced_quote(self, line_no: int, position: int, end: int) -> str:
        """quote of a line joined from input lines, or one with characters dropped."""
        out = []
        while position < end:
            source, begin, stop = self._piece(line_no - 1, position)
            upto = min(end, stop)
            first = self._source_col(source, position - begin)
            last = self._source_col(source, upto - 1 - begin) + 1
            out.append(self.source[source][first:last])
            position = upto
        return "".join(out)


def load_document(source, *, encoding: str | None = None) -> Document:
    """Read, normalise and simplify one input of any format; raises InputError when it holds no text."""
    from govreport.readers.formats import read_text

    notes: list[str] = []
    doc = Document.from_text(read_text(source, encoding, notes), source.name)
    doc.notes = notes
    doc.given = dict(getattr(source, "given", ()))
    return doc
