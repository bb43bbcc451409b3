"""govreport codebook: every code the panel can emit, with its names, unit, usual change and notes."""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Annotated, Optional

import typer

from govreport.commands.common import BomOption, Format, NoHeader, OutputOption, Run, app, deliver, quiet_pipe

FORMATS = [f.value for f in Format] + ["datapackage"]


@app.command()
def codebook(
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="table, tsv, csv, json, jsonl, or datapackage: a Frictionless datapackage.json "
                               "describing the panel's columns [default: table on a terminal, tsv in a pipe].",
        show_default=False)] = None,
    no_header: NoHeader = False,
    output: OutputOption = None,
    bom: BomOption = False,
) -> None:
    """Every codebook code: Chinese and English name, usual change, unit, sense, how reports write it
    (aliases) and what changed over the decades (GNP before GDP, retail prices before CPI).

    Example: govreport codebook -f tsv | cut -f1,2,4,5
    """
    from govreport.analyses.codes import CodeRow, code_rows, datapackage

    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if fmt == "datapackage":
        with quiet_pipe():
            sys.stdout.write(json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n")
        return
    run = Run(Format(fmt) if fmt else None, no_header, output=output, bom=bom)
    deliver(code_rows(), [f.name for f in dataclasses.fields(CodeRow)], run)
