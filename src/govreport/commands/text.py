"""govreport text: the text as the other commands read it."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from govreport.commands.common import (
    ExcludeOption,
    EncodingOption,
    Format,
    Inputs,
    JobsOption,
    MaxSizeOption,
    MetaOption,
    NoCache,
    NoHeader,
    Run,
    app,
    finish,
    load,
    quiet_pipe,
    stream,
)
from govreport.output.render import safe
from govreport.run.batch import RowsTask


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
    exclude: ExcludeOption = None,
) -> None:
    """The text exactly as the other commands read it (decoded, extracted from HTML, DOCX or PDF, converted
    to simplified), so a line and col of any output can be followed in it, like pdftotext.

    Example: govreport text report.pdf > report.txt
    """
    from govreport.analyses.text import TextLine, text_lines

    task = RowsTask(text_lines)
    if fmt is not None:
        stream(inputs, task, TextLine, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())))
        return
    batch = load(inputs, task, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())))
    several = len(batch.paths) > 1
    with quiet_pipe():
        for name, lines in batch:
            if several:  # a file name's escape sequence or newline reaches no terminal raw
                shown = safe(name).replace("\n", "\\n").replace("\r", "\\r")
                sys.stdout.write(f"==> {shown} <==\n")
            sys.stdout.writelines(row.text + "\n" for row in lines)
    finish(batch)
