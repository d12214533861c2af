"""The bulk path end to end, on the examples and the Wikinews set: ``graphbuild
export-csv``, the files read by the importer's documented rules
(tests/sinks/admin_import_reader.py) into the graph of graph.json, that graph stored in
the test FalkorDB as the importer stores it (labels, typed properties, relationships;
no constraints), then ``graphbuild load`` of the same out folder finds every article
unchanged and creates nothing."""
from __future__ import annotations

import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher
from graphbuild.sinks.falkordb import connect_falkordb
from graphbuild.sinks.files import read_graph, write_graph
from tests.sinks.admin_import_reader import Imported, read_import
from tests.sinks.test_admin_csv import as_loaded, rebuilt

from .conftest import db_counts, graph_counts

pytestmark = pytest.mark.integration


@pytest.fixture(params=["examples", "wikinews"])
def out_folder(request, tmp_path) -> Path:
    graph = request.getfixturevalue(f"{request.param}_graph")
    write_graph(graph, tmp_path / "out")
    return tmp_path / "out"


def store_as_imported(store, imported: Imported, batch: int = 500) -> None:
    """Create what ``neo4j-admin database import`` creates: every node with its labels and
    properties, every relationship with its properties. Labels and types are checked
    against the schema before they enter a statement."""
    schema = load_schema()
    merge_labels = {}
    nodes = defaultdict(list)
    for node_id, spec in imported.nodes.items():
        label = cypher.merge_label(schema, sorted(spec["labels"]))
        merge_labels[node_id] = label
        extra = sorted(spec["labels"] - {label})
        nodes[(label, *extra)].append({"props": spec["props"]})
    for labels, rows in nodes.items():
        names = ":".join(cypher.identifier(name, "label") for name in labels)
        for start in range(0, len(rows), batch):
            store.write(f"UNWIND $rows AS row CREATE (n:{names}) SET n = row.props", {"rows": rows[start:start + batch]})
    relationships = defaultdict(list)
    for source, rel_type, target, props in imported.relationships:
        relationships[(rel_type, merge_labels[source], merge_labels[target])].append(
            {"source": source, "target": target, "props": props})
    for (rel_type, source_label, target_label), rows in relationships.items():
        statement = (f"UNWIND $rows AS row MATCH (a:{source_label} {{id: row.source}}) "
                     f"MATCH (b:{target_label} {{id: row.target}}) "
                     f"CREATE (a)-[r:{cypher.identifier(rel_type, 'relationship type')}]->(b) SET r = row.props")
        for start in range(0, len(rows), batch):
            store.write(statement, {"rows": rows[start:start + batch]})


def test_an_import_of_the_csvs_is_the_graph_and_a_load_after_it_changes_nothing(out_folder, falkordb_server):
    runner = CliRunner()
    exported = runner.invoke(cli, ["export-csv", str(out_folder)])
    assert exported.exit_code == 0, exported.output
    assert "--array-delimiter=U+001F" in exported.stdout
    csv_folder = out_folder / "neo4j-import"
    graph = read_graph(out_folder)

    # The importer's reading of the files is the graph of graph.json, as the loader stores it:
    # every label of every node, every property with its type, every relationship.
    assert rebuilt(csv_folder) == as_loaded(graph)
    imported = read_import(csv_folder)
    events = [spec["labels"] for spec in imported.nodes.values() if "Event" in spec["labels"]]
    assert events and all(len(labels) == 2 for labels in events)

    name = "imp" + uuid.uuid4().hex[:10]
    store = connect_falkordb(str(falkordb_server.socket), name)
    try:
        store_as_imported(store, imported)
        articles = sum(1 for _, attrs in graph.nodes(data=True) if "Article" in attrs["labels"])
        loaded = runner.invoke(cli, ["load", str(out_folder), "--falkordb", str(falkordb_server.socket),
                                     "--graph", name])
        assert loaded.exit_code == 0, loaded.output
        assert f"articles: 0 new, 0 changed, {articles} unchanged (skipped)" in loaded.stdout
        assert "created: 0 nodes, 0 relationships" in loaded.stdout
        assert "deleted: 0 nodes, 0 relationships" in loaded.stdout
        assert db_counts(store) == graph_counts(graph)  # no duplicate, no label lost
    finally:
        store.close()
