"""Extraction on several worker processes.

Each worker loads the pipeline once and turns batches of documents into
:class:`~graphbuild.model.Extraction` records, which are small (offsets and metadata,
no parsed ``Doc``), so little crosses process boundaries. Batches are submitted
through a bounded window and results are yielded in input order: the output is the
same as with one process, and memory stays flat because the reader is never far
ahead of the workers.

spaCy's own ``nlp.pipe(n_process=…)`` is not used because it sends every parsed
``Doc`` back to the parent, where extraction would then run on one core.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from graphbuild.extraction.extract import extract
from graphbuild.extraction.nlp import load_pipeline
from graphbuild.model import Document, Extraction

_WORKER_NLP = None
_WORKER_BATCH = 64


def _init_worker(model: str | None, batch_size: int) -> None:
    global _WORKER_NLP, _WORKER_BATCH
    _WORKER_NLP = load_pipeline(model)
    _WORKER_BATCH = batch_size


def _extract_batch(documents: list[Document]) -> list[Extraction]:
    return list(extract(documents, _WORKER_NLP, batch_size=_WORKER_BATCH))


def extract_parallel(documents: Iterable[Document], model: str | None, workers: int,
                     batch_size: int, chunk: int = 32) -> Iterator[Extraction]:
    """Like :func:`~graphbuild.extraction.extract.extract`, on ``workers`` processes.

    ``chunk`` documents go to a worker at a time; at most ``2 * workers`` chunks are
    in flight. The pool starts at once, so the workers load the model while the caller
    gets ready (nothing is read before the first result is asked for).
    """
    context = multiprocessing.get_context("spawn")  # no inherited model or threads
    pool = context.Pool(workers, initializer=_init_worker, initargs=(model, batch_size))
    return _in_order(pool, iter(documents), workers, chunk)


def _in_order(pool, iterator: Iterator[Document], workers: int, chunk: int) -> Iterator[Extraction]:
    with pool:  # terminates the workers when done, on an error, or when the consumer stops
        pending: deque = deque()

        def submit() -> bool:
            batch = list(islice(iterator, chunk))
            if batch:
                pending.append(pool.apply_async(_extract_batch, (batch,)))
            return bool(batch)

        for _ in range(2 * workers):
            if not submit():
                break
        while pending:
            results = pending.popleft().get()
            submit()
            yield from results
