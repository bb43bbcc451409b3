"""govreport digest: one self-contained HTML page of the reports."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Optional

import typer

from govreport.commands.common import (
    CorrectionsOption,
    EncodingOption,
    ExcludeOption,
    Inputs,
    JobsOption,
    MaxSizeOption,
    MetaOption,
    NoCache,
    Run,
    SegmenterOption,
    app,
    choose_backend,
    corrector,
    csv_list,
    deliver_page,
    finish,
    load,
    page_destination,
    refuse_to_overwrite,
    report_unmatched,
    warn,
    facts_task,
    phrases_task,
)
from govreport.errors import ExitCode
from govreport.run.batch import RowsTask, SharedTask


@app.command()
def digest(
    inputs: Inputs = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", help="Write the page to this file [default: stdout, when it is not a terminal].",
        show_default=False)] = None,
    terms: Annotated[Optional[str], typer.Option(
        "--terms", help="Terms to follow over the years, e.g. 新质生产力,乡村振兴 [default: the words that rose "
                        "and fell most].")] = None,
    segmenter: SegmenterOption = "auto",
    corrections: CorrectionsOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """One self-contained HTML page (inline SVG charts, no script, opens from a file). One report: its info,
    outline, this year's targets beside last year's results, distinctive words, formulas, damage. Several:
    the panel as charts, term trends, the diff of a region's latest two reports.

    Example: govreport digest corpus/national/ -o digest.html
    """
    from govreport import __version__ as version
    from govreport.analyses import digest as dg
    from govreport.document.simplify import to_simplified
    from govreport.output.digest import page

    page_destination(output)
    followed = tuple(to_simplified(t) for t in csv_list(terms))
    run = Run(None, False, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()), tuple(exclude or ()))
    fixes = corrector(inputs, run)
    batch = load(inputs, digest_task(followed, choose_backend(segmenter)), run, once=True)
    if output not in (None, "-"):
        refuse_to_overwrite(output, [p for p in batch.paths if isinstance(p, str)])
    facts = [replace(result, panel=replace(result.panel, rows=tuple(fixes.apply(result.panel.rows))))
             for _, result in batch]
    report_unmatched(fixes)
    if not facts:
        warn("no report could be read: no digest written")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    deliver_page(output, page(dg.assemble(facts, followed), version=version),
                 f"{len(facts)} report{'s' if len(facts) > 1 else ''}")
    finish(batch)


def digest_task(terms: tuple[str, ...], backend: str) -> "SharedTask":
    """A digest's parts, each cached under the key of the command that makes it alone: after
    targets (or info), keywords and slogans over the same reports, a digest computes only its outline
    and extras."""
    from govreport.analyses import digest as dg
    from govreport.analyses.keywords import default_task
    from govreport.analyses.outline import outline_rows

    return SharedTask((("facts", facts_task()), ("words", default_task(backend)), ("phrases", phrases_task()),
                       ("outline", RowsTask(outline_rows, (dg.OUTLINE_LEVEL,))),
                       ("extras", RowsTask(dg.digest_extras, (terms,)))), dg.digest_from)
