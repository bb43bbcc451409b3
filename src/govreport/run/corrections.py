"""A researcher's corrections to figures, so a row is fixed once and stays fixed on every run.

A TSV with a header row `file  line  text  fix`: `file` is the input's path or base name, `line` and
`text` name the figure as `targets` prints it, and `fix` is `reject` or `field=value` pairs joined by
`;` (year=2024;kind=actual); a row with an empty fix is skipped (a template's row not yet
reviewed; `review --template` writes one). Given with --corrections FILE, and read by itself from
govreport-corrections.tsv in the folder of each input. A correction that no longer matches any
figure of an input it names (the file changed) is a warning, never dropped in silence.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from govreport.analyses.targets import KINDS, TargetRow
from govreport.errors import GovreportError
from govreport.rules.codebook import by_code
from govreport.rules.units import base_value

DEFAULT_NAME = "govreport-corrections.tsv"
COLUMNS = ("file", "line", "text", "fix")
# What a fix may set, and how its value is read.
FIELDS = {"year": str, "kind": str, "code": str, "indicator": str, "value": float, "value_high": float,
          "unit": str, "comparator": str, "change": str, "period": str}
COMPARATORS = ("=", ">=", "<=", "~", "range", "absent")
PERIODS = ("year", "plan", "span")


class CorrectionsError(GovreportError):
    """A corrections file that cannot be used: a usage error, said in one line."""


@dataclass(frozen=True)
class Correction:
    where: str  # corrections-file:line, for messages
    file: str
    line: int
    text: str
    reject: bool
    changes: tuple[tuple[str, object], ...]

    def names(self, name: str) -> bool:
        """Whether this correction is about the input called `name` (a path as given, or a base name)."""
        return self.file in (name, os.path.basename(name)) or name.endswith("/" + self.file.lstrip("./"))


@dataclass
class Corrections:
    items: list[Correction]
    used: set[int] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)  # the inputs the corrections were offered

    def apply(self, rows: Sequence[TargetRow]) -> list[TargetRow]:
        """The rows with their corrections: rejected ones gone, fixed ones changed and `source=corrected`."""
        if not self.items or not rows:
            return list(rows)
        self.seen.update(r.file for r in rows)
        out = []
        for row in rows:
            found = next(((i, c) for i, c in enumerate(self.items)
                          if c.line == row.line and c.text == row.text and c.names(row.file)), None)
            if found is None:
                out.append(row)
                continue
            self.used.add(found[0])
            if not found[1].reject:
                out.append(corrected(row, found[1].changes))
        return out

    def unmatched(self) -> list[Correction]:
        """Corrections about an input of this run that matched none of its figures."""
        return [c for i, c in enumerate(self.items) if i not in self.used and any(c.names(n) for n in self.seen)]


def corrected(row: TargetRow, changes: Iterable[tuple[str, object]]) -> TargetRow:
    fixed = replace(row, **dict(changes), source="corrected", confidence="high")
    if fixed.value != row.value or fixed.unit != row.unit:
        base, unit = base_value(fixed.value, fixed.unit) if fixed.unit else (fixed.value, "")
        fixed = replace(fixed, base_value=base, base_unit=unit)
    return fixed


def load(paths: Iterable[str]) -> Corrections:
    items: list[Correction] = []
    for path in dict.fromkeys(paths):
        try:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as err:
            raise CorrectionsError(f"{path}: cannot read the corrections file "
                                   f"({getattr(err, 'strerror', None) or err})") from None
        items += parse(text, path)
    return Corrections(items)


def parse(text: str, path: str = "-") -> list[Correction]:
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    header = [h.strip() for h in reader.fieldnames or []]
    if header[:4] != list(COLUMNS):
        raise CorrectionsError(f"{path}:1: a corrections file starts with the header row "
                               f"{chr(9).join(COLUMNS)} (tab-separated)")
    out = []
    for number, row in enumerate(reader, 2):
        cells = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        where = f"{path}:{number}"
        if not cells["file"] or not cells["text"] or not cells["line"].isdigit():
            raise CorrectionsError(f"{where}: needs a file, a line number and the figure's text")
        fix = cells["fix"]
        if not fix:
            continue  # a template row nobody has filled in yet
        if fix == "reject":
            out.append(Correction(where, cells["file"], int(cells["line"]), cells["text"], True, ()))
        else:
            out.append(Correction(where, cells["file"], int(cells["line"]), cells["text"], False,
                                  tuple(_changes(where, fix))))
    return out


def _changes(where: str, fix: str):
    for part in (p.strip() for p in fix.split(";")):
        if not part:
            continue
        name, eq, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if not eq or name not in FIELDS:
            raise CorrectionsError(f"{where}: {part!r} is no field=value (fields: {', '.join(FIELDS)})")
        yield name, _value(where, name, value)


def _value(where: str, name: str, value: str):
    if FIELDS[name] is float:
        try:
            return float(value) if value else None
        except ValueError:
            raise CorrectionsError(f"{where}: {name}={value!r} is not a number") from None
    checks = {"kind": KINDS, "comparator": COMPARATORS, "period": PERIODS}
    if name in checks and value not in checks[name]:
        raise CorrectionsError(f"{where}: {name}={value!r} is not one of {', '.join(checks[name])}")
    if name == "code" and value and value not in by_code():
        raise CorrectionsError(f"{where}: code={value!r} is not in the codebook")
    if name == "year" and value and not _is_year(value):
        raise CorrectionsError(f"{where}: year={value!r} is not a year or a span (2024, 2021-2025)")
    return value or None if name in ("year", "period") else value


def _is_year(value: str) -> bool:
    parts = value.split("-")
    return len(parts) in (1, 2) and all(p.isdigit() and len(p) == 4 for p in parts)


def default_files(inputs: Iterable[str]) -> list[str]:
    """govreport-corrections.tsv in the folder of each input (a folder's own, or a file's beside it)."""
    found = []
    for arg in inputs:
        if arg == "-":
            continue
        folder = arg if os.path.isdir(arg) else os.path.dirname(arg) or "."
        candidate = os.path.join(folder, DEFAULT_NAME)
        if os.path.isfile(candidate):
            found.append(candidate)
    return found


def template(rows: Iterable[TargetRow]) -> str:
    """A corrections file of the given rows with an empty fix, for a reviewer to fill in."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow([*COLUMNS, "indicator", "year", "kind", "flags"])
    for row in rows:
        writer.writerow([row.file, row.line, row.text, "", row.indicator, row.year or "", row.kind, row.flags])
    return out.getvalue()
