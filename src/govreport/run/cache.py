"""Results of per-document work, kept in SQLite under the user cache directory.

Keyed by the input bytes' hash and a fingerprint of everything that changes the result
(bundled data, user dictionaries, options, version), so a warm re-run skips decoding,
conversion and segmentation — and never imports jieba. Any damaged entry is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value BLOB NOT NULL, stored REAL NOT NULL)"


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


class Cache:
    """A small key -> pickled value store; safe with several govreport processes at once."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(SCHEMA)

    @classmethod
    def open(cls, directory: Path | None = None) -> "Cache | None":
        """The cache, or None when it cannot be used (read-only home, a broken file): work goes on without."""
        path = (directory or cache_dir()) / "cache.sqlite3"
        try:
            return cls(path)
        except (sqlite3.Error, OSError):
            return None

    def get(self, name: str) -> Any | None:
        try:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (name,)).fetchone()
            return pickle.loads(zlib.decompress(row[0])) if row else None
        except Exception:  # a truncated or corrupted entry: treat as missing, it is rewritten
            return None

    def put(self, name: str, value: Any) -> None:
        try:
            blob = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 3)
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (name, blob, time.time()))
        except (sqlite3.Error, pickle.PicklingError):
            pass  # a full disk or a locked file costs speed next time, never this run's results

    def info(self) -> CacheInfo:
        entries, size = self._db.execute("SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM results").fetchone()
        return CacheInfo(str(self.path), entries, size)

    def clear(self) -> int:
        entries = self.info().entries
        self._db.execute("DELETE FROM results")
        self._db.execute("VACUUM")
        return entries

    def close(self) -> None:
        self._db.close()
