"""The project's own errors and exit codes; only cli.py turns them into exits."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130


class GovreportError(Exception):
    """An error govreport reports as one plain line, never a traceback."""


class InputError(GovreportError):
    """One input could not be read; the batch goes on without it."""

    def __init__(self, source: str, reason: str, hint: str | None = None):
        self.source = source
        self.reason = reason
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        tail = f" ({self.hint})" if self.hint else ""
        return f"{self.source}: {self.reason}{tail}"

    def __reduce__(self):
        """Picklable, so a worker process can hand it back."""
        return (InputError, (self.source, self.reason, self.hint))
