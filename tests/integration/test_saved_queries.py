"""The Browser queries shipped in neo4j/queries/ run on a loaded seed graph."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.sinks.load import load_graph

pytestmark = pytest.mark.integration

QUERIES = sorted((Path(__file__).resolve().parents[2] / "neo4j" / "queries").glob("*.cypher"))


def _statement(path: Path) -> str:
    return "\n".join(line for line in path.read_text("utf-8").splitlines() if not line.startswith("//"))


def test_there_are_five_saved_queries_with_titles():
    assert len(QUERIES) == 5
    assert all(path.read_text("utf-8").startswith("// ") for path in QUERIES)


def test_saved_queries_run_and_answer(store, seed_graph):
    load_graph(store, seed_graph)
    results = {path.stem: store.read(_statement(path), {"event": None, "person": "Jim Mattis"}) for path in QUERIES}
    met = {(row["person"], row["met"]) for row in results["1-who-met-whom"]}
    assert any("Jim Mattis" in pair for pair in met)
    assert results["2-event-reports"] and all(row["sentences"] for row in results["2-event-reports"])
    assert any(row["office"] == "Defense Minister" for row in results["3-offices-by-country"])
    assert len(results["5-everything-about-a-person"]) == 1
