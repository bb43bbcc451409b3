"""What a file name says of its report, for when the text says nothing (and for the cache key, since
a result that used it depends on the name as well as the bytes)."""

from __future__ import annotations

import os
import re

# "河北省_2010_report.txt", "national-1985.txt", "保定市2014年": a year in a file name.
NAME_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
HAN = re.compile(r"[\u4e00-\u9fff]+")


def name_hint(name: str) -> tuple[str | None, int | None]:
    """The first run of Chinese characters and the first year in a file's base name.

    >>> name_hint("data/河北省_2010_report.txt"), name_hint("national-1985.txt")
    (('河北省', 2010), (None, 1985))
    """
    base = os.path.basename(name)
    year, words = NAME_YEAR.search(base), HAN.search(base)
    return (words.group(0) if words else None), (int(year.group(1)) if year else None)
