"""The govreport command line: options -> documents -> one analysis call -> render. The only place that exits."""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from typing import Annotated, Optional

import typer

from govreport import __version__
from govreport.errors import ExitCode
from govreport.run.batch import RowsTask

app = typer.Typer(
    name="govreport",
    help="Read Chinese government work reports: keywords, targets and slogans, as tables or TSV.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    table = "table"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


Inputs = Annotated[Optional[list[str]], typer.Argument(
    help="Report files, folders (read recursively), globs, or - for stdin; none: read stdin.",
    show_default=False)]
FormatOption = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="Output format [default: table on a terminal, tsv in a pipe].",
    case_sensitive=False, show_default=False)]
NoHeader = Annotated[bool, typer.Option("--no-header", help="Drop the header row of tsv/csv.")]
EncodingOption = Annotated[Optional[str], typer.Option(
    "--encoding", "-e", help="Read inputs in this encoding instead of detecting it (gb18030, big5, utf-16 ...).")]
JobsOption = Annotated[Optional[int], typer.Option(
    "--jobs", "-j", min=1, help="Worker processes [default: the number of CPUs]; 1 runs in-process.",
    show_default=False)]
NoCache = Annotated[bool, typer.Option(
    "--no-cache", help="Neither read nor write the result cache (see `govreport cache info`).")]
SegmenterOption = Annotated[str, typer.Option(
    "--segmenter", help="auto (rjieba where installed, else jieba), jieba or rjieba; --pos and textrank use jieba.")]
MaxSizeOption = Annotated[float, typer.Option(
    "--max-size", min=0.001, help="Refuse inputs larger than this many megabytes (reports are under 2).")]
CorrectionsOption = Annotated[Optional[list[str]], typer.Option(
    "--corrections", help="TSV of fixes to figures (file, line, text, fix: reject or field=value;…), repeatable; "
                          "govreport-corrections.tsv beside the inputs is read too.", show_default=False)]
MetaOption = Annotated[Optional[str], typer.Option(
    "--meta", help="CSV/TSV with a header row: file (name or glob), region or region_code, year, level; "
                   "overrides what each report says of itself.", show_default=False)]


def _version(value: bool) -> None:
    if value:
        print(f"govreport {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Read Chinese government work reports: keywords, targets and slogans, as tables or TSV."""


def warn(message: str) -> None:
    from govreport.output.render import safe

    print(f"govreport: {safe(message)}", file=sys.stderr, flush=True)


def _inputs(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if sys.stdin is None or sys.stdin.isatty():
        warn("no input: give report files or folders, or pipe a report into stdin (see --help)")
        raise typer.Exit(ExitCode.USAGE)
    return ["-"]


def _load(inputs, task, run: "Run"):
    """A batch over the inputs; bad inputs are reported on stderr as they come."""
    from govreport.run.batch import Batch, default_jobs
    from govreport.run.cache import Cache

    stdin = sys.stdin.buffer if sys.stdin is not None else None
    given = _meta(run.meta).given if run.meta else None
    batch = Batch(_inputs(inputs), task, encoding=run.encoding, stdin=stdin, jobs=run.jobs or default_jobs(),
                  cache=None if run.no_cache else Cache.open(), on_error=lambda err: warn(str(err)), on_notice=warn,
                  max_size=int(run.max_size * 1024 * 1024), given=given)
    if len(batch.paths) >= PROGRESS_MIN and sys.stderr.isatty():
        return _with_progress(batch)
    return batch


def _meta(path: str):
    try:
        info = os.stat(path)
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = None
    return _read_meta(path, stamp)


@functools.cache  # diff and compare load two sides: the file is read once (while it is unchanged)
def _read_meta(path: str, stamp: tuple | None):
    from govreport.run.meta import MetaError, read_meta

    try:
        return read_meta(path)
    except MetaError as err:
        warn(str(err))
        raise typer.Exit(ExitCode.USAGE) from None


def _corrector(inputs, run: "Run"):
    """The corrections of a run: --corrections files and govreport-corrections.tsv beside the inputs."""
    from govreport.run.corrections import CorrectionsError, default_files, load

    try:
        return load([*run.corrections, *default_files(inputs or [])])
    except CorrectionsError as err:
        warn(str(err))
        raise typer.Exit(ExitCode.USAGE) from None


def _unmatched(corrections) -> None:
    for item in corrections.unmatched():
        warn(f"{item.where}: matches no figure of {item.file} (line {item.line}, {item.text}): "
             f"the input changed? not applied")


PROGRESS_MIN = 8  # inputs before a progress bar is worth showing


class _with_progress:
    """Iterate a batch with a rich progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, batch):
        self.batch, self.paths, self.failed = batch, batch.paths, batch.failed

    def __iter__(self):
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            bar = progress.add_task("reading", total=len(self.paths))
            self.batch.on_progress = lambda done, total: progress.update(bar, completed=done)
            yield from self.batch


@contextmanager
def _quiet_pipe():
    """Writing to stdout: a reader that closes the pipe early (`| head`) ends the run quietly."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.OK) from None


def _emit(rows, fields, fmt: Format | None, no_header: bool, view=None) -> None:
    """Render rows to stdout."""
    from govreport.output.render import render

    with _quiet_pipe():
        render(rows, fields, fmt=fmt.value if fmt else None, header=not no_header, view=view)


def _finish(batch) -> None:
    if batch.failed:
        raise typer.Exit(ExitCode.INPUT_FAILED)


def _csv_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace("，", ",").split(",") if v.strip()]


@app.command()
def keywords(
    inputs: Inputs = None,
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="How many words (0 = all).")] = 20,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Drop words seen fewer times.")] = 1,
    min_len: Annotated[int, typer.Option("--min-len", min=1, help="Shortest word, in characters.")] = 2,
    stopwords: Annotated[Optional[list[str]], typer.Option(
        "--stopwords", help="File of extra stop words, one a line (repeatable).", exists=True, dir_okay=False)] = None,
    userdict: Annotated[Optional[list[str]], typer.Option(
        "--userdict", help="Extra jieba dictionary: `word [freq] [tag]` a line (repeatable).",
        exists=True, dir_okay=False)] = None,
    pos: Annotated[Optional[str], typer.Option(
        "--pos", help="Keep only these jieba POS tags, e.g. n,vn,nz (runs the slower tagger).")] = None,
    method: Annotated[str, typer.Option("--method", "-m", help="freq; keyness or tfidf (against a profile of real reports); textrank.")] = "freq",
    by_doc: Annotated[bool, typer.Option("--by-doc", help="One list per input, with a file column.")] = False,
    terms: Annotated[Optional[str], typer.Option(
        "--terms", help="Count exactly these comma-separated terms, zeros included (a text search).")] = None,
    segmenter: SegmenterOption = "auto",
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
) -> None:
    """Word frequency that keeps domain terms whole and never ranks stop words or numbers.

    Example: govreport keywords corpus/fengquan-2022.txt --top 10
    """
    from govreport.analyses import keywords as kw
    from govreport.document.simplify import to_simplified

    if method not in kw.METHODS:
        raise typer.BadParameter(f"{method!r} is not one of {', '.join(kw.METHODS)}", param_hint="--method")
    wanted = [to_simplified(t) for t in _csv_list(terms)]
    options = kw.Options(min_len=min_len, stopwords=kw.load_stopwords(stopwords or ()),
                         pos=frozenset(_csv_list(pos)), method=method)
    backend = _backend(segmenter, needs_tags=bool(options.pos) or method == "textrank")
    task = kw.KeywordTask(options, tuple(userdict or ()), tuple(wanted), backend)
    batch = _load(inputs, task, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta))
    several = len(batch.paths) > 1
    rows = kw.rank((counts for _, counts in batch), method=method, top=0 if wanted else top, min_count=0 if wanted else min_count,
                   several=several and not by_doc, keep_zeros=bool(wanted), by_doc=by_doc)
    fields = (["file"] if by_doc else []) + ["rank", "word", "count", "per_10k"]
    fields += ["docs"] if several and not by_doc else []
    fields += ["score"] if method != "freq" else []
    from govreport.output.render import View

    _emit(rows, fields, fmt, no_header, View(bar="count"))
    _finish(batch)


@app.command()
def slogans(
    inputs: Inputs = None,
    all_types: Annotated[bool, typer.Option("--all", help="Also list quoted sentences and damaged spans.")] = False,
    types: Annotated[Optional[str], typer.Option(
        "--type", "-t", help="Only these types: formula,slogan,policy,model,event,quote,garbled.")] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Drop phrases quoted fewer times.")] = 1,
    explain: Annotated[bool, typer.Option("--explain", help="Add what well-known formulas stand for.")] = False,
    unquoted: Annotated[bool, typer.Option(
        "--unquoted", help="Also find numbered formulas used without quotes (四个坚持, 三大攻坚战).")] = False,
    by_doc: Annotated[bool, typer.Option("--by-doc", help="One list per input, with a file column.")] = False,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
) -> None:
    """Quoted political phrases (“六稳”, “放管服”, “1+8+N”), counted and typed; damaged spans flagged.

    Example: govreport slogans corpus/fengquan-2022.txt --type formula
    """
    from govreport.analyses import slogans as sl

    wanted = tuple(_csv_list(types)) or (sl.TYPES if all_types else sl.DEFAULT_TYPES)
    if unknown := [t for t in wanted if t not in sl.TYPES]:
        raise typer.BadParameter(f"unknown type {unknown[0]!r} (one of {', '.join(sl.TYPES)})", param_hint="--type")
    batch = _load(inputs, RowsTask(sl.slogan_stats, (unquoted,)), Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta))
    several = len(batch.paths) > 1

    def reported(parts):
        for name, stats in parts:
            if "garbled" not in wanted and (lines := sl.damaged_quotes(stats)):
                where = ", ".join(str(n) for n in dict.fromkeys(lines))
                warn(f"{name}: {len(lines)} quoted spans damaged by an encoding error (lines {where}; see --all)")
            yield name, stats

    options = dict(types=wanted, min_count=0 if unquoted and min_count == 1 else min_count, explain=explain)
    if by_doc:
        rows = [replace(row, file=name) for name, stats in reported(batch)
                for row in sl.merge([(name, stats)], **options)]
    else:
        rows = sl.merge(reported(batch), several=several, **options)
    fields = (["file"] if several or by_doc else []) + ["phrase", "type", "quoted", "mentions", "first_line"]
    fields += (["files"] if several and not by_doc else []) + (["meaning", "first_year"] if explain else [])
    _emit(rows, fields, fmt, no_header)
    _finish(batch)


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
    conflicts: Annotated[bool, typer.Option(
        "--conflicts", help="With --panel: every figure of the cells where several disagree, with its line and "
                            "whether the panel kept it (the surest, then the 主要预期目标 sentence's, then the first).")] = False,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
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
        _check_pattern(wanted)
    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()))
    if not panel and (given := next((o for o, on in (("--wide", wide), ("--all-changes", all_changes),
                                                     ("--conflicts", conflicts)) if on), None)):
        raise typer.BadParameter(f"{given} needs --panel", param_hint=given)
    if panel:
        _panel(inputs, wanted, year, wide, all_changes, run, conflicts=conflicts)
        return
    fixes = _corrector(inputs, run)
    _stream(inputs, RowsTask(tg.extract), tg.TargetRow, run,
            view=lambda batch: views.targets_view(several=len(batch.paths) > 1),
            pick=lambda found: tg.select(fixes.apply(found), kind=kind, indicator=wanted, year=year),
            after=lambda: _unmatched(fixes))


def _backend(choice: str, *, needs_tags: bool = False) -> str:
    """The segmenter a run uses; jieba wherever POS tags are needed."""
    from govreport.analyses.segment import BACKENDS, available

    if choice not in BACKENDS:
        raise typer.BadParameter(f"{choice!r} is not one of {', '.join(BACKENDS)}", param_hint="--segmenter")
    if needs_tags:
        if choice == "rjieba":
            raise typer.BadParameter("--pos and --method textrank need jieba's tagger", param_hint="--segmenter")
        return "jieba"
    backend = available(choice)
    if backend == "rjieba" and available("auto") != "rjieba":
        raise typer.BadParameter("rjieba is not installed (pip install rjieba)", param_hint="--segmenter")
    return backend


def _check_pattern(indicator: str) -> None:
    import re

    try:
        re.compile(indicator)
    except re.error as err:
        raise typer.BadParameter(f"not a code or a regular expression: {err}", param_hint="--indicator") from None


def _panel(inputs, indicator, year, wide, all_changes, run, *, conflicts: bool = False) -> None:
    from govreport.analyses import panel as pn
    from govreport.output.views import panel_view

    batch = _load(inputs, RowsTask(pn.panel_facts), run)
    fixes = _corrector(inputs, run)
    notices: list[str] = []
    cells = pn.candidates((replace(facts, rows=tuple(fixes.apply(facts.rows))) for _, facts in batch),
                          all_changes=all_changes, notices=notices)
    _unmatched(fixes)
    for notice in notices:
        warn(notice)
    if conflicts:
        found = pn.select(pn.conflict_rows(cells), indicator=indicator, year=year)
        _emit(found, [f.name for f in dataclasses.fields(pn.ConflictRow)], run.fmt, run.no_header)
        _finish(batch)
        return
    rows = pn.select(pn.rows_of(cells), indicator=indicator, year=year)
    if wide:
        table, fields = pn.widen(rows)
        _emit(table, fields, run.fmt, run.no_header)
    else:
        _emit(rows, [f.name for f in dataclasses.fields(pn.PanelRow)], run.fmt, run.no_header, panel_view())
    _finish(batch)


@dataclass(frozen=True)
class Run:
    """The options every command shares: how to read the inputs and how to write the rows."""

    fmt: Format | None = None
    no_header: bool = False
    encoding: str | None = None
    jobs: int | None = None
    no_cache: bool = False
    max_size: float = 64
    meta: str | None = None  # the --meta file
    corrections: tuple[str, ...] = ()  # --corrections files


def _stream(inputs, task, row_type, run: Run, *, view=None, pick=lambda found: found, after=None) -> None:
    """Per-document rows, streamed to the renderer as documents finish; exit 1 if any input failed."""
    batch = _load(inputs, task, run)
    rows = (row for _, found in batch for row in pick(found))
    _emit(rows, [f.name for f in dataclasses.fields(row_type)], run.fmt, run.no_header,
          view(batch) if callable(view) else view)
    if after is not None:
        after()
    _finish(batch)


@app.command()
def outline(
    inputs: Inputs = None,
    level: Annotated[int, typer.Option("--level", "-l", min=1, max=4, help="Deepest level shown (1-4).")] = 4,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
) -> None:
    """The heading tree with its levels and line numbers: markers 一、 （一） 一是 and numbered items.

    Example: govreport outline corpus/fengquan-2022.txt --level 2
    """
    from govreport.analyses.outline import OutlineRow, outline_rows
    from govreport.output.views import outline_view

    _stream(inputs, RowsTask(outline_rows, (level,)), OutlineRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta),
            view=outline_view())


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
) -> None:
    """One row per report from its own opening lines: title, region, level, year, date, meeting, speaker, sizes.

    Example: govreport info ../shared/reports/
    """
    from govreport.analyses.info import InfoRow, describe

    _stream(inputs, RowsTask(describe), InfoRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta), pick=lambda row: [row])


@app.command()
def kwic(
    term: Annotated[str, typer.Argument(help="The word to look for (traditional is fine), or a regex with --regex.")],
    inputs: Inputs = None,
    width: Annotated[int, typer.Option("--width", "-w", min=1, help="Characters of context on each side.")] = 20,
    regex: Annotated[bool, typer.Option("--regex", "-r", help="TERM is a Python regular expression.")] = False,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
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
    _stream(inputs, RowsTask(find, (pattern.pattern, width)), KwicRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta),
            view=kwic_view(width))


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
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
) -> None:
    """Keyness: words typical of A (positive G2) and of B (negative), with log-likelihood and log ratio.

    Example: govreport compare ../shared/reports/national-2024.txt ../shared/reports/national-2023.txt
    """
    from govreport.analyses import keywords as kw
    from govreport.analyses.keyness import KeynessRow, keyness, totals

    task = kw.KeywordTask(kw.Options(min_len=min_len, stopwords=kw.load_stopwords(())), backend=_backend(segmenter))
    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta)
    sides = [_load([side], task, run) for side in (a, b)]
    (count_a, total_a), (count_b, total_b) = (totals(counts for _, counts in side) for side in sides)
    rows = keyness(count_a, count_b, total_a, total_b, top=top, min_count=min_count)
    _emit(rows, [f.name for f in dataclasses.fields(KeynessRow)], fmt, no_header)
    if any(side.failed for side in sides):
        raise typer.Exit(ExitCode.INPUT_FAILED)


@app.command()
def text(
    inputs: Inputs = None,
    fmt: Annotated[Optional[Format], typer.Option(
        "--format", "-f", help="tsv, csv, json, jsonl or table give file, line, text rows [default: the text itself].",
        case_sensitive=False, show_default=False)] = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
) -> None:
    """The text exactly as the other commands read it (decoded, extracted from HTML, DOCX or PDF, converted
    to simplified), so a line and col of any output can be followed in it, like pdftotext.

    Example: govreport text ../shared/holdout/originals/pdf/beijing-2024.pdf > beijing-2024.txt
    """
    from govreport.analyses.text import TextLine, text_lines

    task = RowsTask(text_lines)
    if fmt is not None:
        _stream(inputs, task, TextLine, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta))
        return
    batch = _load(inputs, task, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta))
    several = len(batch.paths) > 1
    with _quiet_pipe():
        for name, lines in batch:
            if several:
                sys.stdout.write(f"==> {name} <==\n")
            sys.stdout.writelines(row.text + "\n" for row in lines)
    _finish(batch)


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
) -> None:
    """What changed from A to B: targets raised, lowered, new and dropped (matched by codebook code and
    change); formulas and slogans new, dropped and kept; the words each side uses more (keyness).

    Example: govreport diff corpus/national/national-2024.txt corpus/national/national-2025.txt
    """
    from govreport.analyses import diff as df
    from govreport.output.views import diff_view

    wanted = _csv_list(section) or ["target", "formula", "slogan", "word"]
    if unknown := [s for s in wanted if s not in ("target", "formula", "slogan", "word")]:
        raise typer.BadParameter(f"unknown section {unknown[0]!r}", param_hint="--section")
    run = Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()))
    task = RowsTask(df.diff_facts, (_backend(segmenter),))
    fixes = _corrector([a, b], run)
    sides = [_load([side], task, run) for side in (a, b)]
    facts = [[replace(result, targets=tuple(fixes.apply(result.targets))) for _, result in side] for side in sides]
    _unmatched(fixes)
    rows = [r for r in df.diff(facts[0], facts[1], top=top) if r.section in wanted]
    _emit(rows, [f.name for f in dataclasses.fields(df.DiffRow)], fmt, no_header, diff_view())
    if any(side.failed for side in sides):
        raise typer.Exit(ExitCode.INPUT_FAILED)


@app.command()
def trend(
    arguments: Annotated[list[str], typer.Argument(
        help="Terms, then inputs: an argument that names a file, folder or glob is an input.", show_default=False)],
    by_region: Annotated[bool, typer.Option("--by-region", help="One line per region and year, not per year.")] = False,
    segmenter: SegmenterOption = "auto",
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
    max_size: MaxSizeOption = 64,
    meta: MetaOption = None,
) -> None:
    """How often reports use terms, per 10,000 tokens by report year (and region): a sparkline on a
    terminal, one row per term and year in a pipe.

    Example: govreport trend 新质生产力 乡村振兴 高质量发展 corpus/national/
    """
    from govreport.analyses import trend as tr
    from govreport.document.simplify import to_simplified
    from govreport.output.render import resolve_format
    from govreport.output.views import trend_view
    from govreport.readers.sources import names_input

    terms = [to_simplified(a) for a in arguments if not names_input(a)]
    inputs = [a for a in arguments if names_input(a)]
    if not terms:
        raise typer.BadParameter("give at least one term before the inputs", param_hint="TERMS")
    task = RowsTask(tr.trend_facts, (tuple(terms), _backend(segmenter)))
    batch = _load(inputs or None, task, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta))
    rows = tr.trend((facts for _, facts in batch), terms, by_region=by_region)
    if resolve_format(fmt.value if fmt else None, sys.stdout) == "table":
        _emit(tr.lines(rows), [f.name for f in dataclasses.fields(tr.TrendLine)], fmt, no_header, trend_view())
    else:
        _emit(rows, [f.name for f in dataclasses.fields(tr.TrendRow)], fmt, no_header)
    _finish(batch)


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

    if output is None and sys.stdout.isatty():
        warn("give -o FILE for the page (or pipe stdout into a file)")
        raise typer.Exit(ExitCode.USAGE)
    followed = tuple(to_simplified(t) for t in _csv_list(terms))
    run = Run(None, False, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()))
    fixes = _corrector(inputs, run)
    batch = _load(inputs, RowsTask(dg.digest_facts, (followed, _backend(segmenter))), run)
    if output not in (None, "-"):
        _refuse_to_overwrite(output, [p for p in batch.paths if isinstance(p, str)])
    facts = [replace(result, panel=replace(result.panel, rows=tuple(fixes.apply(result.panel.rows))))
             for _, result in batch]
    _unmatched(fixes)
    if not facts:
        warn("no report could be read: no digest written")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    html = page(dg.assemble(facts, followed), version=version)
    if output in (None, "-"):
        with _quiet_pipe():
            sys.stdout.write(html)
    else:
        _write_new(output, html)
        warn(f"wrote {output} ({len(facts)} report{'s' if len(facts) > 1 else ''})")
    _finish(batch)


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
) -> None:
    """A page of every figure to check, the least sure first: its sentence with the figure marked, what
    was inferred (indicator, code, year, kind, bound) and why it is doubted; filters by confidence, flag
    and region (plain links, no script).

    Flags: no_code, fragment, multi_year, year_fallback, unknown_unit, implausible, conflict,
    region_unknown, year_unknown (low: fragment, implausible, conflict, year_unknown; medium: the others).

    Example: govreport review ../shared/reports/provinces-2026 -o review.html --template fixes.tsv
    """
    from govreport import __version__ as version
    from govreport.analyses import panel as pn
    from govreport.analyses.review import doubtful
    from govreport.analyses.review import review as build
    from govreport.output.review import page
    from govreport.run.corrections import template as corrections_template

    if output is None and sys.stdout.isatty():
        warn("give -o FILE for the page (or pipe stdout into a file)")
        raise typer.Exit(ExitCode.USAGE)
    run = Run(None, False, encoding, jobs, no_cache, max_size, meta, tuple(corrections or ()))
    fixes = _corrector(inputs, run)
    batch = _load(inputs, RowsTask(pn.panel_facts), run)
    paths = [p for p in batch.paths if isinstance(p, str)]
    for target in (output, template):
        if target not in (None, "-"):
            _refuse_to_overwrite(target, paths)
    found = build(replace(facts, rows=tuple(fixes.apply(facts.rows))) for _, facts in batch)
    _unmatched(fixes)
    if not found.reports:
        warn("no report could be read: no review written")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    html = page(found, version=version)
    if output in (None, "-"):
        with _quiet_pipe():
            sys.stdout.write(html)
    else:
        _write_new(output, html)
        warn(f"wrote {output} ({len(found.items)} figures, {found.by_confidence.get('low', 0)} low, "
             f"{found.by_confidence.get('medium', 0)} medium)")
    if template:
        _write_new(template, corrections_template(doubtful(found)), "the template")
        warn(f"wrote {template} ({len(doubtful(found))} doubtful rows to correct)")
    _finish(batch)


def _refuse_to_overwrite(output: str, inputs: list[str]) -> None:
    """The page never replaces an input, a folder or anything that is not a regular file."""
    if os.path.isdir(output):
        warn(f"{output}: is a folder; give a file name for the page")
        raise typer.Exit(ExitCode.USAGE)
    if os.path.lexists(output) and not os.path.isfile(output):
        warn(f"{output}: is not a regular file; give another name for the page")
        raise typer.Exit(ExitCode.USAGE)
    if os.path.exists(output) and any(os.path.exists(p) and os.path.samefile(output, p) for p in inputs):
        warn(f"{output}: is one of the inputs; give another name for the page")
        raise typer.Exit(ExitCode.USAGE)


def _write_new(path: str, text: str, what: str = "the page") -> None:
    """Written whole or not at all: a temporary file beside it, then renamed over it."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".govreport-", suffix=os.path.splitext(path)[1], dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644 & ~_umask())
        os.replace(temporary, path)
    except OSError as err:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
        warn(f"{path}: cannot write {what} ({err.strerror or err})")
        raise typer.Exit(ExitCode.INPUT_FAILED) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
) -> None:
    """A damage report: encoding errors (with what the bytes still tell), lost characters, split lines, stray spaces.

    Example: govreport doctor corpus/fengquan-2022.txt
    """
    from govreport.analyses.doctor import DamageRow, diagnose

    _stream(inputs, RowsTask(diagnose), DamageRow, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta))


cache_app = typer.Typer(
    help="The result cache: where it is, how big, and how to empty it.\n\nExample: govreport cache info",
    no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(fmt: FormatOption = None, no_header: NoHeader = False) -> None:
    """Where the cache lives, how many documents it holds and its size in bytes.

    Example: govreport cache info
    """
    from govreport.run.cache import Cache, cache_dir

    store = Cache.open()
    if store is None:
        warn(f"{cache_dir()}: the cache cannot be opened (set GOVREPORT_CACHE_DIR to a writable folder)")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    info = store.info()
    _emit([info], ["path", "entries", "bytes", "limit"], fmt, no_header)


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached result (the next run recomputes them).

    Example: govreport cache clear
    """
    from govreport.run.cache import Cache, cache_dir

    store = Cache.open()
    if store is None:
        warn(f"{cache_dir()}: the cache cannot be opened")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    print(f"govreport: removed {store.clear()} cached results from {store.path}", file=sys.stderr)


def main() -> None:
    """Console-script entry point: whatever happens, one line on stderr, never a traceback."""
    try:
        app(prog_name="govreport")
    except KeyboardInterrupt:
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(ExitCode.OK)
    except Exception as err:  # noqa: BLE001 - the last line of defence
        warn(f"internal error {type(err).__name__}: {err} (please report it)")
        sys.exit(ExitCode.INPUT_FAILED)
