"""Turn command-line arguments (files, folders, globs, `-`) into named raw bytes; read-only."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from govreport.errors import InputError

REPORT_SUFFIXES = (".txt", ".html", ".htm")  # a Markdown file is read only when named
GLOB_CHARS = "*?["


@dataclass(frozen=True)
class Source:
    """One input as given on the command line, and its bytes."""

    name: str
    data: bytes

    @property
    def is_html(self) -> bool:
        return self.name.lower().endswith((".html", ".htm"))


def expand(args: Iterable[str]) -> Iterator[str | InputError]:
    """Paths to read, in a stable order; an InputError for each argument that names nothing."""
    for arg in args:
        if arg == "-":
            yield arg
        elif os.path.isdir(arg):
            found = _folder_reports(arg)
            if not found:
                yield InputError(arg, "no reports in this folder", "looked for *.txt, *.html")
            yield from found
        elif os.path.exists(arg):
            yield arg
        elif any(ch in arg for ch in GLOB_CHARS) and (matches := sorted(glob.glob(arg, recursive=True))):
            for match in matches:
                yield from expand([match]) if os.path.isdir(match) else [match]
        else:
            yield InputError(arg, "no such file or folder")


def _folder_reports(folder: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files)
                     if f.lower().endswith(REPORT_SUFFIXES) and not f.startswith("."))
    return found


def read(path: str, stdin: BinaryIO | None = None) -> Source:
    """The bytes behind one path (`-` is stdin)."""
    if path == "-":
        if stdin is None:
            raise InputError("-", "no standard input")
        return Source("-", stdin.read())
    try:
        with open(path, "rb") as handle:
            return Source(path, handle.read())
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror or err})") from None
