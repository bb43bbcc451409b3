"""govreport trend: how often reports use terms, by year."""

from __future__ import annotations

import dataclasses
import sys
from typing import Annotated

import typer

from govreport.commands.common import (
    ScriptOption,
    ExcludeOption,
    EncodingOption,
    FormatOption,
    JobsOption,
    MaxSizeOption,
    MetaOption,
    NoCache,
    NoHeader,
    Run,
    SegmenterOption,
    app,
    choose_backend,
    emit,
    finish,
    load,
)
from govreport.run.batch import RowsTask


@app.command()
def trend(
    arguments: Annotated[list[str], typer.Argument(
        help="Terms, then inputs: an argument that names a file, folder or glob is an input.", show_default=False)],
    by_region: Annotated[bool, typer.Option("--by-region", help="One line per region and year, not per year.")] = False,
    segmenter: SegmenterOption = "auto",
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
    """How often reports use terms, per 10,000 tokens by report year (and region): a sparkline on a
    terminal, one row per term and year in a pipe.

    Example: govreport trend 新质生产力 乡村振兴 高质量发展 corpus/national/
    """
    from govreport.analyses import trend as tr
    from govreport.document.simplify import to_simplified
    from govreport.output.render import resolve_format
    from govreport.output.views import trend_view
    from govreport.readers.sources import names_input

    terms = [to_simplified(a) for a in arguments if not names_input(a)]
    inputs = [a for a in arguments if names_input(a)]
    if not terms:
        raise typer.BadParameter("give at least one term before the inputs", param_hint="TERMS")
    task = RowsTask(tr.trend_facts, (tuple(terms), choose_backend(segmenter)))
    batch = load(inputs or None, task, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())),
                 once=True)
    rows = tr.trend((facts for _, facts in batch), terms, by_region=by_region)
    if resolve_format(fmt.value if fmt else None, sys.stdout) == "table":
        emit(tr.lines(rows), [f.name for f in dataclasses.fields(tr.TrendLine)], fmt, no_header, trend_view())
    else:
        emit(rows, [f.name for f in dataclasses.fields(tr.TrendRow)], fmt, no_header)
    finish(batch)
