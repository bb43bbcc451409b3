"""Traditional -> simplified with OpenCC t2s, only for lines that need it, plus known fixes."""

from __future__ import annotations

import os
from functools import cache

from govreport.datafiles import table


@cache
def _converters():
    """tw2s, then hk2s: Hong Kong variants (衞, 枱, 敍) and Taiwan's 著 for 着 (著力, 硬著陸; 顯著 and
    著名 stay) become mainland forms; plain t2s keeps all of them."""
    import opencc  # opencc-python-reimplemented; loaded only when a line needs it

    return opencc.OpenCC("hk2s"), opencc.OpenCC("tw2s")


def _variant_chars() -> set[str]:
    """Hong Kong and Taiwan variant characters (衞, 敍, 枱): a line holding one needs converting
    although t2s alone would leave it as it is."""
    import opencc

    chars = set()
    for name in ("HKVariantsRev.txt", "TWVariantsRev.txt"):
        path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for row in handle:
                key, _, values = row.rstrip("\n").partition("\t")
                if len(key) == 1 and key not in values.split() and key != "著":  # 著 is simplified too (显著)
                    chars.add(key)
    return chars


@cache
def traditional_chars() -> frozenset[str]:
    """Characters t2s always changes; a line without any is left alone (most reports).

    A set test (`isdisjoint`) is about five times faster than a character-class regex here.
    """
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    chars = []
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            key, _, values = row.rstrip("\n").partition("\t")
            if len(key) == 1 and key not in values.split():
                chars.append(key)
    return frozenset(chars) | _variant_chars()


@cache
def _fixes() -> tuple[tuple[str, str], ...]:
    """Converter faults (研發覆蓋率 -> 研发复盖率) and their repair, from data/t2s_fixes.tsv."""
    return tuple((row[0], row[1]) for row in table("t2s_fixes.tsv"))


def needs_conversion(line: str) -> bool:
    return not traditional_chars().isdisjoint(line)


def to_simplified(line: str) -> str:
    """One line in simplified characters; same length whenever OpenCC keeps it."""
    if not needs_conversion(line):
        return line
    hk, tw = _converters()
    out = hk.convert(tw.convert(line))  # tw2s first: its phrases (顯著, 著名) are written in traditional
    for wrong, right in _fixes():
        out = out.replace(wrong, right)
    return out


SCRIPTS = {"simplified": None, "traditional": "s2t", "hk": "s2hk", "tw": "s2tw"}


@cache
def _back(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_script(text: str, script: str) -> str:
    """Results back in the reader's script: traditional (OpenCC s2t), Hong Kong (s2hk) or Taiwan
    (s2tw) forms; analysis itself always runs on simplified text."""
    config = SCRIPTS.get(script)
    if config is None or text.isascii():
        return text
    return _back(config).convert(text)
