"""govreport review: the figures to check, the least sure first, and a corrections template."""

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
    app,
    corrector,
    deliver_page,
    finish,
    load,
    page_destination,
    refuse_to_overwrite,
    report_unmatched,
    warn,
    write_new,
    facts_task,
)
from govreport.errors import ExitCode


@app.command()
def review(
    inputs: Inputs = None,
    output: Annotated[Optional[str], typer.Option(
        "--output", "-o", help="Write the page to this file [default: stdout, when it is not a terminal].",
        show_default=False)] = None,
    template: Annotated[Optional[str], typer.Option(
        "--template", help="Also write a corrections file of the doubtful rows, its fix column empty, to fill in "
                           "and give back with --corrections.", show_default=False)] = None,
    corrections: CorrectionsOption = None,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
    exclude: ExcludeOption = None,
) -> None:
    """A page of every figure to check, the least sure first: its sentence with the figure marked, what
    was inferred (indicator, code, year, kind, bound) and why it is doubted; filters by confidence, flag
    and region (plain links, no script).

    Flags: no_code, fragment, multi_year, year_fallback, unknown_unit, implausible, conflict,
    region_unknown, year_unknown (low: fragment, implausible, conflict, year_unknown; medium: the others).

    Example: govreport review corpus/ -o review.html --template fixes.tsv
    """
    from govreport import __version__ as version
    from govreport.analyses.report import panel_of
    from govreport.analyses.review import doubtful
    from govreport.analyses.review import review as build
    from govreport.output.review import page
    from govreport.run.corrections import template as corrections_template

    page_destination(output)
    run = Run(None, False, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()), tuple(exclude or ()))
    fixes = corrector(inputs, run)
    batch = load(inputs, facts_task(), run, once=True)
    paths = [p for p in batch.paths if isinstance(p, str)]
    for target in (output, template):
        if target not in (None, "-"):
            refuse_to_overwrite(target, paths)
    found = build(replace(panel_of(facts), rows=tuple(fixes.apply(facts.rows))) for _, facts in batch)
    report_unmatched(fixes)
    if not found.reports:
        warn("no report could be read: no review written")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    deliver_page(output, page(found, version=version),
                 f"{len(found.items)} figures, {found.by_confidence.get('low', 0)} low, "
                 f"{found.by_confidence.get('medium', 0)} medium")
    if template:
        write_new(template, corrections_template(doubtful(found)), "the template")
        warn(f"wrote {template} ({len(doubtful(found))} doubtful rows to correct)")
    finish(batch)
