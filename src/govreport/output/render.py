"""Rows -> table | tsv | csv | json | jsonl, for every command; field order is column order everywhere."""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TextIO

FORMATS = ("table", "tsv", "csv", "json", "jsonl")
BAR_WIDTH = 20


@dataclass(frozen=True)
class View:
    """How a terminal table dresses the rows; the data formats ignore it."""

    columns: Sequence[tuple[str, Callable[[Any], Any]]] = ()  # (header, row -> cell); default: the fields
    bar: str | None = None  # a numeric field drawn as a bar beside its number
    highlight: tuple[str, str] | None = None  # (header of a column, field whose text is highlighted in it)
    title: str | None = None
    wrap: Sequence[str] = field(default_factory=tuple)  # columns that take the spare width and wrap
    max_width: dict[str, int] = field(default_factory=dict)  # columns folded at this width


def resolve_format(fmt: str | None, stream: TextIO) -> str:
    """--format wins; otherwise a table on a terminal and TSV in a pipe."""
    if fmt:
        return fmt
    try:
        return "table" if stream.isatty() else "tsv"
    except (AttributeError, ValueError):
        return "tsv"


def row_dict(row: Any, fields: Sequence[str]) -> dict[str, Any]:
    if isinstance(row, dict):
        return {name: row.get(name) for name in fields}
    names = _field_names(type(row))
    return {name: getattr(row, name) if name in names else None for name in fields}


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


# Characters that move a terminal's cursor, clear it or start an escape sequence (ESC, CSI, OSC …):
# report text and file names never reach a terminal with them raw.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
C1 = re.compile(r"[\x7f-\x9f]")
SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # controls, tabs and line ends: what cell() changes in a string
# A CSV cell a spreadsheet would run as a formula: =cmd|…, +…, -…, @…, and tab or return first.
FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def safe(text: str) -> str:
    r"""Control characters shown escaped: `\x1b[2J` instead of a cleared screen.

    >>> safe("a\x1b[2Jb\x07")
    'a\\x1b[2Jb\\x07'
    """
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text) if CONTROL.search(text) else text


def cell(value: Any) -> str:
    r"""One value as text for tsv/csv/table: null empty, whole floats without `.0`, controls escaped.

    >>> [cell(None), cell(10.0), cell(6.5), cell(1.34e10), cell("a\tb")]
    ['', '10', '6.5', '13400000000', 'a b']
    """
    if type(value) is str and not SPECIAL.search(value):  # most cells: nothing to change
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e18 else repr(value)
    if isinstance(value, (list, tuple)):
        return ",".join(cell(v) for v in value)
    return safe(str(value).replace("\t", " ").replace("\r", " ").replace("\n", " "))


def spreadsheet_safe(text: str) -> str:
    """A CSV cell a spreadsheet would run as a formula, made inert with a leading apostrophe.

    >>> spreadsheet_safe("=cmd|' /C calc'!A0"), spreadsheet_safe("-2.5"), spreadsheet_safe("@SUM(A1)")
    ("'=cmd|' /C calc'!A0", '-2.5', "'@SUM(A1)")
    """
    return "'" + text if FORMULA.match(text) and not NUMBER.match(text) else text


def _json(data: Any, **options) -> str:
    """JSON with C1 controls written as \\u escapes too (the same data, safe on a terminal)."""
    out = json.dumps(data, ensure_ascii=False, **options)
    return C1.sub(lambda m: f"\\u{ord(m.group(0)):04x}", out) if C1.search(out) else out


def render(rows: Iterable[Any], fields: Sequence[str], *, fmt: str | None = None, header: bool = True,
           stream: TextIO | None = None, view: View | None = None) -> int:
    """Write rows to stream (stdout by default); returns how many were written."""
    stream = stream or sys.stdout
    fmt = resolve_format(fmt, stream)
    if fmt == "table":
        return _table(list(rows), fields, stream, view or View())
    count = 0
    if fmt in ("tsv", "csv"):
        # cell() turned tabs and newlines into spaces; TSV quotes a field only when it holds a `"`,
        # so csv readers, pandas and DuckDB read one record a line, like cut and awk.
        writer = csv.writer(stream, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        fix = (lambda text: text) if fmt == "tsv" else spreadsheet_safe
        if header:
            writer.writerow(list(fields))
        for row in rows:
            data = row_dict(row, fields)
            writer.writerow([fix(cell(data[f])) for f in fields])
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            stream.write(_json(row_dict(row, fields)) + "\n")
            count += 1
    elif fmt == "json":
        items = [row_dict(row, fields) for row in rows]
        stream.write(_json(items, indent=1) + "\n")
        count = len(items)
    else:
        raise ValueError(f"unknown format {fmt!r}")
    stream.flush()
    return count


def _table(rows: list[Any], fields: Sequence[str], stream: TextIO, view: View) -> int:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    terminal = _is_terminal(stream)
    console = Console(file=stream, no_color="NO_COLOR" in os.environ or None, soft_wrap=False)
    columns = list(view.columns) or [(name, _getter(name)) for name in fields]
    # Box drawing and bars only for a terminal: `--format table > file` stays plain text.
    table = Table(title=view.title, show_edge=False, header_style="bold", pad_edge=False,
                  box=box.HEAVY_HEAD if terminal else None)
    view = view if terminal else replace(view, bar=None)
    for header, _ in columns:
        numeric = header in ("rank", "count", "per_10k", "docs", "score", "line", "col", "quoted", "mentions",
                             "first_line", "files", "value")
        table.add_column(header, justify="right" if numeric else "left", overflow="fold",
                         ratio=1 if header in view.wrap else None, max_width=view.max_width.get(header))
        if header == view.bar:
            table.add_column("", no_wrap=True, style="cyan")
    top = max((getattr(r, view.bar) or 0 for r in rows), default=0) if view.bar else 0
    for row in rows:
        cells: list[Any] = []
        for header, get in columns:
            value = get(row)
            text = Text(cell(value))
            if view.highlight and header == view.highlight[0]:
                _mark(text, str(getattr(row, view.highlight[1]) or ""))
            cells.append(text)
            if header == view.bar:
                cells.append("█" * max(1, round(BAR_WIDTH * (value or 0) / top)) if top and value else "")
        table.add_row(*cells)
    console.print(table)
    return len(rows)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _getter(name: str) -> Callable[[Any], Any]:
    return lambda row: row[name] if isinstance(row, dict) else getattr(row, name)


def _mark(text, needle: str) -> None:
    """Highlight the occurrence of needle nearest the middle (excerpts are centred on their figure)."""
    if not needle:
        return
    plain, found, at = text.plain, [], text.plain.find(needle)
    while at >= 0:
        found.append(at)
        at = plain.find(needle, at + 1)
    if found:
        middle = (len(plain) - len(needle)) / 2
        at = min(found, key=lambda position: abs(position - middle))
        text.stylize("bold reverse", at, at + len(needle))
