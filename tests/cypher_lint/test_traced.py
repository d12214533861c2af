"""What ``graphbuild load`` and ``graphbuild delete`` actually send, traced on the
examples and the Wikinews set: every distinct statement passes Neo4j's front end, and
every one is in the builders' catalogue (so the catalogue check covers them all).

The commands run for real against the test FalkorDB through a recording store
(recording.py); schema statements are recorded in the Neo4j dialect."""
from __future__ import annotations

import uuid

import networkx as nx
import pytest
from click.testing import CliRunner

import graphbuild.sinks.load as load_module
from graphbuild.cli import cli
from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher
from graphbuild.sinks.falkordb import connect_falkordb
from graphbuild.sinks.files import write_graph
from tests.integration.server import start_falkordb

from .recording import Recording, RecordingStore


@pytest.fixture(scope="module")
def falkordb(tmp_path_factory):
    server = start_falkordb(tmp_path_factory.mktemp("falkordb-trace"))
    yield server
    server.stop()


def _changed(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Every article with another text hash: the next load replaces all their evidence."""
    graph = graph.copy()
    for _, attrs in graph.nodes(data=True):
        if "Article" in attrs["labels"]:
            attrs["sha256"] = ("1" if attrs["sha256"].startswith("0") else "0") + attrs["sha256"][1:]
    return graph


@pytest.mark.parametrize("corpus", ["examples", "wikinews"])
def test_every_statement_load_and_delete_send_passes_neo4js_front_end(corpus, request, falkordb, tmp_path,
                                                                      monkeypatch, cypher_linter):
    graph = request.getfixturevalue(f"{corpus}_graph")
    write_graph(graph, tmp_path / "out")
    write_graph(_changed(graph), tmp_path / "changed")
    schema = load_schema()
    recording = Recording()
    name = "trace" + uuid.uuid4().hex[:8]
    monkeypatch.setattr(load_module, "open_store", lambda **target: RecordingStore(
        connect_falkordb(str(falkordb.socket), name), schema, recording))
    articles = sorted(n.removeprefix("article:") for n, a in graph.nodes(data=True) if "Article" in a["labels"])
    runner = CliRunner()
    for command in (["load", str(tmp_path / "out")],        # new articles
                    ["load", str(tmp_path / "out")],        # unchanged
                    ["load", str(tmp_path / "changed")],    # every article changed: the clean-up path
                    ["delete", *articles[:2], "not-an-article"]):
        result = runner.invoke(cli, [*command, "--neo4j-uri", "bolt://recorded"])
        assert result.exit_code in (0, 3), result.output
    sent = recording.statements
    assert any(s.startswith("CREATE CONSTRAINT") for s in sent) and any("DETACH DELETE a" in s for s in sent)
    catalogue = {s.text for s in cypher.catalogue(schema)}
    assert set(sent) - catalogue == set()
    failures = {s: errors for s, names in sent.items()
                if (errors := cypher_linter.errors(s, sorted(names), source="load and delete, traced"))}
    assert failures == {}
    print(f"{corpus}: {recording.calls} calls, {len(sent)} distinct statements linted as Cypher 5 and 25")
