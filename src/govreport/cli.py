"""The govreport command line: the app of `commands/`, every command registered in the order --help lists
them, and the entry point that turns whatever happens into one line on stderr."""

from __future__ import annotations

import os
import sys

from govreport.commands import (  # noqa: F401 - importing a command module registers its command
    keywords,
    slogans,
    targets,
    outline,
    info,
    kwic,
    compare,
    text,
    diff,
    trend,
    digest,
    review,
    doctor,
    codebook,
    cache,
)
from govreport.commands.common import app, warn
from govreport.errors import ExitCode

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point: whatever happens, one line on stderr, never a traceback."""
    _fewer_collections()
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


def _fewer_collections() -> None:
    """A run makes hundreds of rows a report and keeps most: the collector, left at its defaults,
    walks the objects of every import again and again (4% of a targets run). Those are frozen
    out of its sight (workers forked later share them untouched) and the youngest generation is
    collected every 10,000 allocations, not 700. Cycles are still collected."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
