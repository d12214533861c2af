"""Event ids and names: content-derived, so a re-run gives the same bytes."""
from __future__ import annotations

from collections.abc import Sequence

from graphbuild.model import EntityNode, EventDate, EventKind
from graphbuild.resolution.normalize import short_hash


def event_id(kind: EventKind, participants: Sequence[str], iso: str | None, place_id: str | None) -> str:
    """``event:meeting-<hash of kind, sorted participants, date, place>``.

    >>> event_id(EventKind.MEETING, ["person:b", "person:a"], "2018-06-29", None) == \\
    ...     event_id(EventKind.MEETING, ["person:a", "person:b"], "2018-06-29", None)
    True
    """
    digest = short_hash(kind.value, ",".join(sorted(participants)), iso or "", place_id or "", length=12)
    return f"event:{kind.value.lower()}-{digest}"


def event_name(kind: EventKind, participants: Sequence[str], when: EventDate | None, place_id: str | None,
               entities: dict[str, EntityNode]) -> str:
    """``Meeting: Itsunori Onodera, Jim Mattis (Tokyo, 2018-06-29)``."""
    names = sorted(entities[p].name if p in entities else p for p in participants)
    extra = [entities[place_id].name if place_id in entities else place_id] if place_id else []
    if when is not None:
        extra.append(when.iso or when.text)
    return f"{kind.value}: {', '.join(names)}" + (f" ({', '.join(extra)})" if extra else "")
