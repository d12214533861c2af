"""Event nodes of a graph built by the real pipeline from one article of our own words:
what the end-to-end event tests compare."""
from __future__ import annotations

from graphbuild.pipeline import IngestOptions, build
from tests.conftest import write_jsonl


def built_events(nlp, tmp_path, text: str, published: str) -> list[tuple[str, list[str], list[str], str]]:
    """(kind, participant names, place names, status) of each event node, in graph order."""
    records = [{"id": "a", "published": published, "text": text}]
    graph = build(IngestOptions(paths=[str(write_jsonl(tmp_path / "in.jsonl", records))], progress=False),
                  nlp=nlp).graph
    found = []
    for node, attrs in graph.nodes(data=True):
        if "Event" not in attrs.get("labels", ()):
            continue
        parties = sorted(graph.nodes[s]["name"] for s, _, d in graph.in_edges(node, data=True)
                         if d.get("type") == "PARTICIPATED_IN")
        places = sorted(graph.nodes[t]["name"] for _, t, d in graph.out_edges(node, data=True)
                        if d.get("type") == "HELD_IN")
        found.append((attrs["labels"][1], parties, places, attrs["status"]))
    return found
