"""Results of per-document work, kept in SQLite under the user cache directory.

Keyed by the input bytes' hash and a fingerprint of everything that changes the result
(bundled data, user dictionaries, options, version), so a warm re-run skips decoding,
conversion and segmentation — and never imports jieba. Values are JSON of the project's own
row types, never pickles: what a cache file holds can only ever be data (a shared or tampered
cache cannot run code). The least recently used entries go when the cache passes its size.
Any damaged entry is rebuilt; a file that is no database is replaced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import json
import os
import sqlite3
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TABLE = "results_v2"
SCHEMA = f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, value BLOB NOT NULL, used REAL NOT NULL)"
SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_SIZE_MB = 512  # GOVREPORT_CACHE_SIZE (megabytes) changes it
EVICT_EVERY = 64  # puts between two checks of the size
# The row types a cached result may hold: class name -> module. Nothing else is ever built.
ROW_TYPES = {
    "TargetRow": "govreport.analyses.targets", "InfoRow": "govreport.analyses.info",
    "OutlineRow": "govreport.analyses.outline", "KwicRow": "govreport.analyses.kwic",
    "DamageRow": "govreport.analyses.doctor", "PhraseStats": "govreport.analyses.slogans",
    "WordCounts": "govreport.analyses.keywords", "PanelFacts": "govreport.analyses.panel",
    "TextLine": "govreport.analyses.text", "DiffFacts": "govreport.analyses.diff",
    "TrendFacts": "govreport.analyses.trend", "DigestFacts": "govreport.analyses.digest",
}


def cache_dir() -> Path:
    """GOVREPORT_CACHE_DIR, else $XDG_CACHE_HOME/govreport, else ~/.cache/govreport."""
    if env := os.environ.get("GOVREPORT_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govreport"


def key(data: bytes, fingerprint: str, encoding: str | None) -> str:
    return f"{hashlib.sha256(data).hexdigest()}:{fingerprint}:{encoding or ''}"


@dataclass(frozen=True)
class CacheInfo:
    path: str
    entries: int
    bytes: int
    limit: int


class Cache:
    """A small key -> value store; safe with several govreport processes at once."""

    def __init__(self, path: Path):
        self.path = path
        self.limit = _limit()
        self._puts = 0
        self._hits: list[str] = []
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # A cache may lose its last entries to a power cut, never its consistency: no fsync a commit.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)
        self._db.execute("DROP TABLE IF EXISTS results")  # the pickles of an older version

    @classmethod
    def open(cls, directory: Path | None = None) -> "Cache | None":
        """The cache, or None when it cannot be used (a read-only home): work goes on without.

        A file that is no SQLite database (junk, a truncated copy) is removed and made anew.
        """
        path = (directory or cache_dir()) / "cache.sqlite3"
        try:
            return cls(path)
        except (sqlite3.Error, OSError):
            if not _foreign(path):
                return None
        try:
            remove(path)
            return cls(path)
        except (sqlite3.Error, OSError):
            return None

    def get(self, name: str) -> Any | None:
        try:
            row = self._db.execute(f"SELECT value FROM {TABLE} WHERE key = ?", (name,)).fetchone()
            if row is None:
                return None
            value = decode(json.loads(zlib.decompress(row[0])))
            self._hits.append(name)  # marked used in one transaction at the end of the run (evict)
            return value
        except Exception:  # a truncated, corrupted or foreign entry: treat as missing, it is rewritten
            return None

    def put(self, name: str, value: Any) -> None:
        try:
            blob = zlib.compress(json.dumps(encode(value), ensure_ascii=False).encode("utf-8"), 3)
            self._db.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?)", (name, blob, time.time()))
            self._puts += 1
            if self._puts % EVICT_EVERY == 1:
                self.evict()
        except (sqlite3.Error, TypeError, ValueError):
            pass  # a full disk, a locked file or an unknown value costs speed next time, never results

    def evict(self) -> int:
        """Mark this run's hits used, then drop the least recently used entries until the cache is
        under nine tenths of its limit."""
        try:
            self._touch()
            return self._evict()
        except sqlite3.Error:
            return 0  # a locked or read-only file: the next run tries again

    def _touch(self) -> None:
        hits, self._hits = self._hits, []
        if hits:
            now = time.time()
            try:
                self._db.execute("BEGIN")
                self._db.executemany(f"UPDATE {TABLE} SET used = ? WHERE key = ?", ((now, name) for name in hits))
                self._db.execute("COMMIT")
            except sqlite3.Error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _evict(self) -> int:
        total = self._db.execute(f"SELECT COALESCE(SUM(LENGTH(value)), 0) FROM {TABLE}").fetchone()[0]
        if total <= self.limit:
            return 0
        dropped, target = 0, self.limit * 0.9
        for entry, size in self._db.execute(f"SELECT key, LENGTH(value) FROM {TABLE} ORDER BY used").fetchall():
            if total <= target:
                break
            self._db.execute(f"DELETE FROM {TABLE} WHERE key = ?", (entry,))
            total -= size
            dropped += 1
        return dropped

    def info(self) -> CacheInfo:
        entries, size = self._db.execute(f"SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM {TABLE}").fetchone()
        return CacheInfo(str(self.path), entries, size, self.limit)

    def clear(self) -> int:
        entries = self.info().entries
        self._db.execute(f"DELETE FROM {TABLE}")
        self._db.execute("VACUUM")
        return entries

    def close(self) -> None:
        self._db.close()


def _limit() -> int:
    try:
        return int(float(os.environ.get("GOVREPORT_CACHE_SIZE", DEFAULT_SIZE_MB)) * 1024 * 1024)
    except ValueError:
        return DEFAULT_SIZE_MB * 1024 * 1024


def _foreign(path: Path) -> bool:
    """A file there that is no SQLite database."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER
    except OSError:
        return False


def remove(path: Path) -> None:
    """The database file and its write-ahead companions."""
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def encode(value: Any) -> Any:
    """A result as JSON: rows by their class name and fields; tuples, dicts and counters marked."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name not in ROW_TYPES:
            raise TypeError(f"{name} is not a cacheable row")
        return {"@": name, "f": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Counter):
        if all(type(k) is str for k in value):  # word counts: a JSON object decodes fastest
            return {"W": dict(value)}
        return {"C": [[encode(k), n] for k, n in value.items()]}
    if isinstance(value, dict):
        return {"D": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        return {"T": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    raise TypeError(f"{type(value).__name__} is not cacheable")


def decode(value: Any) -> Any:
    """The inverse of encode; anything but the project's own row types and plain data is refused."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [decode(v) for v in value]
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise ValueError("not a cached value")
    if "@" in value:
        cls = getattr(importlib.import_module(ROW_TYPES[value["@"]]), value["@"])
        names = {f.name for f in dataclasses.fields(cls)}
        given = value["f"]
        if not isinstance(given, dict) or set(given) != names:
            raise ValueError(f"{value['@']} does not have its fields")
        return cls(**{k: decode(v) for k, v in given.items()})
    (mark, items), = value.items()
    if mark == "T":
        return tuple(decode(v) for v in items)
    if mark == "W":
        if not isinstance(items, dict) or not set(map(type, items.values())) <= {int}:
            raise ValueError("not word counts")
        return Counter(items)
    if mark == "C":
        return Counter({_hashable(decode(k)): int(n) for k, n in items})
    if mark == "D":
        return {_hashable(decode(k)): decode(v) for k, v in items}
    raise ValueError("not a cached value")


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key
