"""Turn command-line arguments (files, folders, globs, `-`) into named raw bytes; read-only.

Folders and globs are walked without following symlinked folders (no loop can trap a run), and
only regular files are read (a device or a FIFO never blocks or floods it), each up to a size limit.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from govreport.errors import InputError

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")  # a Markdown file is read only when named
GLOB_CHARS = "*?["
MAX_DEPTH = 64  # folder levels a walk goes down; deeper ones are one error line
MAX_SIZE = 64 * 1024 * 1024  # bytes; real reports are under 2 MB, a PDF with pictures a few dozen


@dataclass(frozen=True)
class Source:
    """One input as given on the command line, and its bytes."""

    name: str
    data: bytes
    given: tuple[tuple[str, str], ...] = ()  # what a --meta row says of it (region, year …)


@dataclass(frozen=True)
class Skipped:
    """Files of a folder that are no reports (SOURCES.md, pictures): said once, not an error."""

    folder: str
    counts: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        kinds = ", ".join(f"{n} {ext or 'without a suffix'}" for ext, n in sorted(self.counts.items()))
        total = sum(self.counts.values())
        return f"{self.folder}: skipped {total} file{'s' if total > 1 else ''} that {'are' if total > 1 else 'is'} " \
               f"no report ({kinds}; name a file to read it anyway)"


def expand(args: Iterable[str]) -> Iterator[str | InputError | Skipped]:
    """Paths to read, in a stable order; an InputError for each argument that names nothing."""
    for arg in args:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            found = list(_walk(arg))
            if not any(isinstance(item, str) for item in found):
                yield InputError(shown(arg), "no reports in this folder", "looked for *.txt, *.html, *.docx, *.pdf")
            yield from found
        elif os.path.lexists(arg):
            yield arg
        elif any(ch in arg for ch in GLOB_CHARS):
            matches = list(_glob(arg))
            yield from matches if matches else [InputError(shown(arg), "no file matches this pattern")]
        else:
            yield InputError(shown(arg), "no such file or folder")


def names_input(arg: str) -> bool:
    """An argument that names an input (a file, a folder, `-`, a glob that matches), not a word."""
    if arg == "-" or os.path.lexists(arg):
        return True
    return any(ch in arg for ch in GLOB_CHARS) and any(isinstance(item, str) for item in _glob(arg))


def _walk(folder: str) -> Iterator[str | InputError | Skipped]:
    """Reports under a folder, by name; symlinked folders are not entered, unreadable ones reported."""
    problems: list[OSError] = []
    skipped: Counter = Counter()
    too_deep = 0
    for root, dirs, files, depth in _folders(folder, problems):
        if depth >= MAX_DEPTH and dirs:
            too_deep += len(dirs)
            dirs.clear()
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if not _regular(path):
                skipped["devices, FIFOs and broken links"] += 1
            elif name.lower().endswith(REPORT_SUFFIXES):
                yield path
            else:
                skipped[os.path.splitext(name)[1].lower()] += 1
    for err in problems:
        yield InputError(shown(err.filename or folder), f"cannot read this folder ({err.strerror or err})")
    if too_deep:
        yield InputError(shown(folder), f"{too_deep} folder{'s' if too_deep > 1 else ''} nested more than "
                                        f"{MAX_DEPTH} levels deep not read", "name them to read them")
    if skipped:
        yield Skipped(shown(folder), dict(skipped))


def _folders(top: str, problems: list[OSError]):
    """(folder, subfolders, files, depth) in the order os.walk gives them, without recursion (a folder
    thousands of levels deep cannot exhaust the stack); symlinked folders are not entered."""
    stack = [(top, 0)]
    while stack:
        root, depth = stack.pop()
        try:
            with os.scandir(root) as entries:
                found = list(entries)
        except OSError as err:
            problems.append(err)
            continue
        dirs = sorted(e.name for e in found if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))
        files = [e.name for e in found if not _is_dir(e) and not (e.is_symlink() and os.path.isdir(e.path))]
        yield root, dirs, files, depth
        stack.extend((os.path.join(root, name), depth + 1) for name in reversed(dirs))


def _is_dir(entry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _regular(path: str) -> bool:
    """A regular file (through a symlink too): never a device, a FIFO or a socket."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _glob(pattern: str) -> Iterator[str | InputError | Skipped]:
    """What a shell pattern names (`a/**/*.txt` too), found by walking: no symlinked folder is followed.

    A matching file is read whatever its type (it was named); a matching folder is read like a folder.
    """
    parts = pattern.split("/")
    fixed = next(i for i, part in enumerate(parts) if any(ch in part for ch in GLOB_CHARS))
    base = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else "")
    depth = None if "**" in pattern else len(parts) - fixed
    regex = _pattern_regex(pattern)
    problems: list[OSError] = []
    folders = []
    for root, dirs, files in os.walk(base or ".", onerror=problems.append, followlinks=False):
        level = 0 if root == (base or ".") else root[len(base or "."):].strip("/").count("/") + 1
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = "" if root == "." and not base else root
        for name in sorted(files):
            path = os.path.join(here, name) if here else name
            if not name.startswith(".") and regex.fullmatch(path) and _regular(path):
                yield path
        for name in dirs:
            path = os.path.join(here, name) if here else name
            if regex.fullmatch(path) and not os.path.islink(path):
                folders.append(path)
        if depth is not None and level + 1 >= depth:
            dirs[:] = []
    for err in problems:
        yield InputError(shown(err.filename or pattern), f"cannot read this folder ({err.strerror or err})")
    for folder in folders:
        yield from _walk(folder)


def _pattern_regex(pattern: str) -> re.Pattern:
    """A shell pattern as a regular expression: `**` spans folders, `*` and `?` stay inside one.

    >>> bool(_pattern_regex("a/**/*.txt").fullmatch("a/b/c/d.txt")), bool(_pattern_regex("a/*.txt").fullmatch("a/b/d.txt"))
    (True, False)
    """
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1:close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out))


def read(path: str, stdin: BinaryIO | None = None, *, max_size: int = MAX_SIZE) -> Source:
    """The bytes behind one path (`-` is stdin), refusing what is no regular file or is too big."""
    if path == "-":
        if stdin is None:
            raise InputError("-", "no standard input")
        data = stdin.read(max_size + 1)
        if len(data) > max_size:
            raise InputError("-", f"more than {_size(max_size)} on standard input", "raise it with --max-size")
        return Source("-", data)
    try:
        if os.path.isdir(path):
            raise InputError(shown(path), "is a folder")
        # The check and the read are on one descriptor, opened without blocking: a file swapped for a
        # FIFO between a check and an open can neither block the run nor be read.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError(shown(path), "is a folder")
            if not stat.S_ISREG(info.st_mode):
                raise InputError(shown(path), "not a regular file (a device, a FIFO or a socket)")
            if info.st_size > max_size:
                raise InputError(shown(path), f"{_size(info.st_size)}, more than {_size(max_size)}",
                                 "raise it with --max-size")
            # as many bytes as it holds (a buffer of max_size a file costs more than the reading)
            data = handle.read(min(info.st_size, max_size) + 1)
            if len(data) > info.st_size:  # it grew since: read on, up to one byte past the limit
                data += handle.read(max(0, max_size + 1 - len(data)))
        if len(data) > max_size:
            raise InputError(shown(path), f"more than {_size(max_size)}", "raise it with --max-size")
        return Source(shown(path), data)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError(shown(path), "is a folder") from None
    except PermissionError:
        raise InputError(shown(path), "permission denied") from None
    except OSError as err:
        raise InputError(shown(path), f"cannot read ({err.strerror or err})") from None


def shown(path: str) -> str:
    r"""A path as it can be printed: bytes that are no UTF-8 in a file name as \xNN.

    >>> shown("r\udcff.txt")
    'r\\xff.txt'
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"
