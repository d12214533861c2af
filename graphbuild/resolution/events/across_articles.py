"""Event coreference across articles: each article's events → one node per real event.

Grouping follows a :mod:`graphbuild.resolution.events.policy` (``"compatible"`` unless
told otherwise). In a fixed order (kind family, most precise date first, article,
position), each event joins the group it is compatible with in *every* member and
shares most participants with (on a tie, for a report that gives no date, the group
whose dates lie nearest its publication on the side its status says — before it for a
held meeting, after it for a planned one, :func:`time_distance`; then the earliest
group), else starts its own — so
a Friday and a Thursday meeting of the same people told by one article never share a
node, and the result does not depend on the input order.

With the office holdings of the corpus (``offices``), a person stands for the country
they hold an office for: ``Putin and Erdogan met`` and ``Russia and Turkey agreed`` share
two parties (:class:`graphbuild.resolution.events.policy.CompatiblePolicy`); before
grouping, an article's event that names only countries is folded into its one event of
people who stand for them (:func:`fold_stand_ins`).

The node: the participants of all reports, less a country that stands for its office
holder named by another report (a node of ``Putin and Erdogan met`` and ``Russia and
Turkey held talks`` lists Putin and Erdogan; an article naming both a person and the
country they hold an office for keeps both, as the development gold does); each report
keeps the parties it names on its ``REPORTS`` edge; the most precise date most reports give;
the place the articles say (explicit before datelines); the kind most reports give
(a Conference on a tie with a Meeting); the status of the latest claim by publication
date. ``disputed`` names the fields on which the reports differ (``date``, ``place``,
``status``); each report keeps its own claims on its ``REPORTS`` edge. A group whose
every report denies the event ("did not meet") is no node, nor one that names no party
(a report of "an international conference in London" joins the node of another
article that names who came).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from dataclasses import replace
from functools import partial
from itertools import combinations

from graphbuild.model import (
    ArticleMeta,
    EntityNode,
    EventMention,
    EventNode,
    EventStatus,
    LocalEntity,
    LocalEvent,
    OfficeHolding,
)
from graphbuild.resolution.dates import PRECISION_RANK, after, interval
from graphbuild.resolution.events.named_places import place_named_gatherings
from graphbuild.resolution.events.naming import event_id, event_name
from graphbuild.resolution.events.policy import (
    DAY_TOLERANCE,
    MAX_INDEXED_PARTICIPANTS,
    SameEventPolicy,
    countries_of_office_holders,
    kind_rank,
    same_event_policy,
)
from graphbuild.resolution.events.within_article import SOFT_PLACE_RULES
from graphbuild.rules import EventRule
from graphbuild.resolution.events.within_article import _claim as claim
from graphbuild.resolution.events.within_article import family, resolve_article_events


def resolve_events(articles: Iterable[tuple[ArticleMeta, Sequence[EventMention]]],
                   local_entities: Iterable[LocalEntity], entities: dict[str, EntityNode],
                   policy: SameEventPolicy | str | None = None, *,
                   fence: Callable[[ArticleMeta, Callable[[], list[LocalEvent]]], list[LocalEvent]] | None = None,
                   offices: Iterable[OfficeHolding] = ()) -> list[EventNode]:
    """All event nodes: each article's events (against its final local entities), merged.

    ``fence(article, compute)``, if given, runs each article's part and returns its
    events, or none for an article it gives up on (the pipeline's per-article time
    budget and catch-all, graphbuild/fence.py). ``offices``: the corpus's office
    holdings, so that a person and the country of their office are one party."""
    by_article: dict[str, list[LocalEntity]] = defaultdict(list)
    for local in local_entities:
        by_article[local.article_id].append(local)
    offices = list(offices)
    office_countries = countries_of_office_holders(offices, entities)  # who is abroad where (arrivals)
    local_events: list[LocalEvent] = []
    for article, mentions in articles:
        if mentions:
            compute = partial(resolve_article_events, article, mentions, by_article.get(article.id, []),
                              office_countries=office_countries)
            local_events.extend(compute() if fence is None else fence(article, compute))
    return merge_events(local_events, entities, policy, offices=offices)


def merge_events(local_events: Iterable[LocalEvent], entities: dict[str, EntityNode],
                 policy: SameEventPolicy | str | None = None, *,
                 offices: Iterable[OfficeHolding] = ()) -> list[EventNode]:
    """Group the articles' events into event nodes, sorted by id."""
    rule = bind_policy(policy, offices, entities)
    countries = getattr(rule, "countries", {})
    local_events = fold_stand_ins(place_named_gatherings(local_events, entities), rule, entities)
    nodes = [_node(group, entities, countries) for group in group_events(local_events, entities, rule)
             if any(e.status is not EventStatus.DENIED for e in group) and any(e.participants for e in group)]
    seen: Counter = Counter()
    unique = []
    for node in sorted(nodes, key=lambda n: (n.id, n.reports[0].article_id)):
        seen[node.id] += 1
        if seen[node.id] > 1:  # the same key told twice in ways that cannot be merged
            node = EventNode(f"{node.id}-{seen[node.id]}", node.kind, node.name, node.participants, node.date,
                             node.place_id, node.reports, node.disputed, node.status)
        unique.append(node)
    return unique


# An article's countries-only event folds into its one people event that stands for
# them; more candidates than this sharing its first two countries is no "one" (and keeps
# a pathological article linear).
MAX_FOLD_CANDIDATES = 8


def fold_stand_ins(local_events: Iterable[LocalEvent], rule: SameEventPolicy,
                   entities: dict[str, EntityNode]) -> list[LocalEvent]:
    """Each article's event that names only countries, folded into the article's one
    event of people who stand for them (the policy's ``stands_in``; a policy without it
    folds nothing): ``the first U.S.-Russian summit in eight years`` is the article's
    ``Trump and Putin met in Helsinki`` once the corpus says Trump holds an office for the
    United States and Putin for Russia (multi-outlet probe: UPI,
    https://www.upi.com/Top_News/World/Photos/President-Trump-meets-with-Russian-President-Putin-in-Helsinki/11634/,
    and newsflash.one, https://newsflash.one/2019/06/30/trump-meets-kim-jong-un-steps-into-north-korea/,
    a "U.S.-North Korea" meeting beside Trump's and Kim's). Two or more candidates:
    nothing folds (which one is unknown)."""
    local_events = list(local_events)
    stands_in = getattr(rule, "stands_in", None)
    countries: Mapping[str, str] = getattr(rule, "countries", {})
    if stands_in is None or not countries:
        return local_events
    by_article: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(local_events):
        by_article[event.article_id].append(index)
    into: dict[int, list[int]] = defaultdict(list)  # people event → countries events folded into it
    folded: set[int] = set()
    for indices in by_article.values():
        by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index in indices:
            event = local_events[index]
            tokens = set(event.participants) | {countries[p] for p in event.participants if p in countries}
            if tokens != set(event.participants):  # someone in it stands for a country
                for pair in combinations(sorted(tokens)[:MAX_INDEXED_PARTICIPANTS], 2):
                    by_pair[pair].append(index)
        if not by_pair:
            continue
        for index in indices:
            event = local_events[index]
            if len(event.participants) < 2 or any(p in countries for p in event.participants):
                continue
            candidates = by_pair.get(tuple(event.participants[:2]), [])
            if len(candidates) > MAX_FOLD_CANDIDATES:
                continue
            fits = [other for other in candidates if other != index
                    and stands_in(event, local_events[other], entities)]
            if len(fits) == 1:
                into[fits[0]].append(index)
                folded.add(index)
    if not folded:
        return local_events
    return [_folded(event, [local_events[i] for i in into[index]]) if index in into else event
            for index, event in enumerate(local_events) if index not in folded]


def _folded(people: LocalEvent, others: Sequence[LocalEvent]) -> LocalEvent:
    """One article's event with its countries-only reports folded in: their sentences,
    evidence and parties join; the kind is the more specific gathering; a date, place or
    gathering the people's event lacks comes from them; the article's claim as within it."""
    reports = [people, *others]
    sentences = dict(zip(people.sentences, people.sentence_texts))
    for other in others:
        sentences.update(zip(other.sentences, other.sentence_texts))
    order = sorted(sentences, key=lambda span: (span.start, span.end))
    dated = [e for e in reports if e.date is not None and e.date.iso is not None]
    when = min(dated, key=lambda e: -PRECISION_RANK[e.date.precision]).date if dated else people.date
    placed = next((e for e in reports if e.place_id is not None and e.place_rule not in SOFT_PLACE_RULES),
                  next((e for e in reports if e.place_id is not None), people))
    kind = min((e.kind for e in reports if family(e.kind) == family(people.kind) or family(e.kind) == "gathering"),
               key=kind_rank)
    return replace(
        people, kind=kind, participants=tuple(sorted({p for e in reports for p in e.participants})), date=when,
        place_id=placed.place_id, place_rule=placed.place_rule, sentences=tuple(order),
        sentence_texts=tuple(sentences[span] for span in order),
        evidence=tuple(sorted({item for e in reports for item in e.evidence},
                              key=lambda e: (e[0], e[1].start, e[1].end))),
        rules=tuple(dict.fromkeys([*(r for e in reports for r in e.rules), EventRule.FOLD_STAND_IN])),
        status=claim([e.status for e in reports]),
        gathering_id=next((e.gathering_id for e in reports if e.gathering_id is not None), None))


def order_key(event: LocalEvent) -> tuple:
    """The order grouping visits events in (fixed, whatever the input order)."""
    return (family(event.kind), -PRECISION_RANK[event.date.precision if event.date and event.date.iso else None],
            event.article_id, event.sentences[0].start if event.sentences else 0, event.kind.value,
            event.participants)


def bind_policy(policy: SameEventPolicy | str | None, offices: Iterable[OfficeHolding],
                entities: dict[str, EntityNode]) -> SameEventPolicy:
    """The policy (by name or as given), bound to the corpus's office holdings when it
    reads them (``with_offices``) and some are given."""
    rule = policy if policy is not None and not isinstance(policy, str) else same_event_policy(policy)
    offices = list(offices)
    with_offices = getattr(rule, "with_offices", None)
    return with_offices(offices, entities) if offices and with_offices is not None else rule


def group_events(local_events: Iterable[LocalEvent], entities: dict[str, EntityNode],
                 policy: SameEventPolicy | str | None = None, *,
                 offices: Iterable[OfficeHolding] = ()) -> list[list[LocalEvent]]:
    """Groups of events that are one event (see the module docstring)."""
    rule = bind_policy(policy, offices, entities)
    tokens = getattr(rule, "party_tokens", lambda event: set(event.participants))
    one_per_article = getattr(rule, "one_per_article", False)
    partition = getattr(rule, "partition", lambda event: None)
    reduced = getattr(rule, "reduced_signature", None)
    ordered = sorted(local_events, key=order_key)
    groups: list[list[LocalEvent]] = []
    group_participants: list[set[str]] = []
    group_articles: list[set[str]] = []
    spans: list[tuple[date, date] | None] = []  # the known dates of each group's members, as one interval
    published: list[tuple[date, date] | None] = []  # and their publication dates
    # Whether an event fits a member depends only on the member's signature, so a group
    # is checked once per distinct signature, not per member. Members are filed by their
    # partition (a named gathering): between two events of one partition the policy reads
    # only their reduced signature (not the participants), so a gathering that a thousand
    # articles report is checked against the few dates and places they give, not against
    # each report; and with one event per article at most, the article is checked apart.
    full: list[dict[Hashable, dict]] = []
    short: list[dict[Hashable, dict]] = []
    index: dict = defaultdict(set)
    for event in ordered:
        keys = list(rule.keys(event, entities))
        mine = partition(event)
        best: tuple[tuple[int, int], int] | None = None
        candidates = sorted({i for key in rule.probes(event, entities) for i in index.get(key, ())})
        for position in candidates:
            if one_per_article and event.article_id in group_articles[position]:
                continue
            members = [m for part, by_sig in full[position].items() if mine is None or part != mine
                       for m in by_sig.values()]
            if mine is not None:
                members.extend(short[position].get(mine, {}).values())
            if fits_group(rule, event, members, entities):
                score = (len(tokens(event) & group_participants[position]),
                         -time_distance(event, spans[position], published[position]))
                if best is None or score > best[0]:
                    best = (score, position)
        if best is None:
            position = len(groups)
            groups.append([event])
            group_participants.append(set())
            group_articles.append(set())
            spans.append(None)
            published.append(None)
            full.append(defaultdict(dict))
            short.append(defaultdict(dict))
        else:
            position = best[1]
            groups[position].append(event)
        group_participants[position].update(tokens(event))
        group_articles[position].add(event.article_id)
        spans[position] = widen(spans[position], interval(event.date))
        if event.published is not None:
            published[position] = widen(published[position], (event.published, event.published))
        full[position][mine].setdefault(rule.signature(event), event)
        if mine is not None and reduced is not None:
            short[position][mine].setdefault(reduced(event), event)
        for key in keys:
            index[key].add(position)
    return groups


def fits_group(rule: SameEventPolicy, event: LocalEvent, members: Sequence[LocalEvent],
               entities: dict[str, EntityNode]) -> bool:
    """Whether ``event`` can join a group: :meth:`same` with every member, or — under a
    policy with ``fits_member`` — with at least one, and fitting the others that way
    (a one-party report of the event anchored by the group's two-party reports)."""
    loose = getattr(rule, "fits_member", None)
    if loose is None:
        return all(rule.same(event, other, entities) for other in members)
    anchored = False
    for other in members:
        if rule.same(event, other, entities):
            anchored = True
        elif not loose(event, other, entities):
            return False
    return anchored


# A report whose status says the other side of its publication counts this many days
# further away than any gap between dates: it joins such a group only if no other fits.
WRONG_SIDE_DAYS = 100_000


def widen(span: tuple[date, date] | None, days: tuple[date, date] | None) -> tuple[date, date] | None:
    """The smallest interval holding both (either may be unknown)."""
    if days is None or span is None:
        return span or days
    return min(span[0], days[0]), max(span[1], days[1])


def time_distance(event: LocalEvent, span: tuple[date, date] | None,
                  publications: tuple[date, date] | None = None) -> int:
    """How far (days) an undated report lies from a group's known dates, for choosing
    among groups it fits equally well: measured from its publication, and a report that
    the meeting took place (held) is before its publication, a planned one after it (a
    held report of Monday's article is not next week's meeting of the same leaders).
    A group whose reports give no date is as far as their publications (``publications``,
    round 6: an undated group is not nearer than any dated one — the probe's undated
    Singapore cancellation went to a plan published a year later). 0 for a dated report
    (its date already decided) or when either side is unknown."""
    if event.published is None or interval(event.date) is not None:
        return 0
    if span is None:
        if publications is None:
            return 0
        first, last = publications
        return 0 if first <= event.published <= last else \
            min(abs((first - event.published).days), abs((last - event.published).days))
    published = event.published
    gap = 0 if span[0] <= published <= span[1] else min(abs((span[0] - published).days),
                                                          abs((span[1] - published).days))
    tolerance = timedelta(days=DAY_TOLERANCE)
    wrong_side = ((event.status is EventStatus.HELD and span[0] > published + tolerance)
                  or (event.status is EventStatus.PLANNED and span[1] < published - tolerance))
    return gap + (WRONG_SIDE_DAYS if wrong_side else 0)


def _node(group: list[LocalEvent], entities: dict[str, EntityNode], countries: Mapping[str, str]) -> EventNode:
    reports = tuple(sorted(group, key=lambda e: (e.article_id, e.sentences[0].start if e.sentences else 0)))
    kinds = Counter(e.kind for e in reports)
    kind = min(kinds, key=lambda k: (-kinds[k], kind_rank(k)))
    named = {p for e in reports for p in e.participants}
    participants = tuple(sorted(named - _stand_ins(reports, named, countries)))
    when = _pick_date(reports)
    place_id = _pick_place(reports)
    isos = {e.date.iso for e in reports if e.date is not None and e.date.iso is not None}
    places = {e.place_id for e in reports if e.place_id is not None}
    statuses = {e.status for e in reports if e.status is not EventStatus.DENIED} or {e.status for e in reports}
    disputed = tuple(name for name, values in (("date", isos), ("place", places), ("status", statuses))
                     if len(values) > 1)
    node_id = event_id(kind, participants, when.iso if when else None, place_id)
    return EventNode(node_id, kind, event_name(kind, participants, when, place_id, entities), participants,
                     when, place_id, reports, disputed, _latest_claim(reports))


def _stand_ins(reports: Sequence[LocalEvent], named: set[str], countries: Mapping[str, str]) -> set[str]:
    """Countries that stand for their office holders named by other reports: a country
    some participant holds an office for, unless one report names it beside such a person
    (``Kerry met British officials … the United States`` names both as parties; a report
    whose countries-only event was folded into its people's, :func:`fold_stand_ins`, names
    the countries for the people, not beside them)."""
    held = {countries[p] for p in named if p in countries}
    beside = {countries[p] for e in reports if EventRule.FOLD_STAND_IN not in e.rules for p in e.participants
              if p in countries and countries[p] in e.participants}
    return held - beside


def _latest_claim(reports: Sequence[LocalEvent]) -> EventStatus:
    """The status the latest article claims (by publication date; undated articles
    count as oldest, then by article id). A denial does not undo a report that the
    event took place or is planned, and (**round 10, decision**) a plan does not undo a
    report that it took place: what an earlier article reports held cannot be still to
    come; a later article telling it as a plan is either misread or tells the next round
    of the same parties' meetings, and in both the node took place — the Abbas–Olmert
    negotiations, ``peace talks they began in November`` (wikinews:wn-bush-urges-allies,
    held) and ``agreed to begin negotiations`` three days later (wn-bush-arrives-israel);
    the Sochi meeting planned by ahvalnews.com and reported held by chelorg.com is held
    whichever was published last. A cancellation still undoes a plan or a report, and so
    does a plan that dates the event after its own publication: then it was still to come
    when the later article was written, and the earlier held reading was wrong (``The
    president leaves Tuesday for Israel`` read beside a present-tense ``His trip follows-up
    …``, wikinews-4 wn4-bush-urges-palestinian-state, is the within-article form of this)."""
    claims = [e for e in reports if e.status is not EventStatus.DENIED] or list(reports)
    latest = max(claims, key=lambda e: (e.published or date.min, e.article_id))
    if latest.status is EventStatus.PLANNED and not after(latest.date, latest.published) \
            and any(e.status is EventStatus.HELD for e in claims):
        return EventStatus.HELD
    return latest.status


def _pick_date(reports: Sequence[LocalEvent]):
    """The most precise date; among equals the one most articles give, then the earliest."""
    dated = [e.date for e in reports if e.date is not None and e.date.iso is not None]
    if not dated:
        texts = [e.date for e in reports if e.date is not None]
        return texts[0] if texts else None
    counts = Counter(d.iso for d in dated)
    return sorted(dated, key=lambda d: (-PRECISION_RANK[d.precision], -counts[d.iso], d.iso, d.text))[0]


def _pick_place(reports: Sequence[LocalEvent]) -> str | None:
    """The place the articles say (explicitly before datelines); most articles, then by id."""
    for soft in (False, True):
        counts = Counter(e.place_id for e in reports
                         if e.place_id is not None and (e.place_rule in SOFT_PLACE_RULES) == soft)
        if counts:
            # Most articles first, then the finer place (a city before its country), then by id.
            return sorted(counts.items(), key=lambda item: (-item[1], item[0].startswith("country:"), item[0]))[0][0]
    return None
