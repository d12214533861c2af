"""Database faults against real FalkorDB servers: killed mid-load, refused, wrong
password, no answer. Each gives one clear line and a non-zero exit; after a restart
the same load completes with the counts of a clean load. Passwords never show."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid

import networkx as nx
import pytest

from graphbuild.sinks import cypher
from graphbuild.sinks.falkordb import connect_falkordb
from graphbuild.sinks.files import write_graph
from graphbuild.sinks.load import load_graph

from .conftest import db_counts, graph_counts
from .server import start_falkordb

pytestmark = pytest.mark.integration

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "hunter2-" + uuid.uuid4().hex[:8]
BULK = 3000


def graphbuild(*args, env=None, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "graphbuild", *map(str, args)], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})}, **kwargs)


def run(*args, env=None):
    process = graphbuild(*args, env=env)
    stdout, stderr = process.communicate(timeout=120)
    return process.returncode, stdout, stderr


@pytest.fixture(scope="module")
def bulk_graph(seed_graph) -> nx.MultiDiGraph:
    """The seed graph plus enough people that a load in batches of 1 takes a while."""
    graph = seed_graph.copy()
    article = next(n for n in graph if n.startswith("article:"))
    for i in range(BULK):
        graph.add_node(f"person:bulk-{i:05d}", labels=["Person"], name=f"Bulk Person {i}", aliases=[])
        graph.add_edge(article, f"person:bulk-{i:05d}", key="MENTIONS", type="MENTIONS", count=1, starts=[0],
                       ends=[1], texts=["x"])
    return graph


def test_server_killed_mid_load_fails_clearly_and_a_rerun_after_restart_completes(bulk_graph, tmp_path):
    folder = tmp_path / "graph"
    write_graph(bulk_graph, folder)
    data = tmp_path / "db"
    server = start_falkordb(data, persist=True)
    try:
        load = graphbuild("load", folder, "--falkordb", server.socket, "--batch-size", "1")
        for line in load.stderr:  # progress on stderr: kill once the people are being written
            if line.startswith("graphbuild: nodes "):
                _wait_for_people(server)
                server.process.kill()
                server.process.wait(timeout=10)
                break
        rest, _ = load.stderr.read(), load.wait(timeout=60)
        assert load.returncode == 1
        lines = rest.strip().splitlines()
        assert lines[-1].startswith(f"graphbuild: error: falkordb {server.socket} graph graphbuild: expected the "
                                    f"server to answer, found no connection")
        assert lines[-1].endswith("stopped part way (nothing is lost: run the same command again to finish)")
        assert "Traceback" not in rest
    finally:
        server.stop()

    server = start_falkordb(data, persist=True)  # same folder: the append-only file is replayed
    try:
        store = connect_falkordb(str(server.socket))
        partial = db_counts(store)
        assert 0 < partial.get("Person", 0) < graph_counts(bulk_graph)["Person"]  # it really stopped half way
        store.close()
        code, stdout, stderr = run("load", folder, "--falkordb", server.socket)
        assert code == 0, stderr
        store = connect_falkordb(str(server.socket))
        clean = connect_falkordb(str(server.socket), "clean")
        load_graph(clean, bulk_graph)
        assert db_counts(store) == db_counts(clean) == graph_counts(bulk_graph)  # nothing lost or duplicated
        store.close()
        clean.close()
    finally:
        server.stop()


def _wait_for_people(server) -> None:
    """Return once the load has written some of the people (polling; no timing asserted)."""
    watcher = connect_falkordb(str(server.socket))
    try:
        for _ in range(3000):
            if watcher.read(cypher.count_nodes("Person"))[0]["count"] > 0:
                return
            time.sleep(0.01)
    finally:
        watcher.close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _one_clear_line(code, stdout, stderr, start):
    assert code == 1
    assert stderr.count("\n") == 1 and stderr.startswith("graphbuild: error: " + start), stderr
    assert "Traceback" not in stderr


@pytest.fixture(scope="module")
def graph_folder(seed_graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults") / "graph"
    write_graph(seed_graph, folder)
    return folder


def test_connection_refused_is_one_line(graph_folder, tmp_path):
    _one_clear_line(*run("load", graph_folder, "--falkordb", f"redis://127.0.0.1:{_closed_port()}"),
                    "expected a FalkorDB server at redis://127.0.0.1:")
    _one_clear_line(*run("load", graph_folder, "--falkordb", tmp_path / "no.sock"),
                    f"expected a FalkorDB server at {tmp_path / 'no.sock'}, found no connection")


def test_no_answer_is_a_timeout_in_one_line(graph_folder, tmp_path):
    path = tmp_path / "mute.sock"
    with socket.socket(socket.AF_UNIX) as mute:  # listens, never answers
        mute.bind(str(path))
        mute.listen(5)
        result = run("load", graph_folder, "--falkordb", path, env={"GRAPHBUILD_DB_TIMEOUT": "0.5"})
    _one_clear_line(*result, f"expected a FalkorDB server at {path}, found no answer before the timeout")


@pytest.fixture(scope="module")
def locked_server(tmp_path_factory):
    server = start_falkordb(tmp_path_factory.mktemp("locked"), extra=("--requirepass", PASSWORD))
    yield server
    server.stop()


def test_wrong_or_missing_password_is_one_line_and_the_right_one_works(graph_folder, locked_server):
    for env in ({"FALKORDB_PASSWORD": "wrong"}, {"FALKORDB_PASSWORD": ""}):
        _one_clear_line(*run("load", graph_folder, "--falkordb", locked_server.socket, env=env),
                        f"expected a FalkorDB server at {locked_server.socket}, found authentication failed")
    code, stdout, stderr = run("load", graph_folder, "--falkordb", locked_server.socket, "--graph", "ok",
                               env={"FALKORDB_PASSWORD": PASSWORD})
    assert code == 0, stderr
    assert PASSWORD not in stdout + stderr


@pytest.mark.parametrize("verbose", [[], ["--verbose"]])
@pytest.mark.parametrize("option, uri", [
    ("--neo4j-uri", "bolt://neo4j:{password}@127.0.0.1:{port}"),
    ("--neo4j-uri", "neo4j://neo4j:{password}@127.0.0.1:{port}/db"),
    ("--falkordb", "redis://default:{password}@127.0.0.1:{port}"),
])
def test_no_password_in_any_output_of_a_failing_load(graph_folder, verbose, option, uri):
    url = uri.format(password=PASSWORD, port=_closed_port())
    code, stdout, stderr = run(*verbose, "load", graph_folder, option, url, "--connect-timeout", "1",
                               env={"NEO4J_PASSWORD": PASSWORD + "-env"})  # nothing listens: no 60 s wait
    assert code == 1
    assert "***@127.0.0.1" in stderr  # the place is named, masked
    assert PASSWORD not in stdout + stderr
    if verbose:
        assert "Traceback" in stderr  # --verbose shows it; without, one line (tests above)
