"""Bundled vocabulary files: one entry a line, `#` starts a comment; read once."""

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of data/NAME, stripped."""
    text = resources.files("govreport").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(read_entries(text))


def read_entries(text: str):
    """Yield entries of a data text: `#` comments and blank lines dropped.

    >>> list(read_entries("# head\\n发展\\n\\n人民  # note\\n"))
    ['发展', '人民']
    """
    for raw in text.splitlines():
        entry = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if entry:
            yield entry


def table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file."""
    return [line.split("\t") for line in lines(name)]
