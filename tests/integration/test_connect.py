"""Connecting to Neo4j as a new user does: a server still starting up is waited for
(with one progress line), and every mistake that waiting cannot fix is one line on
stderr that says what to do, with exit 1 and no traceback. The real ``neo4j`` driver
throughout: against nothing, against FalkorDB's Bolt listener started late, and against
a listener that refuses logins as Neo4j does (bolt_refuser.py)."""
from __future__ import annotations

import random
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.sinks.files import write_graph

from .bolt_refuser import BoltRefuser
from .server import start_falkordb
from .test_bolt import _tiny_graph

pytestmark = pytest.mark.integration


@pytest.fixture()
def out(tmp_path) -> str:
    write_graph(_tiny_graph(), tmp_path / "out")
    return str(tmp_path / "out")


@pytest.fixture()
def no_credentials(monkeypatch):
    monkeypatch.delenv("NEO4J_USERNAME", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)


@pytest.fixture(scope="module")
def refuser():
    server = BoltRefuser()
    yield server
    server.stop()


def _free_port() -> int:
    """A port nothing listens on, in the range FalkorDB's BOLT_PORT takes (20000–32767)."""
    for _ in range(100):
        port = random.randint(20000, 32767)
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("expected a free port in 20000-32767, found none in 100 tries")


def _load(out: str, uri: str, *extra: str):
    return CliRunner().invoke(cli, ["load", out, "--neo4j-uri", uri, *extra])


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("graphbuild: error: "), result.stderr
    return lines[0]


def test_nothing_listening_waits_with_one_progress_line_then_one_error_line(out, no_credentials):
    port = _free_port()
    started = time.monotonic()
    result = _load(out, f"bolt://127.0.0.1:{port}", "--connect-timeout", "2")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert time.monotonic() - started >= 2  # it waited the window out
    assert result.stderr.splitlines() == [
        f"graphbuild: waiting for Neo4j at bolt://127.0.0.1:{port} (up to 2 s)",
        result.stderr.splitlines()[1]]
    error = result.stderr.splitlines()[1]
    assert error.startswith(f"graphbuild: error: expected a Neo4j server at bolt://127.0.0.1:{port}, "
                            f"found no server answering within 2 s")
    assert "docker compose up -d --wait" in error


def test_a_server_that_starts_inside_the_window_is_waited_for_and_used(out, no_credentials, tmp_path):
    port = _free_port()
    servers = []
    starter = threading.Timer(3.0, lambda: servers.append(
        start_falkordb(tmp_path / "late", bolt=True, bolt_port=port)))
    starter.start()
    try:
        # FalkorDB's Bolt cannot run Neo4j's DDL and takes only small parameters (DESIGN §6):
        # --no-schema and one row per statement; the data statements are the ones Neo4j gets.
        result = _load(out, f"bolt://127.0.0.1:{port}", "--connect-timeout", "30", "--no-schema",
                       "--batch-size", "1")
    finally:
        starter.join()
        for server in servers:
            server.stop()
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"graphbuild: waiting for Neo4j at bolt://127.0.0.1:{port} (up to 30 s)"
    assert "articles: 1 new" in result.stdout and "created: 2 nodes, 1 relationships" in result.stdout


@pytest.mark.parametrize("uri", ["http://localhost:7474", "https://neo4j:s3cret@localhost:7473/browser/"])
def test_the_browser_address_is_one_line_that_says_bolt_on_7687(out, uri):
    line = _one_error_line(_load(out, uri))
    assert "Neo4j Browser" in line and "bolt://" in line and "7687" in line
    assert "s3cret" not in line


def test_an_unknown_scheme_is_one_line(out):
    line = _one_error_line(_load(out, "redis://localhost:6379"))
    assert "expected a Bolt URI" in line


def test_a_wrong_password_is_one_line_and_not_retried(out, refuser, monkeypatch):
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    before = refuser.logins
    line = _one_error_line(_load(out, f"bolt://127.0.0.1:{refuser.port}"))
    assert refuser.logins == before + 1
    assert "password refused" in line and "NEO4J_PASSWORD" in line and "docker compose down -v" in line
    assert "not-the-password" not in line


def test_a_password_with_a_slash_explains_what_the_container_does_with_it(out, refuser, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "pass/word/true")
    line = _one_error_line(_load(out, f"bolt://127.0.0.1:{refuser.port}"))
    assert "contains '/'" in line and "NEO4J_AUTH=neo4j/PASSWORD" in line and "without '/'" in line
    assert "pass/word" not in line


def test_no_password_where_the_server_wants_one_says_to_set_it(out, refuser, no_credentials):
    line = _one_error_line(_load(out, f"bolt://127.0.0.1:{refuser.port}"))
    assert "wants a password and NEO4J_PASSWORD is not set" in line and "export" in line


def test_delete_waits_and_fails_the_same_way(no_credentials):
    result = CliRunner().invoke(cli, ["delete", "a1", "--neo4j-uri", "http://localhost:7474"])
    assert "Neo4j Browser" in _one_error_line(result)
