"""Word (.docx) files -> text: every paragraph of the body in order, tables' too; a line break (w:br)
inside a paragraph starts a new line; empty paragraphs are dropped."""

from __future__ import annotations

import io
import zipfile

from govreport.errors import InputError

MAX_INFLATED = 256 * 1024 * 1024  # bytes a .docx may unpack to (real reports: a few megabytes)
MAX_PARAGRAPHS = 200_000  # real reports: a few thousand


def _check_inflation(data: bytes, name: str) -> None:
    """A .docx is a zip: what it unpacks to is counted as it is unpacked (a header can lie), so a
    small file that inflates to gigabytes is one error line, not a run out of memory."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = 0
            for member in archive.infolist():
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_INFLATED:
                            raise InputError(name, f"unpacks to more than {MAX_INFLATED // 2**20} MB",
                                             "not a report; a zip bomb?")
    except InputError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as err:
        raise InputError(name, f"not a readable .docx file ({type(err).__name__})") from None


def docx_text(data: bytes, name: str) -> str:
    try:
        from docx import Document  # python-docx: a well-kept reader of the format (MIT)
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "cannot read .docx without python-docx", "pip install python-docx") from None
    _check_inflation(data, name)
    try:
        document = Document(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - a damaged or foreign zip is this input's error
        raise InputError(name, f"not a readable .docx file ({type(err).__name__})") from None
    body = document.element.body
    if body is None:
        raise InputError(name, "the .docx has no document body")
    lines = []
    for count, element in enumerate(body.iter(qn("w:p")), 1):
        if count > MAX_PARAGRAPHS:
            raise InputError(name, f"more than {MAX_PARAGRAPHS:,} paragraphs", "not a report; split it to read it")
        text = Paragraph(element, document).text.replace("\r", "\n")
        lines.extend(line for line in text.split("\n") if line.strip())
    if not lines:
        raise InputError(name, "the .docx holds no text")
    return "\n".join(lines) + "\n"
