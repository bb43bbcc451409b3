"""PDF files -> text with pypdf (BSD, pure Python): each page's text, pages joined by a newline.

The printed page's hard wraps stay in this text (line and col point into it); Document joins them
back into paragraphs for the rules. Lines that are only a page number ("- 3 -") are dropped.
"""

from __future__ import annotations

import io
import re

from govreport.errors import InputError

PAGE_NUMBER = re.compile(r"^\s*[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*$")


def pdf_text(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "cannot read .pdf without pypdf", "pip install pypdf") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(name, "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(name, f"not a readable PDF ({type(err).__name__})") from None
    lines = [line for line in "\n".join(pages).split("\n") if not PAGE_NUMBER.match(line)]
    text = "\n".join(lines).rstrip("\n")
    if not text.strip():
        raise InputError(name, "the PDF has no text layer", "a scanned PDF needs OCR first")
    return text + "\n"
