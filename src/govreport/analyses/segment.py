"""jieba with govreport's vocabulary; numbers and a document's quoted phrases stay whole."""

from __future__ import annotations

import gc
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from govreport.datafiles import lines
from govreport.rules.units import number_token

# Frequency given to bundled terms: high enough to win over jieba splitting them in context.
TERM_FREQ = 20000
BACKENDS = ("auto", "jieba", "rjieba")
# Codes joined by a hyphen, underscore or point: 5G-A, AR-E3000, PM_2.5 are one word each (the two
# backends would otherwise cut them apart differently).
CODE_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)+(?![A-Za-z0-9])")


def available(backend: str = "auto") -> str:
    """The backend a run uses: rjieba (jieba-rs, native) where it is installed, else jieba."""
    if backend != "auto":
        return backend
    import importlib.util

    return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"


_DEFAULT_TAKEN = False


def _rjieba_tokenizer():
    """rjieba builds a tokenizer with its dictionary on import (~0.1 s); the first Segmenter of a
    process takes that one rather than building a second, later ones (other user dictionaries)
    get their own. Nothing else in govreport uses rjieba's module-level functions."""
    global _DEFAULT_TAKEN
    import rjieba

    if not _DEFAULT_TAKEN and hasattr(rjieba, "_DEFAULT_JIEBA"):
        _DEFAULT_TAKEN = True
        return rjieba._DEFAULT_JIEBA
    return rjieba.Jieba()


class Segmenter:
    """One tokenizer (jieba, or jieba-rs through rjieba) with the bundled dictionary and user dictionaries.

    Both backends are given the same words with the same frequencies, so they cut alike; the POS
    tagger is jieba's alone.
    """

    def __init__(self, userdicts: Sequence[str] = (), backend: str = "jieba"):
        self.backend = backend
        if backend == "rjieba":
            self.tokenizer = _rjieba_tokenizer()
            self._cut = self.tokenizer.cut
        else:
            import jieba  # ~1 s to load its dictionary: only commands that segment get here

            logging.getLogger("jieba").setLevel(logging.ERROR)
            self.tokenizer = jieba.Tokenizer()
            self.tokenizer.initialize()
            self._cut = self.tokenizer.cut
        for entry in lines("userdict.txt"):
            word, _, tag = entry.partition(" ")
            self._add(word, max(TERM_FREQ, self.tokenizer.suggest_freq(word)), tag.strip() or "n")
        for path in userdicts:
            for word, freq, tag in read_userdict(path):
                self._add(word, freq if freq is not None else self.tokenizer.suggest_freq(word), tag)
        self._pos = None
        # jieba's dictionary is hundreds of thousands of long-lived entries; keep the cyclic
        # garbage collector from walking them again and again while millions of tokens come and go.
        gc.freeze()

    def _add(self, word: str, freq: int, tag: str) -> None:
        self.tokenizer.add_word(word, freq, tag)

    def cut(self, text: str, keep: Iterable[str] = ()) -> list[str]:
        """Words of `text`; numbers with units and the `keep` phrases are single tokens."""
        return list(self.iter_cut(text, keep))

    def iter_cut(self, text: str, keep: Iterable[str] = ()) -> Iterator[str]:
        """The words of `cut`, one at a time, so a huge document is counted without a token list."""
        for piece, whole in _pieces(text, keep):
            if whole:
                yield piece
            else:
                yield from self._cut(piece)

    def count(self, text: str, keep: Iterable[str] = ()) -> Counter:
        """Token counts of `text` without building the token list (the fast path of keywords)."""
        counts: Counter = Counter()
        for piece, whole in _pieces(text, keep):
            if whole:
                counts[piece] += 1
            else:
                counts.update(self._cut(piece))
        return counts

    def cut_pos(self, text: str, keep: Iterable[str] = ()) -> list[tuple[str, str]]:
        """(word, POS tag) pairs; runs jieba's slow tagger, so only when asked for."""
        if self.backend != "jieba":
            raise ValueError("POS tags come from jieba's tagger: use the jieba backend")
        if self._pos is None:
            from jieba.posseg import POSTokenizer

            self._pos = POSTokenizer(self.tokenizer)
        out: list[tuple[str, str]] = []
        for piece, whole in _pieces(text, keep):
            if whole:
                out.append((piece, "m" if number_token().fullmatch(piece) else "nz"))
            else:
                out.extend((p.word, p.flag) for p in self._pos.cut(piece))
        return out


@cache
def segmenter(userdicts: tuple[str, ...] = (), backend: str = "jieba") -> Segmenter:
    """The process's segmenter for these user dictionaries and backend (built once: slow to load)."""
    return Segmenter(userdicts, backend)


def read_userdict(path: str) -> list[tuple[str, int | None, str]]:
    """`word [freq] [tag]` lines of a jieba user dictionary (UTF-8, `#` starts nothing special)."""
    out = []
    with open(path, encoding="utf-8-sig") as handle:
        for raw in handle:
            parts = raw.strip().split()
            if not parts:
                continue
            freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else ""
            out.append((parts[0], freq, tag))
    return out


def _pieces(text: str, keep: Iterable[str]):
    """Split text into (piece, is_whole_token) around numbers and kept phrases."""
    last = 0
    for start, end in _protected_spans(text, keep):
        if start > last:
            yield text[last:start], False
        yield text[start:end], True
        last = end
    if last < len(text):
        yield text[last:], False


def _protected_spans(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """Leftmost-longest, non-overlapping spans of numbers and kept phrases.

    Phrases are found with str.find: a regex alternation of a hundred phrases is ten times slower.
    """
    spans = [(m.start(), m.end()) for m in number_token().finditer(text)]
    spans += [(m.start(), m.end()) for m in CODE_TOKEN.finditer(text)]
    for phrase in set(keep):
        at = text.find(phrase)
        while at >= 0:
            spans.append((at, at + len(phrase)))
            at = text.find(phrase, at + len(phrase))
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept, reached = [], 0
    for start, end in spans:
        if start >= reached:
            kept.append((start, end))
            reached = end
    return kept
