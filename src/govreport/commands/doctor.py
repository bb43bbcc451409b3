"""govreport doctor: a damage report."""

from __future__ import annotations

from govreport.commands.common import (
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
def doctor(
    inputs: Inputs = None,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """A damage report: encoding errors (with what the bytes still tell), lost characters, split lines, stray spaces.

    Example: govreport doctor corpus/fengquan-2022.txt
    """
    from govreport.analyses.doctor import DamageRow, diagnose

    stream(inputs, RowsTask(diagnose), DamageRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())))
