"""What every command shares: the typer app, the options declared once, and the glue that reads
inputs through a batch and writes rows through the one renderer. The only place that exits."""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperGroup

from govreport import __version__
from govreport.errors import ExitCode

if TYPE_CHECKING:
    from govreport.run.batch import RowsTask


class OneLineErrors(TyperGroup):
    """Usage errors as one line on stderr (`govreport targets: --wide needs --panel`), exit 2, never
    click's box of usage, hint and error; a bare command still shows its help."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as err:
            err.show()
            code = err.exit_code
        except UsageError as err:
            where = err.ctx.command_path if err.ctx is not None else "govreport"
            message = err.format_message().replace("\n", " ")
            print(f"{where}: {message[:1].lower() + message[1:]} (see {where} --help)", file=sys.stderr)
            code = ExitCode.USAGE
        except ClickException as err:
            print(f"govreport: {err.format_message()}", file=sys.stderr)
            code = err.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="govreport",
    cls=OneLineErrors,
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
    xlsx = "xlsx"  # these three only with -o FILE
    dta = "dta"
    parquet = "parquet"


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
    "--jobs", "-j", min=1, help="Worker processes [default: the number of CPUs from 8 inputs on, else 1]; 1 runs in-process.",
    show_default=False)]


NoCache = Annotated[bool, typer.Option(
    "--no-cache", help="Neither read nor write the result cache (see `govreport cache info`).")]


SegmenterOption = Annotated[str, typer.Option(
    "--segmenter", help="auto (rjieba where installed, else jieba), jieba or rjieba; --pos and textrank use jieba.")]


MaxSizeOption = Annotated[float, typer.Option(
    "--max-size", min=0.001, help="Refuse inputs larger than this many megabytes (reports are under 2); a .docx "
                                  "may also unpack to 256 MB and 200,000 paragraphs, a PDF hold 5,000 pages.")]


CorrectionsOption = Annotated[Optional[list[str]], typer.Option(
    "--corrections", help="TSV of fixes to figures (file, line, text, fix: reject or field=value;…), repeatable; "
                          "govreport-corrections.tsv beside the inputs is read too.", show_default=False)]


ExcludeOption = Annotated[Optional[list[str]], typer.Option(
    "--exclude", help="Leave out inputs whose path or file name matches this glob (repeatable), e.g. 'shanghai*'.",
    show_default=False)]
OutputOption = Annotated[Optional[str], typer.Option(
    "--output", "-o", help="Write the rows to this file: .xlsx, .dta (Stata 14+), .parquet, .csv, .tsv, .json, .jsonl "
                           "(or say which with --format).", show_default=False)]
BomOption = Annotated[bool, typer.Option("--bom", help="Start CSV/TSV with a byte-order mark, so Excel reads the Chinese.")]
MetaOption = Annotated[Optional[str], typer.Option(
    "--meta", help="CSV/TSV with a header row: file (name or glob), region or region_code, year, level; "
                   "overrides what each report says of itself.", show_default=False)]


def _version(value: bool) -> None:
    if value:
        print(f"govreport {__version__}")
        raise typer.Exit()


# The script results are shown in (--script, or GOVREPORT_SCRIPT): analysis runs on simplified text.
SCRIPT_CHOICES = ("simplified", "traditional", "hk", "tw")
_script = {"value": os.environ.get("GOVREPORT_SCRIPT", "simplified")}
# Fields never converted: file names and paths are the user's own; the others are codes.
KEEP_AS_IS = frozenset({"file", "path"})


def _set_script(value: str | None) -> str | None:
    if value is None:
        return value
    if value not in SCRIPT_CHOICES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(SCRIPT_CHOICES)}", param_hint="--script")
    _script["value"] = value
    return value


ScriptOption = Annotated[Optional[str], typer.Option(
    "--script", callback=_set_script, help="Show results in simplified (default), traditional, hk or tw characters.",
    show_default=False)]


def in_script(rows):
    """Rows with their Chinese text in the chosen script (file names untouched)."""
    script = _script["value"]
    if script == "simplified":
        return rows
    import dataclasses

    from govreport.document.simplify import to_script

    def convert(row):
        if not dataclasses.is_dataclass(row):
            return row
        changes = {f.name: to_script(value, script) for f in dataclasses.fields(row)
                   if f.name not in KEEP_AS_IS and isinstance(value := getattr(row, f.name), str) and not value.isascii()}
        return dataclasses.replace(row, **changes) if changes else row

    return [convert(row) for row in rows] if isinstance(rows, list) else (convert(row) for row in rows)


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False,
          script: ScriptOption = None) -> None:
    """Read Chinese government work reports: keywords, targets and slogans, as tables or TSV."""
    if script is None:  # each run starts from the default (a test runs many in one process)
        _script["value"] = os.environ.get("GOVREPORT_SCRIPT", "simplified")


def warn(message: str) -> None:
    from govreport.output.render import safe

    line = safe(message).replace("\n", "\\n").replace("\r", "\\r")  # a file name never starts a line of its own
    print(f"govreport: {line}", file=sys.stderr, flush=True)


def inputs_or_stdin(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if sys.stdin is None or sys.stdin.isatty():
        warn("no input: give report files or folders, or pipe a report into stdin (see --help)")
        raise typer.Exit(ExitCode.USAGE)
    return ["-"]


def load(inputs, task, run: "Run", *, once: bool = False):
    """A batch over the inputs; bad inputs are reported on stderr as they come. `once`: a command that
    adds reports up (keywords, trend, the panel …) reads the same bytes once, so no count doubles; a
    command that lists each input (info, targets, text …) lists every file it is given."""
    from govreport.run.batch import Batch
    from govreport.run.cache import Cache

    stdin = sys.stdin.buffer if sys.stdin is not None else None
    given = meta_of(run.meta).given if run.meta else None
    batch = Batch(inputs_or_stdin(inputs), task, encoding=run.encoding, stdin=stdin, jobs=run.jobs,
                  cache=None if run.no_cache else Cache.open(), on_error=lambda err: warn(str(err)), on_notice=warn,
                  max_size=int(run.max_size * 1024 * 1024), given=given, exclude=run.exclude, once=once)
    if len(batch.paths) >= PROGRESS_MIN and sys.stderr.isatty():
        return WithProgress(batch)
    return batch


def meta_of(path: str):
    try:
        info = os.stat(path)
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = None
    return read_meta_file(path, stamp)


@functools.cache  # diff and compare load two sides: the file is read once (while it is unchanged)
def read_meta_file(path: str, stamp: tuple | None):
    from govreport.run.meta import MetaError, read_meta

    try:
        return read_meta(path)
    except MetaError as err:
        warn(str(err))
        raise typer.Exit(ExitCode.USAGE) from None


def corrector(inputs, run: "Run"):
    """The corrections of a run: --corrections files and govreport-corrections.tsv beside the inputs."""
    from govreport.run.corrections import CorrectionsError, default_files, load

    try:
        return load([*run.corrections, *default_files(inputs or [])])
    except CorrectionsError as err:
        warn(str(err))
        raise typer.Exit(ExitCode.USAGE) from None


def report_unmatched(corrections) -> None:
    for item in corrections.unmatched():
        warn(f"{item.where}: matches no figure of {item.file} (line {item.line}, {item.text}): "
             f"the input changed? not applied")


PROGRESS_MIN = 8  # inputs before a progress bar is worth showing


class WithProgress:
    """Iterate a batch with a rich progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, batch):
        self.batch, self.paths, self.failed = batch, batch.paths, batch.failed

    def __getattr__(self, name):  # cache, whole_run …: the batch's own
        return getattr(self.batch, name)

    def __iter__(self):
        with self._shown():
            yield from self.batch

    def fold(self, start):
        with self._shown():
            return self.batch.fold(start)

    @contextmanager
    def _shown(self):
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            bar = progress.add_task("reading", total=len(self.paths))
            self.batch.on_progress = lambda done, total: progress.update(bar, completed=done)
            yield


@contextmanager
def quiet_pipe():
    """Writing to stdout: a reader that closes the pipe early (`| head`) ends the run quietly."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(ExitCode.OK) from None
    except OSError as err:  # `> /dev/full`: the output cannot be written
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        warn(f"cannot write the output ({err.strerror or err})")
        raise typer.Exit(ExitCode.INPUT_FAILED) from None


def emit(rows, fields, fmt: Format | None, no_header: bool, view=None) -> None:
    """Render rows to stdout (binary formats go to a file: `deliver`)."""
    if fmt is not None and fmt.value in ("xlsx", "dta", "parquet"):
        raise typer.BadParameter(f"--format {fmt.value} needs -o FILE (only `targets` and `codebook` write files)",
                                 param_hint="--format")
    from govreport.output.render import render

    with quiet_pipe():
        render(in_script(rows), fields, fmt=fmt.value if fmt else None, header=not no_header, view=view)


def deliver(rows, fields, run: Run, view=None, *, inputs=(), labels=None, value_labels=None) -> None:
    """Rows to stdout through the renderer, or with -o to a file in the format its name or --format says."""
    if not run.output:
        if run.fmt is not None and run.fmt.value in ("xlsx", "dta", "parquet"):
            raise typer.BadParameter(f"--format {run.fmt.value} needs -o FILE", param_hint="--format")
        emit(rows, fields, run.fmt, run.no_header, view)
        return
    from govreport.output.exports import ExportError, format_for, write

    try:
        fmt = format_for(run.output, run.fmt.value if run.fmt else None)
        refuse_to_overwrite(run.output, [p for p in inputs if isinstance(p, str)])
        count = write(in_script(rows), fields, run.output, fmt, header=not run.no_header, bom=run.bom, labels=labels,
                      value_labels=value_labels)
    except ExportError as err:
        warn(str(err))
        raise typer.Exit(ExitCode.USAGE) from None
    except OSError as err:
        warn(f"{run.output}: cannot write it ({err.strerror or err})")
        raise typer.Exit(ExitCode.INPUT_FAILED) from None
    warn(f"wrote {run.output} ({count} rows, {fmt})")


def facts_task(want: tuple[str, ...] = ()) -> RowsTask:
    """A report's info and figures: the one analysis targets, info, the panel, review, digest and
    diff share. Built here alone, so every command writes and reads the same cache entries."""
    from govreport.analyses.report import PARTS, report_facts
    from govreport.run.batch import RowsTask

    return RowsTask(report_facts, parts=PARTS, want=want)


def phrases_task(unquoted: bool = False) -> RowsTask:
    """A report's quoted phrases as `slogans` finds them: digest and diff read the same entry."""
    from govreport.analyses.slogans import slogan_stats
    from govreport.run.batch import RowsTask

    return RowsTask(slogan_stats, (unquoted,))


def finish(batch) -> None:
    if batch.failed:
        raise typer.Exit(ExitCode.INPUT_FAILED)


def csv_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace("，", ",").split(",") if v.strip()]


def choose_backend(choice: str, *, needs_tags: bool = False) -> str:
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


def check_pattern(indicator: str) -> None:
    """A codebook code, or a regular expression; a word that looks like a code but is none is a slip
    (`gpd`), said with the codes it is close to."""
    import difflib
    import re

    from govreport.rules.codebook import by_code

    if CODE_LIKE.match(indicator) and indicator not in by_code():
        close = difflib.get_close_matches(indicator, list(by_code()), n=3, cutoff=0.6)
        hint = f" (did you mean {' or '.join(close)}?)" if close else " (govreport codebook lists them; or give a regular expression)"
        raise typer.BadParameter(f"unknown code {indicator}{hint}", param_hint="--indicator")
    try:
        re.compile(indicator)
    except re.error as err:
        raise typer.BadParameter(f"not a code or a regular expression: {err}", param_hint="--indicator") from None


# "gdp", "urban_new_jobs", "gpd": what a user means as a codebook code (a regular expression has other characters).
CODE_LIKE = re.compile(r"^[a-z][a-z0-9_]*$")


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
    exclude: tuple[str, ...] = ()  # --exclude globs
    output: str | None = None  # -o FILE: rows to a file (xlsx, dta, parquet, csv …) instead of stdout
    bom: bool = False  # --bom: CSV/TSV for Excel


def stream(inputs, task, row_type, run: Run, *, view=None, pick=lambda found: found, after=None) -> None:
    """Per-document rows, streamed to the renderer as documents finish; exit 1 if any input failed."""
    batch = load(inputs, task, run)
    rows = (row for _, found in batch for row in pick(found))
    deliver(rows, [f.name for f in dataclasses.fields(row_type)], run, view(batch) if callable(view) else view,
            inputs=batch.paths)
    if after is not None:
        after()
    finish(batch)


def refuse_to_overwrite(output: str, inputs: list[str]) -> None:
    """The page never replaces an input, a folder or anything that is not a regular file."""
    if os.path.isdir(output):
        warn(f"{output}: is a folder; give a file name")
        raise typer.Exit(ExitCode.USAGE)
    if os.path.lexists(output) and not os.path.isfile(output):
        warn(f"{output}: is not a regular file; give another name")
        raise typer.Exit(ExitCode.USAGE)
    if os.path.exists(output) and (any(os.path.exists(p) and os.path.samefile(output, p) for p in inputs if p != "-")
                                   or ("-" in inputs and _is_stdin(output))):
        warn(f"{output}: is one of the inputs; give another name")
        raise typer.Exit(ExitCode.USAGE)


def _is_stdin(path: str) -> bool:
    """`digest - -o in.txt < in.txt`: the file standard input reads."""
    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(path))
    except (OSError, ValueError, AttributeError):
        return False


def page_destination(output: str | None) -> None:
    """A page goes to a file, or to stdout when that is no terminal."""
    if output is None and sys.stdout.isatty():
        warn("give -o FILE for the page (or pipe stdout into a file)")
        raise typer.Exit(ExitCode.USAGE)


def deliver_page(output: str | None, html: str, said: str) -> None:
    """The page to stdout, or written whole to its file with a line on stderr saying what it holds."""
    if output in (None, "-"):
        with quiet_pipe():
            sys.stdout.write(html)
    else:
        write_new(output, html)
        warn(f"wrote {output} ({said})")


def write_new(path: str, text: str, what: str = "the page") -> None:
    """Written whole or not at all (output/exports.replace_whole)."""
    from govreport.output.exports import replace_whole

    def fill(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(text)

    try:
        replace_whole(path, fill)
    except OSError as err:
        warn(f"{path}: cannot write {what} ({err.strerror or err})")
        raise typer.Exit(ExitCode.INPUT_FAILED) from None
