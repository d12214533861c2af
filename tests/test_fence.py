"""The per-article fence: a time budget that interrupts Python work, and a catch-all that
turns one article's failure into a report with its file and line."""
from __future__ import annotations

import signal
import threading
import time

import pytest

from graphbuild.errors import InputError
from graphbuild.fence import Overrun, article_seconds, fenced, time_limit, watchdog_seconds


def test_the_budget_is_seconds_per_ten_thousand_characters_and_never_less_than_seconds():
    assert article_seconds(0, 60) == 60
    assert article_seconds(10_000, 60) == 60
    assert article_seconds(40_000, 60) == 240
    assert article_seconds(40_000, 0) is None and article_seconds(5, None) is None
    assert watchdog_seconds(["a" * 40_000, "b"], 60) == (240 + 60) + 60  # a batch: re-run if late, never lost
    assert watchdog_seconds(["a" * 40_000], 60, alone=True) == 3 * 240 + 60  # alone: all the fences may take
    assert watchdog_seconds(["a"], None) is None


def _left_after(before: float, elapsed: float) -> float:
    """What an enclosing timer (pytest-timeout's, when it is on) should have left."""
    return max(before - elapsed, 0.0)


def test_a_step_over_its_budget_is_interrupted_at_the_budget():
    before, _ = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    with pytest.raises(Overrun):
        with time_limit(0.3):
            while True:  # a loop that never ends, as the parse walk of issue 12 did
                time.sleep(0.01)
    elapsed = time.monotonic() - started
    assert 0.25 < elapsed < 3
    left, _ = signal.getitimer(signal.ITIMER_REAL)  # ours is gone; an enclosing one goes on
    assert left == pytest.approx(_left_after(before, elapsed), abs=0.5)


def test_a_step_within_its_budget_runs_to_the_end_and_disarms_the_timer():
    before, _ = signal.getitimer(signal.ITIMER_REAL)
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500
    left, _ = signal.getitimer(signal.ITIMER_REAL)
    assert left == pytest.approx(before, abs=0.5)


def test_an_enclosing_timer_keeps_its_handler_and_what_is_left_of_its_time():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append("outer"))
    runner_delay, runner_interval = signal.getitimer(signal.ITIMER_REAL)  # pytest-timeout's, if on
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit(5):
            pass
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 25 < left <= 30
        # an enclosing deadline that comes first goes to its owner, not to the inner step
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        with time_limit(5):
            time.sleep(0.5)
        assert fired == ["outer"]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if runner_delay:
            signal.setitimer(signal.ITIMER_REAL, runner_delay, runner_interval)


def test_outside_the_main_thread_there_is_no_timer_and_no_error():
    done = []

    def work():
        with time_limit(0.05):
            time.sleep(0.2)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]


def test_an_exception_becomes_the_report_of_the_article_with_file_and_line():
    def boom():
        raise ValueError("the name is empty\nafter normalisation")

    with pytest.raises(InputError) as caught:
        fenced(boom, step="within-article resolution", path="in/batch.jsonl", line=7, budget=5)
    assert str(caught.value) == ("in/batch.jsonl:7: expected within-article resolution to succeed, "
                                 "found ValueError: the name is empty after normalisation")


def test_an_overrun_becomes_the_report_of_the_article_with_its_budget():
    with pytest.raises(InputError) as caught:
        fenced(lambda: time.sleep(5), step="event resolution", path="a.txt", line=None, budget=0.2)
    assert str(caught.value) == "a.txt: expected event resolution within 0.2 s, found it still running after 0.2 s"


def test_a_stop_request_is_never_swallowed_by_the_fence():
    def interrupted():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fenced(interrupted, step="extraction", path="a.txt", line=1, budget=5)
