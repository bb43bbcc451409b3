"""PDF files -> text with pypdf (BSD, pure Python): each page's text, pages joined by a newline.

The printed page's hard wraps stay in this text (line and col point into it); Document joins them
back into paragraphs for the rules. Lines that are only a page number ("- 3 -") are dropped.
"""

from __future__ import annotations

import io
import logging
import re

from govreport.errors import InputError

class _Heard(logging.Handler):
    """pypdf's log messages of one file, kept to be said as that file's note."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


MAX_PAGES = 5_000  # real reports: a few dozen


def _page_texts(reader) -> list[str]:
    """Each page's text; pages that share one content stream are parsed once (10,000 pages of one
    4 MB stream would otherwise take hours)."""
    seen: dict = {}
    texts = []
    for page in reader.pages:
        contents = page.get("/Contents")
        key = (contents.idnum, contents.generation) if hasattr(contents, "idnum") else None
        if key is not None and key in seen:
            texts.append(seen[key])
            continue
        text = page.extract_text() or ""
        if key is not None:
            seen[key] = text
        texts.append(text)
    return texts


PAGE_NUMBER = re.compile(r"^\s*[-—–－]?\s*\d{1,4}\s*[-—–－]?\s*$")


def pdf_text(data: bytes, name: str, notes: list[str] | None = None) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, LimitReachedError, PyPdfError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "cannot read .pdf without pypdf", "pip install pypdf") from None
    heard = _Heard()
    logger = logging.getLogger("pypdf")
    logger.addHandler(heard)
    propagate, logger.propagate = logger.propagate, False  # pypdf's own warnings: said once, with the file's name
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(name, "the PDF is encrypted", "it needs a password; save a copy without one")
        if len(reader.pages) > MAX_PAGES:
            raise InputError(name, f"more than {MAX_PAGES:,} pages", "not a report; split it to read it")
        pages = _page_texts(reader)
    except InputError:
        raise
    except DependencyError:
        raise InputError(name, "the PDF is encrypted (AES)", "pip install cryptography to read it") from None
    except LimitReachedError:  # a FlateDecode bomb or a damaged table: pypdf stops at its own limits
        raise InputError(name, "goes past pypdf's limits (a stream unpacks past 75 MB, or a damaged table)") from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
            RecursionError, ZeroDivisionError) as err:
        raise InputError(name, f"not a readable PDF ({type(err).__name__})") from None
    finally:
        logger.removeHandler(heard)
        logger.propagate = propagate
    if heard.messages and notes is not None:
        notes.append(f"pypdf: {heard.messages[0]}" + (f" (and {len(heard.messages) - 1} more)" if len(heard.messages) > 1 else ""))
    lines = [line for line in "\n".join(pages).split("\n") if not PAGE_NUMBER.match(line)]
    text = "\n".join(lines).rstrip("\n")
    if not text.strip():
        raise InputError(name, "the PDF has no text layer", "a scanned PDF needs OCR first")
    return text + "\n"
