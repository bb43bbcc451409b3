"""Traditional -> simplified with OpenCC (tw2s, then hk2s), only for lines that need it, plus known
fixes; and simplified results back to the reader's script."""

from __future__ import annotations

import codecs
import os
import re
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


@cache
def _in_gb2312() -> re.Pattern:
    """The few characters to convert that GB2312 also holds (後, 叁, 摺): a line GB2312 can write
    needs converting only if it holds one of them."""
    both = sorted(ch for ch in traditional_chars() if ch.encode("gb2312", "ignore"))
    return re.compile("[" + "".join(map(re.escape, both)) + "]") if both else re.compile(r"(?!x)x")


class _Traditional(Exception):
    """Raised from inside the GB2312 encoder at the first character to convert."""


def _outside_gb2312(err: UnicodeEncodeError) -> tuple[str, int]:
    if not traditional_chars().isdisjoint(err.object[err.start:err.end]):
        raise _Traditional
    return "", err.end


codecs.register_error("govreport-traditional", _outside_gb2312)


def needs_conversion(line: str) -> bool:
    """Whether a line holds a character to convert. Most text is plain GB2312 (simplified only) but
    for a dash or a rare character: the encoder runs in C and hands only those to the set test,
    eight times faster than testing each character of a text against the set."""
    try:
        line.encode("gb2312", "govreport-traditional")
    except _Traditional:
        return True
    return _in_gb2312().search(line) is not None


# The stages of tw2s then hk2s, each a group of a phrase and a character dictionary (OpenCC's
# configs); clauses are cut where OpenCC cuts them, and no phrase spans a cut.
STAGES = (("TWVariantsRevPhrases.txt", "TWVariantsRev.txt"), ("TSPhrases.txt", "TSCharacters.txt"),
          ("HKVariantsRevPhrases.txt", "HKVariantsRev.txt"), ("TSPhrases.txt", "TSCharacters.txt"))


@cache
def _fast_path() -> tuple[dict[int, str], "AnyOf", re.Pattern]:
    """The four stages' character tables as one, what tells where a stage's phrase may start
    (in the input's characters), and OpenCC's own clause separators. opencc-python-reimplemented
    is pure Python: about 7 times slower than one str.translate."""
    import opencc

    folder = os.path.join(os.path.dirname(opencc.__file__), "dictionary")
    image: dict[str, str] = {}  # input character -> what the stages so far make of it
    starts: set[str] = set()  # pairs of input characters where a stage's phrase may start
    risky: set[str] = set()  # input characters the stages make into more than one character
    for phrases, characters in STAGES:
        table = _first_values(os.path.join(folder, characters), single=True)
        entries = _first_values(os.path.join(folder, phrases), single=False)
        # A phrase that gives what its characters give (有序 -> 有序) changes nothing, unless a
        # character after its first starts another phrase (matching it would hide that one);
        # one that keeps what its characters would change (顯著 keeps 著) blocks them: it counts.
        firsts = {key[0] for key in entries}
        heads = {key[:2] for key, value in entries.items()
                 if value != "".join(table.get(ch, ch) for ch in key) or any(ch in firsts for ch in key[1:])}
        back: dict[str, set[str]] = {}  # what the stages so far made -> the input characters behind it
        for ch in {*heads_chars(heads), *table}:
            back.setdefault(ch, set()).add(ch)
        for source, made in image.items():
            back.setdefault(made, set()).add(source)
        starts |= {a + b for head in heads for a in back.get(head[0], {head[0]}) for b in back.get(head[1], {head[1]})}
        for ch in {*table, *image}:
            before = image.get(ch, ch)
            after = "".join(table.get(c, c) for c in before)
            if len(after) != 1:
                risky.add(ch)
            image[ch] = after
    composite = {ord(ch): made for ch, made in image.items() if made != ch}
    return composite, AnyOf(sorted(starts) + sorted(risky)), _converters()[0].split_chars_re


class AnyOf:
    """Whether a text holds any of some strings (thousands of pairs of characters): Aho-Corasick
    (ahocorasick-rs) in one pass, four times faster than a regex alternation of them."""

    def __init__(self, words: list[str]):
        from ahocorasick_rs import AhoCorasick

        self._automaton = AhoCorasick(words) if words else None

    def search(self, text: str) -> bool:
        return self._automaton is not None and bool(self._automaton.find_matches_as_indexes(text))


def heads_chars(heads: set[str]) -> set[str]:
    return {ch for head in heads for ch in head}


def _first_values(path: str, *, single: bool) -> dict[str, str]:
    """An OpenCC dictionary: key -> its first value; single characters or phrases only."""
    out = {}
    with open(path, encoding="utf-8") as handle:
        for row in handle:
            key, _, values = row.rstrip("\n").partition("\t")
            if values and (len(key) == 1) == single:
                out[key] = values.split()[0]
    return out


def _chain(clause: str) -> str:
    """OpenCC itself: tw2s first (its phrases, 顯著 and 著名, are written in traditional), then hk2s."""
    hk, tw = _converters()
    return hk.convert(tw.convert(clause))


def _convert(line: str) -> str:
    """tw2s then hk2s: one table lookup where no stage's phrase can start, OpenCC where one may
    (tested identical on every report of ../shared in three scripts): a line without such a
    place is translated whole, one with goes clause by clause."""
    table, starts, separators = _fast_path()
    if not starts.search(line):
        return line.translate(table)
    out = []
    for i, piece in enumerate(separators.split(line)):
        if i % 2 or not piece:
            out.append(piece)
        else:
            out.append(_chain(piece) if starts.search(piece) else piece.translate(table))
    return "".join(out)


def to_simplified(line: str) -> str:
    """One line in simplified characters; same length whenever OpenCC keeps it."""
    if not needs_conversion(line):
        return line
    out = _convert(line)
    if _fix_pattern().search(out):  # most converted lines hold none of the converter's faults
        for wrong, right in _fixes():
            out = out.replace(wrong, right)
    return out


@cache
def _fix_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(wrong) for wrong, _ in _fixes()) or r"(?!x)x")


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
