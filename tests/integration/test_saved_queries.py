"""The Browser queries shipped in neo4j/queries/ run as written on a loaded seed graph:
their ``:param`` lines give the parameters (each value evaluated by the database, as
the Browser does), then the statement runs."""
from __future__ import annotations

import pytest

from graphbuild.sinks.load import load_graph
from tests.cypher_lint.sources import BrowserFile, saved_queries

pytestmark = pytest.mark.integration

QUERIES = saved_queries()


def test_there_are_saved_queries_with_titles():
    assert len(QUERIES) >= 5
    assert all(saved.text.startswith("// ") for saved in QUERIES)


def run_as_written(store, saved: BrowserFile) -> list[dict]:
    """Evaluate each ``:param`` value, then run the statement with them."""
    params = {name: store.read(f"RETURN {literal} AS value")[0]["value"] for name, literal in saved.parameters.items()}
    return store.read(saved.statement, params)


def test_saved_queries_run_as_written_and_answer(store, seed_graph):
    load_graph(store, seed_graph)
    results = {saved.path.stem: run_as_written(store, saved) for saved in QUERIES}
    met = {(row["person"], row["met"]) for row in results["1-who-met-whom"]}
    assert any("Jim Mattis" in pair for pair in met)
    assert results["2-event-reports"] and all(row["sentences"] for row in results["2-event-reports"])
    assert any(row["office"] == "Defense Minister" for row in results["3-offices-by-country"])
    assert len(results["5-everything-about-a-person"]) == 1  # :param person => 'Jim Mattis'


def test_the_event_parameter_picks_one_event(store, seed_graph):
    load_graph(store, seed_graph)
    saved = next(q for q in QUERIES if q.path.stem == "2-event-reports")
    every = run_as_written(store, saved)  # :param event => null
    events = store.read("MATCH (e:Event) RETURN e.id AS id, e.name AS name ORDER BY id")
    assert len(events) >= 2
    picked = store.read(saved.statement, {"event": events[0]["id"]})
    assert picked and {row["event"] for row in picked} == {events[0]["name"]}
    assert len(picked) < len(every)
