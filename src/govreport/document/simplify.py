"""Traditional -> simplified with OpenCC (tw2s, then hk2s), only for lines that need it, plus known
fixes; and simplified results back to the reader's script."""

from __future__ import annotations

import os
from functools import cache

from govreport.datafiles import common_hanzi, table


@cache
def _converters():
    """tw2s, then hk2s: Hong Kong variants (衞, 枱, 敍) and Taiwan's 著 for 着 (著力, 硬著陸; 顯著 and
    著名 stay) become mainland forms; plain t2s keeps all of them."""
    import opencc  # opencc-python-reimplemented; loaded only when a line needs it

    return opencc.OpenCC("hk2s"), opencc.OpenCC("tw2s")


def _changed_chars(dictionary: str) -> set[str]:
    """Single characters an OpenCC dictionary always changes (not among its own results)."""
    import opencc

    path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", dictionary)
    chars = set()
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            for row in handle:
                key, _, values = row.rstrip("\n").partition("\t")
                if len(key) == 1 and key not in values.split():
                    chars.add(key)
    return chars


@cache
def traditional_chars() -> frozenset[str]:
    """Characters t2s always changes, and the Hong Kong and Taiwan variants (衞, 敍, 枱) hk2s and tw2s
    change; a line without any is left alone (most reports). Variants that mainland text uses too
    (著 in 显著, 户, 吃, 才: common hanzi of jieba's simplified dictionary) are no trigger.

    A set test (`isdisjoint`) is about five times faster than a character-class regex here.
    """
    variants = _changed_chars("HKVariantsRev.txt") | _changed_chars("TWVariantsRev.txt")
    return frozenset(_changed_chars("TSCharacters.txt") | (variants - common_hanzi()))


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
