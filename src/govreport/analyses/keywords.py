"""Word frequency that respects the domain: counts, per-10k rates, tf-idf and TextRank."""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from govreport import datafiles
from govreport.analyses.keyness import log_likelihood
from govreport.datafiles import lines, read_entries
from govreport.document.simplify import to_simplified
from govreport.rules.units import number_token

if TYPE_CHECKING:  # a warm, cached run never builds a document or a segmenter
    from govreport.analyses.segment import Segmenter
    from govreport.document.document import Document

# Tokens that are no words: punctuation, digits, blanks ("，", "2023", "——").
NO_WORD = re.compile(r"^[\W\d_]*$")
# Bare Chinese numerals and ordinals ("三", "第十届" stays, "第三" goes).
NUMERAL = re.compile(r"^第?[〇零一二两三四五六七八九十百千万亿]+$")
# A quoted phrase that may become one word for its document ("放管服", "六稳", "1+8+N").
KEEPABLE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9+]{2,8}$")
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


@dataclass
class WordCounts:
    """What one document contributes to a ranking."""

    name: str
    counts: Counter = field(default_factory=Counter)
    tokens: int = 0
    edges: Counter = field(default_factory=Counter)


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


@cache
def _terms() -> tuple[frozenset[str], re.Pattern]:
    terms = frozenset(entry.split()[0] for entry in lines("userdict.txt"))
    return terms, re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


def keep_phrases(doc: "Document") -> set[str]:
    """The document's own short quoted phrases, kept whole unless they hold a dictionary term."""
    terms, pattern = _terms()
    phrases = {q.text for q in doc.quotes if not q.garbled and KEEPABLE.match(q.text)}
    return {p for p in phrases if p in terms or not pattern.search(p)}


def is_word(token: str, options: Options) -> bool:
    return (len(token) >= options.min_len and not NO_WORD.match(token)
            and token not in options.stopwords and not NUMERAL.match(token)
            and not number_token().fullmatch(token))


@lru_cache(maxsize=4)
def _verdicts(options: Options) -> dict[str, bool]:
    """is_word answers remembered across the documents of a run (most words recur)."""
    return {}


def _ranked(tokens, options: Options) -> set[str]:
    """The distinct tokens that may rank, each judged once per run."""
    verdicts, ranked = _verdicts(options), set()
    for token in tokens:
        verdict = verdicts.get(token)
        if verdict is None:
            verdict = verdicts[token] = is_word(token, options)
        if verdict:
            ranked.add(token)
    return ranked


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
    ranked = _ranked(every, options)
    if sequence is not None:
        sequence = [word for word in sequence if word in ranked]
    counts = Counter(sequence) if options.pos else Counter({word: every[word] for word in ranked})
    result = WordCounts(doc.name, counts, _token_total(every))
    if options.method == "textrank":
        result.edges = _cooccurrences(sequence)
    return result


def _token_total(every: Counter) -> int:
    """Tokens behind per_10k: words and numbers, not punctuation or blanks."""
    return sum(n for t, n in every.items() if not NO_WORD.match(t) or t.isdigit())


def count_terms(doc: "Document", segmenter: "Segmenter", terms: Sequence[str]) -> WordCounts:
    """Exact occurrences of each term in the simplified text, zeros included (a text search)."""
    counts = Counter({term: doc.text.count(term) for term in terms})
    return WordCounts(doc.name, counts, _token_total(segmenter.count(doc.text, keep_phrases(doc))))


def rank(parts: Iterable[WordCounts], *, method: str = "freq", top: int = 20, min_count: int = 1,
         several: bool = False, keep_zeros: bool = False, by_doc: bool = False) -> list[KeywordRow]:
    """Merge per-document counts into ranked rows (one ranking, or one per document with by_doc).

    Parts are consumed once, as they come: a corpus is never held in memory whole.
    """
    if by_doc:
        return [row for part in parts for row in _rank([part], method, top, min_count, False, keep_zeros, part.name)]
    return _rank(parts, method, top, min_count, several, keep_zeros)


def _rank(parts, method, top, min_count, several, keep_zeros, file=None):
    counts: Counter = Counter()
    docs: Counter = Counter()
    edges: Counter = Counter()
    total = parts_seen = 0
    for part in parts:
        parts_seen += 1
        counts.update(part.counts)
        docs.update(part.counts.keys() if not keep_zeros else (w for w, n in part.counts.items() if n))
        if part.edges:
            edges.update(part.edges)
        total += part.tokens
    scores = _scores(method, counts, edges, total, docs if parts_seen > 1 else None, parts_seen)
    words = [w for w, n in counts.items() if n >= min_count or (keep_zeros and n == 0)]
    order = lambda w: (-scores[w], -counts[w], w)  # noqa: E731
    words = heapq.nsmallest(top, words, key=order) if top else sorted(words, key=order)
    return [
        KeywordRow(file=file, rank=i, word=w, count=counts[w],
                   per_10k=round(counts[w] * 10000 / total, 2) if total else 0.0,
                   docs=docs[w] if several else None,
                   score=round(scores[w], 4) if method != "freq" else None)
        for i, w in enumerate(words, 1)
    ]


def _scores(method: str, counts: Counter, edges: Counter, total: int, docs: Counter | None,
            parts: int) -> dict[str, float]:
    """freq: counts; tfidf: term frequency x IDF from the inputs when there are several, from the
    reference profile of government reports for one (a word in every report weighs nothing);
    keyness: G2 against that profile; textrank."""
    if method == "freq":
        return counts
    if method == "tfidf":
        reference = profile()
        n_docs, df = (parts, docs) if docs is not None else (reference.docs, reference.df)
        return {w: (n / max(total, 1)) * math.log((1 + n_docs) / (1 + df.get(w, 0))) for w, n in counts.items()}
    if method == "keyness":
        reference = profile()
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


@cache
def profile() -> Profile:
    import os

    df, counts, header = {}, {}, {}
    with open(os.path.join(datafiles.DATA, "profile.tsv"), encoding="utf-8") as handle:
        for row in handle:
            if row.startswith("#"):
                if "=" in row:
                    name, _, value = row[1:].strip().partition("=")
                    header[name] = int(value)
                continue
            word, doc_freq, count = row.rstrip("\n").split("\t")
            df[word], counts[word] = int(doc_freq), int(count)
    return Profile(header["docs"], header["tokens"], df, counts)


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

    def fingerprint(self) -> str:
        """Everything that changes a document's counts: data, dictionaries, options."""
        o = self.options
        parts = ("keywords", datafiles.fingerprint(), datafiles.file_digest(self.userdicts), o.min_len,
                 sorted(o.stopwords), sorted(o.pos), o.method, self.terms, self.backend)
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]

    def rename(self, result: WordCounts, name: str) -> WordCounts:
        return replace(result, name=name)
