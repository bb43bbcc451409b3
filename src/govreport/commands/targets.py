"""govreport targets: every figure, and the research panel (--panel)."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from typing import Annotated, Optional

import typer

from govreport.commands.common import (
    ScriptOption,
    BomOption,
    OutputOption,
    deliver,
    ExcludeOption,
    CorrectionsOption,
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
    check_pattern,
    corrector,
    finish,
    load,
    report_unmatched,
    stream,
    warn,
    facts_task,
)


@app.command()
def targets(
    inputs: Inputs = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="target, actual, other or all.")] = "target",
    indicator: Annotated[Optional[str], typer.Option(
        "--indicator", "-i", help="A codebook code (gdp, cpi, urban_new_jobs …) or a regular expression "
                                  "on the indicator, e.g. 生产总值$.")] = None,
    year: Annotated[Optional[str], typer.Option("--year", "-y", help="Only figures for this year.")] = None,
    panel: Annotated[bool, typer.Option(
        "--panel", help="One row per region, indicator and year: the target beside the next report's result.")] = False,
    wide: Annotated[bool, typer.Option(
        "--wide", help="With --panel: one row per region and indicator, target_YYYY and actual_YYYY columns.")] = False,
    all_changes: Annotated[bool, typer.Option(
        "--all-changes", help="With --panel: every change of an indicator, not only its usual one "
                              "(the GDP level beside GDP growth).")] = False,
    corrections: CorrectionsOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    codebook: Annotated[bool, typer.Option(
        "--codebook", help="With -o: also write datapackage.json beside the file, describing its columns.")] = False,
    conflicts: Annotated[bool, typer.Option(
        "--conflicts", help="With --panel: every figure of the cells where several disagree, with its line and "
                            "whether the panel kept it (the surest, then the 主要预期目标 sentence's, then the first).")] = False,
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
    """Every quantitative goal and result: indicator, code, value, unit, bound, change, kind, year, sentence,
    and how sure each row is (confidence high, medium or low, and its flags).

    Flags: fragment, implausible, conflict, year_unknown (low); no_code, multi_year, year_fallback,
    unknown_unit, region_unknown (medium); none: high. See `govreport review`.

    Example: govreport targets corpus/fengquan-2022.txt --indicator gdp
    """
    from govreport.analyses import targets as tg
    from govreport.document.simplify import to_simplified
    from govreport.output import views

    if kind not in (*tg.KINDS, "all"):
        raise typer.BadParameter(f"{kind!r} is not one of target, actual, other, all", param_hint="--kind")
    wanted = to_simplified(indicator) if indicator else None
    if wanted:
        check_pattern(wanted)
    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()), tuple(exclude or ()),
              output=output, bom=bom)
    if codebook and not output:
        raise typer.BadParameter("--codebook needs -o FILE", param_hint="--codebook")
    if not panel and (given := next((o for o, on in (("--wide", wide), ("--all-changes", all_changes),
                                                     ("--conflicts", conflicts)) if on), None)):
        raise typer.BadParameter(f"{given} needs --panel", param_hint=given)
    if panel:
        _panel(inputs, wanted, year, wide, all_changes, run, conflicts=conflicts, codebook=codebook)
        return

    fixes = corrector(inputs, run)
    stream(inputs, facts_task(want=("rows",)), tg.TargetRow, run,
            view=lambda batch: views.targets_view(several=len(batch.paths) > 1),
            pick=lambda found: tg.select(fixes.apply(found.rows), kind=kind, indicator=wanted, year=year),
            after=lambda: report_unmatched(fixes))


def _panel(inputs, indicator, year, wide, all_changes, run, *, conflicts: bool = False, codebook: bool = False) -> None:
    from govreport.analyses import panel as pn
    from govreport.output.views import panel_view

    from govreport.analyses.report import panel_of

    batch = load(inputs, facts_task(), run, once=True)
    fixes = corrector(inputs, run)

    def cells_and_notices():
        notices: list[str] = []
        cells = pn.candidates((replace(panel_of(facts), rows=tuple(fixes.apply(facts.rows))) for _, facts in batch),
                              all_changes=all_changes, notices=notices)
        return cells, notices

    def panel_rows():
        cells, notices = cells_and_notices()
        return tuple(pn.rows_of(cells)), notices

    if conflicts or fixes.items:  # corrections are matched as the figures go by: no run is answered whole
        cells, notices = cells_and_notices()
        panel = None if conflicts else pn.rows_of(cells)
    else:  # a rerun of the same reports and options reads the panel back, not each report's figures
        panel, notices = batch.whole_run(("panel", all_changes), panel_rows)
    report_unmatched(fixes)
    for notice in notices:
        warn(notice)
    if conflicts:
        found = pn.select(pn.conflict_rows(cells), indicator=indicator, year=year)
        deliver(found, [f.name for f in dataclasses.fields(pn.ConflictRow)], run, inputs=batch.paths)
        finish(batch)
        return
    rows = pn.select(panel, indicator=indicator, year=year)
    from govreport.analyses.codes import COLUMN_DOCS, code_labels

    if wide:
        table, fields = pn.widen(rows)
        deliver(table, fields, run, inputs=batch.paths, labels=COLUMN_DOCS, value_labels=code_labels())
    else:
        deliver(rows, [f.name for f in dataclasses.fields(pn.PanelRow)], run, panel_view(), inputs=batch.paths,
                labels=COLUMN_DOCS, value_labels=code_labels())
    if codebook:
        _codebook_beside(run.output, fields if wide else [f.name for f in dataclasses.fields(pn.PanelRow)])
    finish(batch)


def _codebook_beside(output: str, fields) -> None:
    """datapackage.json next to an exported panel, describing its columns."""
    import json
    import os

    from govreport.analyses.codes import datapackage

    target = os.path.join(os.path.dirname(os.path.abspath(output)), "datapackage.json")
    with open(target, "w", encoding="utf-8") as out:
        json.dump(datapackage(os.path.basename(output), fields=fields), out, ensure_ascii=False, indent=2)
    warn(f"wrote {target}")
