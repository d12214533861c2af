"""Offices on the seed articles: the three defence chiefs, evidence in both articles."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.model


def offices(graph):
    return {(source, attrs["title"], target): attrs["evidence"]
            for source, target, attrs in graph.edges(data=True) if attrs["type"] == "HOLDS_OFFICE"}


@pytest.mark.parametrize("person, title, holder", [
    ("person:jim-mattis", "Defense Secretary", "country:USA"),
    ("person:itsunori-onodera", "Defense Minister", "country:JPN"),
    ("person:song-young-moo", "Defense Minister", "country:KOR"),
])
def test_office_with_evidence_in_both_articles(seed_graph, seeds_jsonl, person, title, holder):
    texts = {r["id"]: r["text"] for r in map(json.loads, seeds_jsonl.read_text("utf-8").splitlines())}
    evidence = offices(seed_graph)[(person, title, holder)]
    assert {item.rsplit(":", 1)[0] for item in evidence} == set(texts)
    surname = seed_graph.nodes[person]["name"].split()[-1]
    for item in evidence:
        article, span = item.rsplit(":", 1)
        start, end = map(int, span.split("-"))
        phrase = texts[article][start:end]
        assert surname in phrase and "efen" in phrase  # "Defense"/"defence" and the name, one phrase


def test_one_edge_per_office_and_no_spelling_variants(seed_graph):
    titles = {title for (_, title, _) in offices(seed_graph)}
    assert titles and not any("Defence" in t or t != t.title() for t in titles)
