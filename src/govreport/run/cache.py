"""Results of per-document work, kept in SQLite under the user cache directory.

Keyed by the input bytes' hash and a fingerprint of everything that changes the result
(bundled data, user dictionaries, options, version), so a warm re-run skips decoding,
conversion and segmentation — and never imports jieba. Values are JSON of the project's own
row types, never pickles: what a cache file holds can only ever be data (a shared or tampered
cache cannot run code). The least recently used entries go when the cache passes its size.
Any damaged entry is rebuilt; a file that is no database is replaced.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import importlib
import math
import operator
import os
import sqlite3
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

TABLE = "results_v2"
SCHEMA = f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, value BLOB NOT NULL, used REAL NOT NULL)"
SQLITE_HEADER = b"SQLite format 3\x00"
# Written in the database header (PRAGMA application_id): a cache.sqlite3 without it, holding tables
# that are not ours, belongs to another program and is never touched.
APPLICATION_ID = 0x47565250  # "GVRP"
STATS = "stats"  # hits and misses since the cache was made
STATS_SCHEMA = f"CREATE TABLE IF NOT EXISTS {STATS} (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
OUR_TABLES = {TABLE, STATS, "results"}  # "results": the pickles of an older version, dropped
MAX_ENTRY = 64 * 1024 * 1024  # bytes an entry may inflate to; past that it is a miss (a zlib bomb)
DEFAULT_SIZE_MB = 512  # GOVREPORT_CACHE_MB (or its older name GOVREPORT_CACHE_SIZE) changes it
EVICT_EVERY = 64  # puts between two checks of the size
# The row types a cached result may hold: class name -> module. Nothing else is ever built.
ROW_TYPES = {
    "TargetRow": "govreport.analyses.targets", "InfoRow": "govreport.analyses.info",
    "OutlineRow": "govreport.analyses.outline", "KwicRow": "govreport.analyses.kwic",
    "DamageRow": "govreport.analyses.doctor", "PhraseStats": "govreport.analyses.slogans",
    "WordCounts": "govreport.analyses.keywords", "PanelFacts": "govreport.analyses.panel",
    "TextLine": "govreport.analyses.text", "DiffFacts": "govreport.analyses.diff",
    "TrendFacts": "govreport.analyses.trend", "DigestFacts": "govreport.analyses.digest",
    "ReportFacts": "govreport.analyses.report", "DigestExtras": "govreport.analyses.digest",
    "KeywordRow": "govreport.analyses.keywords", "PanelRow": "govreport.analyses.panel",
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
    hits: int = 0  # results read from the cache since it was made
    misses: int = 0  # results computed because the cache had none


class Cache:
    """A small key -> value store; safe with several govreport processes at once."""

    def __init__(self, path: Path):
        self.path = path
        self.limit = _limit()
        self._puts = 0
        self._hits: list[str] = []
        self._since = time.time()  # entries used or written since then are this run's: never evicted
        self._counted = {"hits": 0, "misses": 0}  # this run's, not yet added to the stats table
        self.notices: list[str] = []  # said once on stderr by the run (the cache grew past its limit)
        self._damaged = False
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        if not self._ours():
            self._db.close()
            raise ForeignDatabase(f"{path}: a database of another program; the cache stays off "
                                  f"(set GOVREPORT_CACHE_DIR to another folder)")
        self._db.execute("PRAGMA journal_mode=WAL")
        # A cache may lose its last entries to a power cut, never its consistency: no fsync a commit.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(SCHEMA)
        self._db.execute(STATS_SCHEMA)
        self._db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        self._db.execute("DROP TABLE IF EXISTS results")  # the pickles of an older version

    def _ours(self) -> bool:
        """Ours, or new: our marker, or no table but ours (a cache made before the marker)."""
        if self._db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return True
        tables = {name for (name,) in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = {table: {row[1] for row in self._db.execute(f'PRAGMA table_info("{table}")')}
                   for table in tables & OUR_TABLES}
        return tables <= OUR_TABLES and all(found <= {"key", "value", "used"} for found in columns.values())

    def count(self, hit: bool) -> None:
        """One lookup of a run: a hit or a miss, for `cache info`."""
        self._counted["hits" if hit else "misses"] += 1

    @classmethod
    def open(cls, directory: Path | None = None) -> "Cache | None":
        """The cache, or None when it cannot be used (a read-only home): work goes on without.

        A file that is no SQLite database (junk, a truncated copy) is removed and made anew.
        """
        path = (directory or cache_dir()) / "cache.sqlite3"
        try:
            return cls(path)
        except ForeignDatabase:
            return None
        except (sqlite3.Error, OSError):
            if not (_junk(path) or _damaged_ours(path)):
                return None
        try:  # junk, or our own database damaged: made anew
            remove(path)
            return cls(path)
        except (sqlite3.Error, OSError):
            return None

    def get(self, name: str) -> Any | None:
        try:
            row = self._db.execute(f"SELECT value FROM {TABLE} WHERE key = ?", (name,)).fetchone()
            if row is None:
                return None
            value = unpack(row[0])
            if value is None:
                return None
            self._hits.append(name)  # marked used in one transaction at the end of the run (evict)
            return value
        except sqlite3.DatabaseError:
            self._damaged = True  # damaged pages: the file is made anew when the run ends
            return None
        except Exception:  # a truncated, corrupted or foreign entry: treat as missing, it is rewritten
            return None

    def put(self, name: str, value: Any) -> None:
        try:
            self.put_packed(name, pack(value))
        except (TypeError, ValueError):
            pass  # an unknown value costs speed next time, never results

    def put_packed(self, name: str, blob: bytes | None) -> None:
        """Store a value packed already (by a worker: the parent only writes it); None: nothing."""
        if blob is None:
            return  # get() would refuse it (a bomb's size): not worth writing
        try:
            self._db.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?)", (name, blob, time.time()))
            self._puts += 1
            if self._puts % EVICT_EVERY == 1:
                self.evict()
        except sqlite3.DatabaseError as err:
            self._damaged = self._damaged or "malformed" in str(err) or "not a database" in str(err)
        except (sqlite3.Error, TypeError, ValueError):
            pass  # a full disk, a locked file or an unknown value costs speed next time, never results

    def evict(self) -> int:
        """Mark this run's hits used, then drop the least recently used entries until the cache is
        under nine tenths of its limit."""
        if self._damaged:
            self.renew()
            return 0
        try:
            self._touch()
            return self._evict()
        except sqlite3.DatabaseError as err:
            if "malformed" in str(err):
                self.renew()
            return 0
        except sqlite3.Error:
            return 0  # a locked or read-only file: the next run tries again

    def renew(self) -> None:
        """Our database is damaged: remove it and start an empty one (its entries were only a cache)."""
        self._damaged = False
        try:
            self._db.close()
            remove(self.path)
            self.__init__(self.path)
        except (sqlite3.Error, OSError):
            pass

    def _touch(self) -> None:
        hits, self._hits = self._hits, []
        counted, self._counted = self._counted, {"hits": 0, "misses": 0}
        if hits or any(counted.values()):
            now = time.time()
            try:
                self._db.execute("BEGIN")
                self._db.executemany(f"UPDATE {TABLE} SET used = ? WHERE key = ?", ((now, name) for name in hits))
                self._db.executemany(f"INSERT INTO {STATS} VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = value + ?",
                                     ((name, n, n) for name, n in counted.items() if n))
                self._db.execute("COMMIT")
            except sqlite3.Error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def _evict(self) -> int:
        """Least recently used first, but never an entry this run used or wrote: a run bigger than the
        cache would otherwise evict its own entries and find nothing warm next time. Such a run
        lets the cache grow past its limit, and says so once."""
        total = self._db.execute(f"SELECT COALESCE(SUM(LENGTH(value)), 0) FROM {TABLE}").fetchone()[0]
        if total <= self.limit:
            return 0
        dropped, target = 0, self.limit * 0.9
        older = self._db.execute(f"SELECT key, LENGTH(value) FROM {TABLE} WHERE used < ? ORDER BY used",
                                 (self._since,)).fetchall()
        for entry, size in older:
            if total <= target:
                break
            self._db.execute(f"DELETE FROM {TABLE} WHERE key = ?", (entry,))
            total -= size
            dropped += 1
        if total > self.limit and not self.notices:
            self.notices.append(f"the cache holds {total / 2**20:.1f} MB of this run's results, past its limit of "
                                f"{self.limit / 2**20:.1f} MB: kept, so a rerun is warm (GOVREPORT_CACHE_MB sets the limit)")
        return dropped

    def info(self) -> CacheInfo:
        entries, size = self._db.execute(f"SELECT COUNT(*), COALESCE(SUM(LENGTH(value)), 0) FROM {TABLE}").fetchone()
        stats = dict(self._db.execute(f"SELECT key, value FROM {STATS}").fetchall())
        return CacheInfo(str(self.path), entries, size, self.limit, stats.get("hits", 0), stats.get("misses", 0))

    def clear(self) -> int:
        try:
            entries = self.info().entries
            self._db.execute(f"DELETE FROM {TABLE}")
            self._db.execute(f"DELETE FROM {STATS}")
            self._db.execute("VACUUM")
        except sqlite3.DatabaseError:  # damaged pages: the file goes, an empty one takes its place
            self.renew()
            return 0
        return entries

    def close(self) -> None:
        self._db.close()


class ForeignDatabase(sqlite3.Error):
    """The cache file is another program's database."""


def _limit() -> int:
    """GOVREPORT_CACHE_MB (or GOVREPORT_CACHE_SIZE) in megabytes; anything but a finite number from 0
    up keeps the default."""
    try:
        size = float(os.environ.get("GOVREPORT_CACHE_MB") or os.environ.get("GOVREPORT_CACHE_SIZE") or DEFAULT_SIZE_MB)
    except ValueError:
        size = DEFAULT_SIZE_MB
    if not math.isfinite(size) or size < 0:
        size = DEFAULT_SIZE_MB
    return int(size * 1024 * 1024)


def _damaged_ours(path: Path) -> bool:
    """A database with our marker in its header that SQLite cannot read: ours to replace."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    return header.startswith(SQLITE_HEADER) and len(header) == 100 and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _junk(path: Path) -> bool:
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


def pack(value: Any) -> bytes | None:
    """A value as an entry's bytes (compressed JSON, written by orjson: six times json's speed, and
    a cold run writes every report's figures); None where it would inflate past MAX_ENTRY. Raises
    TypeError or ValueError for a value the cache does not take (an int past 64 bits, a float
    that is not finite: orjson would write null for it)."""
    text = orjson.dumps(encode(value))
    return zlib.compress(text, 1) if len(text) <= MAX_ENTRY else None


def unpack(blob: bytes) -> Any | None:
    """The value of an entry's bytes; None for a bomb (inflates past MAX_ENTRY). Raises on junk."""
    inflate = zlib.decompressobj()
    text = inflate.decompress(blob, MAX_ENTRY)
    if inflate.unconsumed_tail:
        return None  # inflates past any real result: a bomb, not an entry
    return decode(orjson.loads(text))


def encode(value: Any) -> Any:
    """A result as JSON: rows by their class name and fields; tuples, dicts and counters marked.
    A float that is not finite is refused (JSON has none): the result is not cached."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return _finite(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name not in ROW_TYPES:
            raise TypeError(f"{name} is not a cacheable row")
        return {"@": name, "f": {n: v if v is None or type(v) in WHOLE else encode(v)
                                 for n in _field_names(type(value)) for v in (getattr(value, n),)}}
    if isinstance(value, Counter):
        if (words := _word_counts(value)) is not None:
            return words
        return {"C": [[encode(k), _finite(n)] for k, n in value.items()]}
    if isinstance(value, dict):
        return {"D": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, tuple):
        if (table := _table(value)) is not None:
            return table
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
        cls, names, plain = _row_class(value["@"])
        given = value["f"]
        if not isinstance(given, dict) or given.keys() != names:
            raise ValueError(f"{value['@']} does not have its fields")
        fields = {k: v if v is None or type(v) in PLAIN else decode(v) for k, v in given.items()}
        for name, allowed in plain:  # exact types: JSON gives no subclasses, and a bool is no int here
            if type(fields[name]) not in allowed:
                raise ValueError(f"{value['@']}.{name} is not of its type")
        return cls(**fields)
    (mark, items), = value.items()
    if mark == "T":
        return tuple(decode(v) for v in items)
    if mark == "R":
        return _rows(items)
    if mark == "V":
        return _counts_of(items)
    if mark == "C":
        return Counter({_hashable(decode(k)): int(n) for k, n in items})
    if mark == "D":
        return {_hashable(decode(k)): decode(v) for k, v in items}
    raise ValueError("not a cached value")


PLAIN = (str, int, float, bool)  # JSON's own values: nothing to encode or decode
WHOLE = (str, int, bool)  # … and of them those never refused (a float may not be finite)
WORD_SEP = "\x1f"  # between the words of a document's counts (no token holds it; checked)


def _finite(value: Any) -> Any:
    """The value where it is finite; ValueError for a float that is inf or nan."""
    if isinstance(value, float) and value - value != 0:
        raise ValueError("a float that is not finite")
    return value


def _finite_sum(values: Any) -> None:
    """ValueError where a number among `values` is not finite (their sum is not: one pass in C),
    or where they are too great to sum as a float (then orjson takes none of them either)."""
    try:
        _finite(sum(values, 0.0))
    except OverflowError:
        raise ValueError("numbers too great for a float") from None


def pack_lines(lines: list[str]) -> str:
    """Lines (a run's notices: thousands where a corpus holds copies) as one compressed string,
    compressed line by line, so no JSON text of them all is ever held."""
    packer = zlib.compressobj(1)
    chunks = [packer.compress(line.encode("utf-8", "surrogatepass") + b"\0") for line in lines]  # no line holds NUL
    return base64.b64encode(b"".join(chunks) + packer.flush()).decode("ascii")


def unpack_lines(packed: Any) -> list[str] | None:
    """The inverse of pack_lines; None for a value that is none."""
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(base64.b64decode(packed, validate=True), MAX_ENTRY)
        return text.decode("utf-8", "surrogatepass").split("\0")[:-1]
    except (TypeError, ValueError, zlib.error):
        return None


def _word_counts(value: Counter) -> dict | None:
    """Word counts as {"V": [the words joined, [their counts]]}: half the time of a JSON object to
    write and a third to read. None where a key is no string or holds the separator."""
    try:
        joined = WORD_SEP.join(value)
    except TypeError:
        return None
    if value and joined.count(WORD_SEP) != len(value) - 1:
        return None
    counts = list(value.values())
    _finite_sum(counts)  # whole counts, mostly: a float among them must be finite
    return {"V": [joined, counts]}


def _counts_of(items: Any) -> Counter:
    """The inverse of _word_counts, refusing anything but distinct words and whole counts."""
    if not isinstance(items, list) or len(items) != 2 or type(items[0]) is not str or not isinstance(items[1], list):
        raise ValueError("not word counts")
    joined, counts = items
    if not counts:
        if joined:
            raise ValueError("not word counts")
        return Counter()
    words = joined.split(WORD_SEP)
    out: Counter = Counter()
    dict.update(out, zip(words, counts))  # straight in: Counter(dict(...)) builds it twice
    if len(words) != len(counts) or len(out) != len(counts) or not set(map(type, counts)) <= {int}:
        raise ValueError("not word counts")
    return out


def _table(value: tuple) -> dict | None:
    """A tuple of rows of one type whose fields are all plain (a report's figures) as one table:
    {"R": [type, [[field values], ...]]}, parsed and checked column by column (about twice as fast
    to read back as one object a row). None for anything else."""
    if not value or not dataclasses.is_dataclass(value[0]):
        return None
    cls = type(value[0])
    name = cls.__name__
    if name not in ROW_TYPES or any(type(row) is not cls for row in value):
        return None
    names = _field_names(cls)
    if len(plain_types(cls)) != len(names):
        return None
    for field in _float_fields(cls):  # one sum a column, in C: inf or nan anywhere makes it one
        _finite_sum(filter(None, map(operator.attrgetter(field), value)))
    fields_of = operator.attrgetter(*names)  # a row's fields as one tuple, in C (a JSON array)
    return {"R": [name, list(map(fields_of, value)) if len(names) > 1 else [[fields_of(row)] for row in value]]}


@functools.cache
def _float_fields(cls: type) -> tuple[str, ...]:
    return tuple(name for name, allowed in plain_types(cls).items() if float in allowed)


def _rows(items: Any) -> tuple:
    """The inverse of _table, refusing a wrong type, width or value type in any column."""
    if not isinstance(items, list) or len(items) != 2 or not isinstance(items[1], list):
        raise ValueError("not a table of rows")
    cls, names, plain = _row_class(items[0])
    rows = items[1]
    order = _field_names(cls)
    if len(plain) != len(order) or any(not isinstance(row, list) or len(row) != len(order) for row in rows):
        raise ValueError(f"{items[0]} rows do not have its fields")
    allowed = dict(plain)
    for column, name in enumerate(order):
        if not set(map(type, (row[column] for row in rows))) <= allowed[name]:
            raise ValueError(f"{items[0]}.{name} is not of its type")
    return tuple(cls(*row) for row in rows)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.cache
def _row_class(name: str) -> tuple[type, frozenset[str], tuple[tuple[str, frozenset[type]], ...]]:
    """A row type by name (only those of ROW_TYPES: a KeyError otherwise), its field names and the
    types of its plain fields, looked up once a run."""
    cls = getattr(importlib.import_module(ROW_TYPES[name]), name)
    plain = tuple((field, frozenset(types)) for field, types in plain_types(cls).items())
    return cls, frozenset(f.name for f in dataclasses.fields(cls)), plain


@functools.cache
def plain_types(cls) -> dict[str, tuple[type, ...]]:
    """The fields of a row type whose annotation is plain (str, int, float, bool, None and unions of
    them), with the classes a value may have; a planted entry of other types is refused."""
    import types
    import typing

    plain = {str, int, float, bool, type(None)}
    out = {}
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # an annotation that cannot be resolved here: only the field names are checked
        return {}
    for name, hint in hints.items():
        options = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
        if all(o in plain for o in options):
            allowed = set(options) | ({int} if float in options else set())
            out[name] = tuple(allowed)
    return out


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key
