"""The Cypher the project ships to people: the saved Browser queries (as written,
Browser commands included) and every ```cypher block of README.md and docs/*.md."""
from __future__ import annotations

from graphbuild.graph.schema import load_schema
from graphbuild.sinks import cypher

from .sources import DOCS, block_statements, cypher_blocks, parameter_names, saved_queries

LOADER_PARAMETERS = sorted({name for s in cypher.catalogue(load_schema()) for name in s.parameters})


def test_saved_browser_queries_pass_neo4js_front_end_as_written(cypher_linter):
    queries = saved_queries()
    assert len(queries) >= 5
    failures = {}
    for saved in queries:
        # Every parameter the query uses is set by a :param line of the file: it runs as written.
        assert parameter_names(saved.statement) <= set(saved.parameters), saved.path.name
        # As the Browser gets it (":param …;" lines, then the query) …
        failures[f"{saved.path.name} (as written)"] = cypher_linter.errors(
            saved.text, saved.parameters, source="saved queries", console=True)
        # … and the statement alone, as a driver would send it.
        failures[saved.path.name] = cypher_linter.errors(saved.statement, saved.parameters, source="saved queries")
    assert {name: errors for name, errors in failures.items() if errors} == {}


def test_a_browser_command_without_its_semicolon_is_an_error(cypher_linter):
    # What the front end says about the saved queries' layout, shown on a broken one.
    broken = ":param event => null\nMATCH (e:Event) WHERE $event IS NULL RETURN e"
    assert cypher_linter.errors(broken, {"event": None}, source=None, console=True)
    assert not cypher_linter.errors(broken.replace("null\n", "null;\n"), {"event": None}, source=None,
                                    console=True)


def test_every_cypher_block_in_the_docs_passes_neo4js_front_end(cypher_linter):
    blocks = cypher_blocks()
    assert blocks, f"expected ```cypher blocks in {[p.name for p in DOCS]}"
    failures, checked = {}, 0
    for block in blocks:
        for text, parameters in block_statements(block, LOADER_PARAMETERS):
            checked += 1
            if errors := cypher_linter.errors(text, parameters, source="docs"):
                failures[f"{block.where}: {text[:80]}"] = errors
    assert checked and failures == {}
