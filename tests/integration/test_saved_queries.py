"""The Browser queries shipped in neo4j/queries/ run on a loaded seed graph."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.sinks.load import load_graph
from tests.conftest import status_events_graph

pytestmark = pytest.mark.integration

QUERIES = sorted((Path(__file__).resolve().parents[2] / "neo4j" / "queries").glob("*.cypher"))


def _statement(path: Path) -> str:
    return "\n".join(line for line in path.read_text("utf-8").splitlines() if not line.startswith("//"))


def test_there_are_seven_saved_queries_with_titles():
    assert len(QUERIES) == 7
    assert all(path.read_text("utf-8").startswith("// ") for path in QUERIES)


def test_saved_queries_run_and_answer(store, seed_graph):
    load_graph(store, seed_graph)
    results = {path.stem: store.read(_statement(path), {"event": None, "person": "Jim Mattis"}) for path in QUERIES}
    met = {(row["person"], row["met"]) for row in results["1-who-met-whom"]}
    assert any("Jim Mattis" in pair for pair in met)
    assert results["2-event-reports"] and all(row["sentences"] for row in results["2-event-reports"])
    assert any(row["office"] == "Defense Minister" for row in results["3-offices-by-country"])
    assert len(results["5-everything-about-a-person"]) == 1


def _run(store, stem: str) -> list[dict]:
    path = next(p for p in QUERIES if p.stem == stem)
    return store.read(_statement(path), {})


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
    rows = _run(store, "7-disagreements-with-status")
    assert [(r["outlet"], r["says"], r["first_day"], r["last_day"]) for r in rows] == [
        ("Outlet A", "planned", "2020-01-04", "2020-01-05"), ("Outlet B", "held", "2020-01-04", "2020-01-04")]
    assert all(r["status"] == "held" and r["disputed"] == ["date", "status"] for r in rows)
