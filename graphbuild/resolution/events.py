"""Event coreference: event mentions → one event per article → one node per real event.

Within an article (:func:`resolve_article_events`), in text order:

* participant spans become entity ids through the article's own entity mentions
  (people, countries, organisations take part; places are where);
* proper-noun modifiers: people and organisations take part; two or more countries
  take part (``the US-Japan talks``); a single country or a place is where the event
  happened (``the Tokyo meeting``, ``the Singapore summit``);
* a mention with enough participants joins an earlier event of the article that is
  compatible with it (same kind, shared participants, compatible date and place),
  else it starts a new one (``After meeting X …`` following ``Y met X``);
* a back-reference (``their meeting``, ``the Tokyo meeting``, ``the two discussed``,
  ``they met``) attaches to the earlier event that fits best: one at the place it
  names, else one with the entities its sentence names, else the latest one;
* a meeting with no place of its own, dated on the published day or undated, is
  placed at the article's dateline (a dateline says where the reporter is that day,
  so an event of an earlier day gets no place from it).

Across articles (:func:`merge_events`): the same kind, overlapping participants,
compatible dates (two known days must be the same day) and places → one node. An
article's event joins a group only if it is compatible with *every* event already in
it, so a Friday meeting and a Thursday meeting never share a node. Each article's
own date and place stay on its ``REPORTS`` edge; ``disputed`` names what they differ on.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations

from graphbuild.model import (
    ArticleMeta,
    EntityKind,
    EntityNode,
    EventDate,
    EventKind,
    EventMention,
    EventNode,
    LocalEntity,
    LocalEvent,
    Resolved,
    TextSpan,
)
from graphbuild.resolution.dates import compatible as dates_compatible
from graphbuild.resolution.dates import resolve_date
from graphbuild.resolution.normalize import short_hash

ACTOR_KINDS = frozenset({EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANIZATION})
LOCATION_KINDS = frozenset({EntityKind.PLACE, EntityKind.COUNTRY})
MIN_PARTICIPANTS = {EventKind.MEETING: 2, EventKind.NEGOTIATION: 2, EventKind.VISIT: 1, EventKind.CONFERENCE: 1}
DATELINE_KINDS = frozenset({EventKind.MEETING})
SOFT_PLACE_RULES = frozenset({"dateline"})
UNKNOWN_PLACE_RULE = "place:unresolved"  # the rule of a place name the gazetteer does not know
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


@dataclass
class _Draft:
    """An event of one article while its mentions are being collected."""

    kind: EventKind
    participants: set[str]
    date: EventDate | None
    place_id: str | None
    place_rule: str | None
    position: int
    sentences: dict[TextSpan, str] = field(default_factory=dict)
    evidence: set[tuple[str, TextSpan]] = field(default_factory=set)
    rules: list[str] = field(default_factory=list)


def resolve_events(articles: Iterable[tuple[ArticleMeta, Sequence[EventMention]]],
                   local_entities: Iterable[LocalEntity], entities: dict[str, EntityNode], *,
                   fence: Callable[[ArticleMeta, Callable[[], list[LocalEvent]]], list[LocalEvent]] | None = None,
                   ) -> list[EventNode]:
    """All event nodes: each article's events (against its final local entities), merged.

    ``fence(article, compute)``, if given, runs each article's part and returns its
    events, or none for an article it gives up on (the pipeline's per-article time
    budget and catch-all, graphbuild/fence.py)."""
    by_article: dict[str, list[LocalEntity]] = defaultdict(list)
    for local in local_entities:
        by_article[local.article_id].append(local)
    local_events: list[LocalEvent] = []
    for article, mentions in articles:
        if mentions:
            compute = partial(resolve_article_events, article, mentions, by_article.get(article.id, []))
            local_events.extend(compute() if fence is None else fence(article, compute))
    return merge_events(local_events, entities)


def resolve_article_events(article: ArticleMeta, mentions: Sequence[EventMention],
                           local_entities: Sequence[LocalEntity]) -> list[LocalEvent]:
    """The events one article tells, in order of first mention."""
    by_span: dict[TextSpan, Resolved] = {}
    dateline: Resolved | None = None
    for local in local_entities:
        for mention in local.mentions:
            by_span[TextSpan(mention.start, mention.end)] = local.resolved
            if mention.label == "DATELINE":
                dateline = local.resolved
    published = article.published
    drafts: list[_Draft] = []
    actors = _Actors(local_entities)
    for mention in mentions:
        _add_mention(mention, drafts, by_span, actors, published)
    events = []
    for draft in drafts:
        if (draft.place_id is None and draft.kind in DATELINE_KINDS and dateline is not None
                and dateline.kind in LOCATION_KINDS and _on_published_day(draft.date, published)):
            draft.place_id, draft.place_rule = dateline.id, "dateline"
        events.append(LocalEvent(
            article_id=article.id,
            kind=draft.kind,
            participants=tuple(sorted(draft.participants)),
            date=draft.date,
            place_id=draft.place_id,
            place_rule=draft.place_rule,
            sentences=tuple(sorted(draft.sentences, key=lambda s: (s.start, s.end))),
            sentence_texts=tuple(draft.sentences[s] for s in sorted(draft.sentences, key=lambda s: (s.start, s.end))),
            evidence=tuple(sorted(draft.evidence, key=lambda e: (e[0], e[1].start, e[1].end))),
            rules=tuple(dict.fromkeys(draft.rules)),
        ))
    return events


def _add_mention(mention: EventMention, drafts: list[_Draft], by_span: dict[TextSpan, Resolved],
                 actors: "_Actors", published) -> None:
    participants: list[tuple[str, TextSpan]] = []
    place_id = place_rule = None
    countries: list[tuple[str, TextSpan]] = []
    for span in mention.participants:
        resolved = by_span.get(span)
        if resolved is None:
            continue
        if resolved.kind in ACTOR_KINDS:
            participants.append((resolved.id, span))
    for span in mention.modifiers:
        resolved = by_span.get(span)
        if resolved is None:
            continue
        if resolved.kind is EntityKind.COUNTRY:
            countries.append((resolved.id, span))
        elif resolved.kind in ACTOR_KINDS:
            participants.append((resolved.id, span))
        elif resolved.kind is EntityKind.PLACE and place_id is None:
            place_id, place_rule = resolved.id, "modifier"
    if len({c for c, _ in countries}) >= 2:
        participants.extend(countries)
    elif countries and place_id is None:
        place_id, place_rule = countries[0][0], "modifier"
    if mention.place is not None:
        resolved = by_span.get(mention.place)
        if (resolved is not None and mention.kind is EventKind.VISIT
                and resolved.rule.startswith(UNKNOWN_PLACE_RULE)):
            resolved = None  # a visit's destination must be a known place: "visit Piara Singh" (tagged GPE)
        if resolved is not None and resolved.kind in LOCATION_KINDS:
            place_id, place_rule = resolved.id, "explicit"
            participants = [(p, s) for p, s in participants if p != resolved.id]
    date = resolve_date(mention.date_text, published) if mention.date_text else None
    ids = {p for p, _ in participants}

    if mention.kind is not None and _enough(mention.kind, ids, place_id):
        draft = _best(drafts, lambda d: d.kind is mention.kind and _overlap_ok(d.participants, ids)
                      and dates_compatible(d.date, date) and _places_ok(d.place_id, d.place_rule, place_id, place_rule),
                      lambda d: (len(d.participants & ids), d.position))
        if draft is None:
            draft = _Draft(mention.kind, set(), date, place_id, place_rule, mention.trigger.start)
            drafts.append(draft)
        _attach(draft, mention, participants, date, place_id, place_rule, rule="event")
        return
    if mention.reference is None:
        return
    named = _entities_in(mention.sentence, mention.sentence_text, actors)

    def fits(d: _Draft) -> bool:
        if mention.kind is None:
            return d.kind is not EventKind.CONFERENCE and len(d.participants) >= 2
        return (d.kind is mention.kind and ids <= d.participants and dates_compatible(d.date, date)
                and _places_ok(d.place_id, d.place_rule, place_id, place_rule))

    draft = _best(drafts, fits, lambda d: (place_id is not None and d.place_id == place_id,
                                           len(d.participants & named), d.position))
    if draft is not None:
        _attach(draft, mention, participants, date, place_id, place_rule, rule=f"reference:{mention.reference}")


def _attach(draft: _Draft, mention: EventMention, participants, date, place_id, place_rule, rule: str) -> None:
    draft.participants.update(p for p, _ in participants)
    draft.evidence.update(participants)
    draft.sentences[mention.sentence] = mention.sentence_text
    draft.rules.append(f"{rule}:{mention.rule}")
    draft.position = max(draft.position, mention.trigger.start)
    if date is not None and date.iso is not None and _PRECISION_RANK[date.precision] > _PRECISION_RANK[
            draft.date.precision if draft.date else None]:
        draft.date = date
    elif draft.date is None and date is not None:
        draft.date = date
    if place_id is not None and (draft.place_id is None or draft.place_rule in SOFT_PLACE_RULES):
        draft.place_id, draft.place_rule = place_id, place_rule


def _best(drafts: list[_Draft], keep, score) -> _Draft | None:
    candidates = [d for d in drafts if keep(d)]
    return max(candidates, key=score) if candidates else None


def _enough(kind: EventKind, ids: set[str], place_id: str | None) -> bool:
    if kind is EventKind.VISIT:
        # A visitor and where they went.
        return len(ids) >= 1 and place_id is not None and place_id not in ids
    return len(ids) >= MIN_PARTICIPANTS[kind]


def _overlap_ok(a: set[str], b: set[str]) -> bool:
    """One side names a subset of the other's participants, and they share two (or all
    of a one-participant side): an outlet may name fewer people, never others."""
    if not a or not b:
        return False
    smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
    return smaller <= larger and len(smaller) >= min(2, len(larger))


def _places_ok(a: str | None, a_rule: str | None, b: str | None, b_rule: str | None,
               entities: dict[str, EntityNode] | None = None) -> bool:
    if a is None or b is None or a == b or a_rule in SOFT_PLACE_RULES or b_rule in SOFT_PLACE_RULES:
        return True
    if entities is not None:
        # A city and the country it lies in are the same place at two scales.
        for inner, outer in ((a, b), (b, a)):
            node = entities.get(inner)
            if node is not None and node.country_id == outer:
                return True
    return False


def _on_published_day(when: EventDate | None, published) -> bool:
    if when is None or when.iso is None:
        return True
    return published is not None and when.precision == "day" and when.iso == published.isoformat()


class _Actors:
    """An article's actors, prepared once per article: mention spans sorted by start and
    the surface forms, so each sentence costs a bisection per actor, not a scan of every
    mention (quadratic on long articles)."""

    def __init__(self, local_entities: Sequence[LocalEntity]):
        self.items: list[tuple[str, list[tuple[int, int]], list[int], set[str]]] = []
        for local in local_entities:
            if local.resolved.kind not in ACTOR_KINDS:
                continue
            spans = sorted((m.start, m.end) for m in local.mentions)
            self.items.append((local.resolved.id, spans, [s for s, _ in spans], {m.text for m in local.mentions}))


def _entities_in(sentence: TextSpan, text: str, actors: _Actors) -> set[str]:
    """Actors the sentence names: a mention inside it, or one of the article's surface
    forms of the entity written in it as whole words (NER misses names now and then)."""
    found = set()
    for actor_id, spans, starts, surfaces in actors.items:
        i = bisect_left(starts, sentence.start)
        while i < len(spans) and spans[i][0] < sentence.end:
            if spans[i][1] <= sentence.end:
                found.add(actor_id)
                break
            i += 1
        if actor_id in found:
            continue
        for surface in surfaces:
            if re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                found.add(actor_id)
                break
    return found


# ---------------------------------------------------------------- across articles


def merge_events(local_events: Iterable[LocalEvent], entities: dict[str, EntityNode]) -> list[EventNode]:
    """Group the articles' events into event nodes, sorted by id."""
    nodes = [_node(group, entities) for group in group_events(local_events, entities)]
    seen: Counter = Counter()
    unique = []
    for node in sorted(nodes, key=lambda n: (n.id, n.reports[0].article_id)):
        seen[node.id] += 1
        if seen[node.id] > 1:  # the same key told twice in ways that cannot be merged
            node = EventNode(f"{node.id}-{seen[node.id]}", node.kind, node.name, node.participants, node.date,
                             node.place_id, node.reports, node.disputed)
        unique.append(node)
    return unique


def group_events(local_events: Iterable[LocalEvent], entities: dict[str, EntityNode]) -> list[list[LocalEvent]]:
    """Groups of events that are one event. In a fixed order (kind, most precise date
    first, article, position), each event joins the group it is compatible with in every
    member and shares most participants with (the earliest group on a tie), else starts
    its own."""
    ordered = sorted(local_events, key=lambda e: (
        e.kind.value, -_PRECISION_RANK[e.date.precision if e.date and e.date.iso else None],
        e.article_id, e.sentences[0].start if e.sentences else 0))
    groups: list[list[LocalEvent]] = []
    group_participants: list[set[str]] = []
    # Whether an event fits a member depends only on the member's signature (see
    # _same_event), so a group is checked once per distinct signature, not per member:
    # a much-reported meeting does not make every later report scan all its reports.
    signatures: list[dict[tuple, LocalEvent]] = []
    # Two events can be one only if they share their kind and a pair of participants (or
    # their one participant): see _overlap_ok. Groups are indexed by those keys, so each
    # event is compared only with groups it could join, never with all of them.
    index: dict[tuple, set[int]] = defaultdict(set)
    for event in ordered:
        best: tuple[int, int] | None = None
        candidates = sorted({i for key in _match_keys(event) for i in index.get(key, ())})
        for position in candidates:
            if all(_same_event(event, other, entities) for other in signatures[position].values()):
                shared = len(set(event.participants) & group_participants[position])
                if best is None or shared > best[0]:
                    best = (shared, position)
        if best is None:
            position = len(groups)
            groups.append([event])
            group_participants.append(set())
            signatures.append({})
        else:
            position = best[1]
            groups[position].append(event)
        group_participants[position].update(event.participants)
        signatures[position].setdefault(_signature(event), event)
        for key in _match_keys(event):
            index[key].add(position)
    return groups


def _match_keys(event: LocalEvent) -> list[tuple]:
    """(kind, participant pair) for each pair of the event's participants, or (kind,
    participant) for a one-participant event. Compatible events always share one."""
    people = sorted(set(event.participants))
    if len(people) == 1:
        return [(event.kind, people[0])]
    return [(event.kind, a, b) for a, b in combinations(people, 2)]


def _signature(event: LocalEvent) -> tuple:
    """Everything :func:`_same_event` looks at."""
    return event.kind, frozenset(event.participants), event.date, event.place_id, event.place_rule


def _same_event(a: LocalEvent, b: LocalEvent, entities: dict[str, EntityNode]) -> bool:
    return (a.kind is b.kind and _overlap_ok(set(a.participants), set(b.participants))
            and dates_compatible(a.date, b.date)
            and _places_ok(a.place_id, a.place_rule, b.place_id, b.place_rule, entities))


def _node(group: list[LocalEvent], entities: dict[str, EntityNode]) -> EventNode:
    reports = tuple(sorted(group, key=lambda e: (e.article_id, e.sentences[0].start if e.sentences else 0)))
    kind = reports[0].kind
    participants = tuple(sorted({p for e in reports for p in e.participants}))
    when = _pick_date(reports)
    place_id = _pick_place(reports)
    isos = {e.date.iso for e in reports if e.date is not None and e.date.iso is not None}
    places = {e.place_id for e in reports if e.place_id is not None}
    disputed = tuple(name for name, values in (("date", isos), ("place", places)) if len(values) > 1)
    node_id = event_id(kind, participants, when.iso if when else None, place_id)
    return EventNode(node_id, kind, event_name(kind, participants, when, place_id, entities), participants,
                     when, place_id, reports, disputed)


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


def _pick_date(reports: Sequence[LocalEvent]) -> EventDate | None:
    """The most precise date; among equals the one most articles give, then the earliest."""
    dated = [e.date for e in reports if e.date is not None and e.date.iso is not None]
    if not dated:
        texts = [e.date for e in reports if e.date is not None]
        return texts[0] if texts else None
    counts = Counter(d.iso for d in dated)
    best = sorted(dated, key=lambda d: (-_PRECISION_RANK[d.precision], -counts[d.iso], d.iso, d.text))[0]
    return best


def _pick_place(reports: Sequence[LocalEvent]) -> str | None:
    """The place the articles say (explicitly before datelines); most articles, then by id."""
    for soft in (False, True):
        counts = Counter(e.place_id for e in reports
                         if e.place_id is not None and (e.place_rule in SOFT_PLACE_RULES) == soft)
        if counts:
            # Most articles first, then the finer place (a city before its country), then by id.
            return sorted(counts.items(), key=lambda item: (-item[1], item[0].startswith("country:"), item[0]))[0][0]
    return None
