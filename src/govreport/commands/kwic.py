"""govreport kwic: a term in its context."""

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
def kwic(
    term: Annotated[str, typer.Argument(help="The word to look for (traditional is fine), or a regex with --regex.")],
    inputs: Inputs = None,
    width: Annotated[int, typer.Option("--width", "-w", min=1, help="Characters of context on each side.")] = 20,
    regex: Annotated[bool, typer.Option("--regex", "-r", help="TERM is a Python regular expression.")] = False,
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
    """Key word in context: every occurrence of TERM with the text on either side.

    Example: govreport kwic 乡村振兴 corpus/fengquan-2022.txt --width 12
    """
    import re

    from govreport.analyses.kwic import KwicRow, find, pattern_for
    from govreport.output.views import kwic_view

    try:
        pattern = pattern_for(term, regex=regex)
    except re.error as err:
        raise typer.BadParameter(f"not a regular expression: {err}", param_hint="TERM") from None
    stream(inputs, RowsTask(find, (pattern.pattern, width)), KwicRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())),
            view=kwic_view(width))
