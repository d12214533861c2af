"""A gathering named by its place is held there.

``At the conclusion of the Annapolis Conference, … Bush read a statement``
(wikinews:wn-annapolis-statement) and ``the American-led Annapolis Mideast conference in
November`` (wikinews:wn-bush-arrives-israel) name one gathering by its city; the NER reads
each name as an organisation (``Annapolis Conference``, ``Annapolis Mideast``), so neither
report had a place and the second had the name as its only party. Likewise ``the Helsinki
summit`` beside ``met … in Helsinki`` (the probe's UPI and ovimagazine.com reports) and
``the Singapore summit`` (the probe's Sun-Times and WINK reports) when the NER takes the
city into the name. A gathering whose name begins with the name of a place the corpus
knows — a place of the gazetteer (with a country), the only one of that name — is held at
that place when its report gives none, and the name is no party to it. Reports of it
then meet by place (a report that names no party joins a gathering at the same place,
:mod:`.policy`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from graphbuild.model import EntityKind, EntityNode, LocalEvent
from graphbuild.resolution.normalize import name_key
from graphbuild.rules import PlaceRule

# How a report's rules record it.
NAMED_PLACE_RULE = "place:named-gathering"
# The place rule of the place so found: as explicit as "in Annapolis".
PLACE_RULE = PlaceRule.EXPLICIT


def places_by_name(entities: Mapping[str, EntityNode]) -> dict[str, str]:
    """``name_key`` of a gazetteer place's name → its id, for names of one place only."""
    found: dict[str, set[str]] = {}
    for node in entities.values():
        if node.kind is EntityKind.PLACE and node.country_id:
            found.setdefault(name_key(node.name), set()).add(node.id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1 and key}


def place_of_name(name: str, places: Mapping[str, str]) -> str | None:
    """The place the first words of a gathering's name name (``Annapolis Mideast`` →
    Annapolis), the longest such prefix; never the whole name (that is the place itself)."""
    words = name_key(name).split()
    for size in range(len(words) - 1, 0, -1):
        place = places.get(" ".join(words[:size]))
        if place is not None:
            return place
    return None


def place_named_gatherings(local_events: Iterable[LocalEvent], entities: Mapping[str, EntityNode]) -> list[LocalEvent]:
    """Each report of a gathering named by its place, placed there (see the module docstring)."""
    local_events = list(local_events)
    if not any(e.gathering_id is not None for e in local_events):
        return local_events
    places = places_by_name(entities)
    found = []
    for event in local_events:
        node = entities.get(event.gathering_id) if event.gathering_id is not None else None
        place = place_of_name(node.name, places) if node is not None and node.kind is not EntityKind.PLACE else None
        if place is None or (event.place_id is not None and event.place_rule is not PlaceRule.DATELINE):
            found.append(event)
            continue
        found.append(replace(
            event, place_id=place, place_rule=PLACE_RULE,
            participants=tuple(p for p in event.participants if p != event.gathering_id),
            evidence=tuple(e for e in event.evidence if e[0] != event.gathering_id),
            rules=(*event.rules, NAMED_PLACE_RULE)))
    return found
