"""HTML pages -> text."""

from __future__ import annotations

import html
import re

# <p>, <br/>, <script>…</script>: tags go, the newlines inside them stay.
HTML_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


def strip_html(text: str) -> str:
    """Text of an HTML page, keeping every newline so line numbers still point into the file."""
    def keep_newlines(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n")

    return html.unescape(HTML_TAG.sub(keep_newlines, text))
