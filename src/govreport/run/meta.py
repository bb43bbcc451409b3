"""--meta FILE: a researcher's list of sources (file name or glob, region or region code, year, level)
that overrides what the reports say of themselves. Every bad row is an error naming its line."""

from __future__ import annotations

import csv
import fnmatch
import io
import os
from dataclasses import dataclass

from govreport.errors import GovreportError
from govreport.rules import gazetteer
from govreport.rules.header import NATIONAL

COLUMNS = ("file", "region", "region_code", "year", "level")
LEVELS = ("national", "provincial", "city", "county-district")
YEARS = range(1949, 2100)


class MetaError(GovreportError):
    """The --meta file cannot be used: a usage error, said in one line."""


@dataclass(frozen=True)
class Meta:
    path: str
    rows: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]  # (file pattern, given fields) in file order

    def given(self, name: str) -> tuple[tuple[str, str], ...]:
        """The fields of the first row whose pattern names this input (its path, its base name, or a glob)."""
        base = os.path.basename(name)
        for pattern, fields in self.rows:
            if pattern in (name, base) or fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(base, pattern) \
                    or name.endswith("/" + pattern.lstrip("./")):
                return fields
        return ()


def read_meta(path: str) -> Meta:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as err:
        raise MetaError(f"{path}: cannot read the --meta file ({getattr(err, 'strerror', None) or err})") from None
    first = text.split("\n", 1)[0]
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if "\t" in first else ",")
    header = [h.strip() for h in reader.fieldnames or []]
    if "file" not in header:
        raise MetaError(f"{path}:1: the --meta file needs a header row with a `file` column "
                        f"(and any of {', '.join(COLUMNS[1:])})")
    if unknown := [h for h in header if h and h not in COLUMNS]:
        raise MetaError(f"{path}:1: unknown column {unknown[0]!r} (columns: {', '.join(COLUMNS)})")
    rows = []
    for number, raw in enumerate(reader, 2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if not any(row.values()):
            continue
        rows.append((_pattern(path, number, row), tuple(_fields(path, number, row))))
    return Meta(path, tuple(rows))


def _pattern(path: str, number: int, row: dict[str, str]) -> str:
    if not row.get("file"):
        raise MetaError(f"{path}:{number}: no file name in the `file` column")
    return row["file"]


def _fields(path: str, number: int, row: dict[str, str]):
    where = f"{path}:{number}"
    year = row.get("year", "")
    if year:
        if not year.isdigit() or int(year) not in YEARS:
            raise MetaError(f"{where}: year {year!r} is not a year (1949-2099)")
        yield "year", str(int(year))
    code, region = row.get("region_code", ""), row.get("region", "")
    if code:
        if code != gazetteer.NATIONAL_CODE and code not in gazetteer.by_code():
            raise MetaError(f"{where}: region_code {code!r} is no GB/T 2260 code")
        yield "region_code", code
    elif region:
        if region != NATIONAL and gazetteer.resolve(region, int(year) if year else None) is None:
            raise MetaError(f"{where}: region {region!r} is not a division the gazetteer knows, or names "
                            f"several (write it with its parents, 河北省保定市, or give region_code)")
        yield "region", region
    level = row.get("level", "")
    if level:
        if level not in LEVELS:
            raise MetaError(f"{where}: level {level!r} is not one of {', '.join(LEVELS)}")
        yield "level", level
