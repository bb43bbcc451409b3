"""HTML pages -> the page's main text, one block (paragraph, heading, list item) a line.

A real parser (the standard library's, linear in the size of the page even when a `<` has no `>`);
navigation is left out: scripts and styles, <nav>/<header>/<footer>/<aside>, and blocks made mostly
of links (breadcrumbs, menus). Line and col of any output point into this text (`govreport text`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = frozenset("script style noscript template head nav header footer aside select option button form iframe svg".split())
BLOCKS = frozenset("p div h1 h2 h3 h4 h5 h6 li td th tr dd dt section article blockquote pre table ul ol caption "
                   "figcaption address main body center".split())
VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
# A `<` that no `>` closes before the next `<`: text, not a tag (the standard parser would rescan the
# rest of the page for its end at every step, quadratic in the page's size).
LONE_ANGLE = re.compile(r"<(?=[^<>]*(?:<|\Z))")
LINK_HEAVY = 0.5  # share of a block's characters inside links: a menu or a breadcrumb
SPACE = re.compile(r"[ \t\r\n\f\v]+")
WORDY = re.compile(r"[\w\u4e00-\u9fff]")  # a block of punctuation alone ("[", "|") is layout


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int]] = []  # (text, characters inside links)
        self.title: list[str] = []
        self.h1 = False
        self._text: list[str] = []
        self._links = 0
        self._skip = 0
        self._in_link = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED and tag != "head":
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "a":
            self._in_link += 1
        elif tag == "br":
            self._flush()
        elif tag in BLOCKS:
            self._flush()
            self.h1 = self.h1 or tag == "h1"

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag in SKIPPED and tag != "head":
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == "a":
            self._in_link = max(0, self._in_link - 1)
        elif tag in BLOCKS:
            self._flush()

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self._text.append(data)
            if self._in_link:
                self._links += len(data.strip())

    def _flush(self):
        text = SPACE.sub(" ", "".join(self._text)).strip()
        if text:
            self.blocks.append((text, self._links))
        self._text, self._links = [], 0

    def close(self):
        super().close()
        self._flush()


# Control characters (ESC, BEL …) in a page's text: never text a reader sees, so never passed on.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _close_comments(page: str) -> str:
    """Comment openers no `-->` follows (`<!--x>` a hundred thousand times) dropped: the parser would
    look for an end again at each of them, in time that grows with their square."""
    last = page.rfind("-->")
    tail = page[last + 3:] if last >= 0 else page
    if "<!--" not in tail:
        return page
    return page[:last + 3] + tail.replace("<!--", "") if last >= 0 else tail.replace("<!--", "")


def html_text(page: str) -> str:
    """The main text of a page: its blocks without navigation, the document's title first if no <h1> says it."""
    parser = _Blocks()
    parser.feed(LONE_ANGLE.sub("&lt;", _close_comments(page)))
    parser.close()
    lines = [CONTROL.sub("", text) for text, links in parser.blocks
             if links <= LINK_HEAVY * len(text) and WORDY.search(text)]
    title = CONTROL.sub("", SPACE.sub(" ", "".join(parser.title)).strip())
    if title and not parser.h1 and not (lines and lines[0] == title):
        lines.insert(0, title)
    return "\n".join(lines) + ("\n" if lines else "")
