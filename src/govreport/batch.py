"""Run one analysis over many inputs: documents one at a time, errors kept per input."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO, Generic, TypeVar

from govreport.document import Document, load_document
from govreport.errors import InputError
from govreport.sources import expand, read

R = TypeVar("R")


@dataclass
class Batch(Generic[R]):
    """Results in input order; `failed` holds one InputError per input that could not be read."""

    results: list[tuple[str, R]] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)


def documents(args: Iterable[str], *, encoding: str | None = None, stdin: BinaryIO | None = None,
              on_error: Callable[[InputError], None]) -> Iterator[Document]:
    """Documents for the arguments, streamed; each bad input goes to on_error and is skipped."""
    for path in expand(args):
        if isinstance(path, InputError):
            on_error(path)
            continue
        try:
            yield load_document(read(path, stdin), encoding=encoding)
        except InputError as err:
            on_error(err)


def run(args: Iterable[str], task: Callable[[Document], R], *, encoding: str | None = None,
        stdin: BinaryIO | None = None, on_error: Callable[[InputError], None] = lambda err: None) -> Batch[R]:
    """Apply task to every readable input, keeping going past bad ones."""
    batch: Batch[R] = Batch()

    def failed(err: InputError) -> None:
        batch.failed.append(err)
        on_error(err)

    for doc in documents(args, encoding=encoding, stdin=stdin, on_error=failed):
        batch.results.append((doc.name, task(doc)))
    return batch
