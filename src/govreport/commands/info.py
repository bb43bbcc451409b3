"""govreport info: who and when each report is from, with the cues."""

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
def info(
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
    """One row per report from its own opening lines: title, region, level, year, date, meeting, speaker, sizes.

    Example: govreport info corpus/national/
    """
    from govreport.analyses.info import InfoRow, describe

    stream(inputs, RowsTask(describe), InfoRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())), pick=lambda row: [row])
