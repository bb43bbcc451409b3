"""Bundled vocabulary files: one entry a line, `#` starts a comment; read once."""

import os
from functools import cache

DATA = os.path.join(os.path.dirname(__file__), "data")  # package data, shipped by `pip install .`


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of data/NAME, stripped."""
    with open(os.path.join(DATA, name), encoding="utf-8") as handle:
        text = handle.read()
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


@cache
def common_hanzi() -> frozenset[str]:
    """The hanzi that carry 99.9% of jieba's dictionary weight (tools/make_common_hanzi.py)."""
    return frozenset("".join(lines("common_hanzi.txt")))


def table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file."""
    return [line.split("\t") for line in lines(name)]


@cache
def fingerprint() -> str:
    """Hash of the package's code and bundled data: a cached result made by other rules is stale."""
    import hashlib

    package = os.path.dirname(__file__)
    digest = hashlib.sha256()
    for root, dirs, files in sorted(os.walk(package)):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if root == DATA or name.endswith(".py"):
                with open(os.path.join(root, name), "rb") as handle:
                    digest.update(os.path.relpath(os.path.join(root, name), package).encode() + handle.read())
    return digest.hexdigest()[:16]


def file_digest(paths) -> str:
    """Hash of the user's own files (dictionaries, stop words) that change a result."""
    import hashlib

    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()[:16]
