"""The text as every command reads it, line for line: what line and col in any output point into."""

from __future__ import annotations

from dataclasses import dataclass

from govreport.document.document import Document


@dataclass(frozen=True)
class TextLine:
    file: str
    line: int
    text: str


def text_lines(doc: Document) -> list[TextLine]:
    """The input's own lines after decoding, extraction (HTML, DOCX, PDF) and conversion to simplified."""
    return [TextLine(doc.name, number, line) for number, line in enumerate(doc.source, 1)]
