"""Fences around the work done for one article: a time budget and a catch-all.

An article whose extraction or resolution raises, hangs or runs far too long is
reported and skipped like any bad input (``skipped FILE:LINE: expected …, found …``),
and the rest of the batch goes on. Every per-article step runs inside :func:`fenced`
(or, for the NLP batch, inside :func:`time_limit` directly: extraction/extract.py).

The budget of an article is ``seconds`` for every :data:`ARTICLE_TIMEOUT_CHARS`
characters of its text, and never less than ``seconds`` (``--article-timeout``; 0 or
``None``: no budget). It is enforced with a POSIX interval timer (``signal.setitimer``
and SIGALRM), which interrupts the Python code of the step in the main thread of the
process running it: the main process with one worker, each worker process with
``--workers N``. Python's regular expressions check for signals as they run, so a
runaway pattern is interrupted too. Work stuck inside compiled code that never returns
to Python cannot be interrupted by a signal handler; with worker processes, a watchdog
in the main process kills and replaces such a worker (extraction/parallel.py). Where no
timer can be set (a thread other than the main one, such as a Dask worker thread, or a
platform without ``setitimer``) the step runs without one; the Dask engine enforces the
budget from the client (extraction/dask_engine.py).

A timer already running when a fence starts (an enclosing fence, or a test runner's
own timeout) is respected: the earlier deadline fires first and goes to its owner, and
what is left of it is re-armed afterwards.
"""
from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from graphbuild.config import ARTICLE_TIMEOUT_CHARS
from graphbuild.errors import InputError

log = logging.getLogger(__name__)

T = TypeVar("T")


class Overrun(BaseException):
    """Raised by the timer into the step that ran past its budget. A ``BaseException``
    so that no ``except Exception`` inside the step (spaCy has some) can swallow it."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__(f"still running after {seconds_text(seconds)} s")


def article_seconds(chars: int, seconds: float | None) -> float | None:
    """The budget of an article of ``chars`` characters; ``None`` when there is none.

    >>> article_seconds(3_000, 60), article_seconds(25_000, 60), article_seconds(9, 0)
    (60, 150.0, None)
    """
    if not seconds:
        return None
    return seconds if chars <= ARTICLE_TIMEOUT_CHARS else seconds * chars / ARTICLE_TIMEOUT_CHARS


def watchdog_seconds(texts: Iterable[str], seconds: float | None, alone: bool = False) -> float | None:
    """How long a process waits for a worker's answer before it presumes the worker stuck
    (where no timer reaches: compiled code) and kills it. ``None`` when there is no budget.

    A batch of articles: the sum of their budgets plus one budget. Presuming a slow batch
    stuck loses nothing: its articles run again one per task. An article alone
    (``alone``): three times its budget plus one, the most the fences inside the worker
    can take (the batch parse, the parse alone, extraction), so an article is reported
    only when it is really stuck.

    >>> watchdog_seconds(["short", "x" * 20_000], 60)  # (60 + 120) + 60
    240.0
    >>> watchdog_seconds(["x" * 20_000], 60, alone=True)  # 3 * 120 + 60
    420.0
    """
    if not seconds:
        return None
    budgets = sum(article_seconds(len(text), seconds) for text in texts)
    return (3 * budgets if alone else budgets) + seconds


def seconds_text(seconds: float) -> str:
    """``60`` → ``"60"``, ``2.5`` → ``"2.5"``, ``1234.567`` → ``"1234.6"``."""
    return f"{round(seconds, 1):g}"


def can_time_here() -> bool:
    """Whether :func:`time_limit` can interrupt work in the calling thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() == threading.main_thread()


class _Timer:
    armed = True
    fired = False


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`Overrun` inside the block if it runs longer than ``seconds``
    (wall clock). No limit when ``seconds`` is falsy or :func:`can_time_here` is not."""
    if not seconds or not can_time_here():
        yield
        return
    timer = _Timer()
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    outer_first = 0 < outer_delay < seconds

    def on_alarm(signum, frame):
        if not timer.armed:
            return
        timer.armed, timer.fired = False, True
        if outer_first:  # the enclosing deadline came first: it is its owner's to handle
            if callable(previous):
                previous(signum, frame)
            return
        raise Overrun(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, outer_delay if outer_first else seconds)
    try:
        yield
    finally:
        timer.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay and not (outer_first and timer.fired):
            left = outer_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), outer_interval)


def fenced(compute: Callable[[], T], *, step: str, path: str, line: int | None, budget: float | None) -> T:
    """``compute()`` within ``budget`` seconds; any failure of it becomes the
    :class:`InputError` that reports the article at ``path:line`` (the traceback is
    logged, shown with ``-v``)."""
    try:
        with time_limit(budget):
            return compute()
    except Overrun as over:
        raise overrun_error(path, line, step, over.seconds, over.seconds) from None
    except Exception as exc:  # noqa: BLE001 -- the fence: one article's failure must not stop the batch
        raise failure_error(path, line, step, exc) from None


def overrun_error(path: str, line: int | None, step: str, budget: float, ran: float, detail: str = "") -> InputError:
    """``expected extraction within 60 s, found it still running after 60 s``."""
    return InputError(path, f"{step} within {seconds_text(budget)} s",
                      f"it still running after {seconds_text(ran)} s{detail}", line)


def failure_error(path: str, line: int | None, step: str, exc: BaseException) -> InputError:
    """``expected extraction to succeed, found RecursionError: maximum recursion depth …``."""
    log.info("%s%s: %s failed", path, f":{line}" if line is not None else "", step, exc_info=exc)
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:199] + "…"
    return InputError(path, f"{step} to succeed", f"{type(exc).__name__}" + (f": {message}" if message else ""), line)
