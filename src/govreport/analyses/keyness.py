"""Keyness between two corpora: log-likelihood (G2) and log ratio, as corpus linguists compute them."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class KeynessRow:
    rank: int
    word: str
    count_a: int
    per_10k_a: float
    count_b: int
    per_10k_b: float
    g2: float
    log_ratio: float


def log_likelihood(a: int, b: int, total_a: int, total_b: int) -> float:
    """Signed G2 (Rayson & Garside): positive when the word is relatively more frequent in A.

    >>> round(log_likelihood(10, 0, 1000, 1000), 3)
    13.863
    """
    expected_a = total_a * (a + b) / (total_a + total_b)
    expected_b = total_b * (a + b) / (total_a + total_b)
    g2 = 2 * sum(o * math.log(o / e) for o, e in ((a, expected_a), (b, expected_b)) if o > 0)
    return g2 if a / total_a >= b / total_b else -g2


def log_ratio(a: int, b: int, total_a: int, total_b: int) -> float:
    """Binary log of the ratio of relative frequencies; a zero count is taken as 0.5 (Hardie 2014)."""
    return math.log2((max(a, 0.5) / total_a) / (max(b, 0.5) / total_b))


def totals(parts) -> tuple[Counter, int]:
    """One side's merged word counts and token total."""
    counts: Counter = Counter()
    total = 0
    for part in parts:
        counts.update(part.counts)
        total += part.tokens
    return counts, total


def keyness(a: Counter, b: Counter, total_a: int, total_b: int, *, top: int = 20,
            min_count: int = 2) -> list[KeynessRow]:
    """The `top` words most typical of A, then the `top` most typical of B, sorted by signed G2."""
    if not total_a or not total_b:
        return []
    rows = []
    for word in set(a) | set(b):
        if a[word] + b[word] < min_count:
            continue
        rows.append((log_likelihood(a[word], b[word], total_a, total_b), word))
    rows.sort(key=lambda r: (-r[0], r[1]))
    if top:
        rows = [r for r in rows if r[0] > 0][:top] + [r for r in rows if r[0] < 0][-top:]
    return [KeynessRow(i, w, a[w], round(a[w] * 10000 / total_a, 2), b[w], round(b[w] * 10000 / total_b, 2),
                       round(g, 3), round(log_ratio(a[w], b[w], total_a, total_b), 3))
            for i, (g, w) in enumerate(rows, 1)]
