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
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from graphbuild.config import NLP_BATCH_SIZE
from graphbuild.errors import ConfigError
from graphbuild.model import Document, Extraction

log = logging.getLogger(__name__)

LOCAL = "local"
DOCUMENTS_PER_TASK = 32

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


def extract_batch(documents: list[Document], model: str | None, batch_size: int) -> list[Extraction]:
    """Runs on a Dask worker: parse and extract one batch of documents."""
    from graphbuild.extraction.extract import extract

    return list(extract(documents, _pipeline(model), batch_size=batch_size))


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
                 per_task: int = DOCUMENTS_PER_TASK) -> Iterator[Extraction]:
    """Like :func:`~graphbuild.extraction.extract.extract`, on a Dask cluster.

    ``per_task`` documents go in one task; at most twice the cluster's threads (at
    least 4) tasks are in flight, so the reader is never far ahead of the cluster.
    """
    client, cluster = connect(scheduler, workers)
    try:
        threads = sum(client.nthreads().values()) or 1
        window = max(4, 2 * threads)
        log.info("dask: %s, %d worker threads, %d tasks in flight", client.scheduler.address, threads, window)
        iterator = iter(documents)
        pending: deque = deque()

        def submit() -> bool:
            batch = list(islice(iterator, per_task))
            if batch:
                pending.append(client.submit(extract_batch, batch, model, batch_size, pure=False))
            return bool(batch)

        for _ in range(window):
            if not submit():
                break
        while pending:
            future = pending.popleft()
            results = future.result()
            future.release()
            submit()
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
