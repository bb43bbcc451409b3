"""govreport keywords: word frequency that keeps domain terms whole."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Optional

import typer

from govreport.commands.common import (
    ScriptOption,
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
    SegmenterOption,
    app,
    choose_backend,
    csv_list,
    emit,
    finish,
    load,
)


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
        "--terms", help="Count these comma-separated terms, zeros included: count as a word (the ranking's rule), mentions anywhere in the text.")] = None,
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
    """Word frequency that keeps domain terms whole and never ranks stop words or numbers.

    Example: govreport keywords corpus/fengquan-2022.txt --top 10
    """
    from govreport.analyses import keywords as kw
    from govreport.document.simplify import to_simplified

    if method not in kw.METHODS:
        raise typer.BadParameter(f"{method!r} is not one of {', '.join(kw.METHODS)}", param_hint="--method")
    wanted = [to_simplified(t) for t in csv_list(terms)]
    options = kw.Options(min_len=min_len, stopwords=kw.load_stopwords(stopwords or ()),
                         pos=frozenset(csv_list(pos)), method=method)
    backend = choose_backend(segmenter, needs_tags=bool(options.pos) or method == "textrank")
    task = kw.KeywordTask(options, tuple(userdict or ()), tuple(wanted), backend)
    batch = load(inputs, task, Run(fmt, no_header, encoding, jobs, no_cache, max_size, meta, exclude=tuple(exclude or ())),
                 once=not by_doc)
    several = len(batch.paths) > 1
    settings = {"method": method, "top": 0 if wanted else top, "min_count": 0 if wanted else min_count,
                "several": several and not by_doc, "keep_zeros": bool(wanted), "by_doc": by_doc}
    run_key = ("keywords", *sorted(settings.items()))
    if kw.foldable(method, by_doc):  # added up in any order: by the workers, a chunk at a time
        start = partial(kw.Tally, settings.pop("keep_zeros"))
        del settings["by_doc"]
        compute = lambda: (kw.ranked(batch.fold(start), **settings), [])  # noqa: E731
    else:
        compute = lambda: (kw.rank((counts for _, counts in batch), **settings), [])  # noqa: E731
    rows, _ = batch.whole_run(run_key, compute)
    fields = (["file"] if by_doc else []) + ["rank", "word", "count"] + (["mentions"] if wanted else []) + ["per_10k"]
    fields += ["docs"] if several and not by_doc else []
    fields += ["score"] if method != "freq" else []
    from govreport.output.render import View

    emit(rows, fields, fmt, no_header, View(bar="count"))
    finish(batch)
