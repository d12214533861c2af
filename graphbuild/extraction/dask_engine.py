"""Extraction on a Dask cluster (optional: ``pip install 'graphbuild[dask]'``).

The documents are read in this process (so skipped inputs and duplicate ids are
handled exactly as in a local run); batches of them go to the cluster as futures,
each worker thread loads the spaCy pipeline once and caches it, and the small
:class:`~graphbuild.model.Extraction` records come back **in input order** through a
bounded window. The cross-article resolution then runs here, the same deterministic
reduce as a local run, so ``graph.json`` is byte-identical.

Every worker needs graphbuild and the spaCy model installed (the same versions as the
client); nothing is shipped to the workers but documents.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from graphbuild.config import ARTICLE_TIMEOUT, NLP_BATCH_SIZE
from graphbuild.errors import ConfigError, GraphbuildError, InputError
from graphbuild.fence import article_seconds, failure_error, overrun_error, watchdog_seconds
from graphbuild.model import Document, Extraction

log = logging.getLogger(__name__)

LOCAL = "local"
DOCUMENTS_PER_TASK = 32
# A Dask worker loads the pipeline inside its first task (once per thread), so the
# client's watchdog allows this much more than the articles' budgets: a worker that
# starts afresh (at the beginning, or after a restart) is not taken for a stuck one.
WORKER_START_SECONDS = 60.0
# How long a given-up task's worker restart waits for the scheduler to drop the task.
CANCEL_SECONDS = 10.0

# One pipeline per worker thread (spaCy pipelines are not shared between threads);
# loaded on the first task, reused by every later one.
_cache = threading.local()


def _pipeline(model: str | None):
    loaded = getattr(_cache, "pipelines", None)
    if loaded is None:
        loaded = _cache.pipelines = {}
    if model not in loaded:
        from graphbuild.extraction.nlp import load_pipeline

        loaded[model] = load_pipeline(model)
    return loaded[model]


def extract_batch(documents: list[Document], model: str | None, batch_size: int,
                  seconds: float | None = ARTICLE_TIMEOUT) -> list[Extraction | InputError]:
    """Runs on a Dask worker: parse and extract one batch of documents (each article
    fenced; the time budget itself is enforced from the client, see module docs)."""
    from graphbuild.extraction.extract import extract

    return list(extract(documents, _pipeline(model), batch_size=batch_size, seconds=seconds))


def connect(scheduler: str, workers: int = 1):
    """A ``distributed.Client`` for ``scheduler`` (an address, or ``local`` for a
    LocalCluster of ``workers`` single-threaded processes) and the cluster it started,
    if any."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("expected the optional Dask dependency for --dask-scheduler, found none; "
                          "run `pip install 'graphbuild[dask]'`") from None
    if not log.isEnabledFor(logging.INFO):  # distributed logs at INFO; keep stderr quiet unless -v
        for name in ("distributed", "distributed.scheduler", "distributed.nanny", "distributed.worker",
                     "distributed.core", "distributed.http.proxy"):
            logging.getLogger(name).setLevel(logging.WARNING)
    if scheduler == LOCAL:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=":0")  # any free port: never clash on 8787
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="30s"), None
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"expected a Dask scheduler at {scheduler}, could not connect ({exc})") from None


def extract_dask(documents: Iterable[Document], model: str | None, scheduler: str, *,
                 batch_size: int = NLP_BATCH_SIZE, workers: int = 1,
                 per_task: int = DOCUMENTS_PER_TASK,
                 seconds: float | None = ARTICLE_TIMEOUT) -> Iterator[Extraction | InputError]:
    """Like :func:`~graphbuild.extraction.extract.extract`, on a Dask cluster.

    ``per_task`` documents go in one task; at most twice the cluster's threads (at
    least 4) tasks are in flight, so the reader is never far ahead of the cluster.

    Dask runs tasks in worker threads, where no timer can interrupt them, so the time
    budget is enforced here: a task not done within its watchdog
    (:func:`~graphbuild.fence.watchdog_seconds` plus :data:`WORKER_START_SECONDS`,
    counted from when this process starts waiting for it) is given up, cancelled, the
    worker running it is restarted (through its nanny) once the scheduler has dropped the
    task (else the scheduler would run it again on another worker), and its articles run
    again one per task, so only the article at fault is reported.
    """
    iterator = iter(documents)
    first = list(islice(iterator, 1))
    if not first:  # nothing to parse (every article came from the cache): no cluster needed
        return
    iterator = chain(first, iterator)
    client, cluster = connect(scheduler, workers)
    try:
        threads = sum(client.nthreads().values()) or 1
        window = max(4, 2 * threads)
        log.info("dask: %s, %d worker threads, %d tasks in flight", client.scheduler.address, threads, window)
        pending: deque = deque()

        def schedule(batch: list[Document]):
            return client.submit(extract_batch, batch, model, batch_size, seconds, pure=False)

        def submit() -> bool:
            batch = list(islice(iterator, per_task))
            if batch:
                pending.append((batch, schedule(batch)))
            return bool(batch)

        for _ in range(window):
            if not submit():
                break
        while pending:
            batch, future = pending.popleft()
            results = _results(client, batch, future, schedule, seconds)
            submit()
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _results(client, batch: list[Document], future, schedule, seconds: float | None) -> list:
    """The batch's results; if it timed out or failed, its articles again one per task,
    one task at a time, and an ``InputError`` for each article that fails alone."""
    try:
        return _wait(client, future, batch, seconds)
    except GraphbuildError:
        raise
    except Exception as exc:  # noqa: BLE001 -- a stuck or failed task: find the article below
        if len(batch) == 1:
            return [_lost(batch[0], exc, seconds)]
    # One article at a time: an article queued behind the stuck one on the same worker
    # thread would wait out its own watchdog there and be reported in its place.
    results: list = []
    for document in batch:
        try:
            results.extend(_wait(client, schedule([document]), [document], seconds))
        except GraphbuildError:
            raise
        except Exception as exc:  # noqa: BLE001
            results.append(_lost(document, exc, seconds))
    return results


def _wait(client, future, batch: list[Document], seconds: float | None) -> list:
    watchdog = watchdog_seconds((d.text for d in batch), seconds, alone=len(batch) == 1)
    try:
        return future.result(timeout=None if watchdog is None else watchdog + WORKER_START_SECONDS)
    except TimeoutError:
        _restart_workers_running(client, future)
        raise
    finally:
        future.release()


def _restart_workers_running(client, future) -> None:
    """Restart the worker(s) still running ``future`` (a thread cannot be stopped, a
    process can): the nanny starts a fresh one and Dask reschedules its other tasks.

    The task is cancelled first and the restart waits until the scheduler has dropped
    it: ``Client.cancel`` only queues a message on the client's batched stream while
    ``restart_workers`` is a call of its own that can overtake it, and a worker removed
    while the scheduler still holds the task makes it run the task again on another
    worker, whose single thread then hangs in it too, and an ordinary article rerun
    there was given up in the stuck one's place (round 15)."""
    try:
        stuck = [worker for worker, keys in client.processing().items() if future.key in keys]
        client.cancel(future)
        if stuck:
            _until_dropped(client, future.key, stuck)
            client.restart_workers(stuck)
            log.warning("dask: restarted %s, stuck on one task", ", ".join(stuck))
    except Exception as exc:  # noqa: BLE001 -- best effort: the task is reported either way
        log.warning("dask: could not restart the worker stuck on a task (%s); its thread stays busy", exc)


def _until_dropped(client, key, workers: list[str]) -> None:
    """Wait (at most :data:`CANCEL_SECONDS`) until no worker of ``workers`` is processing ``key``."""
    for _ in range(int(CANCEL_SECONDS / 0.05)):
        if not any(key in keys for keys in client.processing(workers).values()):
            return
        time.sleep(0.05)
    raise TimeoutError(f"the scheduler still ran the task {CANCEL_SECONDS:g} s after it was cancelled")


def _lost(document: Document, exc: BaseException, seconds: float | None) -> InputError:
    if isinstance(exc, TimeoutError):
        waited = (watchdog_seconds([document.text], seconds, alone=True) or 0.0) + WORKER_START_SECONDS
        return overrun_error(document.path, document.line, "extraction",
                             article_seconds(len(document.text), seconds) or waited, waited,
                             " on the Dask cluster (the task was given up)")
    return failure_error(document.path, document.line, "extraction", exc)
