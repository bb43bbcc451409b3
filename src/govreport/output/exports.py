"""Rows written to a file a researcher opens in Excel, Stata, R or pandas: xlsx, dta, parquet, and the
text formats (with a byte-order mark for Excel's CSV). Each library is imported only when its format
is asked for: XlsxWriter (pure Python, write-only, the fastest of the xlsx writers), pandas for
Stata 14+ .dta (the one writer that keeps Chinese text and variable and value labels), pyarrow
for Parquet. Files are written whole or not at all: a temporary file beside it, then renamed.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from typing import Any

from govreport.errors import GovreportError
from govreport.output.render import render, row_dict

BY_SUFFIX = {".xlsx": "xlsx", ".dta": "dta", ".parquet": "parquet", ".csv": "csv", ".tsv": "tsv",
             ".txt": "tsv", ".json": "json", ".jsonl": "jsonl"}
BINARY = ("xlsx", "dta", "parquet")
EXTRAS = {"dta": ("pandas", "stata"), "parquet": ("pyarrow", "parquet"), "xlsx": ("xlsxwriter", "excel")}


class ExportError(GovreportError):
    """A file that cannot be written as asked: one line, exit 2 (or 1 when the disk refuses)."""


def format_for(path: str, fmt: str | None) -> str:
    """--format if given (and not table), else the file's suffix."""
    if fmt and fmt != "table":
        return fmt
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in BY_SUFFIX:
        raise ExportError(f"{path}: say which format (--format xlsx|dta|parquet|csv|tsv|json|jsonl) "
                          f"or use one of the suffixes {', '.join(BY_SUFFIX)}")
    return BY_SUFFIX[suffix]


def write(rows: Iterable[Any], fields: Sequence[str], path: str, fmt: str, *, header: bool = True,
          bom: bool = False, labels: dict[str, str] | None = None, value_labels: dict | None = None) -> int:
    """Write the rows to `path` in `fmt`; returns how many."""
    records = [row_dict(row, fields) for row in rows]

    def fill(temporary: str) -> None:
        if fmt in BINARY:
            {"xlsx": _xlsx, "dta": _dta, "parquet": _parquet}[fmt](records, fields, temporary, labels or {},
                                                                   value_labels or {})
        else:
            with open(temporary, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
                render(records, fields, fmt=fmt, header=header, stream=out)

    replace_whole(path, fill)
    return len(records)


def replace_whole(path: str, fill) -> None:
    """Write `path` whole or not at all: `fill` writes a temporary file beside it, which then takes its
    place; a file that was there keeps its permissions (a 0600 file stays 0600)."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".govreport-", suffix=os.path.splitext(path)[1], dir=folder)
    os.close(handle)
    try:
        fill(temporary)
        os.chmod(temporary, mode_for(path))
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def mode_for(path: str) -> int:
    """The permissions a written file gets: those of the file it replaces, else 0644 less the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o644 & ~mask


def _need(fmt: str):
    module, extra = EXTRAS[fmt]
    try:
        return __import__(module)
    except ImportError:
        raise ExportError(f"writing .{fmt} needs {module}: pip install 'govreport[{extra}]'") from None


def _types(records: list[dict], fields: Sequence[str]) -> dict[str, str]:
    """int, float or str for each column, from the values it holds (empty columns are text)."""
    out = {}
    for name in fields:
        seen = {type(r[name]) for r in records if r[name] is not None}
        out[name] = "int" if seen == {int} else "float" if seen and seen <= {int, float} else "str"
    return out


def _xlsx(records, fields, path, labels, value_labels) -> None:
    xlsxwriter = _need("xlsx")
    book = xlsxwriter.Workbook(path, {"strings_to_formulas": False, "strings_to_urls": False,
                                      "strings_to_numbers": False})
    sheet = book.add_worksheet("rows")
    bold = book.add_format({"bold": True})
    for col, name in enumerate(fields):
        sheet.write_string(0, col, name, bold)
        if name in labels:
            sheet.write_comment(0, col, labels[name])
    for row, record in enumerate(records, 1):
        for col, name in enumerate(fields):
            value = record[name]
            if value is None:
                continue
            if isinstance(value, bool):
                sheet.write_boolean(row, col, value)
            elif isinstance(value, (int, float)):
                sheet.write_number(row, col, value)
            else:
                sheet.write_string(row, col, str(value))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(records), 1), len(fields) - 1)
    book.close()


def _dta(records, fields, path, labels, value_labels) -> None:
    pandas = _need("dta")
    types = _types(records, fields)
    frame = pandas.DataFrame.from_records(records, columns=list(fields))
    for name, kind in types.items():
        if kind == "str":
            frame[name] = frame[name].fillna("").astype(str)
        elif kind == "int" and frame[name].isna().any():
            frame[name] = frame[name].astype(float)
    for name, (source, labelled) in value_labels.items():  # a numbered column with the labels Stata shows
        if source in frame.columns:
            numbers = {value: i for i, value in enumerate(labelled, 1)}
            frame[name] = frame[source].map(lambda v, numbers=numbers: numbers.get(v, 0)).astype("int32")
    long = [name for name, kind in types.items() if kind == "str" and frame[name].str.len().max() > 2000]
    frame.to_stata(path, write_index=False, version=118, convert_strl=long,
                   variable_labels={k: v[:80] for k, v in labels.items() if k in frame.columns},
                   value_labels={name: {0: "", **{i: label[:32000] for i, label in enumerate(labelled.values(), 1)}}
                                 for name, (source, labelled) in value_labels.items() if name in frame.columns})


def _parquet(records, fields, path, labels, value_labels) -> None:
    pyarrow = _need("parquet")
    import pyarrow.parquet as pq

    types = _types(records, fields)
    arrow = {"int": pyarrow.int64(), "float": pyarrow.float64(), "str": pyarrow.string()}
    schema = pyarrow.schema([pyarrow.field(name, arrow[types[name]], metadata={"description": labels.get(name, "")})
                             for name in fields])
    columns = {name: [r[name] if types[name] != "str" or r[name] is None else str(r[name]) for r in records]
               for name in fields}
    pq.write_table(pyarrow.table(columns, schema=schema), path)
