"""govreport slogans: quoted political phrases, counted and typed."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Optional

import typer

from govreport.commands.common import (
    ScriptOption,
    ExcludeOption,
    EncodingOption,
    FormatOption,
    Inputs,
    JobsOption,
    MaxSizeOption,
    MetaOption,
    NoCache,
    NoHeader,
    Run,
    app,
    csv_list,
    emit,
    finish,
    load,
    warn,
    phrases_task,
)


@app.command()
def slogans(
    inputs: Inputs = None,
    all_types: Annotated[bool, typer.Option("--all", help="Also list quoted sentences and damaged spans.")] = False,
    types: Annotated[Optional[str], typer.Option(
        "--type", "-t", help="Only these types: formula,slogan,policy,model,event,quote,garbled.")] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Drop phrases quoted fewer times.")] = 1,
    explain: Annotated[bool, typer.Option("--explain", help="Add what well-known formulas stand for.")] = False,
    unquoted: Annotated[bool, typer.Option(
        "--unquoted", help="Also find numbered formulas used without quotes (四个坚持, 三大攻坚战).")] = False,
    by_doc: Annotated[bool, typer.Option("--by-doc", help="One list per input, with a file column.")] = False,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    script: ScriptOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """Quoted political phrases (“六稳”, “放管服”, “1+8+N”), counted and typed; damaged spans flagged.

    Example: govreport slogans corpus/fengquan-2022.txt --type formula
    """
    from govreport.analyses import slogans as sl

    wanted = tuple(csv_list(types)) or (sl.TYPES if all_types else sl.DEFAULT_TYPES)
    if unknown := [t for t in wanted if t not in sl.TYPES]:
        raise typer.BadParameter(f"unknown type {unknown[0]!r} (one of {', '.join(sl.TYPES)})", param_hint="--type")
    batch = load(inputs, phrases_task(unquoted),
                 Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())), once=not by_doc)
    several = len(batch.paths) > 1

    def reported(parts):
        for name, stats in parts:
            if "garbled" not in wanted and (lines := sl.damaged_quotes(stats)):
                where = ", ".join(str(n) for n in dict.fromkeys(lines))
                warn(f"{name}: {len(lines)} quoted spans damaged by an encoding error (lines {where}; see --all)")
            yield name, stats

    options = dict(types=wanted, min_count=0 if unquoted and min_count == 1 else min_count, explain=explain)
    if by_doc:
        rows = [replace(row, file=name) for name, stats in reported(batch)
                for row in sl.merge([(name, stats)], **options)]
    else:
        rows = sl.merge(reported(batch), several=several, **options)
    fields = (["file"] if several or by_doc else []) + ["phrase", "type", "quoted", "mentions", "first_line"]
    fields += (["files"] if several and not by_doc else []) + (["meaning", "first_year"] if explain else [])
    emit(rows, fields, fmt, no_header)
    finish(batch)
