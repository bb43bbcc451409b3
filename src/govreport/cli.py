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
