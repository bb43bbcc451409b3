"""Run one analysis over many inputs: streamed, in input order, in parallel if asked, cached, past bad files."""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from govreport.errors import InputError
from govreport.readers.sources import MAX_SIZE, Skipped, Source, expand, read
from govreport.rules.filename import name_hint
from govreport.run import cache as cache_mod

if TYPE_CHECKING:  # a warm run answered from the cache needs neither documents nor a process pool
    from concurrent.futures import ProcessPoolExecutor

    from govreport.document.document import Document

STOP_GRACE = 5.0  # seconds a worker may take to finish its document when a run stops early
# Inputs from which the default runs workers: with fewer, starting them costs more than they save
# (2 reports: 0.34 s in-process, 0.38 s with two workers; 8: equal; 49: 1.14 s against 0.92 s).
PARALLEL_FROM = 8
RUN_ROWS_KEPT = 20_000  # a bigger whole-run result (a county panel of decades) is merged again from the reports' entries
WINDOW = 4  # documents in flight per worker: enough to keep workers busy, few enough to bound memory
# Inputs a worker adds up (Batch.fold) before it sends their tally: the parent merges a tally of
# thousands of words every FOLD_CHUNK reports instead of one a report, and decodes none.
FOLD_CHUNK = 16
STAGED_BYTES = 8 * 1024 * 1024  # inputs of a chunk loaded together (work_chunk): a few dozen reports' worth


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
    # A result that several commands share (targets and info: one ReportFacts) is cached field by
    # field, so a command that wants one field (info) reads that one only; `want` is not in the
    # fingerprint, so the entries are the same whichever command wrote them.
    parts: tuple[str, ...] = ()
    want: tuple[str, ...] = ()

    def __call__(self, doc: "Document") -> Any:
        return self.function(doc, *self.options)

    def entries(self, entry: str, wanted_only: bool) -> list[tuple[str, str]]:
        """(field, cache key) of each part kept in the cache (those this command reads, or all)."""
        names = (self.want or self.parts) if wanted_only else self.parts
        return [(name, f"{entry}:{name}") for name in names]

    def assemble(self, found: dict[str, Any]) -> Any:
        """A result from its cached fields; the ones this command does not read are None."""
        return _return_type(self.function)(**{name: found.get(name) for name in self.parts})

    def fingerprint(self) -> str:
        from govreport import datafiles

        return f"{self.function.__module__}.{self.function.__qualname__}-{self.options!r}-{datafiles.fingerprint()}"

    def rename(self, result: Any, name: str) -> Any:
        return renamed(result, name)


@dataclass(frozen=True)
class SharedTask:
    """Work made of other commands' analyses (a digest: the report facts of targets and info, the
    word counts of keywords, the phrases of slogans, and its own extras). Each part is cached
    under the key its own command uses, so a digest of reports targets and keywords have read
    finds those parts there and computes only the rest; `combine` (a module-level function)
    makes the result from the parts, by name."""

    parts: tuple[tuple[str, Any], ...]  # (name, task)
    combine: Callable[..., Any]

    def __call__(self, doc: "Document") -> Any:
        return self.combine(**PartsTask(self.parts)(doc))

    def prepare(self) -> None:
        PartsTask(self.parts).prepare()

    def fingerprint(self) -> str:
        return "+".join(task.fingerprint() for _, task in self.parts)

    def rename(self, result: Any, name: str) -> Any:
        return renamed(result, name)


@dataclass(frozen=True)
class PartsTask:
    """The parts of a SharedTask the cache did not hold, computed from one reading of the document."""

    parts: tuple[tuple[str, Any], ...]

    def __call__(self, doc: "Document") -> dict[str, Any]:
        return {name: task(doc) for name, task in self.parts}

    def prepare(self) -> None:
        for _, task in self.parts:
            if (prepare := getattr(task, "prepare", None)) is not None:
                prepare()


def renamed(value: Any, name: str) -> Any:
    """A cached result with every row's `file` set to the name the input has now, however deep it
    stands (a digest's info, its panel and the panel's rows): a result found in the cache never
    names the path of the run that filled it."""
    if isinstance(value, list):
        return [renamed(item, name) for item in value]
    if isinstance(value, tuple) and not is_dataclass(value):
        return tuple(renamed(item, name) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {}
        has_file, nested = _row_shape(type(value))
        if has_file and value.file != name:  # a cache read by the run that wrote it: nothing to change
            changes["file"] = name
        for field_name in nested:
            item = getattr(value, field_name)
            if isinstance(item, (list, tuple)) or (is_dataclass(item) and not isinstance(item, type)):
                if (again := renamed(item, name)) is not item:
                    changes[field_name] = again
        return replace(value, **changes) if changes else value
    return value


@functools.cache
def _return_type(function: Callable[..., Any]) -> type:
    """The class a task's function says it returns (ReportFacts): what its cached parts make up."""
    import typing

    return typing.get_type_hints(function)["return"]


@functools.cache
def _row_shape(cls: type) -> tuple[bool, tuple[str, ...]]:
    """Whether a row type has a `file`, and which of its fields may hold rows (not str, int …)."""
    plain = cache_mod.plain_types(cls)
    names = [f.name for f in fields(cls)]
    return "file" in names, tuple(n for n in names if n != "file" and n not in plain)


class Batch:
    """Iterate for (name, result) in input order; `failed` fills with one InputError per bad input.

    A worker process that dies (killed, out of memory) costs only its own input: the pool is
    restarted, and every input that was in flight is tried once more, alone, in a worker of its own.
    """

    def __init__(self, args: Iterable[str], task: Task, *, encoding: str | None = None,
                 stdin: BinaryIO | None = None, jobs: int | None = 1, cache: cache_mod.Cache | None = None,
                 on_error: Callable[[InputError], None] = lambda err: None,
                 on_progress: Callable[[int, int], None] | None = None,
                 on_notice: Callable[[str], None] = lambda message: None, max_size: int = MAX_SIZE,
                 given: Callable[[str], tuple] | None = None, exclude: tuple[str, ...] = (), once: bool = False):
        found = [item for item in expand(args) if not (exclude and isinstance(item, str) and excluded(item, exclude))]
        for notice in (item for item in found if isinstance(item, Skipped)):
            on_notice(str(notice))
        self.paths = [item for item in found if not isinstance(item, Skipped)]
        self.task, self.encoding, self.stdin, self.cache = task, encoding, stdin, cache
        if jobs is None:  # the default: in parallel only where it pays (a few inputs run faster in-process)
            jobs = default_jobs() if len(self.paths) >= PARALLEL_FROM else 1
        self.jobs = max(1, min(jobs, len(self.paths), default_jobs()))  # more workers than CPUs only thrash
        self.max_size = max_size
        self.given = given  # input name -> what a --meta row says of it
        self.once = once  # read the same bytes once (a report given twice, a twin under another name)
        self._seen: dict[bytes, str] = {}  # the bytes of each input read so far -> its name
        self._read_inputs: Any = None  # while whole_run computes: the digest of the inputs as read
        self._folding: Callable[[], Any] | None = None  # while fold() runs: what starts a chunk's tally
        self._tally: Any = None
        self._gathering: list[Job] = []  # inputs waiting to be worked as one chunk (by a worker, or here)
        self._chunk = FOLD_CHUNK
        self.failed: list[InputError] = []
        self._on_error, self._on_notice, self.on_progress = on_error, on_notice, on_progress
        self.done = 0
        self._pool: "ProcessPoolExecutor | None" = None

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        fingerprint = self.task.fingerprint() if self.cache else ""
        self._part_prints = {name: task.fingerprint() for name, task in self._shared()} if self.cache else {}
        pending: deque[Job | InputError] = deque()
        finished = False
        try:
            for path in self.paths:
                if (started := self._start(path, fingerprint)) is None:
                    self.done += 1
                    continue
                pending.append(started)
                while pending and (_ready(pending[0]) or len(pending) > self._in_flight()):
                    if isinstance(pending[0], Job) and pending[0].gathered:
                        self._send()  # a chunk not full yet is waited for: it goes now
                    yield from self._finish(pending.popleft(), pending)
            self._send()
            while pending:
                yield from self._finish(pending.popleft(), pending)
            finished = True
        finally:
            self._stop(gently=finished)
            if self.cache is not None:
                self.cache.evict()
                for notice in self.cache.notices:
                    self._on_notice(notice)
                self.cache.notices.clear()

    def fold(self, start: Callable[[], Any]) -> Any:
        """Every result added into one tally: start() makes an empty one (a picklable callable;
        the tally has add(result) and merge(tally)). Inputs are added up a chunk at a time, by a
        worker (or here, with one job) that sends the chunk's tally with their cache entries'
        bytes, so the parent merges one tally a chunk and decodes no result; a result found in the
        cache is added here. The order of adding must not change the tally."""
        self._tally = start()
        self._folding = start
        # chunks small enough that every worker gets several, even from a few dozen inputs
        self._chunk = max(1, min(FOLD_CHUNK, len(self.paths) // (4 * self.jobs)))
        try:
            for _, result in self:
                if result is not FOLDED:
                    self._tally.add(result)
            return self._tally
        finally:
            self._folding = None

    def _in_flight(self) -> int:
        """Inputs under way before the first is waited for: two chunks a worker when they are folded."""
        return self.jobs * (max(WINDOW, 2 * self._chunk) if self._folding else WINDOW)

    def _start(self, path, fingerprint: str) -> "Job | InputError | None":
        """A job for one input; None for a copy of an input already read (said once)."""
        if isinstance(path, InputError):
            return path
        try:
            source = read(path, self.stdin, max_size=self.max_size)
        except InputError as err:
            return err
        if self.once:
            digest = _digest(source.data)
            if (first := self._seen.get(digest)) is not None:
                self._on_notice(f"{source.name}: the same bytes as {first}; read once")
                self._read_inputs = None  # no run entry: inputs_key would give none either
                return None
            self._seen[digest] = source.name
        source = self._with_given(source)
        if self.cache and self._shared():
            return self._start_shared(source)
        entry = self._entry(source, fingerprint) if self.cache else None
        if self._read_inputs is not None:  # the digest inputs_key makes, from this run's own reading
            self._read_inputs.update(self._input_line(source, fingerprint))
        if entry and (hit := self._cached(entry)) is not None:
            self.cache.count(hit=True)
            return Job(source, None, result=self.task.rename(hit, source.name))
        if entry:
            self.cache.count(hit=False)
        return self._submit(Job(source, entry))

    def _entry(self, source: Source, fingerprint: str) -> str:
        # the result depends on a --meta row and the file name (a last-resort cue) too
        return cache_mod.key(source.data, f"{fingerprint}{source.given!r}{name_hint(source.name)!r}", self.encoding)

    def inputs_key(self) -> str | None:
        """A digest of each input's name and cache key, as a run reads them (a second reading of
        each file, no analysis); None where a run of these inputs cannot be answered whole from the
        cache: no cache, standard input, an input that cannot be read, the same bytes twice."""
        if self.cache is None or isinstance(self.task, SharedTask):
            return None
        fingerprint, seen, out = self.task.fingerprint(), set(), hashlib.sha256()
        for path in self.paths:
            if isinstance(path, InputError) or path == "-":
                return None
            try:
                source = read(path, None, max_size=self.max_size)
            except InputError:
                return None
            if self.once:
                if (digest := _digest(source.data)) in seen:
                    return None
                seen.add(digest)
            out.update(self._input_line(self._with_given(source), fingerprint))
        return out.hexdigest()

    def _input_line(self, source: Source, fingerprint: str) -> bytes:
        return f"{source.name}\t{self._entry(source, fingerprint)}\n".encode("utf-8", "surrogatepass")

    def _stat_key(self) -> str | None:
        """A digest of each input's path, size, modification time and file number: what says,
        without reading a byte, that these inputs may be those of a run kept before."""
        if self.cache is None or isinstance(self.task, SharedTask):
            return None
        out = hashlib.sha256()
        for path in self.paths:
            if isinstance(path, InputError) or path == "-":
                return None
            try:
                stat = os.stat(path)
            except (OSError, ValueError):
                return None
            out.update(f"{path}\t{stat.st_size}\t{stat.st_mtime_ns}\t{stat.st_ino}\t{stat.st_dev}\n"
                       .encode("utf-8", "surrogatepass"))
        return out.hexdigest()

    def whole_run(self, options: tuple, compute: Callable[[], tuple[Any, list[str]]]) -> tuple[Any, list[str]]:
        """compute() -> (result, notices), or both from the cache where the same inputs (names,
        bytes, --meta) ran with the same options before: a rerun reads one entry instead of one a
        report. Kept only for a run in which every input was read, so a rerun says nothing less
        than the first run did, and for a result of at most RUN_ROWS_KEPT rows, so writing it never
        costs much memory. The result must be of the cache's types (rows, tuples, counters).

        The entry is named by the inputs' bytes. An entry named by the files' paths, sizes and
        times points to it, so a first run of these files (no pointer) does not read them all a
        second time to look for an entry; a pointer found is checked against the bytes read again."""
        stat = self._stat_key()
        pointer = cache_mod.key(stat.encode(), f"runstat:{options!r}", None) if stat else None
        inputs = self.cache.get(pointer) if pointer is not None else None
        if isinstance(inputs, str) and inputs == self.inputs_key():
            hit = self.cache.get(cache_mod.key(inputs.encode(), f"run:{options!r}", None))
            if isinstance(hit, tuple) and len(hit) == 2 and (notices := cache_mod.unpack_lines(hit[1])) is not None:
                self.cache.count(hit=True)
                self.cache.evict()  # marks the entries used
                return hit[0], notices
        self._read_inputs = hashlib.sha256() if pointer is not None else None
        result, notices = compute()
        inputs, self._read_inputs = self._read_inputs, None
        if inputs is not None and not self.failed and len(result) <= RUN_ROWS_KEPT:
            inputs = inputs.hexdigest()
            self.cache.put(cache_mod.key(inputs.encode(), f"run:{options!r}", None),
                           (result, cache_mod.pack_lines(notices)))
            self.cache.put(pointer, inputs)
            self.cache.evict()
        return result, notices

    def _with_given(self, source: Source) -> Source:
        """The source with what a --meta row says of it."""
        if self.given is not None and (given := self.given(source.name)):
            return replace(source, given=given)
        return source

    def _submit(self, job: "Job") -> "Job":
        task = job.task or self.task
        if self._folding is not None and job.task is None:
            job.gathered = True
            self._gathering.append(job)
            if len(self._gathering) >= self._chunk:
                self._send()
            return job
        if self.jobs == 1:
            job.result = work(task, source=job.source, encoding=self.encoding)
        else:  # a result the parent will cache comes packed for the cache: decoded once, never pickled
            packed = job.entry is not None and not (isinstance(task, RowsTask) and task.parts)
            job.future = self._workers().submit(work, task, job.source, self.encoding, packed)
        return job

    def _send(self) -> None:
        """The inputs gathered so far are worked as one chunk and added up, by a worker or (one job) here."""
        jobs, self._gathering = self._gathering, []
        if not jobs:
            return
        args = (self.task, [job.source for job in jobs], self.encoding, self._folding, self.cache is not None)
        if self.jobs == 1:  # in this process, a chunk at a time as a worker would (work_chunk says why)
            from concurrent.futures import Future

            future = Future()
            future.set_result(work_chunk(*args))
        else:
            future = self._workers().submit(work_chunk, *args)
        chunk = Chunk(future)
        for index, job in enumerate(jobs):
            job.future, job.chunk, job.index, job.gathered = future, chunk, index, False

    def _outcome(self, job: "Job") -> Any:
        """A finished job's result: for a job of a chunk, its own part (the chunk's tally is merged
        into the run's tally once, by the first of its jobs)."""
        outcome = job.future.result()
        if job.chunk is None:
            return outcome
        results, tally = outcome
        if not job.chunk.merged:
            job.chunk.merged = True
            self._tally.merge(tally)
        return results[job.index]

    def _shared(self) -> tuple[tuple[str, Any], ...]:
        return self.task.parts if isinstance(self.task, SharedTask) else ()

    def _start_shared(self, source: Source) -> "Job":
        """The parts the cache holds (under their own commands' keys) are read, the others computed."""
        found, missing = {}, {}
        for name, task in self._shared():
            entry = self._entry(source, self._part_prints[name])
            if (hit := self._cached(entry, task)) is not None:
                found[name] = task.rename(hit, source.name)
            else:
                missing[name] = (task, entry)
        self.cache.count(hit=not missing)
        if not missing:
            return Job(source, None, result=self.task.combine(**found))
        computed = PartsTask(tuple((name, task) for name, (task, _) in missing.items()))
        return self._submit(Job(source, None, task=computed, found=found, stores=missing))

    def _cached(self, entry: str, task: Any = None) -> Any | None:
        """The cached result, or None; a result cached field by field only when every field this
        command reads is there."""
        task = task or self.task
        if not isinstance(task, RowsTask) or not task.parts:
            return self.cache.get(entry)
        found = {}
        for name, part in task.entries(entry, wanted_only=True):
            value = self.cache.get(part)
            if value is None:
                return None
            found[name] = value
        return task.assemble(found)

    def _store(self, entry: str, result: Any, task: Any = None) -> None:
        task = task or self.task
        if not isinstance(task, RowsTask) or not task.parts:
            self.cache.put(entry, result)
            return
        for name, part in task.entries(entry, wanted_only=False):
            self.cache.put(part, getattr(result, name))

    def _finish(self, item: "Job | InputError", pending: deque) -> Iterator[tuple[str, Any]]:
        self.done += 1
        if self.on_progress:
            self.on_progress(self.done, len(self.paths))
        if isinstance(item, InputError):
            self._fail(item)
            return
        if item.future is not None:
            try:
                item.result = self._outcome(item)
            except Exception as err:  # the process pool's module is imported only where a pool ran
                from concurrent.futures.process import BrokenProcessPool

                if not isinstance(err, BrokenProcessPool):
                    raise
                self._recover([item, *(j for j in pending if isinstance(j, Job))])
        if isinstance(item.result, Noted):
            for note in item.result.notes:
                self._on_notice(f"{item.source.name}: {note}")
            item.result = item.result.result
        if isinstance(item.result, Folded):  # in the run's tally already: only its entry to write
            if item.entry and item.result.blob is not None:
                self.cache.put_packed(item.entry, item.result.blob)
            yield item.source.name, FOLDED
            return
        if isinstance(item.result, Packed):
            packed, item.result = item.result.blob, _unpacked(item.result.blob)
            if item.result is None:  # a fault of ours in packing: computed again here, not lost
                item.result = work(item.task or self.task, item.source, self.encoding)
                item.result = item.result.result if isinstance(item.result, Noted) else item.result
            elif item.entry:
                self.cache.put_packed(item.entry, packed)
                item.entry = None
        if isinstance(item.result, InputError):
            self._fail(item.result)
            return
        if item.entry:
            self._store(item.entry, item.result)
        if item.stores is not None:  # the parts of a shared task that were computed: each under its own key
            for name, (task, entry) in item.stores.items():
                self._store(entry, item.result[name], task)
            item.result = self.task.combine(**item.found, **item.result)
        yield item.source.name, item.result

    def _recover(self, jobs: list["Job"]) -> None:
        """A worker died: the pool is gone. Each input it held runs again alone; one that kills its
        worker again is that input's error, and the others keep their results."""
        self._stop(gently=False)
        for job in jobs:
            if job.future is None or (job.future.done() and job.future.exception() is None):
                if job.future is not None:
                    job.result, job.future = self._outcome(job), None
                continue
            # computed alone, not folded: the result comes back to be added by fold()
            job.future, job.chunk, job.result = None, None, _alone(job.task or self.task, job.source, self.encoding)

    def _workers(self) -> "ProcessPoolExecutor":
        if self._pool is None:
            prepare = getattr(self.task, "prepare", None)
            if prepare is not None:  # built once here, the forked workers inherit it (the segmenter)
                prepare()
            self._pool = _pool(self.jobs)
        return self._pool

    def _stop(self, *, gently: bool) -> None:
        """Shut the pool down and wait for it, so nothing is left running when the run ends."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if gently:
            pool.shutdown(wait=True, cancel_futures=True)
            return
        # Stopped early (`| head`, Ctrl-C, a dead worker): what is queued is cancelled and each worker may
        # finish the document it holds; one still busy after a grace is killed then, between two
        # results. A worker killed while it writes a result leaves half a message that the pool's
        # reader waits for ever to complete.
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + STOP_GRACE
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.kill()

    def _fail(self, err: InputError) -> None:
        self.failed.append(err)
        self._on_error(err)


@dataclass(frozen=True)
class Noted:
    """A result with what reading its input repaired (mixed encodings), said once on stderr."""

    result: Any
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Packed:
    """A worker's result as the bytes of its cache entry: the parent writes them as they are and
    decodes them once, instead of unpickling the result and encoding it again (a third of the
    parent's work a report)."""

    blob: bytes


def _unpacked(blob: bytes) -> Any | None:
    try:
        return cache_mod.unpack(blob)
    except Exception:
        return None


@dataclass
class Job:
    """One input on its way: computed here, by a worker (future), or found in the cache."""

    source: Source
    entry: str | None
    future: Any = None
    result: Any = None
    task: Any = None  # what to compute, where it is not the batch's task (the missing parts of a SharedTask)
    found: dict[str, Any] | None = None  # the parts of a SharedTask read from the cache
    stores: dict[str, tuple[Any, str]] | None = None  # the parts computed: name -> (task, cache key)
    gathered: bool = False  # waiting to be worked in a chunk (Batch.fold)
    chunk: "Chunk | None" = None  # the chunk it went in, and its place there
    index: int = 0


@dataclass
class Chunk:
    """Inputs worked in one call and added up together (Batch.fold), by a worker or here."""

    future: Any
    merged: bool = False  # its tally is in the run's


@dataclass(frozen=True)
class Folded:
    """A result a worker added to its chunk's tally: only the bytes of its cache entry come back
    (None where the cache does not take it)."""

    blob: bytes | None


FOLDED = object()  # what Batch yields for a result already in the run's tally


def _digest(data: bytes) -> bytes:
    """What tells the same bytes given twice (read once)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def work(task: Task, source: Source, encoding: str | None, packed: bool = False):
    """Load and analyse one input; an unreadable one comes back as its InputError; `packed`: the
    result as its cache entry's bytes (a result the cache does not take comes as it is)."""
    doc = _guarded(_load, source, encoding)
    if isinstance(doc, InputError):
        return doc
    result = _guarded(task, doc)
    if isinstance(result, InputError):
        return result
    if packed and (blob := _packed(result)) is not None:
        result = Packed(blob)
    return Noted(result, tuple(doc.notes)) if doc.notes else result


def _load(source: Source, encoding: str | None) -> "Document":
    from govreport.document.document import load_document

    return load_document(source, encoding=encoding)


def _guarded(step: Callable[..., Any], *args: Any) -> Any:
    """step(*args), or the InputError of the input it reads (args[0], a Source or a Document):
    a fault of ours on one input must not cost the others their results."""
    try:
        return step(*args)
    except InputError as err:
        return err
    except RecursionError:
        return InputError(args[0].name, "too deeply nested to analyse")
    except MemoryError:
        return InputError(args[0].name, "out of memory while analysing it", "try --max-size or fewer --jobs")
    except Exception as err:
        return _internal(args[0].name, err)


def _internal(name: str, err: Exception) -> InputError:
    return InputError(name, f"internal error {type(err).__name__}: {err}", "please report it")


def work_chunk(task: Task, sources: list[Source], encoding: str | None, start: Callable[[], Any], packed: bool):
    """Work on a chunk of inputs in a worker: (each input's Folded entry bytes, Noted or
    InputError, the tally of those that gave a result); `packed`: with the bytes of its cache entry.

    A step at a time over the whole chunk (load them all, analyse them all, pack, add up), not
    an input at a time: each step's code and data stay in the processor's caches (keywords: a
    tenth to a fifth less CPU a report). A task with `many(docs)` is given the chunk's documents
    at once, to go through its own steps so; if it fails, each is analysed alone again."""
    tally, outcomes = start(), []
    for group in _by_size(sources):
        _work_group(task, group, encoding, tally, outcomes, packed)
    return outcomes, tally


def _by_size(sources: list[Source]) -> Iterator[list[Source]]:
    """The chunk in runs of inputs loaded together, at most STAGED_BYTES of them (or one bigger
    input alone), so a chunk of huge files never holds all their documents at once."""
    group, size = [], 0
    for source in sources:
        if group and size + len(source.data) > STAGED_BYTES:
            yield group
            group, size = [], 0
        group.append(source)
        size += len(source.data)
    if group:
        yield group


def _work_group(task: Task, sources: list[Source], encoding: str | None, tally: Any, outcomes: list,
                packed: bool) -> None:
    """Load the group's inputs, analyse them, and add up and pack each result (outcomes in order)."""
    docs = [_guarded(_load, source, encoding) for source in sources]
    analysed = iter(_analysed_many(task, [doc for doc in docs if not isinstance(doc, InputError)]))
    for source, doc in zip(sources, docs):
        if isinstance(doc, InputError):
            outcomes.append(doc)
            continue
        result = next(analysed)
        if not isinstance(result, InputError):
            try:
                tally.add(result)
            except Exception as err:  # a fault of ours in adding: this input's error, not the chunk's
                outcomes.append(_internal(source.name, err))
                continue
            result = Folded(_packed(result) if packed else None)
        outcomes.append(Noted(result, tuple(doc.notes)) if doc.notes and not isinstance(result, InputError)
                        else result)


def _analysed_many(task: Task, docs: list["Document"]) -> list[Any]:
    """task(doc) of each document (or its InputError), through task.many where the task has it."""
    many = getattr(task, "many", None)
    if many is not None and len(docs) > 1:
        try:
            results = many(docs)
            if len(results) == len(docs):
                return results
        except Exception:  # noqa: S110 - one document's fault: found below, where each runs alone
            pass
    return [_guarded(task, doc) for doc in docs]


def _packed(result: Any) -> bytes | None:
    """A result as the bytes of its cache entry; None for one the cache does not take."""
    try:
        return cache_mod.pack(result)
    except (TypeError, ValueError):
        return None


def _alone(task: Task, source: Source, encoding: str | None):
    """Run one input in a worker of its own: if it dies again, that input is the one that kills it."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(1)
    try:
        return pool.submit(work, task, source, encoding).result()
    except BrokenProcessPool:
        return InputError(source.name, "a worker process died reading it (killed, or out of memory)")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ready(item) -> bool:
    return not (isinstance(item, Job) and (item.gathered or item.future is not None and not item.future.done()))


def _pool(jobs: int) -> "ProcessPoolExecutor":
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_setup,
                               initargs=(os.getpid(),))


def _worker_setup(parent: int) -> None:
    """Ctrl-C is the parent's to handle; and a worker ends with its parent, however the parent ends."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:  # Linux: the kernel sends SIGKILL when the parent dies (kill -9, kill -TERM, timeout)
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def _watch_parent(parent: int) -> None:
    """Elsewhere: a thread that ends the worker when its parent is gone."""
    import threading
    import time

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def excluded(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether --exclude leaves this input out: a glob on its path or its file name."""
    name = os.path.basename(path)
    return any(fnmatch.fnmatchcase(path, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
