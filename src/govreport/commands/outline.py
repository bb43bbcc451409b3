"""govreport outline: the heading tree."""

from __future__ import annotations

from typing import Annotated

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
    stream,
)
from govreport.run.batch import RowsTask


@app.command()
def outline(
    inputs: Inputs = None,
    level: Annotated[int, typer.Option("--level", "-l", min=1, max=4, help="Deepest level shown (1-4).")] = 4,
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
    """The heading tree with its levels and line numbers: markers 一、 （一） 一是 and numbered items.

    Example: govreport outline corpus/fengquan-2022.txt --level 2
    """
    from govreport.analyses.outline import OutlineRow, outline_rows
    from govreport.output.views import outline_view

    stream(inputs, RowsTask(outline_rows, (level,)), OutlineRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())),
            view=outline_view())
