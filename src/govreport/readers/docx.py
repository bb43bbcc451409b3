"""Word (.docx) files -> text: every paragraph of the body in order, tables' too; a line break (w:br)
inside a paragraph starts a new line; empty paragraphs are dropped."""

from __future__ import annotations

import io

from govreport.errors import InputError


def docx_text(data: bytes, name: str) -> str:
    try:
        from docx import Document  # python-docx: a well-kept reader of the format (MIT)
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(name, "cannot read .docx without python-docx", "pip install python-docx") from None
    try:
        document = Document(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - a damaged or foreign zip is this input's error
        raise InputError(name, f"not a readable .docx file ({type(err).__name__})") from None
    body = document.element.body
    if body is None:
        raise InputError(name, "the .docx has no document body")
    lines = []
    for element in body.iter(qn("w:p")):
        text = Paragraph(element, document).text.replace("\r", "\n")
        lines.extend(line for line in text.split("\n") if line.strip())
    if not lines:
        raise InputError(name, "the .docx holds no text")
    return "\n".join(lines) + "\n"
