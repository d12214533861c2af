"""The checker itself: Neo4j's front end really runs, really tells Cypher 5 from
Cypher 25, and reports what it should. Then every statement the builders can make."""
from __future__ import annotations

import inspect

from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher


def _by_version(diagnostics, severity="error"):
    return {d.version for d in diagnostics if d.severity == severity}


def test_the_versions_really_switch(cypher_linter):
    # LET and FILTER exist only in Cypher 25; both versions parse the same MATCH.
    for only_in_25 in ("LET x = 1 RETURN x", "MATCH (n:Person) FILTER n.name = 'x' RETURN n"):
        assert _by_version(cypher_linter.lint(only_in_25, source=None)) == {"CYPHER 5"}
    assert cypher_linter.lint("MATCH (n:Person) RETURN n.name", source=None) == []


def test_the_front_end_reports_syntax_semantics_and_unknown_names(cypher_linter):
    both = {"CYPHER 5", "CYPHER 25"}
    assert _by_version(cypher_linter.lint("MATCH (n:Person RETURN n", source=None)) == both  # syntax
    assert _by_version(cypher_linter.lint("MATCH (n:Person) RETURN m", source=None)) == both  # undefined variable
    assert _by_version(cypher_linter.lint("RETURN size(1, 2)", source=None)) == both  # arity
    assert _by_version(cypher_linter.lint("RETURN sise([1])", source=None)) == both  # unknown function
    assert _by_version(cypher_linter.lint("CALL apoc.help('x')", source=None)) == both  # no plugins
    assert _by_version(cypher_linter.lint("MATCH (n:Person {id: $id}) RETURN n", source=None)) == both
    assert cypher_linter.lint("MATCH (n:Person {id: $id}) RETURN n", ["id"], source=None) == []
    unknown_label = cypher_linter.lint("MATCH (n:Robot) RETURN n", source=None)
    assert _by_version(unknown_label, "warning") == both and _by_version(unknown_label) == set()
    assert cypher_linter.registry["functions"] > 100  # Neo4j's built-in functions are known


def test_every_statement_the_builders_make_passes_neo4js_front_end(cypher_linter):
    statements = cypher.catalogue(load_schema())
    failures = {s.text: errors for s in statements
                if (errors := cypher_linter.errors(s.text, s.parameters, source="builders"))}
    assert failures == {}
    print(f"{len(statements)} builder statements linted as Cypher 5 and 25")


def test_the_catalogue_holds_every_builder_label_and_type():
    schema = load_schema()
    statements = cypher.catalogue(schema)
    builders = {name for name, function in inspect.getmembers(cypher, inspect.isfunction)
                if function.__module__ == cypher.__name__ and not name.startswith("_")
                and inspect.signature(function).return_annotation in ("str", "list[str]")}
    # Not statements for Neo4j: names and lists of names, FalkorDB's own schema commands, the catalogue as text.
    helpers = {"identifier", "constraint_name", "index_name", "keyed_labels", "evidence_types",
               "evidence_target_labels", "evidence_carrying_types", "source_counted_labels",
               "falkordb_schema_statements", "catalogue_text"}
    assert builders - helpers == {s.builder for s in statements}
    text = "\n".join(s.text for s in statements)
    for label in schema.nodes:
        assert f":{label} " in text or f":{label})" in text, label
    for rel_type in schema.relationships:
        assert f":{rel_type}]" in text or f":{rel_type} " in text, rel_type
    for statement in statements:  # declared parameters are exactly the ones used
        assert set(statement.parameters) == set(__import__("re").findall(r"\$(\w+)", statement.text)), statement
