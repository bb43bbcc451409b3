"""One input's bytes -> its text, whatever the format: plain text, HTML, .docx or .pdf.

Commands never know the format: they get the text, whose lines are what line and col count.
"""

from __future__ import annotations

from govreport.errors import InputError
from govreport.readers.sources import Source
from govreport.readers.text import decode

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
HTML_SUFFIXES = (".html", ".htm")


def format_of(source: Source) -> str:
    """pdf, docx, html or text: by the bytes first (a PDF named .txt is a PDF), then by the name."""
    head = source.data[:1024]
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC) and (b"word/" in source.data[:65536] or source.name.lower().endswith(".docx")):
        return "docx"
    if source.name.lower().endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def read_text(source: Source, encoding: str | None = None, notes: list[str] | None = None) -> str:
    """The text of one input; `notes` gets what was repaired on the way (mixed encodings)."""
    kind = format_of(source)
    if kind == "pdf":
        from govreport.readers.pdf import pdf_text

        return pdf_text(source.data, source.name, notes)
    if kind == "docx":
        from govreport.readers.docx import docx_text

        return docx_text(source.data, source.name)
    text = decode(source.data, source.name, encoding, notes)
    if kind == "html":
        from govreport.readers.html import html_text

        page = html_text(text)
        if not page.strip():
            raise InputError(source.name, "the page holds no text")
        return page
    return text
