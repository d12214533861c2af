"""Event coreference within and across articles, on hand-made records (no model)."""
from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import (
    ArticleMeta,
    EntityKind,
    EntityNode,
    EventDate,
    EventKind,
    EventMention,
    LocalEntity,
    LocalEvent,
    Mention,
    Resolved,
    TextSpan,
)
from graphbuild.resolution.events import (
    _PRECISION_RANK,
    _same_event,
    event_id,
    group_events,
    merge_events,
    resolve_article_events,
)

FRIDAY = date(2018, 6, 29)
KINDS = {"person": EntityKind.PERSON, "country": EntityKind.COUNTRY, "place": EntityKind.PLACE}
LABELS = {EntityKind.PERSON: "PERSON", EntityKind.COUNTRY: "GPE", EntityKind.PLACE: "GPE"}


class Article:
    """An article text with entity mentions found by surface form."""

    def __init__(self, article_id: str, text: str, published: date | None = FRIDAY, dateline: str | None = None):
        self.meta = ArticleMeta(id=article_id, path="test", sha256="", words=len(text.split()), published=published)
        self.text = text
        self.mentions: dict[str, list[Mention]] = {}
        self.dateline = dateline

    def sentence(self, pos: int) -> TextSpan:
        starts = [0] + [m.end() for m in re.finditer(r"\.\s+", self.text)]
        start = max(s for s in starts if s <= pos)
        end = self.text.find(".", pos)
        return TextSpan(start, end + 1 if end != -1 else len(self.text))

    def span(self, surface: str, nth: int = 0) -> TextSpan:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(surface, start + 1)
        return TextSpan(start, start + len(surface))

    def locals(self, entities: dict[str, str]) -> list[LocalEntity]:
        """``entities``: surface → entity id; every occurrence of the surface is a mention."""
        found = []
        for surface, entity in entities.items():
            kind = KINDS[entity.split(":")[0]]
            mentions = tuple(
                Mention(m.start(), m.end(), surface, "DATELINE" if surface == self.dateline and m.start() == 0
                        else LABELS[kind], self.sentence(m.start()))
                for m in re.finditer(rf"\b{re.escape(surface)}\b", self.text))
            found.append(LocalEntity(self.meta.id, Resolved(kind, entity, surface, "test"), mentions,
                                     ("test",) * len(mentions)))
        return found

    def event(self, kind, trigger: str, participants=(), nth: int = 0, modifiers=(), place=None, date_text=None,
              reference=None) -> EventMention:
        trigger_span = self.span(trigger, nth)
        sentence = self.sentence(trigger_span.start)
        return EventMention(
            kind=kind, trigger=trigger_span, trigger_text=trigger, sentence=sentence,
            sentence_text=self.text[sentence.start:sentence.end],
            participants=tuple(self.span(*p) if isinstance(p, tuple) else self.span(p, self._nth_in(p, sentence))
                               for p in participants),
            modifiers=tuple(self.span(m, self._nth_in(m, sentence)) for m in modifiers),
            place=self.span(place, self._nth_in(place, sentence)) if place else None,
            date=None, date_text=date_text, reference=reference, rule="test")

    def _nth_in(self, surface: str, sentence: TextSpan) -> int:
        """Index of the first occurrence of ``surface`` inside ``sentence``."""
        return sum(1 for m in re.finditer(re.escape(surface), self.text[:sentence.start]))


ENTITIES = {"Mattis": "person:jim-mattis", "Onodera": "person:itsunori-onodera", "Song": "person:song-young-moo",
            "Tokyo": "place:JPN:tokyo", "TOKYO": "place:JPN:tokyo", "Seoul": "place:KOR:seoul",
            "Japan": "country:JPN", "US": "country:USA", "Singapore": "country:SGP"}
NODES = {
    "person:jim-mattis": EntityNode("person:jim-mattis", EntityKind.PERSON, "Jim Mattis", ()),
    "person:itsunori-onodera": EntityNode("person:itsunori-onodera", EntityKind.PERSON, "Itsunori Onodera", ()),
    "person:song-young-moo": EntityNode("person:song-young-moo", EntityKind.PERSON, "Song Young-moo", ()),
    "place:JPN:tokyo": EntityNode("place:JPN:tokyo", EntityKind.PLACE, "Tokyo", (), country_id="country:JPN"),
    "country:JPN": EntityNode("country:JPN", EntityKind.COUNTRY, "Japan", ()),
}
M, C, N = EventKind.MEETING, EventKind.CONFERENCE, EventKind.NEGOTIATION


def resolve(article: Article, mentions):
    used = {k: v for k, v in ENTITIES.items() if re.search(rf"\b{re.escape(k)}\b", article.text)}
    return resolve_article_events(article.meta, mentions, article.locals(used))


# ---------------------------------------------------------------- within an article

def test_meeting_on_the_published_day_is_placed_at_the_dateline():
    a = Article("a", "TOKYO Mattis met Onodera Friday.", dateline="TOKYO")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
    assert event.participants == ("person:itsunori-onodera", "person:jim-mattis")
    assert (event.date.iso, event.date.precision, event.date.text) == ("2018-06-29", "day", "Friday")
    assert (event.place_id, event.place_rule) == ("place:JPN:tokyo", "dateline")


def test_meeting_of_an_earlier_day_gets_no_place_from_the_dateline():
    a = Article("a", "TOKYO Mattis met Song Thursday.", dateline="TOKYO")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Song"], date_text="Thursday")])
    assert event.date.iso == "2018-06-28" and event.place_id is None


def test_second_full_mention_with_the_same_people_joins_the_first():
    a = Article("a", "Mattis met Onodera Friday. After meeting Onodera, Mattis spoke.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "meeting", ["Mattis", "Onodera"])])
    assert len(events) == 1
    assert [s.start for s in events[0].sentences] == [0, 27]
    assert events[0].date.iso == "2018-06-29"


def test_meetings_on_different_days_stay_apart_in_one_article():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Onodera Thursday.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "met", ["Mattis", "Onodera"], nth=1, date_text="Thursday")])
    assert sorted(e.date.iso for e in events) == ["2018-06-28", "2018-06-29"]


def test_the_place_meeting_attaches_to_the_meeting_of_the_people_its_sentence_names():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Song Thursday. During the Tokyo meeting, Onodera smiled.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "met", ["Mattis", "Song"], nth=1, date_text="Thursday"),
                         a.event(M, "meeting", modifiers=["Tokyo"], reference="definite")])
    by_date = {e.date.iso: e for e in events}
    assert len(by_date["2018-06-29"].sentences) == 2 and by_date["2018-06-29"].place_id == "place:JPN:tokyo"
    assert by_date["2018-06-29"].place_rule == "modifier"
    assert len(by_date["2018-06-28"].sentences) == 1 and by_date["2018-06-28"].place_id is None


def test_their_meeting_attaches_to_the_latest_meeting_without_other_clues():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Song Thursday. After their meeting, they smiled.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "met", ["Mattis", "Song"], nth=1, date_text="Thursday"),
                         a.event(M, "meeting", reference="possessive")])
    by_date = {e.date.iso: len(e.sentences) for e in events}
    assert by_date == {"2018-06-29": 1, "2018-06-28": 2}


def test_the_two_discussed_attaches_to_an_event_of_two_named_in_its_sentence():
    a = Article("a", "Mattis met Onodera Friday. Onodera spoke at a conference in Singapore. "
                     "The US held talks with Japan. Mattis said the two discussed trade.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(C, "conference", ["Onodera"], place="Singapore"),
                         a.event(N, "talks", ["US", "Japan"]),
                         a.event(None, "discussed", reference="the-two")])
    counts = {e.kind: len(e.sentences) for e in events}
    assert counts == {M: 2, C: 1, N: 1}


def test_reference_with_nothing_before_it_is_dropped():
    a = Article("a", "After their meeting, Onodera smiled.")
    assert resolve(a, [a.event(M, "meeting", reference="possessive")]) == []


def test_too_few_participants_and_no_reference_is_not_an_event():
    a = Article("a", "Mattis met reporters.")
    assert resolve(a, [a.event(M, "met", ["Mattis"])]) == []


def test_two_country_modifiers_take_part_one_country_modifier_is_the_place():
    a = Article("a", "The US-Japan talks ended. The Singapore summit opened with Onodera.")
    events = resolve(a, [a.event(N, "talks", modifiers=["US", "Japan"], reference="definite"),
                         a.event(C, "summit", ["Onodera"], modifiers=["Singapore"])])
    by_kind = {e.kind: e for e in events}
    assert by_kind[N].participants == ("country:JPN", "country:USA")
    assert by_kind[C].participants == ("person:itsunori-onodera",) and by_kind[C].place_id == "country:SGP"


def test_participant_evidence_points_at_the_mentions():
    a = Article("a", "Mattis met Onodera Friday.")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
    assert event.evidence == (("person:itsunori-onodera", TextSpan(11, 18)), ("person:jim-mattis", TextSpan(0, 6)))


# ---------------------------------------------------------------- across articles

def _seed_like():
    a = Article("a", "TOKYO Mattis met Onodera Friday. Mattis met Song Thursday.", dateline="TOKYO")
    b = Article("b", "After meeting Onodera, Mattis spoke. Mattis met Song Thursday.")
    return (resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                        a.event(M, "met", ["Mattis", "Song"], nth=1, date_text="Thursday")]),
            resolve(b, [b.event(M, "meeting", ["Mattis", "Onodera"]),
                        b.event(M, "met", ["Mattis", "Song"], date_text="Thursday")]))


def test_two_outlets_land_on_one_node_each_whatever_the_input_order():
    first, second = _seed_like()
    nodes = merge_events(first + second, NODES)
    assert len(nodes) == 2
    assert [n.id for n in nodes] == [n.id for n in merge_events(second + first, NODES)]
    by_date = {n.date.iso: n for n in nodes}
    friday = by_date["2018-06-29"]
    assert sorted({r.article_id for r in friday.reports}) == ["a", "b"]
    assert friday.place_id == "place:JPN:tokyo"
    assert friday.id == event_id(M, friday.participants, "2018-06-29", "place:JPN:tokyo")
    assert sorted({r.article_id for r in by_date["2018-06-28"].reports}) == ["a", "b"]


def test_friday_and_thursday_meetings_of_the_same_people_are_never_one_node():
    a = Article("a", "Mattis met Onodera Friday.")
    b = Article("b", "Mattis met Onodera Thursday.")
    c = Article("c", "Mattis met Onodera.")
    nodes = merge_events(resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
                         + resolve(b, [b.event(M, "met", ["Mattis", "Onodera"], date_text="Thursday")])
                         + resolve(c, [c.event(M, "met", ["Mattis", "Onodera"])]), NODES)
    assert sorted(n.date.iso for n in nodes) == ["2018-06-28", "2018-06-29"]
    assert sum(len(n.reports) for n in nodes) == 3  # the undated one joined exactly one


def test_different_explicit_places_are_two_events_a_city_fits_its_country():
    a = Article("a", "Mattis met Onodera in Tokyo.")
    b = Article("b", "Mattis met Onodera in Seoul.")
    c = Article("c", "Mattis met Onodera in Japan.")
    ea = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], place="Tokyo")])
    eb = resolve(b, [b.event(M, "met", ["Mattis", "Onodera"], place="Seoul")])
    ec = resolve(c, [c.event(M, "met", ["Mattis", "Onodera"], place="Japan")])
    assert len(merge_events(ea + eb, NODES)) == 2
    [node] = merge_events(ea + ec, NODES)
    assert node.place_id == "place:JPN:tokyo" and node.disputed == ("place",)


def test_disagreeing_precision_is_kept_per_source_and_marked():
    a = Article("a", "Mattis met Onodera Friday.")
    b = Article("b", "Mattis met Onodera earlier this month.")
    [node] = merge_events(resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
                          + resolve(b, [b.event(M, "met", ["Mattis", "Onodera"], date_text="earlier this month")]),
                          NODES)
    assert node.date.iso == "2018-06-29" and node.disputed == ("date",)
    assert {r.article_id: r.date.iso for r in node.reports} == {"a": "2018-06-29", "b": "2018-06"}


def test_no_published_date_keeps_the_text_only():
    a = Article("a", "Mattis met Onodera Friday.", published=None)
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
    assert (event.date.text, event.date.iso, event.date.precision) == ("Friday", None, None)


def test_an_outlet_may_name_fewer_participants_never_others():
    a = Article("a", "Mattis met Onodera and Song.")
    b = Article("b", "Mattis met Onodera.")
    c = Article("c", "Mattis met Onodera and Japan.")
    ea = resolve(a, [a.event(M, "met", ["Mattis", "Onodera", "Song"])])
    eb = resolve(b, [b.event(M, "met", ["Mattis", "Onodera"])])
    ec = resolve(c, [c.event(M, "met", ["Mattis", "Onodera", "Japan"])])
    assert len(merge_events(ea + eb, NODES)) == 1
    assert len(merge_events(ea + ec, NODES)) == 2


def test_a_visit_to_a_place_the_gazetteer_does_not_know_is_dropped():
    from dataclasses import replace

    a = Article("a", "Chohan visited Singh. Merkel visited Tokyo.")
    entities = {"Chohan": "person:chohan", "Singh": "place:singh", "Merkel": "person:merkel", "Tokyo": "place:JPN:tokyo"}
    locals_ = [replace(le, resolved=replace(le.resolved, rule="place:unresolved")) if le.resolved.id == "place:singh"
               else le for le in a.locals(entities)]
    visit = EventKind.VISIT
    events = resolve_article_events(a.meta, [a.event(visit, "visited", ["Chohan"], place="Singh"),
                                             a.event(visit, "visited", ["Merkel"], nth=1, place="Tokyo")], locals_)
    assert [(e.participants, e.place_id) for e in events] == [(("person:merkel",), "place:JPN:tokyo")]


# ------------------------------------------------ the indexed grouping equals a full scan

PEOPLE = ["person:a", "person:b", "person:c", "person:d", "country:JPN"]
DATES = [None, EventDate("Friday", "2018-06-29", "day"), EventDate("Thursday", "2018-06-28", "day"),
         EventDate("June", "2018-06", "month"), EventDate("soon")]
PLACES = [(None, None), ("place:JPN:tokyo", "explicit"), ("country:JPN", "explicit"), ("place:KOR:seoul", "explicit"),
          ("place:KOR:seoul", "dateline")]


def _scan_groups(local_events, entities):
    """The definition: compare each event with every group so far."""
    ordered = sorted(local_events, key=lambda e: (
        e.kind.value, -_PRECISION_RANK[e.date.precision if e.date and e.date.iso else None],
        e.article_id, e.sentences[0].start))
    groups: list[list[LocalEvent]] = []
    for event in ordered:
        best = None
        for index, group in enumerate(groups):
            if all(_same_event(event, other, entities) for other in group):
                shared = len(set(event.participants) & {p for g in group for p in g.participants})
                if best is None or shared > best[0]:
                    best = (shared, index)
        if best is None:
            groups.append([event])
        else:
            groups[best[1]].append(event)
    return groups


local_event = st.builds(
    lambda article, kind, people, when, place, start: LocalEvent(
        f"art{article}", kind, tuple(sorted(people)), when, place[0], place[1], (TextSpan(start, start + 5),),
        ("…",), (), ("test",)),
    st.integers(0, 6), st.sampled_from([EventKind.MEETING, EventKind.CONFERENCE]),
    st.sets(st.sampled_from(PEOPLE), min_size=1, max_size=4), st.sampled_from(DATES), st.sampled_from(PLACES),
    st.integers(0, 1000))


@settings(max_examples=300, deadline=None)
@given(st.lists(local_event, max_size=25))
def test_indexed_grouping_gives_exactly_the_groups_of_a_full_scan(local_events):
    entities = {**NODES, "place:KOR:seoul": EntityNode("place:KOR:seoul", EntityKind.PLACE, "Seoul", (),
                                                       country_id="country:KOR")}
    assert group_events(local_events, entities) == _scan_groups(local_events, entities)
