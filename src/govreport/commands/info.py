"""govreport info: who and when each report is from, with the cues."""

from __future__ import annotations

from govreport.commands.common import (
    ScriptOption,
    BomOption,
    OutputOption,
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
    facts_task,
)


@app.command()
def info(
    inputs: Inputs = None,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    script: ScriptOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
    exclude: ExcludeOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
) -> None:
    """One row per report: title, region and its GB/T 2260 code, province, level, year, the cues they were
    read from, date, meeting, speaker, sizes.

    Example: govreport info corpus/national/
    """
    from govreport.analyses.info import InfoRow

    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ()), output=output,
              bom=bom)
    stream(inputs, facts_task(want=("info",)), InfoRow, run, pick=lambda facts: [facts.info])
