"""Clean stops: SIGTERM or Ctrl-C (SIGINT to the whole process group) during a run with
worker processes ends every process of ours, prints one line, exits 143 / 130, leaves
no temporary file and the previous outputs as they were (the real CLI, real processes)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import networkx as nx
import psutil
import pytest

from graphbuild.config import CACHE_DIR
from graphbuild.errors import Stopped
from graphbuild.extraction.extract import TEST_SLOW_ARTICLE
from graphbuild.signals import stop_on_signals
from graphbuild.sinks import files
from graphbuild.sinks.files import read_graph, write_graph
from tests.conftest import REPO, SMALL_BATCH, write_jsonl

pytestmark = pytest.mark.model


def _previous_set(out: Path) -> dict[str, bytes]:
    graph = nx.MultiDiGraph()
    graph.add_node("person:previous-run", labels=["Person"], name="Previous Run", aliases=[])
    write_graph(graph, out)
    return {p.name: p.read_bytes() for p in out.iterdir()}


def _many_articles(folder: Path) -> Path:
    """2,000 short articles (some 10 s of parsing per worker here), one of which never
    finishes: the parse is surely under way whenever the signal comes."""
    records = [{**article, "id": f"{article['id']}-{copy}"} for copy in range(500) for article in SMALL_BATCH]
    return write_jsonl(folder / "many.jsonl", records)


def _start(batch: Path, out: Path) -> subprocess.Popen:
    environment = {**os.environ, TEST_SLOW_ARTICLE: "b-golf-450"}
    return subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "ingest", str(batch), "--out", str(out), "--workers", "2",
         "--no-progress"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, as a shell job has
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # a terminal's default, even under CI


def _workers_parsing(process: subprocess.Popen) -> list[psutil.Process]:
    """Wait until both workers have started and are busy; return every process of ours."""
    main = psutil.Process(process.pid)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = [p for p in main.children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]
        if len(workers) == 2 and all(w.cpu_times().user > 1.5 for w in workers):  # model loaded, parsing
            return [main, *main.children(recursive=True)]
        time.sleep(0.2)
    process.kill()
    pytest.fail("the workers did not start within 120 s")


@pytest.mark.parametrize("signum, to_group, code", [(signal.SIGTERM, False, 143), (signal.SIGINT, True, 130)],
                         ids=["SIGTERM to the main process", "Ctrl-C (SIGINT to the process group)"])
def test_a_stop_during_the_parse_ends_every_process_cleanly(tmp_path, signum, to_group, code):
    out = tmp_path / "out"
    before = _previous_set(out)
    process = _start(_many_articles(tmp_path / "in"), out)
    ours = _workers_parsing(process)
    assert len(ours) >= 3  # the main process and two workers (and multiprocessing's resource tracker)
    if to_group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    name = signal.Signals(signum).name
    assert stderr == f"graphbuild: stopped by {name}; nothing written, the previous files in {out} are as they were\n"
    assert stdout == ""
    _, alive = psutil.wait_procs(ours, timeout=10)
    assert alive == []  # no worker, no orphan
    # No temporary file and the previous set intact. The extraction cache (OUT/.cache by
    # default) may already hold the articles parsed before the stop, kept for the next run:
    # whether the first batch came back before the signal depends on the machine's speed.
    assert {p.name for p in out.iterdir()} - set(before) <= {CACHE_DIR}
    assert {name: (out / name).read_bytes() for name in before} == before


def test_a_stop_that_comes_while_the_set_is_published_waits_until_all_three_are_in_place(tmp_path, monkeypatch):
    out = tmp_path / "out"
    _previous_set(out)
    graph = nx.MultiDiGraph()
    graph.add_node("person:new-run", labels=["Person"], name="New Run", aliases=[])
    renamed = []
    replace = os.replace

    def replace_then_signal(source, target):
        replace(source, target)
        renamed.append(Path(target).name)
        if len(renamed) == 1:
            os.kill(os.getpid(), signal.SIGTERM)  # held back until the three renames are done

    monkeypatch.setattr(files.os, "replace", replace_then_signal)
    # Another thread is alive, as in any process with a thread pool: the kernel may hand the
    # signal to it, so holding it back in the main thread's signal mask would not do.
    done = threading.Event()
    bystander = threading.Thread(target=done.wait, daemon=True)
    bystander.start()
    try:
        with pytest.raises(Stopped) as stopped:
            with stop_on_signals():
                write_graph(graph, out)
    finally:
        done.set()
    assert renamed == ["graph.json", "graph.graphml", "merge-log.jsonl"] and stopped.value.published
    assert list(read_graph(out).nodes) == ["person:new-run"]
    assert "New Run" in (out / "graph.graphml").read_text("utf-8")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_stop_while_the_files_are_written_removes_the_temporary_files_and_keeps_the_old_set(tmp_path,
                                                                                              monkeypatch):
    out = tmp_path / "out"
    before = _previous_set(out)

    def stopped_midway(graph, handle):
        handle.write(b"<?xml version='1.0'?><graphml>")
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises here

    monkeypatch.setattr(files, "write_graphml", stopped_midway)
    with pytest.raises(Stopped) as stopped:
        with stop_on_signals():
            write_graph(nx.MultiDiGraph(), out)
    assert not stopped.value.published
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert json.loads((out / "graph.json").read_text("utf-8"))["nodes"][0]["id"] == "person:previous-run"
