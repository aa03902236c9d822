"""Worker processes that take a share of loading and analysing, on the cores this process leaves idle.

Python runs one thread at a time, so another core helps only through another process. ``Workers``
(a context manager: ``with Workers() as workers: analyse(load(paths, workers=workers), workers=workers)``)
lends one load and analysis a worker process per other usable core (none on a single core, at most
``MAX_WORKERS``). ``share`` hands them jobs from the front of a list while this process does jobs
from the back, so they meet wherever the work is, however much each job costs and however busy the
machine is. The workers start when first given work, fresh (``spawn``: the reader analyses in a
thread, and a process forked from a threaded one may hang), and end with ``close``. A job is a
top-level function and its arguments, sent by pickle: it works on a copy of what it is given, and
its result comes back the same way. If a worker dies (killed, out of memory), this process does the
jobs it had not sent back, and the rest of the analysis runs here.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from reader.model import Entity, Kind, Passage

if TYPE_CHECKING:  # imported when workers start: the reader loads its files before it needs them
    from concurrent.futures import Future, ProcessPoolExecutor

    from reader.evidence import Vocabulary

MAX_WORKERS = 3
IN_FLIGHT = 4  # batches sent to each worker at a time, so that it never waits for the next

Result = TypeVar("Result")
Job = tuple[Callable[..., Any], tuple[Any, ...]]  # a top-level function and its arguments

# A passage as plain data, to send to a worker: its id, kind, start, end, text and entities
# (start, end, label, key); a kept passage, without links.
PortablePassage = tuple[str, str, int, int, str, list[tuple[int, int, str, str]]]

_vocabulary: Vocabulary | None = None  # in a worker process: the vocabulary of the analysis it serves


def spare_cores() -> int:
    """How many worker processes may work beside this one: one per other usable core, up to ``MAX_WORKERS``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(0, min(cores - 1, MAX_WORKERS))


def portable(passage: Passage) -> PortablePassage:
    """``passage`` as plain data, to send to a worker."""
    return (passage.id, passage.kind.value, passage.start, passage.end, passage.text,
            [(e.start, e.end, e.label, e.key) for e in passage.entities])


def unpacked(data: PortablePassage) -> Passage:
    """The passage ``portable`` made ``data`` of."""
    passage_id, kind, start, end, text, entities = data
    return Passage(passage_id, Kind(kind), start, end, text, entities=[Entity(*e) for e in entities])


def worker_vocabulary() -> Vocabulary:
    """In a worker process: its vocabulary (see ``reader.evidence.Vocabulary``), for every job of the analysis."""
    if _vocabulary is None:
        raise RuntimeError("not in a worker process")
    return _vocabulary


def share(
    workers: Workers | None,
    jobs: int,
    send: Callable[[int], Job],
    here: Callable[[int], Result],
    checkpoint: Callable[[], None] | None = None,
    batch: int = 1,
) -> list[Result | Any]:
    """The result of each of ``jobs`` jobs, in order: ``workers.share``, or each job here, in order,
    when there are no workers (None, or none to spare)."""
    if workers is not None and workers.count:
        return workers.share(jobs, send, here, checkpoint, batch)
    results = []
    for n in range(jobs):
        if checkpoint is not None:
            checkpoint()
        results.append(here(n))
    return results


class Workers:
    """The worker processes of one load and analysis (see the module docstring); ``count`` of them, none
    until first used; closed on leaving a ``with`` block."""

    def __init__(self, count: int | None = None) -> None:
        self.count = spare_cores() if count is None else count
        self._pool: ProcessPoolExecutor | None = None

    def share(
        self,
        jobs: int,
        send: Callable[[int], Job],
        here: Callable[[int], Result],
        checkpoint: Callable[[], None] | None = None,
        batch: int = 1,
    ) -> list[Result | Any]:
        """The result of each of ``jobs`` jobs, in order: job ``i`` is done by a worker as ``send(i)``, or
        here as ``here(i)``. ``checkpoint()``, if given, is called before each job is begun or sent,
        and may raise to stop.

        Workers are sent ``batch`` jobs at a time (each message between processes costs about a
        millisecond), ``IN_FLIGHT`` batches each at most. Once every job is begun, this process does
        the jobs the workers still hold, last first, rather than wait for them: on a machine where
        another program keeps the other cores busy, the workers may be slow to finish what they
        hold, and a result that comes back after the same job is done here is dropped.
        """
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is None and self.count and jobs:
            self._start()
        results: list[Any] = [None] * jobs
        todo = set(range(jobs))  # the jobs whose result is not known yet
        front, back = 0, jobs  # the jobs neither sent nor begun here
        sent: dict[Future, range] = {}
        try:
            while todo:
                while self.count and front < back and len(sent) < IN_FLIGHT * self.count:
                    chunk = range(front, min(front + batch, back))
                    for n in chunk:
                        if checkpoint is not None:
                            checkpoint()
                    sent[self._pool.submit(_each, [send(n) for n in chunk])] = chunk
                    front = chunk.stop
                for future in [future for future in sent if future.done()]:
                    for n, result in zip(sent.pop(future), future.result()):
                        if n in todo:
                            results[n] = result
                            todo.discard(n)
                if not todo:
                    break
                if front < back:
                    back -= 1
                    n = back
                else:
                    n = max(todo)
                if checkpoint is not None:
                    checkpoint()
                results[n] = here(n)
                todo.discard(n)
        except BrokenProcessPool:
            self.close()
            self.count = 0
            for n in sorted(todo):
                if checkpoint is not None:
                    checkpoint()
                results[n] = here(n)
        return results

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()

    def close(self) -> None:
        """End the worker processes: they drop the jobs not begun and stop after the ones they are doing."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _start(self) -> None:
        """Start the worker processes, or do without them where the system cannot run them (no
        working POSIX semaphores, for one)."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Starting the pool may start multiprocessing's resource tracker, which is handed
        # sys.stderr's file descriptor: the reader's interface replaces sys.stderr by an object
        # without one (-1), and the tracker must not write on the screen it draws anyway.
        shown, sys.stderr = sys.stderr, open(os.devnull, "w")
        try:
            self._pool = ProcessPoolExecutor(
                self.count, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
            )
        except (OSError, ImportError, NotImplementedError):
            self.count = 0
        finally:
            sys.stderr.close()
            sys.stderr = shown


def _each(jobs: list[Job]) -> list[Any]:
    """In a worker process: the result of each job of a batch."""
    return [function(*arguments) for function, arguments in jobs]


def _start_worker() -> None:
    """Set up a worker process: its vocabulary, no cycle collection (as in the analysing process, see
    ``reader.collector.cycle_collection_paused``; a worker lives for one analysis), and nothing it
    prints reaches the terminal the reader draws on."""
    from reader.evidence import Vocabulary

    global _vocabulary
    _vocabulary = Vocabulary()
    gc.disable()
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    os.close(quiet)
