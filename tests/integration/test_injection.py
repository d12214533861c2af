"""Injection: strings that look like Cypher, quotes, backslashes, backticks, newlines and
NUL go from articles through the real pipeline into the files and the database, and
come back equal. Labels and types never come from data."""
from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.errors import ConfigError
from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher
from graphbuild.sinks.files import read_graph, write_graph
from graphbuild.sinks.load import load_graph, plan_load

pytestmark = pytest.mark.integration

NASTY = ["it's", 'say "hi"', "back\\slash\\", "tick`s`", "'}) DETACH DELETE n //", '"}) DETACH DELETE n //',
         "$param", "$rows", "line\nbreak\r\n", "nul\x00byte", "\\'", '\\"', "CYPHER x=1 MATCH (n) DELETE n",
         "🇺🇸 \u202eRTL\u202c عربي"]


@pytest.fixture(scope="module")
def nasty_graph(build_records) -> nx.MultiDiGraph:
    records = [{"id": f"inj-{i}{s}", "title": s, "source": s, "url": "http://e/" + s,
                "text": f"Jim Mattis met Itsunori Onodera in Tokyo on Friday. He said: {s} and left."}
               for i, s in enumerate(NASTY)]
    graph = build_records(records)
    # Entity names are what NER finds; add names that are nothing but the nasty strings.
    article = "article:inj-0" + NASTY[0]
    for i, s in enumerate(NASTY):
        graph.add_node(f"person:nasty-{i}", labels=["Person"], name=s, aliases=[s, "plain", s + s])
        graph.add_edge(article, f"person:nasty-{i}", key="MENTIONS", type="MENTIONS", count=1, starts=[0],
                       ends=[3], texts=[s])
    return graph


def test_the_files_keep_every_string_exactly(nasty_graph, tmp_path):
    titles = {a["title"] for _, a in nasty_graph.nodes(data=True) if "Article" in a["labels"]}
    assert titles == set(NASTY)
    write_graph(nasty_graph, tmp_path)
    back = read_graph(tmp_path)
    assert dict(back.nodes(data=True)) == dict(nasty_graph.nodes(data=True))
    def edges(g):
        return sorted(repr((s, t, sorted(a.items()))) for s, t, a in g.edges(data=True))

    assert edges(back) == edges(nasty_graph)


def test_the_database_stores_every_string_literally(nasty_graph, store, tmp_path):
    write_graph(nasty_graph, tmp_path)
    graph = read_graph(tmp_path)
    report = load_graph(store, graph, batch_size=3)
    assert report.violations == []
    rows = store.read("MATCH (n) RETURN n.id AS id, properties(n) AS props")
    stored = {r["id"]: {k: (list(v) if isinstance(v, (list, tuple)) else v) for k, v in r["props"].items()
                        if k != cypher.LOADED_HASH}  # the loader's own bookkeeping on Article nodes
              for r in rows}
    # No value and an empty list are both "no property" (sinks.load.row_properties).
    expected = {n: {k: v for k, v in a.items() if k != "labels" and v is not None and v != []} | {"id": n}
                for n, a in graph.nodes(data=True)}
    assert stored == expected  # nothing deleted, nothing added, every value equal
    texts = store.read("MATCH (:Article)-[r:MENTIONS]->(p:Person) WHERE p.id STARTS WITH 'person:nasty-' "
                       "RETURN p.name AS name, r.texts AS texts")
    assert sorted((r["name"], list(r["texts"])) for r in texts) == sorted((s, [s]) for s in NASTY)
    # A second load finds every article unchanged: the ids read back match the ones sent.
    again = load_graph(store, graph)
    assert again.articles_unchanged == len(NASTY)
    assert again.counters.as_dict() == {k: 0 for k in again.counters.as_dict()} | {
        "properties_set": again.counters.properties_set}
    assert again.counters.nodes_created == again.counters.relationships_created == 0


@pytest.mark.parametrize("label", ["Person`) DETACH DELETE n //", "Person:Admin", "Robot", "$label", ""])
def test_labels_and_types_never_come_from_data(label):
    schema = load_schema()
    with pytest.raises(ConfigError):
        cypher.node_upsert(schema, label)
    with pytest.raises(ConfigError):
        cypher.node_upsert(schema, "Person", [label])
    with pytest.raises(ConfigError):
        cypher.relationship_upsert(schema, label, "Person", "Event")
    if label != "Robot":  # a plain identifier, refused above only because the schema lacks it
        with pytest.raises(ConfigError):
            cypher.identifier(label, "label")
    graph = nx.MultiDiGraph()
    graph.add_node("person:a", labels=[label], name="A", aliases=[])
    graph.add_node("person:b", labels=["Person"], name="B", aliases=[])
    graph.add_edge("person:b", "person:b", type=label)
    plan = plan_load(graph, schema)
    assert len(plan.violations) == 2  # the node and the edge, reported and not written
    steps = plan.nodes + plan.relationships
    assert steps and all(label not in step.statement for step in steps if label)
