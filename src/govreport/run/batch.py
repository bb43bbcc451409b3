"""Run one analysis over many inputs: streamed, in input order, in parallel if asked, cached, past bad files."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from govreport.errors import InputError
from govreport.readers.sources import Skipped, Source, expand, read
from govreport.run import cache as cache_mod

if TYPE_CHECKING:  # a warm run answered from the cache needs neither documents nor a process pool
    from concurrent.futures import ProcessPoolExecutor

    from govreport.document.document import Document

WINDOW = 4  # documents in flight per worker: enough to keep workers busy, few enough to bound memory


class Task(Protocol):
    """Per-document work: picklable, with a fingerprint of what changes its result."""

    def __call__(self, doc: "Document") -> Any: ...
    def fingerprint(self) -> str: ...
    def rename(self, result: Any, name: str) -> Any: ...


@dataclass(frozen=True)
class RowsTask:
    """Per-document work that is a module-level function and its options: picklable and cacheable."""

    function: Callable[..., Any]
    options: tuple = ()

    def __call__(self, doc: "Document") -> Any:
        return self.function(doc, *self.options)

    def fingerprint(self) -> str:
        from govreport import datafiles

        return f"{self.function.__module__}.{self.function.__qualname__}-{self.options!r}-{datafiles.fingerprint()}"

    def rename(self, result: Any, name: str) -> Any:
        return renamed(result, name)


def renamed(value: Any, name: str) -> Any:
    """A cached result with every row's `file` set to the name the input has now."""
    if isinstance(value, list):
        return [renamed(item, name) for item in value]
    if isinstance(value, tuple) and not is_dataclass(value):
        return tuple(renamed(item, name) for item in value)
    if is_dataclass(value) and any(f.name == "file" for f in fields(value)):
        return replace(value, file=name)
    return value


class Batch:
    """Iterate for (name, result) in input order; `failed` fills with one InputError per bad input."""

    def __init__(self, args: Iterable[str], task: Task, *, encoding: str | None = None,
                 stdin: BinaryIO | None = None, jobs: int = 1, cache: cache_mod.Cache | None = None,
                 on_error: Callable[[InputError], None] = lambda err: None,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_notice: Callable[[str], None] = lambda message: None):
        found = list(expand(args))
        for notice in (item for item in found if isinstance(item, Skipped)):
            on_notice(str(notice))
        self.paths = [item for item in found if not isinstance(item, Skipped)]
        self.task, self.encoding, self.stdin, self.cache = task, encoding, stdin, cache
        self.jobs = max(1, min(jobs, len(self.paths)))
        self.failed: list[InputError] = []
        self._on_error, self.on_progress = on_error, on_progress
        self.done = 0

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        fingerprint = self.task.fingerprint() if self.cache else ""
        pool: "ProcessPoolExecutor | None" = None
        pending: deque = deque()
        try:
            for path in self.paths:
                item = self._start(path, fingerprint, pool)
                if item == "pool":
                    pool = _pool(self.jobs)
                    item = self._start(path, fingerprint, pool)
                pending.append(item)
                while pending and (_ready(pending[0]) or len(pending) > self.jobs * WINDOW):
                    yield from self._finish(pending.popleft(), fingerprint)
            while pending:
                yield from self._finish(pending.popleft(), fingerprint)
        finally:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)

    def _start(self, path, fingerprint: str, pool):
        """A finished (name, result, key) or error, or a (name, future, key) when a worker computes it."""
        if isinstance(path, InputError):
            return path
        try:
            source = read(path, self.stdin)
        except InputError as err:
            return err
        entry = cache_mod.key(source.data, fingerprint, self.encoding) if self.cache else None
        if entry and (hit := self.cache.get(entry)) is not None:
            return (source.name, self.task.rename(hit, source.name), None, False)
        if self.jobs > 1 and pool is None:
            return "pool"
        if pool is None:
            return (source.name, work(self.task, source, self.encoding), entry, False)
        return (source.name, pool.submit(work, self.task, source, self.encoding), entry, True)

    def _finish(self, item, fingerprint: str) -> Iterator[tuple[str, Any]]:
        self.done += 1
        if self.on_progress:
            self.on_progress(self.done, len(self.paths))
        if isinstance(item, InputError):
            self._fail(item)
            return
        name, result, entry, is_future = item
        if is_future:
            result = result.result()
        if isinstance(result, InputError):
            self._fail(result)
            return
        if entry:
            self.cache.put(entry, result)
        yield name, result

    def _fail(self, err: InputError) -> None:
        self.failed.append(err)
        self._on_error(err)


def work(task: Task, source: Source, encoding: str | None):
    """Load and analyse one input; an unreadable one comes back as its InputError."""
    from govreport.document.document import load_document

    try:
        return task(load_document(source, encoding=encoding))
    except InputError as err:
        return err
    except RecursionError:
        return InputError(source.name, "too deeply nested to analyse")
    except Exception as err:  # a fault of ours on one input must not cost the others their results
        return InputError(source.name, f"internal error {type(err).__name__}: {err}", "please report it")


def _ready(item) -> bool:
    return not (isinstance(item, tuple) and item[3] and not item[1].done())


def _pool(jobs: int) -> "ProcessPoolExecutor":
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_quiet_worker)


def _quiet_worker() -> None:
    """Ctrl-C is the parent's to handle: workers ignore it and are shut down."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
