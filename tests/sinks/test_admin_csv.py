"""The neo4j-admin import CSVs: typed headers from the schema, and a round trip that
reads them by the importer's documented rules (admin_import_reader) and gets back the
graph as the Cypher loader stores it."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graphbuild.sinks.admin_csv import export_csv
from graphbuild.sinks.load import plan_load
from tests.sinks.admin_import_reader import Field, read_import, records, value


def typed(props: dict) -> dict:
    """Values with their types, so 1 and True (equal in Python) stay apart."""
    def one(v):
        return [one(x) for x in v] if isinstance(v, list) else (type(v).__name__, v)

    return {k: one(v) for k, v in sorted(props.items())}


def as_loaded(graph: nx.MultiDiGraph) -> tuple[dict, list]:
    """What the Cypher loader stores for ``graph``: no property for None or an empty list,
    the key as ``id``, and the loaded hash on each article."""
    loaded = plan_load(graph).loaded_hashes
    nodes = {}
    for node, attrs in graph.nodes(data=True):
        props = {k: v for k, v in attrs.items() if k != "labels" and v is not None and v != []}
        props["id"] = node
        if node in loaded:
            props["loaded_sha256"] = loaded[node]
        nodes[node] = {"labels": set(attrs["labels"]), "props": typed(props)}
    edges = sorted(((s, a["type"], t, typed({k: v for k, v in a.items() if k != "type" and v is not None and v != []}))
                    for s, t, a in graph.edges(data=True)), key=repr)
    return nodes, edges


def rebuilt(folder: Path) -> tuple[dict, list]:
    imported = read_import(folder)
    nodes = {n: {"labels": spec["labels"], "props": typed(spec["props"])} for n, spec in imported.nodes.items()}
    return nodes, sorted(((s, t, e, typed(p)) for s, t, e, p in imported.relationships), key=repr)


def test_seed_graph_round_trips_through_the_csvs(seed_graph, tmp_path):
    export = export_csv(seed_graph, tmp_path)
    assert export.violations == []
    nodes, edges = rebuilt(tmp_path)
    assert (nodes, edges) == as_loaded(seed_graph)
    events = [spec["labels"] for spec in nodes.values() if "Event" in spec["labels"]]
    assert events and all(len(labels) == 2 for labels in events)  # Event and its kind, not "Event;Meeting"
    assert (tmp_path / "import-command.txt").read_text().startswith("neo4j-admin database import full neo4j")


def tricky_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("article:a,1", labels=["Article"], path="dir, \"x\"\\y.txt", sha256="ff", words=12,
                   title="  spaced  ", source="", url=None)
    graph.add_node("person:x", labels=["Person"], name='Dr "X"; Jr.', aliases=["X, Jr.", "line\nbreak", "cr\r\nlf"])
    graph.add_node("country:ABC", labels=["Country"], name="Abc", iso2="AB", iso3="ABC", aliases=[])
    graph.add_node("place:ABC:q", labels=["Place"], name="Q", kind="city", capital=False, aliases=["", "Q"])
    graph.add_node("event:e", labels=["Event", "Meeting"], name="e", status="held", source_count=1, disputed=[])
    graph.add_edge("article:a,1", "person:x", key="MENTIONS", type="MENTIONS", count=2, starts=[0, 5], ends=[1, 6],
                   texts=["a;b", 'q"'])
    graph.add_edge("article:a,1", "event:e", key="REPORTS", type="REPORTS", sentences=["One,\n\"two\"."],
                   starts=[0], ends=[11], status="held", date_text="")
    graph.add_edge("place:ABC:q", "country:ABC", key="IN_COUNTRY", type="IN_COUNTRY")
    return graph


def test_quotes_commas_line_breaks_spaces_and_empty_values_survive(tmp_path):
    graph = tricky_graph()
    export = export_csv(graph, tmp_path)
    assert export.violations == []
    assert rebuilt(tmp_path) == as_loaded(graph)
    header = (tmp_path / "relationships-MENTIONS-Article-Person.csv").read_text().splitlines()[0]
    assert header == ":START_ID,count:long,starts:long[],ends:long[],texts:string[],:END_ID,:TYPE"
    assert (tmp_path / "nodes-Person.csv").read_text().splitlines()[0] == "id:ID,name:string,aliases:string[],:LABEL"
    for option in ("--array-delimiter=U+001F", "--multiline-fields=true", "--trim-strings=false",
                   "--ignore-empty-strings=false", "--legacy-style-quoting=false"):
        assert option in export.command
    assert "--nodes=/import/nodes-Event-Meeting.csv" in export.command


def test_rows_the_importer_cannot_read_back_are_reported_not_exported(tmp_path):
    graph = tricky_graph()
    graph.add_node("person:only-empty", labels=["Person"], name="E", aliases=[""])
    graph.add_node("person:delimiter", labels=["Person"], name="D", aliases=["a\x1fb"])
    graph.add_node("robot:r", labels=["Robot"], name="R")
    export = export_csv(graph, tmp_path)
    assert sorted(v.split(":")[0] + ":" + v.split(":")[1] for v in export.violations) == [
        "node 'person:delimiter'", "node 'person:only-empty'", "node 'robot:r'"]
    assert set(read_import(tmp_path).nodes) == set(tricky_graph().nodes)


def test_the_reader_follows_the_importers_quoting_rules():
    text = 'a,"b,""c""\nd",,""\n"\\",x\n'
    assert list(records(text, Path("t.csv"))) == [
        [Field("a", False), Field('b,"c"\nd', True), Field("", False), Field("", True)],
        [Field("\\", True), Field("x", False)]]
    assert value("string", Field("", True)) == "" and value("string", Field("", False)) is None
    assert value("string[]", Field("", True)) is None  # an empty array stores nothing
    assert value("long[]", Field("1\x1f2", True)) == [1, 2] and value("boolean", Field("True", True)) is False
    with pytest.raises(ValueError, match="closing quote"):
        list(records('"open', Path("t.csv")))
