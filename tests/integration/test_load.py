"""The loader against a real graph database started by the fixtures (FalkorDB always;
Neo4j too when GRAPHBUILD_TEST_NEO4J_URI is set)."""
from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.errors import SinkError
from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher
from graphbuild.sinks.load import delete_articles, load_graph

from .conftest import db_counts, graph_counts

pytestmark = pytest.mark.integration


def _mentions_of(store, article_node_id: str) -> dict[str, list[int]]:
    rows = store.read("MATCH (a:Article {id: $id})-[r:MENTIONS]->(n) RETURN n.id AS target, r.starts AS starts",
                      {"id": article_node_id})
    return {row["target"]: list(row["starts"]) for row in rows}


def _graph_mentions(graph: nx.MultiDiGraph, article_node_id: str) -> dict[str, list[int]]:
    return {t: attrs["starts"] for _, t, attrs in graph.out_edges(article_node_id, data=True)
            if attrs["type"] == "MENTIONS"}


def test_schema_is_created_and_enforced(store):
    statements = store.schema_statements()
    assert store.apply_schema(statements) == len(statements)
    assert store.apply_schema(statements) == len(statements)  # again: already there is fine
    store.write("CREATE (:Person {id: $id, name: $name})", {"id": "person:x", "name": "X"})
    with pytest.raises(SinkError, match="expected the statement to run"):
        store.write("CREATE (:Person {id: $id, name: $name})", {"id": "person:x", "name": "X again"})
    assert db_counts(store) == {"Person": 1}


def test_seed_graph_loads_completely(store, seed_graph):
    report = load_graph(store, seed_graph)
    assert report.violations == []
    assert report.counters.nodes_created == seed_graph.number_of_nodes()
    assert report.counters.relationships_created == seed_graph.number_of_edges()
    assert db_counts(store) == graph_counts(seed_graph)
    person = next(n for n, a in seed_graph.nodes(data=True) if a["labels"] == ["Person"])
    stored = store.read("MATCH (n:Person {id: $id}) RETURN n.name AS name, n.aliases AS aliases", {"id": person})
    assert stored == [{"name": seed_graph.nodes[person]["name"], "aliases": seed_graph.nodes[person]["aliases"]}]
    article = next(n for n, a in seed_graph.nodes(data=True) if a["labels"] == ["Article"])
    assert _mentions_of(store, article) == _graph_mentions(seed_graph, article)


def test_loading_twice_creates_nothing_the_second_time(store, seed_graph):
    first = load_graph(store, seed_graph)
    second = load_graph(store, seed_graph)
    assert first.counters.nodes_created > 0
    assert second.counters.nodes_created == 0
    assert second.counters.relationships_created == 0
    assert second.articles_unchanged == 2 and second.articles_new == 0
    # Without the hash check MERGE alone must also create nothing.
    third = load_graph(store, seed_graph, incremental=False)
    assert (third.counters.nodes_created, third.counters.relationships_created) == (0, 0)
    assert db_counts(store) == graph_counts(seed_graph)


def test_small_batches_give_the_same_graph(store, seed_graph):
    report = load_graph(store, seed_graph, batch_size=3)
    assert report.batches > report.statements
    assert db_counts(store) == graph_counts(seed_graph)


def test_reingesting_a_modified_article_replaces_its_mentions(store, seed_records, build_records, seed_graph,
                                                            fresh_store):
    original = seed_records
    changed = [dict(original[0], text=original[0]["text"][:700]), original[1]]
    new_graph = build_records(changed)
    article = cypher_article = "article:" + original[0]["id"]
    old_mentions = _graph_mentions(seed_graph, article)
    new_mentions = _graph_mentions(new_graph, article)
    assert set(old_mentions) - set(new_mentions), "the cut must drop some mentioned entity"

    load_graph(store, seed_graph)
    report = load_graph(store, new_graph)

    assert report.articles_changed == 1 and report.articles_unchanged == 1
    assert _mentions_of(store, cypher_article) == new_mentions
    stored_hash = store.read("MATCH (a:Article {id: $id}) RETURN a.sha256 AS h", {"id": article})[0]["h"]
    assert stored_hash == new_graph.nodes[article]["sha256"]
    # Nothing stale: the same counts as loading the new build into an empty database.
    fresh = fresh_store()
    load_graph(fresh, new_graph)
    assert db_counts(store) == db_counts(fresh) == graph_counts(new_graph)


def test_deleting_an_article_removes_orphans_and_keeps_shared_entities(store, seed_records, build_records,
                                                                      seed_graph):
    gone, kept = ("article:" + r["id"] for r in seed_records)
    only_kept = build_records([seed_records[1]])
    shared = set(_graph_mentions(seed_graph, gone)) & set(_graph_mentions(seed_graph, kept))
    orphans = set(_graph_mentions(seed_graph, gone)) - set(_graph_mentions(seed_graph, kept))
    assert shared and orphans

    load_graph(store, seed_graph)
    report = delete_articles(store, [seed_records[0]["id"], "no-such-article"])

    assert report.articles_deleted == 1
    assert report.articles_not_found == ["article:no-such-article"]
    ids = {row["id"] for row in store.read("MATCH (n) RETURN n.id AS id")}
    assert gone not in ids
    assert shared <= ids
    assert not orphans & ids
    assert db_counts(store) == graph_counts(only_kept)
    # Derived facts keep only the evidence of the remaining article.
    evidence = [e for row in store.read("MATCH ()-[r]->() WHERE r.evidence IS NOT NULL RETURN r.evidence AS e")
                for e in row["e"]]
    assert evidence and not [e for e in evidence if e.startswith(seed_records[0]["id"] + ":")]
    # Source counts are recomputed: an event both outlets reported now has one source.
    for label in cypher.source_counted_labels(load_schema()):
        stored = {r["id"]: r["n"] for r in store.read(f"MATCH (e:{label}) RETURN e.id AS id, e.source_count AS n")}
        assert stored and all(n == 1 for n in stored.values())
        in_graph = [e for e in stored if e in only_kept]
        assert in_graph and all(only_kept.nodes[e]["source_count"] == 1 for e in in_graph)


def test_rows_that_break_the_schema_are_reported_and_not_written(store, seed_graph):
    graph = seed_graph.copy()
    graph.add_node("person:nameless", labels=["Person"], aliases=[])          # name is required
    graph.add_node("robot:r2", labels=["Robot"], name="R2")                   # unknown label
    graph.add_edge(next(iter(n for n in graph if n.startswith("article:"))), "person:nameless",
                   key="MENTIONS", type="MENTIONS", count=1, starts=[0], ends=[1], texts=["x"])
    report = load_graph(store, graph)
    problems = "\n".join(report.violations)
    assert "person:nameless" in problems and "expected property 'name'" in problems
    assert "robot:r2" in problems and "Robot" in problems
    assert len(report.violations) == 3  # the two nodes and the edge to the nameless one
    ids = {row["id"] for row in store.read("MATCH (n) RETURN n.id AS id")}
    assert "person:nameless" not in ids and "robot:r2" not in ids
    assert db_counts(store) == graph_counts(seed_graph)


def test_values_travel_as_parameters_unchanged(store):
    nasty = ["it's", 'say "hi"', "back\\slash", "line\nbreak", "Ørsted — 東京", "'}) DETACH DELETE n //"]
    graph = nx.MultiDiGraph()
    for i, text in enumerate(nasty):
        graph.add_node(f"person:p{i}", labels=["Person"], name=text, aliases=[text, "plain"])
    report = load_graph(store, graph)
    assert report.violations == [] and report.counters.nodes_created == len(nasty)
    rows = store.read("MATCH (n:Person) RETURN n.id AS id, n.name AS name, n.aliases AS aliases")
    assert {r["id"]: (r["name"], list(r["aliases"])) for r in rows} == {
        f"person:p{i}": (text, [text, "plain"]) for i, text in enumerate(nasty)}


def test_every_schema_label_has_a_unique_constraint(store):
    if store.dialect != "falkordb":
        store.apply_schema(store.schema_statements())
        rows = store.read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
        found = {(r["labelsOrTypes"][0], r["properties"][0]) for r in rows if "UNIQUENESS" in r["type"]}
    else:
        store.apply_schema(store.schema_statements())
        rows = store.read("CALL db.constraints() YIELD type, label, properties RETURN type, label, properties")
        found = {(r["label"], r["properties"][0]) for r in rows if r["type"] == "UNIQUE"}
    expected = {(label, "id") for label in cypher.keyed_labels(load_schema())}
    assert expected <= found


def test_keyed_relationships_can_be_parallel_and_unkeyed_ones_cannot(store):
    graph = nx.MultiDiGraph()
    graph.add_node("person:a", labels=["Person"], name="A", aliases=["A"])
    graph.add_node("org:cnn", labels=["Organization"], name="CNN", aliases=["CNN"])
    graph.add_node("place:x", labels=["Place"], name="X", kind="city", aliases=["X"])
    graph.add_node("country:AAA", labels=["Country"], name="A", iso2="AA", iso3="AAA", aliases=[])
    for title in ("Reporter", "Correspondent"):
        graph.add_edge("person:a", "org:cnn", key=f"HOLDS_OFFICE:{title}", type="HOLDS_OFFICE", title=title,
                       evidence=[f"x:0-{len(title)}"])
    graph.add_edge("place:x", "country:AAA", key="one", type="IN_COUNTRY")
    graph.add_edge("place:x", "country:AAA", key="two", type="IN_COUNTRY")
    report = load_graph(store, graph)
    assert len(report.violations) == 2 and all("found several" in v for v in report.violations)
    rows = store.read("MATCH (:Person)-[r:HOLDS_OFFICE]->(:Organization) RETURN r.title AS title")
    assert sorted(r["title"] for r in rows) == ["Correspondent", "Reporter"]
    assert load_graph(store, graph).counters.relationships_created == 0


class _FailsOnFirstRelationshipWrite:
    """The real store, except that the first relationship upsert raises (a dropped
    connection half way through a load)."""

    def __init__(self, store):
        self._store, self.failed = store, False

    def __getattr__(self, name):
        return getattr(self._store, name)

    def write(self, statement, params):
        if not self.failed and "MERGE (a)-[" in statement:
            self.failed = True
            raise SinkError("connection lost (injected)")
        return self._store.write(statement, params)


def test_an_interrupted_load_is_redone_by_the_next_one(store, seed_records, build_records, seed_graph, fresh_store):
    changed = [dict(seed_records[0], text=seed_records[0]["text"][:700]), seed_records[1]]
    new_graph = build_records(changed)
    load_graph(store, seed_graph)
    flaky = _FailsOnFirstRelationshipWrite(store)
    with pytest.raises(SinkError, match="injected"):
        load_graph(flaky, new_graph)
    report = load_graph(store, new_graph)
    assert report.articles_changed == 1
    article = "article:" + seed_records[0]["id"]
    assert _mentions_of(store, article) == _graph_mentions(new_graph, article)
    fresh = fresh_store()
    load_graph(fresh, new_graph)
    assert db_counts(store) == db_counts(fresh)


def test_an_interrupted_delete_is_finished_by_running_it_again(store, seed_records, build_records, seed_graph):
    only_kept = build_records([seed_records[1]])
    load_graph(store, seed_graph)

    class FailsAfterDeletingTheArticle:
        def __getattr__(self, name):
            return getattr(store, name)

        def write(self, statement, params):
            if "evidence" in statement:  # the clean-up after the article itself is gone
                raise SinkError("connection lost (injected)")
            return store.write(statement, params)

    with pytest.raises(SinkError, match="injected"):
        delete_articles(FailsAfterDeletingTheArticle(), [seed_records[0]["id"]])
    again = delete_articles(store, [seed_records[0]["id"]])
    assert again.articles_not_found == ["article:" + seed_records[0]["id"]]
    assert db_counts(store) == graph_counts(only_kept)


def _relationships(store) -> set[tuple[str, str, str]]:
    rows = store.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b")
    return {(row["a"], row["t"], row["b"]) for row in rows}


def test_an_unchanged_article_whose_facts_moved_to_new_nodes_is_reloaded(store, build_records, fresh_store):
    """Cross-article resolution can move an unchanged article's evidence: a second
    outlet names the place of the same meeting, so the merged event gets a new id. The
    first article's text is the same, yet its REPORTS must move to the new node."""
    first = {"id": "inc-a", "published": "2018-06-29",
             "text": "Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori Onodera on Friday. "
                     "The two discussed North Korea."}
    second = {"id": "inc-b", "published": "2018-06-29",
              "text": "U.S. Defense Secretary Jim Mattis met with Japanese Defense Minister Itsunori Onodera in Tokyo "
                      "on Friday. They talked about North Korea."}
    alone, both = build_records([first]), build_records([first, second])
    events = lambda graph: {n for n, a in graph.nodes(data=True) if "Event" in a["labels"]}  # noqa: E731
    assert events(alone) and events(alone).isdisjoint(events(both)), "the second outlet must change the event id"

    load_graph(store, alone)
    report = load_graph(store, both)

    fresh = fresh_store()
    load_graph(fresh, both)
    assert _relationships(store) == _relationships(fresh)
    assert db_counts(store) == db_counts(fresh) == graph_counts(both)
    assert report.articles_new == 1


def test_a_meeting_no_article_reports_any_more_leaves_no_met_projection(store, build_records, fresh_store):
    met = {"id": "met-a", "published": "2018-06-29",
           "text": "Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori Onodera in Tokyo on Friday."}
    called = dict(met, text="Defense Secretary Jim Mattis telephoned Japanese Defense Minister Itsunori Onodera "
                            "on Friday.")
    before, after = build_records([met]), build_records([called])
    projection = lambda graph: [e for e in graph.edges(data=True) if e[2]["type"] == "MET"]  # noqa: E731
    assert projection(before) and not projection(after)

    load_graph(store, before)
    load_graph(store, after)

    fresh = fresh_store()
    load_graph(fresh, after)
    assert _relationships(store) == _relationships(fresh)
    assert store.read("MATCH ()-[r:MET]->() RETURN count(r) AS n") == [{"n": 0}]


def test_deleting_the_article_of_a_meeting_prunes_it_from_met(store, build_records):
    """Two meetings of the same pair in two articles: deleting one article leaves MET
    with the other meeting only, its lists still parallel."""
    friday = {"id": "met-f", "published": "2018-06-29",
              "text": "Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori Onodera in Tokyo on Friday."}
    june = {"id": "met-j", "published": "2018-06-02",
            "text": "Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori Onodera in Singapore "
                    "on Saturday."}
    both, only_friday = build_records([friday, june]), build_records([friday])
    [(_, _, lists)] = [e for e in both.edges(data=True) if e[2]["type"] == "MET"]
    assert len(lists["event_ids"]) == 2

    load_graph(store, both)
    delete_articles(store, ["met-j"])

    [(_, _, expected)] = [e for e in only_friday.edges(data=True) if e[2]["type"] == "MET"]
    rows = store.read("MATCH ()-[r:MET]->() RETURN r.event_ids AS ids, r.dates AS dates")
    assert [(list(r["ids"]), list(r["dates"])) for r in rows] == [(expected["event_ids"], expected["dates"])]
