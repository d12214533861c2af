"""Event nodes and their relationships, added to the graph by :mod:`graphbuild.graph.build`.

* ``Event`` + kind label {id, name, status, date, date_start, date_end, date_text,
  date_precision, source_count, disputed}
* ``(Article)-[:REPORTS {sentences, starts, ends, status, date, date_start, date_end,
  date_text, date_precision, place, place_rule}]->(Event)``: the article's own claims
* ``(Person|Country|Organization)-[:PARTICIPATED_IN {evidence}]->(Event)``
* ``(Event)-[:HELD_IN]->(Place|Country)``
* ``(Person)-[:MET {event_ids, dates}]->(Person)`` for every pair of people in a held
  Meeting of at most ``met_max_people`` people (source id < target id).

Everything is added in sorted order so serialisations are byte-identical across runs.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx

from graphbuild.config import MET_MAX_PEOPLE
from graphbuild.model import EntityKind, EventDate, EventKind, EventNode, EventStatus, LocalEvent

ACTOR_LABELS = frozenset({EntityKind.PERSON.value, EntityKind.COUNTRY.value, EntityKind.ORGANIZATION.value})
LOCATION_LABELS = frozenset({EntityKind.PLACE.value, EntityKind.COUNTRY.value})
#: ``MET.dates`` item of a meeting whose day is unknown. Not the empty string: Neo4j's
#: bulk importer reads an empty field as an empty array, so a list holding only "" could
#: not go through ``graphbuild export-csv``. "-" sorts before every ISO date, as "" did.
UNKNOWN_DAY = "-"


def date_props(date: EventDate | None) -> dict:
    """``date``, ``date_start``, ``date_end``, ``date_text``, ``date_precision`` of a date
    claim (absent keys where the claim says nothing)."""
    if date is None:
        return {}
    props: dict = {}
    if date.iso is not None:
        props["date"] = date.iso
        if date.precision is not None:
            props["date_precision"] = date.precision
    if date.start is not None and date.end is not None:
        props["date_start"] = date.start
        props["date_end"] = date.end
    props["date_text"] = date.text
    return props


def event_props(event: EventNode) -> dict:
    props: dict = {"labels": ["Event", event.kind.value], "name": event.name, "status": event.status.value}
    props.update(date_props(event.date))
    props["source_count"] = len({r.article_id for r in event.reports})
    if event.disputed:
        props["disputed"] = list(event.disputed)
    return props


def report_props(reports: Sequence[LocalEvent]) -> dict:
    """The ``REPORTS`` edge of one article: its sentences and its own claims (the
    parties it names among them).

    An article can tell one event more than once (its reports were grouped into one
    node): its status is that of its last telling in the text ("were to meet on Monday
    … the meeting was called off"), its date and place the first it gives."""
    sentences = sorted({(s.start, s.end, t) for r in reports for s, t in zip(r.sentences, r.sentence_texts)})
    props: dict = {
        "sentences": [t for _, _, t in sentences],
        "starts": [s for s, _, _ in sentences],
        "ends": [e for _, e, _ in sentences],
    }
    last = max(reports, key=lambda r: (r.sentences[-1].start if r.sentences else -1))
    props["status"] = last.status.value
    dated = next((r.date for r in reports if r.date is not None), None)
    props.update(date_props(dated))
    placed = next((r for r in reports if r.place_id is not None), None)
    if placed is not None:
        props["place"] = placed.place_id
        props["place_rule"] = str(placed.place_rule)
    participants = sorted({p for r in reports for p in r.participants})
    if participants:
        props["participants"] = participants
    return props


def met_pairs(event: EventNode, people: Sequence[str], max_people: int) -> list[tuple[str, str]]:
    """The (source, target) pairs ``MET`` projects ``event`` onto: every pair of its
    people (sorted ids) when it is a held Meeting of at most ``max_people`` people, else
    none. The cap bounds the pairs of one event to max_people·(max_people-1)/2.

    >>> node = EventNode("event:m", EventKind.MEETING, "m", ("person:a", "person:b"), None, None, ())
    >>> met_pairs(node, ["person:b", "person:a"], 10)
    [('person:a', 'person:b')]
    >>> met_pairs(node, ["person:a", "person:b", "person:c"], 2)
    []
    """
    if event.kind is not EventKind.MEETING or event.status is not EventStatus.HELD or len(people) > max_people:
        return []
    ordered = sorted(people)
    return [(first, second) for i, first in enumerate(ordered) for second in ordered[i + 1:]]


def add_events(graph: nx.MultiDiGraph, events: Iterable[EventNode], article_node_id,
               met_max_people: int = MET_MAX_PEOPLE) -> None:
    """Add ``events`` (and their relationships) to ``graph``, whose entity and article
    nodes are already there. ``article_node_id`` maps an article id to its node id."""
    events = sorted(events, key=lambda e: e.id)
    for event in events:
        graph.add_node(event.id, **event_props(event))
    edges: dict[tuple[str, str, str], dict] = {}
    met: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for event in events:
        by_article: dict[str, list[LocalEvent]] = defaultdict(list)
        for report in event.reports:
            by_article[report.article_id].append(report)
        for article_id, reports in by_article.items():
            source = article_node_id(article_id)
            if source in graph:
                edges[(source, "REPORTS", event.id)] = report_props(reports)
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
        people = {p for p in event.participants
                  if p in graph and EntityKind.PERSON.value in graph.nodes[p]["labels"]}
        day = event.date.iso if event.date and event.date.iso else UNKNOWN_DAY
        for pair in met_pairs(event, sorted(people), met_max_people):
            met[pair].append((event.id, day))
    for pair, meetings in met.items():
        meetings.sort()
        edges[(pair[0], "MET", pair[1])] = {"event_ids": [m for m, _ in meetings], "dates": [d for _, d in meetings]}
    for (source, rel_type, target) in sorted(edges):
        graph.add_edge(source, target, key=rel_type, type=rel_type, **edges[(source, rel_type, target)])


def _evidence_key(item: str) -> tuple:
    article, _, span = item.rpartition(":")
    start, _, end = span.partition("-")
    return (article, int(start), int(end))
