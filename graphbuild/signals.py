"""Clean stops: SIGINT and SIGTERM end a run through its normal unwinding path.

Inside :func:`stop_on_signals` the first SIGINT or SIGTERM raises
:class:`~graphbuild.errors.Stopped` in the main thread, wherever the run is (reading,
parsing, waiting for a worker, writing), so every ``finally`` on the way out runs: the
worker processes are stopped and joined, a Dask cluster is closed, temporary output
files are removed, and the previous output files stay as they were (the three are only
ever replaced together, with these signals held back: sinks/files.py). Signals that
arrive during that cleanup are ignored, so it always completes. The caller (the CLI)
prints one line and exits with 128 + the signal's number.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from graphbuild.errors import Stopped

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`Stopped` for the block (main thread only;
    elsewhere the block runs with the handlers it has)."""
    if threading.current_thread() != threading.main_thread():
        yield
        return
    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        if stopping:  # already unwinding: let the cleanup finish
            return
        stopping = True
        raise Stopped(signum, signal.Signals(signum).name)

    # A signal ignored from the start (a background job's SIGINT, nohup) stays ignored.
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum, handler in previous.items():
        if handler != signal.SIG_IGN:
            signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM that arrive inside the block are delivered when it ends, to
    whatever handler was there (``stop_on_signals``'s, Python's ``KeyboardInterrupt``, or
    the default that ends the process). For a few operations that must complete
    together, such as publishing the three output files. A Python handler is needed for
    this: a blocked signal mask holds back only the signals sent to this thread, while
    the kernel hands a process's signal to any thread that does not block it."""
    if threading.current_thread() != threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    for signum, handler in previous.items():
        if handler != signal.SIG_IGN:
            signal.signal(signum, lambda received, frame: caught.append(received))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(caught):
            signal.raise_signal(signum)


@contextmanager
def children_ignore_interrupts() -> Iterator[None]:
    """Processes started inside the block ignore SIGINT (an ignored signal stays ignored
    through fork and exec; a Python handler or a blocked mask does not), so a Ctrl-C in
    the terminal, which reaches the whole process group, stops only the main process,
    which then stops its workers itself: no worker prints a KeyboardInterrupt traceback,
    even while it is still importing. The main process ignores SIGINT too for those few
    milliseconds. SIGTERM is left alone: it is how the workers are ended."""
    if threading.current_thread() != threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
