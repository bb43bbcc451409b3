"""govreport compare: keyness of two sides."""

from __future__ import annotations

import dataclasses
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
    load,
)
from govreport.errors import ExitCode


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="Side A: a report, a folder or a glob.")],
    b: Annotated[str, typer.Argument(help="Side B: a report, a folder or a glob.")],
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="Words shown for each side (0 = all).")] = 20,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Drop words seen fewer times in all.")] = 3,
    min_len: Annotated[int, typer.Option("--min-len", min=1, help="Shortest word, in characters.")] = 2,
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
    """Keyness: words typical of A (positive G2) and of B (negative), with log-likelihood and log ratio.

    Example: govreport compare corpus/national/national-2024.txt corpus/national/national-2023.txt
    """
    from govreport.analyses import keywords as kw
    from govreport.analyses.keyness import KeynessRow, keyness, totals

    task = kw.KeywordTask(kw.Options(min_len=min_len, stopwords=kw.load_stopwords(())), backend=choose_backend(segmenter))
    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ()))
    sides = [load([side], task, run, once=True) for side in (a, b)]
    (count_a, total_a), (count_b, total_b) = (totals(counts for _, counts in side) for side in sides)
    rows = keyness(count_a, count_b, total_a, total_b, top=top, min_count=min_count)
    emit(rows, [f.name for f in dataclasses.fields(KeynessRow)], fmt, no_header)
    if any(side.failed for side in sides):
        raise typer.Exit(ExitCode.INPUT_FAILED)
