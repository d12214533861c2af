"""`graphbuild load` and `graphbuild delete` end to end against the test FalkorDB server."""
from __future__ import annotations

import socket
import uuid

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.sinks.files import write_graph

pytestmark = pytest.mark.integration


@pytest.fixture()
def graph_dir(tmp_path, seed_graph):
    write_graph(seed_graph, tmp_path / "out")
    return str(tmp_path / "out")


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_load_twice_then_delete(graph_dir, falkordb_server, seed_graph, seed_records):
    runner = CliRunner()
    target = ["--falkordb", str(falkordb_server.socket), "--graph", "cli" + uuid.uuid4().hex[:8]]
    first = runner.invoke(cli, ["load", graph_dir, *target])
    assert first.exit_code == 0, first.output
    assert (f"created: {seed_graph.number_of_nodes()} nodes, {seed_graph.number_of_edges()} relationships"
            in first.stdout)
    assert "graphbuild: schema:" in first.stderr  # progress goes to stderr
    second = runner.invoke(cli, ["load", graph_dir, *target])
    assert second.exit_code == 0
    assert "created: 0 nodes, 0 relationships" in second.stdout
    assert "2 unchanged (skipped)" in second.stdout
    gone = runner.invoke(cli, ["delete", seed_records[0]["id"], "missing-id", *target])
    assert gone.exit_code == 3  # finished, but an id was not found
    assert "1 deleted, 1 not found (article:missing-id)" in gone.stdout


def test_dry_run_prints_statements_without_connecting(graph_dir):
    result = CliRunner().invoke(cli, ["load", graph_dir, "--dry-run", "--neo4j-uri", f"bolt://127.0.0.1:{_closed_port()}"])
    assert result.exit_code == 0, result.output
    assert "CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;" in result.stdout
    assert "UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET n += row.props;" in result.stdout
    assert "Mattis" not in result.stdout  # data stays in parameters


def test_unreachable_database_is_one_line_and_exit_1(graph_dir):
    url = f"bolt://neo4j:hunter2@127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(cli, ["load", graph_dir, "--neo4j-uri", url, "--connect-timeout", "0"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("graphbuild: error: expected a Neo4j server")
    assert "hunter2" not in result.output and "Traceback" not in result.output


def test_ingest_writes_files_before_loading(tmp_path, seeds_jsonl, nlp, monkeypatch):
    import graphbuild.pipeline as pipeline

    real_build = pipeline.build
    monkeypatch.setattr(pipeline, "build", lambda options, **kw: real_build(options, **{**kw, "nlp": nlp}))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["ingest", str(seeds_jsonl), "--out", str(out), "--no-progress",
                                      "--neo4j-uri", f"bolt://127.0.0.1:{_closed_port()}", "--connect-timeout", "0"])
    assert result.exit_code == 1
    assert (out / "graph.json").exists()  # store-and-forward: nothing lost
    assert "expected a Neo4j server" in result.stderr


def test_target_is_required(graph_dir):
    result = CliRunner().invoke(cli, ["load", graph_dir])
    assert result.exit_code == 1
    assert "expected exactly one of --neo4j-uri or --falkordb" in result.stderr
