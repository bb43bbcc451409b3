"""govreport cache: where the result cache is, and emptying it."""

from __future__ import annotations

import sys

import typer

from govreport.commands.common import FormatOption, NoHeader, OneLineErrors, app, emit, warn
from govreport.errors import ExitCode


cache_app = typer.Typer(
    cls=OneLineErrors,
    help="The result cache: where it is, how big, and how to empty it.\n\nExample: govreport cache info",
    no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(fmt: FormatOption = None, no_header: NoHeader = False) -> None:
    """Where the cache lives, how many results it holds, its size and limit in bytes, and the hits
    and misses of all runs since it was made (or last cleared).

    Example: govreport cache info
    """
    from govreport.run.cache import Cache, cache_dir

    store = Cache.open()
    if store is None:
        warn(f"{cache_dir()}: the cache cannot be opened (set GOVREPORT_CACHE_DIR to a writable folder)")
        raise typer.Exit(ExitCode.INPUT_FAILED)
    info = store.info()
    emit([info], ["path", "entries", "bytes", "limit", "hits", "misses"], fmt, no_header)


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
