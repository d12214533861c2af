"""When two articles' events are one real event: a named, swappable policy.

A policy says whether two :class:`graphbuild.model.LocalEvent` records of different
articles can be the same event (``same``) and gives *blocking keys* (``keys``): two
events that can be the same always share a key, so grouping compares an event only
with the groups under its keys, never with all of them (cost linear in the number of
events). ``signature`` is everything ``same`` looks at, so a group is checked once per
distinct signature.

Policies are registered by name in :data:`POLICIES`; :data:`DEFAULT_POLICY` is
``"compatible"``:

* the same family of kind: a summit and a meeting of the same leaders on the same day
  are one gathering (outlets call one event both); talks and visits are their own —
  except that a gathering and talks (a Negotiation) are one event when the report of
  talks dates them to a day, a weekend or a week, the dates overlap (an undated report
  of the gathering fits), and they share two parties (``Putin and Erdogan met in Sochi on Tuesday`` / ``Russia and Turkey held
  talks in Sochi on Tuesday``): an undated report of talks is a process (the
  Abbas–Olmert negotiations) and never joins a dated meeting of the same leaders.
  Sources: ECB+ 10_2ecbplus (Yahoo: the Red Sox executives "flew to Texas on Thursday
  night to meet with" Teixeira and Boras) and 10_4ecbplus (WCVB: "the negotiations that
  took place Thursday at Teixeira's Texas home"); ECB+ 6_4ecbplus ("set to meet with
  Lionsgate officials on Monday to resume negotiations") and 6_6ecbplus ("will resume
  negotiating with Lionsgate … on Monday"); Wikinews wn-hamas-ends-truce (Abbas "is to
  hold talks with President George W. Bush on Friday", a meeting of two leaders) and
  wn-us-skorea-naval-exercises (Clinton "in China, for talks between the US and Chinese
  governments");
* participants that overlap in at least two named parties after entity resolution (an
  outlet may name a party the other leaves out: both reports are kept, the node has
  both); a report of a gathering that names no party (``an international conference in
  London on Tuesday``) joins one at the same place, at a time both reports' publications
  and statuses allow (:func:`fits_publication`); a one-party event (a conference of one organisation, a visit named by its
  visitor alone) matches an event with that party when they also share an anchor:
  compatible known places, or known dates that overlap;
* dates as intervals that overlap within one day's tolerance (time zones, publication
  skew, one batch-wide ``--published-default``); an undated report fits any date on the
  side of its publication its status says (:func:`fits_publication`);
* compatible places: the same, a city and the country it lies in, or one of them only
  the dateline (where the reporter was, not necessarily the event); a venue the gazetteer
  does not know beside a place it knows (wn-eastmed-mitsotakis ``in Athens at the
  Zappeion Hall``, ECB+ 16_1ecb ``at Parker Center``), never two different unknown ones;
* a named gathering (``the United Nations General Assembly``, ``the Annapolis
  Conference``) is one event in every report that names it, whoever each report says
  took part, when the dates fit; a report without a date is placed by its publication
  (within :data:`NAMED_WINDOW_DAYS`), since such gatherings recur (the General Assembly
  of 2006 is not that of 2019);
* a person and a country are one party when the corpus states that the person holds an
  office for that country (``Russian President Vladimir Putin`` in any article): ``Putin
  and Erdogan met in Sochi`` and ``Russia and Turkey held talks in Sochi`` share two
  parties. Two people are one party only when they are one person (a minister and a
  president of one country each stand for it, but not for each other: their meetings stay
  apart unless a report names the countries); a person holding offices for two countries
  stands for neither (:func:`countries_of_office_holders`); a country's leader
  (``office:stand-in``, no office) stands for it the same way;
* never two events of one article (the article already told them apart);
* the status does not matter: a planned meeting that another article reports as held
  is the same event.

A policy that reads the corpus's office holdings has ``with_offices(offices, entities)``,
which returns it bound to them (:func:`graphbuild.resolution.events.bind_policy`); one
without it ignores them.

``"strict"`` is the rule before issue 14, kept for comparison (it ignores offices): the same kind, one side's
participants a subset of the other's (sharing two, or all of a one-participant side),
and known dates equal to the coarser precision.

Pair keys are built from at most :data:`MAX_INDEXED_PARTICIPANTS` participants of an
event (sorted): a gathering of hundreds of parties would otherwise give tens of
thousands of keys. Grouping is exactly a full scan for events up to that size (the
property test in ``tests/resolution/test_event_policy.py`` holds it).
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date, timedelta
from itertools import combinations
from typing import Protocol

from graphbuild.model import EntityKind, EntityNode, EventKind, EventStatus, LocalEvent, OfficeHolding
from graphbuild.resolution.dates import compatible as dates_compatible
from graphbuild.resolution.dates import interval
from graphbuild.resolution.events.within_article import SOFT_PLACE_RULES, family
from graphbuild.rules import PlaceRule

MAX_INDEXED_PARTICIPANTS = 30
DAY_TOLERANCE = 1
# Families of kind whose reports can tell one event across articles when their dates
# pin it down (see :func:`families_meet`): a meeting of leaders that one outlet calls
# "talks between the two countries" (a Negotiation) and another "met" or "summit".
DATED_FAMILIES = frozenset({"gathering", "negotiation"})
# The precisions that pin a day down enough to join two families (a month does not).
PINNING_PRECISIONS = frozenset({"day", "weekend", "week"})
# A date vaguer than this is no anchor for a one-party match (and gives no keys).
MAX_ANCHOR_MONTHS = 36
# An undated report of a named gathering tells one held or planned within this many days
# of its publication (a gathering that recurs yearly is otherwise every year's).
NAMED_WINDOW_DAYS = 45
# An undated report joins an event on the wrong side of its publication for its status
# (held after it, planned before it) only within this many days (:func:`fits_publication`).
WRONG_SIDE_WINDOW_DAYS = 30


class SameEventPolicy(Protocol):
    name: str

    def keys(self, event: LocalEvent, entities: dict[str, EntityNode]) -> Iterable[Hashable]:
        """Blocking keys a group is filed under for this member."""

    def probes(self, event: LocalEvent, entities: dict[str, EntityNode]) -> Iterable[Hashable]:
        """Keys to look groups up by: whenever ``same(event, member)`` holds, one of the
        event's probes is one of the member's keys."""

    def same(self, a: LocalEvent, b: LocalEvent, entities: dict[str, EntityNode]) -> bool:
        """Whether ``a`` and ``b`` can be one event."""

    def signature(self, event: LocalEvent) -> Hashable:
        """Everything :meth:`same` reads of one event."""


# A token named as such meets both kinds; a person's office country meets only a named one.
_MEETS = {"L": ("L", "M"), "M": ("L",)}


class CompatiblePolicy:
    """The default: compatibility of kind family, parties, dates and places.

    ``countries``: person id → the one country the corpus says the person holds an office
    for (:func:`countries_of_office_holders`); :meth:`with_offices` binds it for one run."""

    name = "compatible"

    def __init__(self, countries: Mapping[str, str] | None = None):
        self.countries: Mapping[str, str] = dict(countries or {})

    def with_offices(self, offices: Iterable[OfficeHolding], entities: dict[str, EntityNode]) -> CompatiblePolicy:
        """This policy, a person standing for the country the corpus says they hold an office for."""
        return CompatiblePolicy(countries_of_office_holders(offices, entities))

    def tokens(self, party: str) -> tuple[str, ...]:
        """What a party can be matched by: itself, and a person's office country."""
        country = self.countries.get(party)
        return (party,) if country is None or country == party else (party, country)

    def party_tokens(self, event: LocalEvent) -> set[str]:
        """Every token of the event's parties (grouping breaks ties by shared tokens)."""
        return {token for party in event.participants for token in self.tokens(party)}

    def _tagged(self, party: str) -> list[tuple[str, str]]:
        """The party's tokens, each tagged ``L`` (the party as named) or ``M`` (a person's
        office country)."""
        return [(token, "L" if token == party else "M") for token in self.tokens(party)]

    def _pairs(self, people: list[str]) -> set[tuple[str, str, str, str]]:
        """Tagged pairs of tokens of two different parties: two events sharing two parties
        share one pair, each token named as such on at least one side (at most four per
        pair of parties, so still linear)."""
        found: set[tuple[str, str, str, str]] = set()
        for first, second in combinations(people, 2):
            for a, tag_a in self._tagged(first):
                for b, tag_b in self._tagged(second):
                    if a != b:
                        found.add((a, b, tag_a, tag_b) if a < b else (b, a, tag_b, tag_a))
        return found

    def shared_parties(self, a: LocalEvent, b: LocalEvent, enough: int = 2) -> int:
        """How many parties two events share, up to 2: pairs of a party of each that are
        one party — the same one (labelled by itself), or a person and the country of their
        office (labelled by the country; never two people of one country) — where the pairs
        use different parties on each side and have different labels (``Abe and Japan``
        and ``Japan and Korea`` share one party, Japan). Candidates come from a look-up by
        token, so a gathering of sixty parties costs no sixty-by-sixty scan."""
        first, second = set(a.participants), set(b.participants)
        if not self.countries:
            return min(len(first & second), enough)
        by_token: dict[str, set[str]] = {}
        for party in second:
            for token in self.tokens(party):
                by_token.setdefault(token, set()).add(party)
        by_label: dict[str, list[tuple[str, str]]] = {}
        for party in sorted(first):
            for other in sorted({o for token in self.tokens(party) for o in by_token.get(token, ())}):
                if party == other:
                    by_label.setdefault(party, []).append((party, other))
                elif self.countries.get(party) == other:  # a person here, their country there
                    by_label.setdefault(other, []).append((party, other))
                elif self.countries.get(other) == party:
                    by_label.setdefault(party, []).append((party, other))
        if not by_label or enough < 2:
            return min(len(by_label), enough)
        labels = sorted(by_label)
        # Two pairs under different labels that use different parties: a label's pairs all
        # share a party when this fails (a star), so failing costs few comparisons.
        for i, label in enumerate(labels):
            for other_label in labels[i + 1:]:
                for one in by_label[label]:
                    for two in by_label[other_label]:
                        if one[0] != two[0] and one[1] != two[1]:
                            return 2
        return 1

    # Pairs find events sharing two parties. The rarer matches are filed apart so that
    # common events never look them up: a one-party event looks up every event with its
    # party and an anchor ("one"), the others look up only one-party events ("single");
    # a report that names no party looks up every event at its place ("at"), the others
    # only such reports ("empty"). Keys carry the tag of each token (named, or a
    # person's office country): a party is shared only where one side names it, so an
    # event looks up an office country only among events naming that country — the
    # meetings of Russian and Turkish officials never look each other up by the
    # countries, only a report naming Russia and Turkey looks them up.

    def keys(self, event: LocalEvent, entities: dict[str, EntityNode]) -> list[Hashable]:
        fam, people = bucket(event.kind), _indexed(event)
        keys: list[Hashable] = [("pair", fam, *pair) for pair in sorted(self._pairs(people))]
        if event.gathering_id is not None:
            keys.append(("named", fam, event.gathering_id))
        for anchor in _anchors(event, entities):
            keys.extend(("one", fam, t, tag, anchor) for p in people for t, tag in self._tagged(p))
            if len(people) == 1:
                keys.extend(("single", fam, t, tag, anchor) for t, tag in self._tagged(people[0]))
            if anchor[0] == "place":
                keys.append(("at", fam, anchor))
                if not people:
                    keys.append(("empty", fam, anchor))
        return keys

    def probes(self, event: LocalEvent, entities: dict[str, EntityNode]) -> list[Hashable]:
        fam, people = bucket(event.kind), _indexed(event)
        probes: list[Hashable] = [("pair", fam, a, b, ua, ub) for a, b, ta, tb in sorted(self._pairs(people))
                                  for ua in _MEETS[ta] for ub in _MEETS[tb]]
        if event.gathering_id is not None:
            probes.append(("named", fam, event.gathering_id))
        for anchor in _anchors(event, entities):
            if len(people) == 1:
                probes.extend(("one", fam, t, u, anchor) for t, tag in self._tagged(people[0]) for u in _MEETS[tag])
            else:
                probes.extend(("single", fam, t, u, anchor) for p in people for t, tag in self._tagged(p)
                              for u in _MEETS[tag])
            if anchor[0] == "place":
                probes.append(("at", fam, anchor) if not people else ("empty", fam, anchor))
        return probes

    def same(self, a: LocalEvent, b: LocalEvent, entities: dict[str, EntityNode]) -> bool:
        if a.article_id == b.article_id or not families_meet(a, b) or other_in_series(a, b):
            return False
        if not dates_compatible(a.date, b.date, DAY_TOLERANCE):
            return False
        if not fits_publication(a, b):
            return False
        if not places_compatible(a.place_id, a.place_rule, b.place_id, b.place_rule, entities):
            return False
        if family(a.kind) != family(b.kind):  # a dated gathering and dated talks: two parties shared
            return self.shared_parties(a, b) >= 2
        if a.gathering_id is not None and a.gathering_id == b.gathering_id:
            return _near(a, b)
        first, second = set(a.participants), set(b.participants)
        if not first or not second:  # one report names no party: the same gathering at the same place
            # (and, checked above, at a time its publication and status allow)
            return (family(a.kind) == "gathering" and a.place_id is not None and b.place_id is not None
                    and a.place_rule not in SOFT_PLACE_RULES and b.place_rule not in SOFT_PLACE_RULES
                    and bool(_place_anchors(a, entities) & _place_anchors(b, entities)))
        shared = self.shared_parties(a, b)
        if shared >= 2:
            return True
        if shared == 1 and min(len(first), len(second)) == 1:
            return bool(set(_anchors(a, entities)) & set(_anchors(b, entities)))
        return False

    def fits_member(self, event: LocalEvent, member: LocalEvent, entities: dict[str, EntityNode]) -> bool:
        """Whether ``event`` fits a member of a group it is not :meth:`same` with, given
        that it is :meth:`same` with another member (grouping checks that): a member that
        names one party, which ``event`` names or stands for, when kinds, dates,
        publication and places fit. A one-party report needs an anchor of its own to join a
        report of two parties (a place or a date), but once the group holds a report that
        shares two parties with ``event``, that report anchors it: ``Kim cancels the June 12
        summit in Singapore`` (a report naming Kim alone, dated) no longer keeps out an undated
        report that ``Trump called off the summit with Kim`` (the probe's Sun-Times and
        Washington Post mirror reports, https://chicago.suntimes.com/news/trump-cancels-june-21-north-korea-summit-in-singapore/
        and https://familycarefoundation.biz/category/kim-jong-un/page/34; Wikinews
        wn-bush-arrives-israel's one-party reports of Bush's trip beside the reports naming
        his hosts)."""
        if len(set(member.participants)) != 1 or len(set(event.participants)) < 2:
            return False
        if event.article_id == member.article_id or family(event.kind) != family(member.kind) \
                or other_in_series(event, member):
            return False
        if event.gathering_id is not None and event.gathering_id == member.gathering_id:
            return False  # one named gathering: :meth:`same` decides by its dates alone
        return (dates_compatible(event.date, member.date, DAY_TOLERANCE) and fits_publication(event, member)
                and places_compatible(event.place_id, event.place_rule, member.place_id, member.place_rule, entities)
                and self.shared_parties(event, member, 1) >= 1)

    def stands_in(self, countries: LocalEvent, people: LocalEvent, entities: dict[str, EntityNode]) -> bool:
        """Whether an article's event that names only countries (``the first U.S.-Russian
        summit``) is its event of people who stand for them (``Trump and Putin met in
        Helsinki``): at least two countries, each named by ``people`` or standing for one
        of its people (the corpus's offices and stand-ins), two parties shared, kinds that
        meet, dates and places compatible. Within an article the people's offices of other
        articles are unknown, so the article kept them apart (:func:`fold_stand_ins`)."""
        named = set(countries.participants)
        if len(named) < 2 or not all(_is_country(p, entities) for p in named):
            return False
        covered = set(people.participants) | {self.countries[p] for p in people.participants if p in self.countries}
        if not named <= covered or named <= set(people.participants):
            return False
        return (families_meet(countries, people) and dates_compatible(countries.date, people.date, DAY_TOLERANCE)
                and places_compatible(countries.place_id, countries.place_rule, people.place_id, people.place_rule,
                                      entities)
                and self.shared_parties(countries, people) >= 2)

    # Never two events of one article: grouping checks the article apart, so it is no
    # part of the signature (a group of a thousand reports is a few signatures).
    one_per_article = True

    def signature(self, event: LocalEvent) -> Hashable:
        return (event.kind, frozenset(event.participants), event.date, event.place_id, event.place_rule,
                event.gathering_id, event.published, event.status, event.ordinal)

    def partition(self, event: LocalEvent) -> Hashable:
        """Events naming one gathering: between two of them :meth:`same` reads only
        :meth:`reduced_signature` (and the articles). The family is part of it: talks
        and a gathering are compared on their parties too (:func:`families_meet`)."""
        return None if event.gathering_id is None else (event.gathering_id, family(event.kind))

    def reduced_signature(self, event: LocalEvent) -> Hashable:
        return (family(event.kind), event.date, event.place_id, event.place_rule, event.published, event.status,
                event.ordinal)


def other_in_series(a: LocalEvent, b: LocalEvent) -> bool:
    """Two reports of one family that each say where the event stands in a series and say
    different places (``the second India-China informal summit`` against ``the first
    informal meeting between PM Modi and President Xi``; ``their second summit`` in Hanoi
    against ``their first summit`` in Singapore) tell two events: round 6's rule within an
    article (``background.py``), across articles since round 12. Sources, each a probe
    report: deccanherald.com (Mamallapuram, 2019) against ndtv.com (Wuhan, 2018), whose
    undated held report of the second summit otherwise fits the first's node by its three
    shared parties; thejournal.ie and defence-point.com (Hanoi, `second summit`)."""
    return (a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal
            and family(a.kind) == family(b.kind))


def bucket(kind: EventKind) -> str:
    """The blocking family of a kind: gatherings and talks look each other up (they can
    be one event, :func:`families_meet`), visits only visits."""
    fam = family(kind)
    return "dated" if fam in DATED_FAMILIES else fam


def families_meet(a: LocalEvent, b: LocalEvent) -> bool:
    """Whether two reports' kinds can tell one event: the same family, or a gathering and
    talks that the report of talks dates to at most a week (:data:`PINNING_PRECISIONS`);
    their dates must then also overlap (checked with the rest). The gathering's report may
    be undated, as any report of a meeting may ("Putin and Erdogan met in Sochi" beside
    "Russia and Turkey held talks in Sochi on Tuesday"); undated talks are a process."""
    first, second = family(a.kind), family(b.kind)
    if first == second:
        return True
    talks = a if first == "negotiation" else b
    return {first, second} <= DATED_FAMILIES and _pinned(talks)


def fits_publication(a: LocalEvent, b: LocalEvent) -> bool:
    """Whether two reports, one of them without a date, can tell one occurrence by their
    publication: a report that the meeting took place (held) tells one that began by its
    publication, a report of a plan one that ends after it, each within
    :data:`WRONG_SIDE_WINDOW_DAYS` (a status read wrongly, the present-tense ``The
    president's first stop is Israel`` of a trip a week ahead, wn-bush-urges-allies, still
    fits); a dated report is its dates. Beyond that the undated report tells another
    occurrence of the same leaders' meetings: a plan for Mamallapuram 2019 is not the
    Wuhan summit of 2018 (probe: https://www.deccanherald.com/national/national-politics/pm-lands-in-chennai-for-india-china-informal-summit-767611.html),
    a report of February that Trump and Kim met is not a plan of June that they will meet
    at Panmunjom (probe: https://uk.news.yahoo.com/summit-between-donald-trump-kim-032000241.html,
    https://www.koreaherald.com/view.php?ud=20190630000122); Wikinews
    wn-bush-arrives-israel (Bush arrived, held) and wn-hamas-ends-truce (Abbas "is to hold
    talks" on Friday, planned) each tell the meeting on their side of publication. True
    when both are dated (their dates decide) or either side is open (cancelled, denied,
    no publication)."""
    first, second = interval(a.date), interval(b.date)
    if first is not None and second is not None:
        return True
    first, second = first or _possible(a), second or _possible(b)
    return first is None or second is None or (first[0] <= second[1] and second[0] <= first[1])


def _possible(event: LocalEvent) -> tuple[date, date] | None:
    """When an undated report's event can lie, by its status and publication."""
    if event.published is None:
        return None
    window = timedelta(days=WRONG_SIDE_WINDOW_DAYS)
    if event.status is EventStatus.HELD:
        return date.min, event.published + window
    if event.status is EventStatus.PLANNED:
        return event.published - window, date.max
    return None


def _pinned(event: LocalEvent) -> bool:
    return event.date is not None and event.date.iso is not None and event.date.precision in PINNING_PRECISIONS


def countries_of_office_holders(offices: Iterable[OfficeHolding], entities: dict[str, EntityNode]) -> dict[str, str]:
    """Person id → the country the corpus says the person holds an office for (from any
    article; a former office is never a holding, extraction drops it). A person holding
    offices for two countries stands for neither; an office of an organisation is no
    country."""
    found: dict[str, set[str]] = {}
    for office in offices:
        node = entities.get(office.holder_id)
        is_country = node.kind is EntityKind.COUNTRY if node is not None else office.holder_id.startswith("country:")
        if is_country and office.person_id != office.holder_id:
            found.setdefault(office.person_id, set()).add(office.holder_id)
    return {person: next(iter(countries)) for person, countries in found.items() if len(countries) == 1}


def _is_country(party: str, entities: dict[str, EntityNode]) -> bool:
    node = entities.get(party)
    return node.kind is EntityKind.COUNTRY if node is not None else party.startswith("country:")


def _near(a: LocalEvent, b: LocalEvent) -> bool:
    """Whether two reports of one named gathering tell the same occurrence: their dates,
    or for an undated report its publication ± :data:`NAMED_WINDOW_DAYS`, overlap."""
    first, second = _when(a), _when(b)
    if first is None or second is None:
        return True
    return first[0] <= second[1] and second[0] <= first[1]


def _when(event: LocalEvent) -> tuple[date, date] | None:
    span = interval(event.date)
    if span is not None:
        return span[0] - timedelta(days=DAY_TOLERANCE), span[1] + timedelta(days=DAY_TOLERANCE)
    if event.published is None:
        return None
    window = timedelta(days=NAMED_WINDOW_DAYS)
    return event.published - window, event.published + window


def _indexed(event: LocalEvent) -> list[str]:
    return sorted(set(event.participants))[:MAX_INDEXED_PARTICIPANTS]


class StrictPolicy:
    """The rule before issue 14: same kind, subset of participants, equal known days."""

    name = "strict"

    def keys(self, event: LocalEvent, entities: dict[str, EntityNode]) -> list[Hashable]:
        people = sorted(set(event.participants))[:MAX_INDEXED_PARTICIPANTS]
        if len(people) == 1:
            return [(event.kind, people[0])]
        return [(event.kind, a, b) for a, b in combinations(people, 2)]

    def probes(self, event: LocalEvent, entities: dict[str, EntityNode]) -> list[Hashable]:
        return self.keys(event, entities)

    def same(self, a: LocalEvent, b: LocalEvent, entities: dict[str, EntityNode]) -> bool:
        first, second = set(a.participants), set(b.participants)
        smaller, larger = (first, second) if len(first) <= len(second) else (second, first)
        return (a.kind is b.kind and bool(smaller) and smaller <= larger and len(smaller) >= min(2, len(larger))
                and _equal_known(a, b)
                and places_compatible(a.place_id, a.place_rule, b.place_id, b.place_rule, entities))

    def signature(self, event: LocalEvent) -> Hashable:
        return event.kind, frozenset(event.participants), event.date, event.place_id, event.place_rule


def _equal_known(a: LocalEvent, b: LocalEvent) -> bool:
    if a.date is None or b.date is None or a.date.iso is None or b.date.iso is None:
        return True
    shorter = min(len(a.date.iso), len(b.date.iso))
    return a.date.iso[:shorter] == b.date.iso[:shorter]


POLICIES: dict[str, SameEventPolicy] = {policy.name: policy for policy in (CompatiblePolicy(), StrictPolicy())}
DEFAULT_POLICY = "compatible"


def same_event_policy(name: str | None = None) -> SameEventPolicy:
    """The policy registered under ``name`` (the default when ``None``)."""
    return POLICIES[name or DEFAULT_POLICY]


def places_compatible(a: str | None, a_rule: PlaceRule | None, b: str | None, b_rule: PlaceRule | None,
                      entities: dict[str, EntityNode] | None = None) -> bool:
    """The same place, a city and its country, or one unknown or only a dateline; or a
    place the gazetteer does not know (a venue: ``the Oval Office``, ``Parker Center``)
    beside a place it knows (the venue may lie in that city) — two different unknown
    places stay apart."""
    if a is None or b is None or a == b or a_rule in SOFT_PLACE_RULES or b_rule in SOFT_PLACE_RULES:
        return True
    if entities is not None:
        first, second = entities.get(a), entities.get(b)
        if (_unplaced(first) or _unplaced(second)) and not (_unplaced(first) and _unplaced(second)):
            return True
        for inner, outer in ((a, b), (b, a)):
            node = entities.get(inner)
            if node is not None and node.country_id == outer:
                return True
        first, second = entities.get(a), entities.get(b)
        if first is not None and second is not None and first.country_id and first.country_id == second.country_id \
                and a.startswith("place:") and b.startswith("place:") and (_region(first) or _region(second)):
            return True  # a city and the region around it
    return False


def _unplaced(node: EntityNode | None) -> bool:
    """A place the gazetteer does not know: no country, not a city, region or territory
    of its tables (``surfaces.py`` keeps such a LOC or GPE as a ``place``/``location``)."""
    return (node is not None and node.kind is EntityKind.PLACE and not node.country_id
            and dict(node.props).get("kind") in {"place", "location"})


def _region(node: EntityNode) -> bool:
    return dict(node.props).get("kind") in {"region", "territory"}


def _anchors(event: LocalEvent, entities: dict[str, EntityNode]) -> list[Hashable]:
    """What a one-party match must also share: the country of a known (not dateline)
    place, and the months a known date covers (with the day's tolerance)."""
    found: list[Hashable] = []
    if event.place_id is not None and event.place_rule not in SOFT_PLACE_RULES:
        node = entities.get(event.place_id)
        country = event.place_id if event.place_id.startswith("country:") else (node.country_id if node else None)
        found.append(("place", country or event.place_id))
    span = interval(event.date)
    if span is not None:
        first, last = span[0] - timedelta(days=DAY_TOLERANCE), span[1] + timedelta(days=DAY_TOLERANCE)
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months <= MAX_ANCHOR_MONTHS:
            found.extend(("month", y, m) for y, m in _months(first, last))
    return found


def _place_anchors(event: LocalEvent, entities: dict[str, EntityNode]) -> set[Hashable]:
    """The place anchors of an event (its place's country, or the place): a report that
    names no party joins only a gathering in that country, not one at any place a venue
    the gazetteer does not know is compatible with."""
    return {anchor for anchor in _anchors(event, entities) if anchor[0] == "place"}


def _months(first: date, last: date) -> list[tuple[int, int]]:
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):  # bounded by MAX_ANCHOR_MONTHS
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def kind_rank(kind: EventKind) -> int:
    """Tie-break between kinds of one node: the more specific gathering first."""
    return {EventKind.CONFERENCE: 0, EventKind.MEETING: 1, EventKind.NEGOTIATION: 2, EventKind.VISIT: 3}[kind]
