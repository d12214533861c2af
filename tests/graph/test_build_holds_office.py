"""HOLDS_OFFICE edges: one per (person, title, holder), evidence from every article."""
from __future__ import annotations

from graphbuild.graph.build import build_graph
from graphbuild.graph.schema import load_schema
from graphbuild.graph.validate import validate_graph
from graphbuild.model import ArticleMeta, EntityKind, EntityNode, OfficeHolding, TextSpan


def test_one_edge_per_office_with_evidence_from_every_article():
    entities = {
        "person:a-b": EntityNode("person:a-b", EntityKind.PERSON, "A B", ("A B",)),
        "country:JPN": EntityNode("country:JPN", EntityKind.COUNTRY, "Japan", ("Japan",), (("iso2", "JP"), ("iso3", "JPN"))),
    }
    articles = [ArticleMeta(i, "x.jsonl", "0" * 64, 10) for i in ("a1", "a2")]
    offices = [
        OfficeHolding("a1", "person:a-b", "Defense Minister", "country:JPN", TextSpan(0, 30), "office:pre-modifier"),
        OfficeHolding("a2", "person:a-b", "Defense Minister", "country:JPN", TextSpan(5, 40), "office:apposition"),
        OfficeHolding("a2", "person:a-b", "Foreign Minister", "country:JPN", TextSpan(50, 80), "office:pre-modifier"),
        OfficeHolding("a2", "person:missing", "Writer", "country:JPN", TextSpan(0, 1), "office:pre-modifier"),
    ]
    graph = build_graph(articles, entities, [], offices)
    edges = {d["title"]: d for _, _, d in graph.edges(data=True) if d["type"] == "HOLDS_OFFICE"}
    assert set(edges) == {"Defense Minister", "Foreign Minister"}
    assert edges["Defense Minister"]["evidence"] == ["a1:0-30", "a2:5-40"]
    assert validate_graph(graph, load_schema()) == []
