"""Key word in context: every occurrence of a term with the text on either side."""

from __future__ import annotations

import re
from dataclasses import dataclass

from govreport.document.document import Document


@dataclass(frozen=True)
class KwicRow:
    file: str
    line: int
    col: int
    left: str
    term: str
    right: str


def pattern_for(term: str, *, regex: bool) -> re.Pattern:
    """A literal term (simplified first) or, with regex, the user's own pattern."""
    from govreport.document.simplify import to_simplified

    return re.compile(term if regex else re.escape(to_simplified(term)))


def concordance(doc: Document, pattern: re.Pattern, *, width: int = 20) -> list[KwicRow]:
    """One row per match, in reading order; matches never cross a line break."""
    rows = []
    for number, line in enumerate(doc.lines, 1):
        for match in pattern.finditer(line):
            if match.end() == match.start():
                continue
            at_line, at_col, _ = doc.span(number, match.start(), match.end())
            rows.append(KwicRow(doc.name, at_line, at_col,
                                doc.quote(number, max(0, match.start() - width), match.start()),
                                doc.quote(number, match.start(), match.end()),
                                doc.quote(number, match.end(), match.end() + width)))
    return rows


def find(doc: Document, pattern: str, width: int) -> list[KwicRow]:
    """concordance() for a pattern given as text (what a worker process receives)."""
    return concordance(doc, re.compile(pattern), width=width)
