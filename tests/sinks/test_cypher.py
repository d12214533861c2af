"""The Cypher statement builders, checked as text (no database)."""
from __future__ import annotations

import pytest

from graphbuild.errors import ConfigError
from graphbuild.graph.schema import load_schema, parse_schema
from graphbuild.sinks import cypher

# A schema of our own with the event vocabulary, so the builders are shown to be
# generic: nothing below names a label the builders know in advance.
RAW = {
    "version": 1,
    "nodes": {
        "Article": {"key": "id", "id_prefix": "article:", "properties": {
            "id": {"type": "string", "required": True}, "sha256": {"type": "string", "required": True}}},
        "Person": {"key": "id", "id_prefix": "person:", "properties": {
            "id": {"type": "string", "required": True}, "name": {"type": "string", "required": True}}},
        "Event": {"key": "id", "id_prefix": "event:", "properties": {
            "id": {"type": "string", "required": True}, "name": {"type": "string"}, "date": {"type": "date"}}},
        "Meeting": {"key": "", "id_prefix": "event:", "properties": {}},
    },
    "relationships": {
        "MENTIONS": {"from": ["Article"], "to": ["Person"], "properties": {"count": {"type": "integer"}}},
        "REPORTS": {"from": ["Article"], "to": ["Event"], "properties": {}},
        "PARTICIPATED_IN": {"from": ["Person"], "to": ["Event"], "properties": {}},
    },
}


@pytest.fixture()
def schema():
    return parse_schema(RAW)


def test_neo4j_ddl_is_one_unique_constraint_per_keyed_label_then_indexes(schema):
    assert cypher.neo4j_schema_statements(schema) == [
        "CREATE CONSTRAINT article_id_unique IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT event_id_unique IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX person_name_index IF NOT EXISTS FOR (n:Person) ON (n.name)",
        "CREATE INDEX event_name_index IF NOT EXISTS FOR (n:Event) ON (n.name)",
        "CREATE INDEX event_date_index IF NOT EXISTS FOR (n:Event) ON (n.date)",
    ]


def test_falkordb_schema_puts_the_index_before_its_constraint(schema):
    statements = cypher.falkordb_schema_statements(schema, "news")
    assert statements[:2] == [
        "CREATE INDEX FOR (n:Article) ON (n.id)",
        "GRAPH.CONSTRAINT CREATE news UNIQUE NODE Article PROPERTIES 1 id",
    ]
    assert "GRAPH.CONSTRAINT CREATE news UNIQUE NODE Event PROPERTIES 1 id" in statements
    assert len(statements) > 2 and not any("Meeting" in s for s in statements)  # no key, no constraint
    assert not any("IF NOT EXISTS" in s for s in statements)


def test_every_shipped_label_gets_a_constraint():
    schema = load_schema()
    ddl = "\n".join(cypher.neo4j_schema_statements(schema))
    keyed = [label for label, spec in schema.nodes.items() if spec.key]
    assert "Article" in keyed and "Person" in keyed
    for label in keyed:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in ddl
    for label in set(schema.nodes) - set(keyed):  # kind labels (Meeting) qualify a keyed label
        assert f"(n:{label})" not in ddl


def test_node_upsert_merges_on_the_key_and_sets_properties_from_parameters(schema):
    assert cypher.node_upsert(schema, "Person") == (
        "UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET n += row.props")


def test_node_upsert_adds_extra_labels_with_set(schema):
    assert cypher.node_upsert(schema, "Event", ["Event", "Meeting"]) == (
        "UNWIND $rows AS row MERGE (n:Event {id: row.id}) SET n:Meeting SET n += row.props")


def test_merge_label_is_the_first_keyed_label(schema):
    assert cypher.merge_label(schema, ["Meeting", "Event"]) == "Event"
    assert cypher.merge_label(schema, ["Meeting"]) is None


def test_relationship_upsert_matches_both_ends_by_label_and_key(schema):
    assert cypher.relationship_upsert(schema, "PARTICIPATED_IN", "Person", "Event") == (
        "UNWIND $rows AS row MATCH (a:Person {id: row.source}) MATCH (b:Event {id: row.target}) "
        "MERGE (a)-[r:PARTICIPATED_IN]->(b) SET r += row.props")


def test_labels_and_types_must_come_from_the_schema(schema):
    with pytest.raises(ConfigError, match="expected a keyed label"):
        cypher.node_upsert(schema, "Robot")
    with pytest.raises(ConfigError, match="expected labels from"):
        cypher.node_upsert(schema, "Person", ["Robot"])
    with pytest.raises(ConfigError, match="expected a relationship type"):
        cypher.relationship_upsert(schema, "LIKES", "Person", "Person")


def test_a_schema_name_that_is_not_an_identifier_is_refused():
    raw = {**RAW, "nodes": {**RAW["nodes"], "Bad Label": RAW["nodes"]["Person"]}}
    with pytest.raises(ConfigError, match="letters, digits and _"):
        cypher.neo4j_schema_statements(parse_schema(raw))
    with pytest.raises(ConfigError):
        cypher.identifier("Person) DETACH DELETE (n")


def test_evidence_types_are_the_ones_articles_own(schema):
    assert cypher.evidence_types(schema) == ["MENTIONS", "REPORTS"]
    assert cypher.evidence_target_labels(schema) == ["Person", "Event"]


def test_incremental_statements(schema):
    assert cypher.delete_article_evidence(schema) == (
        "UNWIND $ids AS item MATCH (a:Article {id: item})-[r:MENTIONS|REPORTS]->() DELETE r")
    assert cypher.delete_articles(schema) == "UNWIND $ids AS item MATCH (a:Article {id: item}) DETACH DELETE a"
    assert cypher.delete_orphans(schema, "Event") == (
        "MATCH (n:Event) OPTIONAL MATCH (n)<-[e:MENTIONS|REPORTS]-() "
        "WITH n, count(e) AS evidence WHERE evidence = 0 DETACH DELETE n")
    assert cypher.article_hashes(schema) == (
        "UNWIND $ids AS item MATCH (a:Article {id: item}) RETURN a.id AS id, a.sha256 AS sha256, "
        "a.loaded_sha256 AS loaded")


def test_no_statement_carries_data():
    schema = load_schema()
    texts = cypher.neo4j_schema_statements(schema) + [cypher.node_upsert(schema, label)
                                                      for label in cypher.keyed_labels(schema)]
    for text in texts:
        assert "'" not in text and '"' not in text


def test_a_relationship_key_from_the_schema_joins_the_merge_pattern():
    raw = {**RAW, "relationships": {**RAW["relationships"], "HOLDS_OFFICE": {
        "from": ["Person"], "to": ["Person"], "key": ["title"],
        "properties": {"title": {"type": "string", "required": True}}}}}
    assert cypher.relationship_upsert(parse_schema(raw), "HOLDS_OFFICE", "Person", "Person") == (
        "UNWIND $rows AS row MATCH (a:Person {id: row.source}) MATCH (b:Person {id: row.target}) "
        "MERGE (a)-[r:HOLDS_OFFICE {title: row.props.title}]->(b) SET r += row.props")


def test_derived_relationships_lose_a_removed_articles_evidence():
    schema = load_schema()
    assert {"HOLDS_OFFICE", "PARTICIPATED_IN"} <= set(cypher.evidence_carrying_types(schema))
    assert "MENTIONS" not in cypher.evidence_carrying_types(schema)
    assert cypher.evidence_lists(schema, "HOLDS_OFFICE") == (
        "MATCH (a)-[r:HOLDS_OFFICE]->(b) RETURN a.id AS source, b.id AS target, r.title AS title, "
        "r.evidence AS evidence")
    assert cypher.label_of(schema, "org:un", ["Country", "Organization"]) == "Organization"
    assert cypher.label_of(schema, "robot:r", ["Country", "Organization"]) is None
    assert cypher.set_evidence(schema, "HOLDS_OFFICE", "Person", "Country") == (
        "UNWIND $rows AS row MATCH (a:Person {id: row.source})-[r:HOLDS_OFFICE {title: row.key.title}]->"
        "(b:Country {id: row.target}) SET r.evidence = row.evidence")
    assert cypher.set_evidence(schema, "PARTICIPATED_IN", "Person", "Event") == (
        "UNWIND $rows AS row MATCH (a:Person {id: row.source})-[r:PARTICIPATED_IN]->"
        "(b:Event {id: row.target}) SET r.evidence = row.evidence")
    assert cypher.delete_unevidenced(schema, "HOLDS_OFFICE") == (
        "MATCH ()-[r:HOLDS_OFFICE]->() WHERE size(r.evidence) = 0 DELETE r")


def test_met_event_ids_are_a_reference_list_pruned_with_their_dates():
    schema = load_schema()
    assert cypher.reference_lists(schema) == [("MET", "event_ids", "Event", ["dates"])]
    statement = cypher.prune_references(schema, "MET", "event_ids", "Event", ["dates"])
    assert "MATCH (n:Event) WHERE n.id IN r.event_ids" in statement
    assert statement.endswith("SET r.event_ids = [i IN kept | r.event_ids[i]], r.dates = [i IN kept | r.dates[i]]")
    assert "'" not in statement and '"' not in statement


def test_docs_quote_every_statement_from_the_builders():
    """docs/neo4j.md §3 is the output of `graphbuild schema --cypher`."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "neo4j.md").read_text("utf-8")
    start = "<!-- cypher:start (generated by `graphbuild schema --cypher`) -->\n"
    quoted = docs[docs.index(start) + len(start):docs.index("<!-- cypher:end -->")]
    assert quoted == "```cypher\n" + cypher.catalogue_text(load_schema()) + "```\n", (
        "regenerate the block in docs/neo4j.md with `graphbuild schema --cypher`")
