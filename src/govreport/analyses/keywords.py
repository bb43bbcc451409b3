"""Word frequency that respects the domain: counts, per-10k rates, tf-idf and TextRank."""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import add
from typing import TYPE_CHECKING

from govreport import datafiles
from govreport.analyses.keyness import log_likelihood
from govreport.datafiles import lines, read_entries
from govreport.document.quotes import SHORT_WORDS, short_quote_texts
from govreport.document.simplify import to_simplified
from govreport.rules.units import number_token

if TYPE_CHECKING:  # a warm, cached run never builds a document or a segmenter
    from govreport.analyses.segment import Segmenter
    from govreport.document.document import Document

# Tokens that are no words: punctuation, digits, blanks ("，", "2023", "——").
NO_WORD = re.compile(r"^[\W\d_]*$")
# Bare Chinese numerals and ordinals ("三", "第十届" stays, "第三" goes).
NUMERAL = re.compile(r"^第?[〇零一二两三四五六七八九十百千万亿]+$")
# A figure written in Chinese numerals, with its unit or measure word: 五年, 一批, 三分之二, 一半,
# 百分之三十, 多万, 余台, 多亿元 (a number, not a word). The units are the unit lexicon's.
CN_NUMERAL = "〇零一二两三四五六七八九十百千万亿几多余半"
MEASURE_EXTRA = ("届", "期", "级", "类", "股", "道", "点", "倍", "年", "成", "岁", "轮", "些", "方面", "大类", "月", "季", "季度", "日", "周", "天")
# Five-year plans are words although made of numerals: 六五, 九五, 十一五, 十四五, 十五五 (not 十五,
# which is as often fifteen).
PLAN_WORD = re.compile(r"^(?:[六七八九]|十[一二三四五六七八九])五$")
# Words that look like a figure but are words: 多元 (diverse), 一体 (one whole).
NOT_FIGURES = frozenset({"多元", "多边", "一体", "一流", "一线"})
# A quoted phrase that may become one word for its document ("放管服", "六稳", "1+8+N").
KEEPABLE = re.compile(rf"^{SHORT_WORDS}$")
TEXTRANK_WINDOW = 5
METHODS = ("freq", "tfidf", "textrank", "keyness")


@dataclass(frozen=True)
class KeywordRow:
    """One ranked word; `file` only with --by-doc, `docs` only with several inputs."""

    file: str | None
    rank: int
    word: str
    count: int
    per_10k: float
    docs: int | None = None
    score: float | None = None
    mentions: int | None = None  # with --terms: times the text holds the term, inside longer words too


@dataclass
class WordCounts:
    """What one document contributes to a ranking."""

    name: str
    counts: Counter = field(default_factory=Counter)
    tokens: int = 0
    edges: Counter = field(default_factory=Counter)
    mentions: Counter | None = None  # counted terms only: text matches, inside longer words too
    level: str | None = None  # the report's level (identity), to pick the reference it is weighed against


@dataclass(frozen=True)
class Options:
    min_len: int = 2
    stopwords: frozenset[str] = frozenset()
    pos: frozenset[str] = frozenset()
    method: str = "freq"


@cache
def bundled_stopwords() -> frozenset[str]:
    return frozenset(lines("stopwords.txt"))


def load_stopwords(paths: Iterable[str] = ()) -> frozenset[str]:
    """Bundled stop words plus those in the user's files (one a line, traditional allowed)."""
    extra = set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            extra.update(to_simplified(word) for entry in read_entries(handle.read()) for word in entry.split())
    return bundled_stopwords() | extra


def _terms() -> frozenset[str]:
    from govreport.analyses.segment import bundled_terms  # the module is light: jieba loads in Segmenter

    return bundled_terms()


def keep_phrases(doc: "Document") -> set[str]:
    """The document's own short quoted phrases, kept whole unless they hold a dictionary term."""
    terms = _terms()
    phrases = None if doc.damage else short_quote_texts(doc.text)  # one search, not every quote made
    if phrases is None:
        phrases = {q.text for q in doc.quotes if not q.garbled and KEEPABLE.match(q.text)}
    return {p for p in phrases if _keepable(p, terms)}


@lru_cache(maxsize=100_000)  # phrases recur from report to report (“放管服”, “六稳”)
def _keepable(phrase: str, terms: frozenset[str]) -> bool:
    return phrase in terms or not _holds_term(phrase, terms)


def _holds_term(phrase: str, terms: frozenset[str]) -> bool:
    """Whether a short phrase (at most 8 characters) holds a bundled term: its substrings looked up."""
    return any(phrase[i:j] in terms for i in range(len(phrase)) for j in range(i + 2, len(phrase) + 1))


@cache
def _cn_figure() -> re.Pattern:
    from govreport.rules.units import lexicon

    units = sorted({*lexicon(), *MEASURE_EXTRA}, key=len, reverse=True)
    return re.compile(rf"^[约近超逾]?[{CN_NUMERAL}]+(?:分之[{CN_NUMERAL}点]+)?"
                      rf"(?:{'|'.join(re.escape(u) for u in units if not u.isascii())})?$")


def is_figure(token: str) -> bool:
    """A number in words or digits, with its unit: never a keyword (a plan like 十四五 is a word).

    >>> [is_figure(t) for t in ["五年", "三分之二", "多万", "余台", "6.5GW", "十四五", "一带一路", "5G", "多元"]]
    [True, True, True, True, True, False, False, False, False]
    """
    if PLAN_WORD.match(token) or token in NOT_FIGURES:
        return False
    return bool(number_token().fullmatch(token) or _cn_figure().match(token) or NUMERAL.match(token))


def is_word(token: str, options: Options) -> bool:
    return (len(token) >= options.min_len and not NO_WORD.match(token)
            and token not in options.stopwords and not is_figure(token))


WORD, COUNTED, BLANK = 1, 0, 2  # a token's verdict: a word that may rank; a number or stop word; punctuation, blanks
VERDICTS_KEPT = 1_000_000  # tokens whose verdict a run remembers (a dict of strings: about 100 MB)


@lru_cache(maxsize=4)
def _verdicts(options: Options) -> dict[str, int]:
    """Verdicts remembered across the documents of a run (most tokens recur)."""
    return {}


def _verdict(token: str, options: Options) -> int:
    if is_word(token, options):
        return WORD
    return BLANK if NO_WORD.match(token) and not token.isdigit() else COUNTED


def _split(every: Counter, options: Options) -> tuple[Counter, int]:
    """The counts of the tokens that may rank, and the token total behind per_10k (words and
    numbers, not punctuation or blanks). Takes `every` over: the words are what is left of it once
    the rest is deleted (a few hundred deletions, not a copy of thousands of words). Each distinct
    token is judged once per run, and a document's verdicts are looked up, its others picked and
    its blanks summed by map and compress (in C; a Python loop over the tokens costs half as much
    again, set operations three times)."""
    verdicts = _verdicts(options)
    if len(verdicts) > VERDICTS_KEPT:  # a vast corpus: forget, rather than grow without bound
        verdicts.clear()
    found = list(map(verdicts.get, every))
    if None in found:  # tokens this run has not judged yet
        for at, token in enumerate(every):
            if found[at] is None:
                found[at] = verdicts[token] = _verdict(token, options)
    total = sum(every.values()) - sum(compress(every.values(), map(BLANK.__eq__, found)))
    deque(map(every.__delitem__, list(compress(every, map(WORD.__ne__, found)))), 0)
    return every, total


def count_words(doc: "Document", segmenter: "Segmenter", options: Options) -> WordCounts:
    """Counts of ranked words in one document, and the token total behind per_10k."""
    keep = keep_phrases(doc)
    sequence: list[str] | None = None  # the words in order, only where --pos or textrank needs them
    if options.pos:
        pairs = segmenter.cut_pos(doc.text, keep)
        every = Counter(word for word, _ in pairs)
        sequence = [word for word, tag in pairs if tag in options.pos]
    elif options.method == "textrank":
        sequence = segmenter.cut(doc.text, keep)
        every = Counter(sequence)
    else:
        every = segmenter.count(doc.text, keep)
    counts, total = _split(every, options)
    if sequence is not None:
        sequence = [word for word in sequence if word in counts]
    if options.pos:
        counts = Counter(sequence)
    result = WordCounts(doc.name, counts, total, level=_level(doc))
    if options.method == "textrank":
        result.edges = _cooccurrences(sequence)
    return result


def count_words_many(docs: Sequence["Document"], segmenter: "Segmenter", options: Options) -> list[WordCounts]:
    """count_words of each document, a step at a time over all of them (their kept phrases, then
    their cuts, then their words): each step's code and data stay in the processor's caches, and
    the same counts come a fifth faster than one document at a time (tested identical)."""
    if options.pos or options.method == "textrank":
        return [count_words(doc, segmenter, options) for doc in docs]
    keeps = [keep_phrases(doc) for doc in docs]
    every = [segmenter.count(doc.text, keep) for doc, keep in zip(docs, keeps)]
    split = [_split(counts, options) for counts in every]
    return [WordCounts(doc.name, counts, total, level=_level(doc)) for doc, (counts, total) in zip(docs, split)]


def _level(doc: "Document") -> str | None:
    from govreport.rules.identity import identify

    return identify(doc).level


def count_terms(doc: "Document", segmenter: "Segmenter", terms: Sequence[str]) -> WordCounts:
    """Each term counted two ways, zeros included: as a word, by the rule `keywords` ranks with
    (疫情 in 疫情防控 is not the word 疫情), and as a text match (mentions: it is)."""
    every = segmenter.count(doc.text, keep_phrases(doc))
    counts = Counter({term: every.get(term, 0) for term in terms})
    mentions = Counter({term: doc.text.count(term) for term in terms})
    return WordCounts(doc.name, counts, _split(every, Options())[1], mentions=mentions)


def rank(parts: Iterable[WordCounts], *, method: str = "freq", top: int = 20, min_count: int = 1,
         several: bool = False, keep_zeros: bool = False, by_doc: bool = False) -> list[KeywordRow]:
    """Merge per-document counts into ranked rows (one ranking, or one per document with by_doc).

    Parts are consumed once, as they come: a corpus is never held in memory whole.
    """
    if by_doc:
        return [row for part in parts for row in _rank([part], method, top, min_count, False, keep_zeros, part.name)]
    return _rank(parts, method, top, min_count, several, keep_zeros)


def _rank(parts, method, top, min_count, several, keep_zeros, file=None):
    tally = Tally(keep_zeros)
    for part in parts:
        tally.add(part)
    return ranked(tally, method=method, top=top, min_count=min_count, several=several, file=file)


DOC = 1 << 40  # a tally holds a word's count and its report count as one number: count + reports * DOC


@dataclass
class Tally:
    """What a ranking needs of many documents' counts, added up. The order of adding (or of
    merging tallies added up apart, as workers do) changes nothing but the order of the words,
    which the ranking sorts away; textrank's edges are the exception (float sums), so a textrank
    is added in input order.

    A word's count and the number of reports it stands in are kept as one number (count + reports
    * DOC; no corpus counts a word 2**40 times), so adding a report or a worker's chunk is one
    dictionary update, not two: the merge of a big vocabulary is the run's cost, not the numbers."""

    keep_zeros: bool = False
    both: Counter = field(default_factory=Counter)
    edges: Counter = field(default_factory=Counter)
    mentions: Counter | None = None
    tokens: int = 0
    parts: int = 0
    levels: set = field(default_factory=set)

    def add(self, part: WordCounts) -> None:
        self.parts += 1
        self.levels.add(level_group(part.level))
        counts = part.counts
        values = counts.values()
        if self.keep_zeros:  # a term counted 0 times stands in no report
            values = [n + DOC if n else 0 for n in values]
        else:
            values = map(add, values, repeat(DOC))
        _add_values(self.both, counts.keys(), values)
        if part.mentions is not None:
            self.mentions = (self.mentions or Counter()) + part.mentions
        if part.edges:
            self.edges.update(part.edges)
        self.tokens += part.tokens

    def merge(self, other: "Tally") -> None:
        self.parts += other.parts
        self.levels |= other.levels
        _add_values(self.both, other.both.keys(), other.both.values())
        if other.mentions is not None:
            self.mentions = (self.mentions or Counter()) + other.mentions
        if other.edges:
            self.edges.update(other.edges)
        self.tokens += other.tokens

    @property
    def counts(self) -> Counter:
        """Each word's count (made on each call: read it once)."""
        return Counter(dict(zip(self.both, map((DOC - 1).__and__, self.both.values()))))

    @property
    def docs(self) -> Counter:
        """The number of reports each word stands in (made on each call)."""
        return Counter(dict(zip(self.both, map(DOC.__rfloordiv__, self.both.values()))))


def ranked(tally: Tally, *, method: str = "freq", top: int = 20, min_count: int = 1, several: bool = False,
           file: str | None = None) -> list[KeywordRow]:
    """The rows of a tally: the words ranked by the method's score, then count, then the word."""
    counts, docs, total, levels = tally.counts, tally.docs, tally.tokens, tally.levels
    scores = _scores(method, counts, tally.edges, total, docs if tally.parts > 1 else None, tally.parts,
                     next(iter(levels)) if len(levels) == 1 else None)
    words = [w for w, n in counts.items() if n >= min_count or (tally.keep_zeros and n == 0)]
    order = lambda w: (-scores[w], -counts[w], w)  # noqa: E731
    words = heapq.nsmallest(top, words, key=order) if top else sorted(words, key=order)
    mentions = tally.mentions
    return [
        KeywordRow(file=file, rank=i, word=w, count=counts[w],
                   per_10k=round(counts[w] * 10000 / total, 2) if total else 0.0,
                   docs=docs[w] if several else None,
                   score=round(scores[w], 4) if method != "freq" else None,
                   mentions=mentions.get(w, 0) if mentions is not None else None)
        for i, w in enumerate(words, 1)
    ]


def foldable(method: str, by_doc: bool) -> bool:
    """Whether a ranking may be added up in any order (by workers, chunk by chunk)."""
    return not by_doc and method != "textrank"


def _add_values(total: Counter, words, values) -> None:
    """total[word] += value for each pair, in C: the merge runs once a report for thousands of
    words (Counter.update is a Python loop: a fifth slower)."""
    dict.update(total, zip(words, map(add, map(total.get, words, repeat(0)), values)))


def _scores(method: str, counts: Counter, edges: Counter, total: int, docs: Counter | None,
            parts: int, level: str | None = None) -> dict[str, float]:
    """freq: counts; tfidf: term frequency x IDF from the inputs when there are several, from the
    reference profile of government reports of the inputs' level for one (a word in every report
    weighs nothing); keyness: G2 against that profile; textrank."""
    if method == "freq":
        return counts
    if method == "tfidf":
        reference = profile(level)
        n_docs, df = (parts, docs) if docs is not None else (reference.docs, reference.df)
        return {w: (n / max(total, 1)) * math.log((1 + n_docs) / (1 + df.get(w, 0))) for w, n in counts.items()}
    if method == "keyness":
        reference = profile(level)
        return {w: log_likelihood(n, reference.counts.get(w, 0), max(total, 1), reference.tokens)
                for w, n in counts.items()}
    return textrank(edges, counts)


def _cooccurrences(words: Sequence[str]) -> Counter:
    edges: Counter = Counter()
    for i, word in enumerate(words):
        for other in words[i + 1:i + TEXTRANK_WINDOW]:
            if other != word:
                edges[(word, other) if word < other else (other, word)] += 1
    return edges


def textrank(edges: Counter, counts: Counter, iterations: int = 20, damping: float = 0.85) -> dict[str, float]:
    """PageRank over the co-occurrence graph, scaled so the top word scores 1."""
    neighbours: dict[str, list[tuple[str, int]]] = {w: [] for w in counts}
    for (a, b), weight in edges.items():
        neighbours[a].append((b, weight))
        neighbours[b].append((a, weight))
    out_weight = {w: sum(x for _, x in nbrs) or 1 for w, nbrs in neighbours.items()}
    score = dict.fromkeys(neighbours, 1.0)
    for _ in range(iterations):
        score = {w: (1 - damping) + damping * sum(score[v] * x / out_weight[v] for v, x in nbrs)
                 for w, nbrs in neighbours.items()}
    top = max(score.values(), default=1.0) or 1.0
    return {w: s / top for w, s in score.items()}


@dataclass(frozen=True)
class Profile:
    """How government reports use words (data/profile.tsv, tools/make_profile.py): the yardstick of
    what is typical, so keyness and tf-idf show what a report says that others do not."""

    docs: int
    tokens: int
    df: dict[str, int]
    counts: dict[str, int]


LEVELS = ("national", "provincial", "local")


def level_group(level: str | None) -> str | None:
    """The profile a report is weighed against: national, provincial, or local (city, county)."""
    if level is None:
        return None
    return level if level in ("national", "provincial") else "local"


@cache
def _profiles() -> dict[str, Profile]:
    import os

    header: dict[str, int] = {}
    df: dict[str, dict[str, int]] = {level: {} for level in LEVELS}
    counts: dict[str, dict[str, int]] = {level: {} for level in LEVELS}
    with open(os.path.join(datafiles.DATA, "profile.tsv"), encoding="utf-8") as handle:
        for row in handle:
            if row.startswith("#"):
                if "=" in row:
                    name, _, value = row[1:].strip().partition("=")
                    header[name] = int(value)
                continue
            word, *cells = row.rstrip("\n").split("\t")
            for i, level in enumerate(LEVELS):
                d, n = int(cells[2 * i]), int(cells[2 * i + 1])
                if n:
                    df[level][word], counts[level][word] = d, n
    out = {level: Profile(header[f"docs.{level}"], header[f"tokens.{level}"], df[level], counts[level])
           for level in LEVELS}
    pooled_df: Counter = Counter()
    pooled_counts: Counter = Counter()
    for level in LEVELS:
        pooled_df.update(df[level])
        pooled_counts.update(counts[level])
    out["all"] = Profile(sum(p.docs for p in out.values()), sum(p.tokens for p in out.values()),
                         dict(pooled_df), dict(pooled_counts))
    return out


def profile(level: str | None = None) -> Profile:
    """The reference of reports of one level (national, provincial, local); of all reports when the
    level is unknown or the inputs mix levels."""
    return _profiles()[level if level in LEVELS else "all"]


@dataclass(frozen=True)
class KeywordTask:
    """Per-document work of `govreport keywords`; picklable so a process pool can run it."""

    options: Options
    userdicts: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    backend: str = "jieba"  # jieba or rjieba, as resolved for this run

    def __call__(self, doc: "Document") -> WordCounts:
        from govreport.analyses.segment import segmenter

        seg = segmenter(self.userdicts, self.backend)
        if self.terms:
            return count_terms(doc, seg, self.terms)
        return count_words(doc, seg, self.options)

    def many(self, docs: Sequence["Document"]) -> list[WordCounts]:
        """The results of several documents at once (a worker's chunk), as __call__ gives each."""
        from govreport.analyses.segment import segmenter

        if self.terms:
            return [self(doc) for doc in docs]
        return count_words_many(docs, segmenter(self.userdicts, self.backend), self.options)

    def prepare(self) -> None:
        """Build the segmenter before workers are forked: each inherits it instead of loading its own."""
        from govreport.analyses.segment import segmenter

        segmenter(self.userdicts, self.backend)

    def fingerprint(self) -> str:
        """Everything that changes a document's counts: data, dictionaries, options."""
        o = self.options
        parts = ("keywords", datafiles.fingerprint(), datafiles.file_digest(self.userdicts), o.min_len,
                 sorted(o.stopwords), sorted(o.pos), o.method, self.terms, self.backend)
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]

    def rename(self, result: WordCounts, name: str) -> WordCounts:
        return replace(result, name=name)


def default_task(backend: str = "jieba") -> KeywordTask:
    """The counts `keywords` makes with its defaults: a digest and a diff read the same cache entry."""
    return KeywordTask(Options(stopwords=load_stopwords(())), backend=backend)
