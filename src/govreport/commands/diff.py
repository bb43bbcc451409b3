"""govreport diff: what changed from one report (or folder) to the next."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from typing import Annotated, Optional

import typer

from govreport.commands.common import (
    ExcludeOption,
    CorrectionsOption,
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
    corrector,
    csv_list,
    emit,
    load,
    report_unmatched,
    facts_task,
    phrases_task,
)
from govreport.errors import ExitCode
from govreport.run.batch import SharedTask


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="Side A (the earlier): a report, a folder or a glob.")],
    b: Annotated[str, typer.Argument(help="Side B (the later): a report, a folder or a glob.")],
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="Words shown for each side (0 = all).")] = 20,
    section: Annotated[Optional[str], typer.Option(
        "--section", "-s", help="Only these sections: target,formula,slogan,word.")] = None,
    segmenter: SegmenterOption = "auto",
    corrections: CorrectionsOption = None,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """What changed from A to B: targets raised, lowered, new and dropped (matched by codebook code and
    change); formulas and slogans new, dropped and kept; the words each side uses more (keyness).

    Example: govreport diff corpus/national/national-2024.txt corpus/national/national-2025.txt
    """
    from govreport.analyses import diff as df
    from govreport.output.views import diff_view

    wanted = csv_list(section) or ["target", "formula", "slogan", "word"]
    if unknown := [s for s in wanted if s not in ("target", "formula", "slogan", "word")]:
        raise typer.BadParameter(f"unknown section {unknown[0]!r}", param_hint="--section")
    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()), tuple(exclude or ()))
    task = diff_task(choose_backend(segmenter))
    fixes = corrector([a, b], run)
    sides = [load([side], task, run, once=True) for side in (a, b)]
    facts = [[replace(result, targets=tuple(fixes.apply(result.targets))) for _, result in side] for side in sides]
    report_unmatched(fixes)
    rows = [r for r in df.diff(facts[0], facts[1], top=top) if r.section in wanted]
    emit(rows, [f.name for f in dataclasses.fields(df.DiffRow)], fmt, no_header, diff_view())
    if any(side.failed for side in sides):
        raise typer.Exit(ExitCode.INPUT_FAILED)


def diff_task(backend: str) -> "SharedTask":
    """A diff's parts, each cached under the key of the command that makes it alone (targets and
    info, slogans, keywords): a diff of reports those have read is a cache read."""
    from govreport.analyses import diff as df
    from govreport.analyses.keywords import default_task

    return SharedTask((("facts", facts_task()), ("phrases", phrases_task()), ("words", default_task(backend))),
                      df.diff_from)
