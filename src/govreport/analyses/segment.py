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
# backends would otherwise cut them apart differently). The look behind follows the first
# character so the pattern starts with a character class the engine skips to (3x faster).
CODE_TOKEN = re.compile(r"[A-Za-z0-9](?<![A-Za-z0-9].)[A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+(?![A-Za-z0-9])")
# Water transfer projects are named "divert X to Y": 引江济淮, 引汉济渭, 引大济岷.
TRANSFER = re.compile(r"引[\u4e00-\u9fff]{1,2}济[\u4e00-\u9fff]")
# Towns, townships and polders jieba cuts apart (庞/口镇, 团洲/垸): the suffixes that end a place,
# and the words ending in them that are no place of their own.
PLACE_SUFFIX = "镇乡垸"
_SUFFIX = re.compile(f"[{PLACE_SUFFIX}]")
NO_PLACE = frozenset("城镇 乡镇 村镇 集镇 古镇 重镇 小镇 名镇 强镇 大镇 市镇 城乡 家乡 故乡 下乡 老乡 返乡 入乡 回乡 "
                     "异乡 水乡 全镇 全乡 各镇 各乡 该镇 该乡 本镇 本乡 每乡 每镇 乡乡 镇镇".split())


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
            self._raw_cut = self.tokenizer.cut
        else:
            import jieba  # ~1 s to load its dictionary: only commands that segment get here

            logging.getLogger("jieba").setLevel(logging.ERROR)
            self.tokenizer = jieba.Tokenizer()
            self.tokenizer.initialize()
            self._raw_cut = self.tokenizer.cut
        for entry in lines("userdict.txt"):
            word, _, tag = entry.partition(" ")
            self._add(word, max(TERM_FREQ, self.tokenizer.suggest_freq(word)), tag.strip() or "n")
        for word, freq in place_names():
            self._add(word, freq, "ns")
        for path in userdicts:
            for word, freq, tag in read_userdict(path):
                self._add(word, freq if freq is not None else self.tokenizer.suggest_freq(word), tag)
        self._pos = None
        # jieba's dictionary is hundreds of thousands of long-lived entries; keep the cyclic
        # garbage collector from walking them again and again while millions of tokens come and go.
        gc.freeze()

    def _cut(self, text: str) -> list[str]:
        """The tokenizer's words, with town and polder names joined back (庞口镇, 团洲垸)."""
        tokens = self._raw_cut(text)
        tokens = tokens if isinstance(tokens, list) else list(tokens)
        ends = _place_joins(tokens, _suffixed(text, set(tokens)))
        if not ends:
            return tokens
        joined, taken = [], 0  # tokens[:taken] are in `joined`
        for i in ends:
            joined += tokens[taken:i - 1]
            joined.append(tokens[i - 1] + tokens[i])
            taken = i + 1
        return joined + tokens[taken:]

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
        """Token counts of `text` (the fast path of keywords): one cut and one count a document.

        Each protected span (a number, a code, a kept phrase) stands in the text as one mark, a
        character the text does not hold and the tokenizer yields alone; the tokenizer cuts
        between marks as it cut the pieces between them one by one (tested identical)."""
        spans = _protected_spans(text, keep)
        if not spans:
            return self._counted(text)
        mark = _absent_mark(text)
        parts, kept, last = [], [], 0
        for start, end in spans:
            parts += (text[last:start], mark)
            kept.append(text[start:end])
            last = end
        parts.append(text[last:])
        counts = self._counted("".join(parts))
        if counts.pop(mark, 0) != len(kept):  # a tokenizer that joined a mark to its neighbour
            return self._count_pieces(text, keep)
        counts.update(kept)
        return counts

    def _counted(self, text: str) -> Counter:
        """Counter(self._cut(text)), without building the joined list: the counts of joined
        town names are moved onto their joins."""
        tokens = self._raw_cut(text)
        tokens = tokens if isinstance(tokens, list) else list(tokens)
        counts = Counter(tokens)
        for i in _place_joins(tokens, _suffixed(text, counts), counts):
            first, second = tokens[i - 1], tokens[i]
            counts[first + second] += 1
            for token in (first, second):
                counts[token] -= 1
                if not counts[token]:
                    del counts[token]
        return counts

    def _count_pieces(self, text: str, keep: Iterable[str]) -> Counter:
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


def _suffixed(text: str, present) -> set[str]:
    """The tokens of `text` (those in `present`) that may end a place name: 镇, 口镇, 洲垸 (a token
    of at most two characters, the last a place suffix), found from the suffixes in the text rather
    than by looking at every distinct token."""
    found = set()
    for match in _SUFFIX.finditer(text):
        at = match.start()
        found.add(text[at])
        if at:
            found.add(text[at - 1:at + 1])
    return {t for t in found if t in present and t not in NO_PLACE}


def _place_joins(tokens: list[str], suffixed: set[str], counts: Counter | None = None) -> list[int]:
    """Indices i where tokens[i - 1] + tokens[i] is a place name cut in two, left to right: a token
    joined to the one before it is joined to nothing more. With the tokens' counts, the search for
    a token stops at its last occurrence."""
    if not suffixed:
        return []
    ends = sorted(i for token in suffixed for i in _indices(tokens, token, counts[token] if counts else -1) if i)
    joins, taken = [], 0
    for i in ends:
        if i - 1 >= taken and _joins(tokens[i - 1], tokens[i]):
            joins.append(i)
            taken = i + 1
    return joins


def _indices(tokens: list[str], token: str, count: int = -1) -> Iterator[int]:
    """Where a token stands in the list (list.index: a search in C, not a Python loop); `count`:
    how many times it stands there, if known."""
    at = -1
    while count:
        try:
            at = tokens.index(token, at + 1)
        except ValueError:
            return
        count -= 1
        yield at


MARKS = "\ue000\ue001\ue002\ue003"  # private-use characters: no report writes them


def _absent_mark(text: str) -> str:
    return next((m for m in MARKS if m not in text), "\x00")


def _joins(first: str, second: str) -> bool:
    """A place name cut in two: 庞 + 口镇, 团洲 + 垸 (never 城 + 乡, 全 + 镇)."""
    if len(first) == 1 and len(second) == 2 and second[-1] in PLACE_SUFFIX:
        return _hanzi(first) and second not in NO_PLACE and first not in _function_chars()
    if len(first) == 2 and len(second) == 1 and second in PLACE_SUFFIX:
        return _hanzi(first[0]) and _hanzi(first[1]) and first + second not in NO_PLACE and first not in _function_words()
    return False


def _hanzi(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@cache
def _function_words() -> frozenset[str]:
    return frozenset(lines("stopwords.txt"))


@cache
def _function_chars() -> frozenset[str]:
    return frozenset(w for w in _function_words() if len(w) == 1) | frozenset("各全该本每一两几个到在和与及")


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


PLACE_FREQ = 3000  # a county's full name (华容县, 高阳县) beats the cuts around it


@cache
def place_names() -> tuple[tuple[str, int], ...]:
    """Every division name of the gazetteer since 1981 (华容县, 庐阳区, 克孜勒苏柯尔克孜自治州), so that a
    report's places are words: jieba alone knows few county names. Short names (华容) are left out:
    平和 (平和县) would cut 和平."""
    from govreport.rules.gazetteer import regions

    return tuple((name, PLACE_FREQ) for name in dict.fromkeys(region.name for region in regions()))


@cache
def bundled_terms() -> frozenset[str]:
    """The words of data/userdict.txt (without their POS tags)."""
    return frozenset(entry.partition(" ")[0] for entry in lines("userdict.txt"))


@cache
def _term_bigrams() -> frozenset[str]:
    """Every two adjacent characters of a bundled term."""
    return frozenset(term[i:i + 2] for term in bundled_terms() for i in range(len(term) - 1))


@cache
def _terms_by_first() -> tuple[dict[str, tuple[str, ...]], int]:
    """Bundled terms grouped by first character, and the longest term's length."""
    groups: dict[str, list[str]] = {}
    for term in bundled_terms():
        groups.setdefault(term[0], []).append(term)
    return {ch: tuple(ts) for ch, ts in groups.items()}, max(map(len, bundled_terms()), default=1)


def _crossing_term(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A bundled term that the span [start, end) would cut apart (it overlaps the span and is not
    inside it: 高质量发展 around 质量), as (term start, term end); None if the span cuts none."""
    # A term that crosses the span holds the two characters on one of its edges: most spans'
    # edges are in no term, and need no look.
    bigrams = _term_bigrams()
    if text[max(0, start - 1):start + 1] not in bigrams and text[end - 1:end + 1] not in bigrams:
        return None
    groups, longest = _terms_by_first()
    for at in range(max(0, start - longest + 1), end):
        for term in groups.get(text[at], ()):
            stop = at + len(term)
            if stop > start and not (start <= at and stop <= end) and text.startswith(term, at):
                return at, stop
    return None


def _occurrences(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each phrase wherever str.find finds it, from the start and again after each
    occurrence (a phrase's own occurrences never overlap; different phrases' may).

    Aho-Corasick (ahocorasick-rs, Rust) finds every occurrence of every phrase in one pass, two
    and a half times faster than a str.find of each over the whole text.
    """
    from ahocorasick_rs import AhoCorasick

    phrases = list(dict.fromkeys(phrases))
    if not phrases:
        return []
    reached = [0] * len(phrases)  # end of each phrase's last occurrence
    found = []
    # overlapping matches come by end, so each phrase's own occurrences left to right
    for index, start, end in AhoCorasick(phrases).find_matches_as_indexes(text, overlapping=True):
        if start >= reached[index]:
            reached[index] = end
            found.append((start, end))
    return found


def _protected_spans(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    """Leftmost-longest, non-overlapping spans of numbers and kept phrases."""
    bigrams = _term_bigrams()  # a span whose edges are in no bundled term cuts none (most spans)
    spans = []  # (start, -end): sorted, the longest of those that start together comes first
    for match in number_token().finditer(text):  # 900多万个体工商户: the number gives up 个 to the term
        start, end = match.span()
        if text[max(0, start - 1):start + 1] in bigrams or text[end - 1:end + 1] in bigrams:
            crossing = _crossing_term(text, start, end)
            if crossing is not None:
                if crossing[0] <= start:  # 中国制造2025: the term holds the number
                    continue
                end = crossing[0]
        spans.append((start, -end))
    spans += [(m.start(), -m.end()) for m in CODE_TOKEN.finditer(text)]
    spans += [(m.start(), -m.end()) for m in TRANSFER.finditer(text)]
    for at, end in _occurrences(text, keep):
        if _crossing_term(text, at, end) is None:  # “质量” never cuts 高质量发展 apart
            spans.append((at, -end))
    spans.sort()
    kept, reached = [], 0
    for start, end in spans:
        if start >= reached:
            kept.append((start, -end))
            reached = -end
    return kept
