"""The govreport command line: options -> documents -> one analysis call -> render. The only place that exits."""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import replace
from enum import Enum
from typing import Annotated, Optional

import typer

from govreport import __version__
from govreport.errors import ExitCode, InputError

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


def _version(value: bool) -> None:
    if value:
        print(f"govreport {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Read Chinese government work reports: keywords, targets and slogans, as tables or TSV."""


def warn(message: str) -> None:
    print(f"govreport: {message}", file=sys.stderr, flush=True)


def _inputs(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if sys.stdin is None or sys.stdin.isatty():
        warn("no input: give report files or folders, or pipe a report into stdin (see --help)")
        raise typer.Exit(ExitCode.USAGE)
    return ["-"]


def _load(inputs, task, encoding, jobs=None, no_cache=False):
    """A batch over the inputs; bad inputs are reported on stderr as they come."""
    from govreport.batch import Batch, default_jobs
    from govreport.cache import Cache

    stdin = sys.stdin.buffer if sys.stdin is not None else None
    batch = Batch(_inputs(inputs), task, encoding=encoding, stdin=stdin, jobs=jobs or default_jobs(),
                  cache=None if no_cache else Cache.open(), on_error=lambda err: warn(str(err)))
    if len(batch.paths) >= PROGRESS_MIN and sys.stderr.isatty():
        return _with_progress(batch)
    return batch


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
            self.batch._on_progress = lambda done, total: progress.update(bar, completed=done)
            yield from self.batch


def _emit(rows, fields, fmt: Format | None, no_header: bool, view=None) -> None:
    """Render to stdout; a reader that closes the pipe early (`| head`) ends it quietly."""
    from govreport.render import render

    try:
        render(rows, fields, fmt=fmt.value if fmt else None, header=not no_header, view=view)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitCode.OK) from None


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
    method: Annotated[str, typer.Option("--method", "-m", help="freq, tfidf or textrank.")] = "freq",
    by_doc: Annotated[bool, typer.Option("--by-doc", help="One list per input, with a file column.")] = False,
    terms: Annotated[Optional[str], typer.Option(
        "--terms", help="Count exactly these comma-separated terms, zeros included (a text search).")] = None,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
) -> None:
    """Word frequency that keeps domain terms whole and never ranks stop words or numbers.

    Example: govreport keywords corpus/fengquan-2022.txt --top 10
    """
    from govreport import keywords as kw
    from govreport.simplify import to_simplified

    if method not in kw.METHODS:
        raise typer.BadParameter(f"{method!r} is not one of {', '.join(kw.METHODS)}", param_hint="--method")
    wanted = [to_simplified(t) for t in _csv_list(terms)]
    options = kw.Options(min_len=min_len, stopwords=kw.load_stopwords(stopwords or ()),
                         pos=frozenset(_csv_list(pos)), method=method)
    task = kw.KeywordTask(options, tuple(userdict or ()), tuple(wanted))
    batch = _load(inputs, task, encoding, jobs, no_cache)
    several = len(batch.paths) > 1
    rows = kw.rank((counts for _, counts in batch), method=method, top=0 if wanted else top, min_count=0 if wanted else min_count,
                   several=several and not by_doc, keep_zeros=bool(wanted), by_doc=by_doc)
    fields = (["file"] if by_doc else []) + ["rank", "word", "count", "per_10k"]
    fields += ["docs"] if several and not by_doc else []
    fields += ["score"] if method != "freq" else []
    from govreport.render import View

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
) -> None:
    """Quoted political phrases (“六稳”, “放管服”, “1+8+N”), counted and typed; damaged spans flagged.

    Example: govreport slogans corpus/fengquan-2022.txt --type formula
    """
    from govreport import slogans as sl

    wanted = tuple(_csv_list(types)) or (sl.TYPES if all_types else sl.DEFAULT_TYPES)
    if unknown := [t for t in wanted if t not in sl.TYPES]:
        raise typer.BadParameter(f"unknown type {unknown[0]!r} (one of {', '.join(sl.TYPES)})", param_hint="--type")
    batch = _load(inputs, sl.SloganTask(unquoted), encoding, jobs, no_cache)
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
    fields += (["files"] if several and not by_doc else []) + (["meaning"] if explain else [])
    _emit(rows, fields, fmt, no_header)
    _finish(batch)


@app.command()
def targets(
    inputs: Inputs = None,
    kind: Annotated[str, typer.Option("--kind", "-k", help="target, actual, other or all.")] = "target",
    indicator: Annotated[Optional[str], typer.Option(
        "--indicator", "-i", help="Only indicators containing this text, e.g. 生产总值.")] = None,
    year: Annotated[Optional[str], typer.Option("--year", "-y", help="Only figures for this year.")] = None,
    fmt: FormatOption = None,
    no_header: NoHeader = False,
    encoding: EncodingOption = None,
    jobs: JobsOption = None,
    no_cache: NoCache = False,
) -> None:
    """Every quantitative goal and result: indicator, value, unit, bound, change, kind, year, sentence.

    Example: govreport targets corpus/fengquan-2022.txt --indicator 生产总值
    """
    from govreport import targets as tg
    from govreport.render import View
    from govreport.simplify import to_simplified

    if kind not in (*tg.KINDS, "all"):
        raise typer.BadParameter(f"{kind!r} is not one of target, actual, other, all", param_hint="--kind")
    wanted = to_simplified(indicator) if indicator else None
    batch = _load(inputs, tg.TargetTask(), encoding, jobs, no_cache)
    rows = (row for _, found in batch for row in tg.select(found, kind=kind, indicator=wanted, year=year))
    fields = [f.name for f in dataclasses.fields(tg.TargetRow)]
    _emit(rows, fields, fmt, no_header, tg.table_view(several=len(batch.paths) > 1))
    _finish(batch)


cache_app = typer.Typer(
    help="The result cache: where it is, how big, and how to empty it.\n\nExample: govreport cache info",
    no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(fmt: FormatOption = None, no_header: NoHeader = False) -> None:
    """Where the cache lives, how many documents it holds and its size in bytes.

    Example: govreport cache info
    """
    from govreport.cache import Cache, cache_dir

    store = Cache.open()
    if store is None:
        warn(f"{cache_dir()}: the cache cannot be opened (set GOVREPORT_CACHE_DIR to a writable folder)")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    info = store.info()
    _emit([info], ["path", "entries", "bytes"], fmt, no_header)


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached result (the next run recomputes them).

    Example: govreport cache clear
    """
    from govreport.cache import Cache, cache_dir

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
