"""The Browser queries shipped in neo4j/queries/ run as written on a loaded graph:
their ``:param`` lines give the parameters (each value evaluated by the database, as
the Browser does), then the statement runs."""
from __future__ import annotations

import pytest

from graphbuild.sinks.load import load_graph
from tests.conftest import status_events_graph
from tests.cypher_lint.sources import BrowserFile, saved_queries

pytestmark = pytest.mark.integration

QUERIES = saved_queries()


def test_there_are_six_saved_queries_with_titles():
    assert len(QUERIES) == 6
    assert all(saved.text.startswith("// ") for saved in QUERIES)


def run_as_written(store, saved: BrowserFile) -> list[dict]:
    """Evaluate each ``:param`` value, then run the statement with them."""
    params = {name: store.read(f"RETURN {literal} AS value")[0]["value"] for name, literal in saved.parameters.items()}
    return store.read(saved.statement, params)


def _run(store, stem: str) -> list[dict]:
    return run_as_written(store, next(q for q in QUERIES if q.path.stem == stem))


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


def test_planned_vs_held_lists_each_event_with_its_status(store):
    load_graph(store, status_events_graph())
    rows = {row["event_id"]: row for row in _run(store, "6-planned-vs-held")}
    assert {e: r["status"] for e, r in rows.items()} == \
        {"event:held": "held", "event:planned": "planned", "event:cancelled": "cancelled"}
    assert [r["status"] for r in _run(store, "6-planned-vs-held")] == ["cancelled", "held", "planned"]
    planned = rows["event:planned"]
    assert (planned["first_day"], planned["last_day"], planned["as_written"]) == ("2020-01-13", "2020-01-19", "next week")
    assert sorted(planned["participants"]) == ["Ann Lee", "Cy Diaz"] and planned["kind"] == ["Meeting"]
    assert rows["event:held"]["status_disputed"] is True and rows["event:planned"]["status_disputed"] is False
    assert rows["event:held"]["articles"] == 2


def test_disagreements_show_each_outlets_status_in_publication_order(store):
    load_graph(store, status_events_graph())
    rows = _run(store, "4-disagreements")
    assert [(r["outlet"], r["says"], r["first_day"], r["last_day"]) for r in rows] == [
        ("Outlet A", "planned", "2020-01-04", "2020-01-05"), ("Outlet B", "held", "2020-01-04", "2020-01-04")]
    assert all(r["status"] == "held" and r["disputed"] == ["date", "status"] for r in rows)
