"""Extraction on several worker processes, with a watchdog.

Each worker loads the pipeline once and turns batches of documents into
:class:`~graphbuild.model.Extraction` records, which are small (offsets and metadata,
no parsed ``Doc``), so little crosses process boundaries. Batches are submitted
through a bounded window and results are yielded in input order: the output is the
same as with one process, and memory stays flat because the reader is never far
ahead of the workers.

Inside a worker every article is fenced as in one process (extraction/extract.py):
an article that raises or runs past its budget comes back as an ``InputError``. Work
stuck where no signal reaches it (compiled code) is caught by a watchdog here: a batch
that has not come back within its watchdog (``fence.watchdog_seconds``) has its worker
killed and replaced, and its articles run again one per task, each under its own
watchdog, so only the article at fault is reported and the others are never lost. A worker that
dies (a crash, the kernel's out-of-memory killer) is handled the same way.

The pool is Pebble's ``ProcessPool``: unlike ``multiprocessing.Pool`` and
``concurrent.futures`` it can time out one task and kill and replace just the worker
running it. spaCy's own ``nlp.pipe(n_process=…)`` is not used because it sends every
parsed ``Doc`` back to the parent, where extraction would then run on one core.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from itertools import islice

from pebble import ProcessExpired, ProcessPool

from graphbuild.config import ARTICLE_TIMEOUT
from graphbuild.errors import GraphbuildError, InputError, WorkerError
from graphbuild.fence import article_seconds, failure_error, overrun_error, watchdog_seconds
from graphbuild.model import Document, Extraction
from graphbuild.signals import children_ignore_interrupts

# spaCy is imported only inside the worker functions: a new worker process imports this
# module before Pebble's worker loop sets SIGINT aside, and that must take milliseconds,
# not the seconds spaCy's import takes (see children_ignore_interrupts).
STEP = "extraction"

_WORKER_NLP = None
_WORKER_FAILURE: GraphbuildError | None = None
_WORKER_BATCH = 64
_WORKER_SECONDS: float | None = ARTICLE_TIMEOUT

Result = Extraction | InputError


def _init_worker(model: str | None, batch_size: int, seconds: float | None) -> None:
    global _WORKER_NLP, _WORKER_FAILURE, _WORKER_BATCH, _WORKER_SECONDS
    from graphbuild.extraction.nlp import load_pipeline

    _WORKER_BATCH, _WORKER_SECONDS = batch_size, seconds
    try:
        _WORKER_NLP = load_pipeline(model)
    except GraphbuildError as exc:  # kept, and raised by every task: a worker that died here would be respawned forever
        _WORKER_FAILURE = exc


def _extract_batch(documents: list[Document]) -> list[Result]:
    from graphbuild.extraction.extract import extract

    if _WORKER_FAILURE is not None:
        raise _WORKER_FAILURE
    return list(extract(documents, _WORKER_NLP, batch_size=_WORKER_BATCH, seconds=_WORKER_SECONDS))


def extract_parallel(documents: Iterable[Document], model: str | None, workers: int,
                     batch_size: int, chunk: int = 32, seconds: float | None = ARTICLE_TIMEOUT,
                     start_now: bool = True) -> "PoolStream":
    """Like :func:`~graphbuild.extraction.extract.extract`, on ``workers`` processes.

    ``chunk`` documents go to a worker at a time; at most ``2 * workers`` chunks are
    in flight. With ``start_now`` the pool starts at once, so the workers load the model
    while the caller gets ready (nothing is read before the first result is asked for);
    without, it starts when the first document arrives (never, if none does: an
    incremental run whose articles all come from the cache). The workers are stopped
    when the results run out or when the stream is closed (``with closing(…)``),
    whichever comes first, even if it was never iterated.
    """
    context = multiprocessing.get_context("spawn")  # no inherited model or threads
    pool = ProcessPool(max_workers=workers, initializer=_init_worker, initargs=(model, batch_size, seconds),
                       context=context)
    return PoolStream(pool, iter(documents), workers, chunk, seconds, start_now)


class PoolStream:
    """The results of :func:`extract_parallel` in input order, and the pool behind them."""

    def __init__(self, pool: ProcessPool, documents: Iterator[Document], workers: int, chunk: int,
                 seconds: float | None, start_now: bool = True):
        self._pool = pool
        self._started = self._stopped = False
        if start_now:
            self._start()
        self._results = self._in_order(documents, workers, chunk, seconds)

    def _start(self) -> None:
        if not self._started:
            self._started = True
            with children_ignore_interrupts():  # the first workers; a replacement worker ignores it once it runs
                self._pool.active  # noqa: B018 -- starts the pool (Pebble starts it on first use otherwise)

    def __iter__(self) -> Iterator[Result]:
        return self._results

    def close(self) -> None:
        """Stop and join every worker (idempotent)."""
        self._results.close()
        self._stop()

    def _stop(self) -> None:
        if not self._stopped:
            self._stopped = True
            if self._started:
                self._pool.stop()
                self._pool.join()

    def _in_order(self, iterator: Iterator[Document], workers: int, chunk: int,
                  seconds: float | None) -> Iterator[Result]:
        pool, pending = self._pool, deque()

        def submit() -> bool:
            batch = list(islice(iterator, chunk))
            if batch:
                self._start()
                pending.append((batch, _schedule(pool, batch, seconds)))
            return bool(batch)

        for _ in range(2 * workers):
            if not submit():
                break
        while pending:
            batch, future = pending.popleft()
            results = _results(pool, batch, future, seconds)
            submit()
            yield from results
        self._stop()


def _schedule(pool: ProcessPool, batch: list[Document], seconds: float | None):
    try:
        return pool.schedule(_extract_batch, args=(batch,),
                             timeout=watchdog_seconds((d.text for d in batch), seconds, alone=len(batch) == 1))
    except RuntimeError as exc:  # Pebble's pool is broken (every worker died at once)
        raise WorkerError(f"expected the extraction worker processes to run, found the pool broken ({exc})") from None


def _results(pool: ProcessPool, batch: list[Document], future, seconds: float | None) -> list[Result]:
    """The batch's results; if its worker was stuck or died, its articles again, one
    task each, and an ``InputError`` for each article that fails that way alone."""
    try:
        return future.result()
    except GraphbuildError:
        raise  # the workers cannot run at all (no model): not one article's fault
    except Exception as exc:  # noqa: BLE001 -- stuck, dead or broken worker: find the article below
        if len(batch) == 1:
            return [_lost(batch[0], exc, seconds)]
    singles = [(document, _schedule(pool, [document], seconds)) for document in batch]
    results: list[Result] = []
    for document, single in singles:
        try:
            results.extend(single.result())
        except GraphbuildError:
            raise
        except Exception as exc:  # noqa: BLE001
            results.append(_lost(document, exc, seconds))
    return results


def _lost(document: Document, exc: BaseException, seconds: float | None) -> InputError:
    if isinstance(exc, FutureTimeout):
        waited = watchdog_seconds([document.text], seconds, alone=True) or 0.0
        return overrun_error(document.path, document.line, STEP, article_seconds(len(document.text), seconds) or waited,
                             waited, " (its worker process was killed and replaced)")
    if isinstance(exc, ProcessExpired):
        return InputError(document.path, f"{STEP} to finish", f"its worker process ended abnormally (exit code "
                          f"{exc.exitcode}); a new worker took over", document.line)
    return failure_error(document.path, document.line, STEP, exc)
