"""The neo4j-driver path end to end, against FalkorDB's Bolt endpoint.

FalkorDB's Bolt support is fragile (DESIGN §6): parameters are kept tiny, one driver
is used for everything, and nothing returns a date. Neo4j's own DDL does not run
there, so the schema step is left out; the data statements are the ones Neo4j gets.
"""
from __future__ import annotations

import socket

import networkx as nx
import pytest

from graphbuild.errors import SinkError
from graphbuild.sinks.load import delete_articles, load_graph
from graphbuild.sinks.neo4j import connect_neo4j

from .server import start_falkordb

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def bolt_server(tmp_path_factory):
    """A server in this network namespace so its Bolt port is reachable on 127.0.0.1."""
    server = start_falkordb(tmp_path_factory.mktemp("falkordb-bolt"), bolt=True)
    yield server
    server.stop()


def _tiny_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("article:a1", labels=["Article"], path="a.txt", sha256="0" * 8, words=3)
    graph.add_node("person:ann-lee", labels=["Person"], name="Ann Lee", aliases=["Ann Lee", "Lee"])
    graph.add_edge("article:a1", "person:ann-lee", key="MENTIONS", type="MENTIONS",
                   count=1, starts=[0], ends=[7], texts=["Ann Lee"])
    return graph


def test_load_through_the_neo4j_driver(bolt_server, monkeypatch):
    monkeypatch.delenv("NEO4J_USERNAME", raising=False)
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    store = connect_neo4j(f"bolt://127.0.0.1:{bolt_server.bolt_port}")
    try:
        first = load_graph(store, _tiny_graph(), create_schema=False, batch_size=1)
        assert first.violations == []
        assert (first.counters.nodes_created, first.counters.relationships_created) == (2, 1)
        again = load_graph(store, _tiny_graph(), create_schema=False, batch_size=1)
        assert (again.counters.nodes_created, again.counters.relationships_created) == (0, 0)
        assert again.articles_unchanged == 1
        rows = store.read("MATCH (a:Article)-[r:MENTIONS]->(p:Person) RETURN p.name AS name, r.count AS n")
        assert rows == [{"name": "Ann Lee", "n": 1}]
        gone = delete_articles(store, ["a1"], batch_size=1)
        assert gone.articles_deleted == 1
        assert store.read("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]
    finally:
        store.close()


def test_nothing_listening_is_one_clear_error():
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(SinkError) as caught:
        connect_neo4j(f"bolt://neo4j:s3cret@127.0.0.1:{port}", connect_timeout=2)
    message = str(caught.value)
    assert message.startswith(f"expected a Neo4j server at bolt://***@127.0.0.1:{port}, found no server answering")
    assert "s3cret" not in message
