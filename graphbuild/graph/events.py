"""Event nodes and their relationships, added to the graph by :mod:`graphbuild.graph.build`.

* ``Event`` + kind label {id, name, date, date_text, date_precision, source_count, disputed}
* ``(Article)-[:REPORTS {sentences, starts, ends, date, date_text, place, place_rule}]->(Event)``
* ``(Person|Country|Organization)-[:PARTICIPATED_IN {evidence}]->(Event)``
* ``(Event)-[:HELD_IN]->(Place|Country)``
* ``(Person)-[:MET {event_ids, dates}]->(Person)`` for every pair of people in a Meeting
  (source id < target id).

Everything is added in sorted order so serialisations are byte-identical across runs.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from graphbuild.model import EntityKind, EventKind, EventNode

ACTOR_LABELS = frozenset({EntityKind.PERSON.value, EntityKind.COUNTRY.value, EntityKind.ORGANIZATION.value})
LOCATION_LABELS = frozenset({EntityKind.PLACE.value, EntityKind.COUNTRY.value})
#: ``MET.dates`` item of a meeting whose day is unknown. Not the empty string: Neo4j's
#: bulk importer reads an empty field as an empty array, so a list holding only "" could
#: not go through ``graphbuild export-csv``. "-" sorts before every ISO date, as "" did.
UNKNOWN_DAY = "-"


def event_props(event: EventNode) -> dict:
    props: dict = {"labels": ["Event", event.kind.value], "name": event.name}
    if event.date is not None:
        if event.date.iso is not None:
            props["date"] = event.date.iso
            props["date_precision"] = event.date.precision
        props["date_text"] = event.date.text
    props["source_count"] = len({r.article_id for r in event.reports})
    if event.disputed:
        props["disputed"] = list(event.disputed)
    return props


def add_events(graph: nx.MultiDiGraph, events: Iterable[EventNode], article_node_id) -> None:
    """Add ``events`` (and their relationships) to ``graph``, whose entity and article
    nodes are already there. ``article_node_id`` maps an article id to its node id."""
    events = sorted(events, key=lambda e: e.id)
    for event in events:
        graph.add_node(event.id, **event_props(event))
    edges: dict[tuple[str, str, str], dict] = {}
    met: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for event in events:
        by_article: dict[str, list] = defaultdict(list)
        for report in event.reports:
            by_article[report.article_id].append(report)
        for article_id, reports in by_article.items():
            source = article_node_id(article_id)
            if source not in graph:
                continue
            sentences = sorted({(s.start, s.end, t) for r in reports for s, t in zip(r.sentences, r.sentence_texts)})
            props: dict = {
                "sentences": [t for _, _, t in sentences],
                "starts": [s for s, _, _ in sentences],
                "ends": [e for _, e, _ in sentences],
            }
            dated = next((r.date for r in reports if r.date is not None), None)
            if dated is not None:
                if dated.iso is not None:
                    props["date"] = dated.iso
                props["date_text"] = dated.text
            placed = next((r for r in reports if r.place_id is not None), None)
            if placed is not None:
                props["place"] = placed.place_id
                props["place_rule"] = placed.place_rule
            edges[(source, "REPORTS", event.id)] = props
        evidence: dict[str, set[str]] = defaultdict(set)
        for report in event.reports:
            for participant, span in report.evidence:
                evidence[participant].add(f"{report.article_id}:{span.start}-{span.end}")
        for participant in event.participants:
            if participant in graph and set(graph.nodes[participant]["labels"]) & ACTOR_LABELS:
                edges[(participant, "PARTICIPATED_IN", event.id)] = {
                    "evidence": sorted(evidence[participant], key=_evidence_key)}
        if event.place_id is not None and event.place_id in graph \
                and set(graph.nodes[event.place_id]["labels"]) & LOCATION_LABELS:
            edges[(event.id, "HELD_IN", event.place_id)] = {}
        if event.kind is EventKind.MEETING:
            people = sorted(p for p in event.participants
                            if p in graph and EntityKind.PERSON.value in graph.nodes[p]["labels"])
            for i, first in enumerate(people):
                for second in people[i + 1:]:
                    met[(first, second)].append((event.id, event.date.iso if event.date and event.date.iso else UNKNOWN_DAY))
    for pair, meetings in met.items():
        meetings.sort()
        edges[(pair[0], "MET", pair[1])] = {"event_ids": [m for m, _ in meetings], "dates": [d for _, d in meetings]}
    for (source, rel_type, target) in sorted(edges):
        graph.add_edge(source, target, key=rel_type, type=rel_type, **edges[(source, rel_type, target)])


def _evidence_key(item: str) -> tuple:
    article, _, span = item.rpartition(":")
    start, _, end = span.partition("-")
    return (article, int(start), int(end))
