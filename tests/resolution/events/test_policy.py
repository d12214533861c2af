"""The same-event policies: the indexed grouping equals a full scan (hypothesis), and
the registry swaps one policy for another."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import (
    EntityKind,
    EntityNode,
    EventDate,
    EventKind,
    EventStatus,
    LocalEvent,
    OfficeHolding,
    TextSpan,
)
from graphbuild.resolution.events import POLICIES, bind_policy, group_events, merge_events, same_event_policy
from graphbuild.rules import OfficeRule
from graphbuild.resolution.dates import interval
from graphbuild.resolution.events.across_articles import fits_group, order_key, time_distance, widen
from tests.resolution.events.articles import NODES

PEOPLE = ["person:a", "person:b", "person:c", "person:d", "country:JPN", "country:KOR"]
DATES = [None, EventDate("Friday", "2018-06-29", "day"), EventDate("Thursday", "2018-06-28", "day"),
         EventDate("Tuesday", "2018-06-26", "day"), EventDate("June", "2018-06", "month"),
         EventDate("this week", "2018-06-25", "week", "2018-06-25", "2018-07-01"), EventDate("soon"),
         EventDate("2017", "2017", "year")]
PLACES = [(None, None), ("place:JPN:tokyo", "explicit"), ("country:JPN", "explicit"), ("place:KOR:seoul", "explicit"),
          ("place:KOR:seoul", "dateline"), ("place:oval-office", "explicit"), ("place:parker-center", "explicit")]
ENTITIES = {**NODES, "place:KOR:seoul": EntityNode("place:KOR:seoul", EntityKind.PLACE, "Seoul", (),
                                                   country_id="country:KOR"),
            "country:KOR": EntityNode("country:KOR", EntityKind.COUNTRY, "South Korea", ()),
            # Places the gazetteer does not know (venues): no country.
            "place:oval-office": EntityNode("place:oval-office", EntityKind.PLACE, "Oval Office", (), (("kind", "place"),)),
            "place:parker-center": EntityNode("place:parker-center", EntityKind.PLACE, "Parker Center", (),
                                              (("kind", "location"),))}


def _office(person, holder, title="President", article="art-offices"):
    return OfficeHolding(article, person, title, holder, TextSpan(0, 5), OfficeRule.PRE_MODIFIER)


# person:a and person:c hold offices for Japan, person:b for South Korea; person:d for both (so for neither).
OFFICES = [_office("person:a", "country:JPN"), _office("person:c", "country:JPN", "Foreign Minister"),
           _office("person:b", "country:KOR"), _office("person:d", "country:JPN"), _office("person:d", "country:KOR")]


def _scan_groups(local_events, entities, policy):
    """The definition: compare each event with every group so far."""
    groups: list[list[LocalEvent]] = []
    for event in sorted(local_events, key=order_key):
        best = None
        for index, group in enumerate(groups):
            if fits_group(policy, event, group, entities):
                tokens = getattr(policy, "party_tokens", lambda e: set(e.participants))
                shared = len(tokens(event) & {p for g in group for p in tokens(g)})
                span = published = None
                for member in group:
                    span = widen(span, interval(member.date))
                    if member.published is not None:
                        published = widen(published, (member.published, member.published))
                score = (shared, -time_distance(event, span, published))
                if best is None or score > best[0]:
                    best = (score, index)
        if best is None:
            groups.append([event])
        else:
            groups[best[1]].append(event)
    return groups


GATHERINGS = [None, None, "org:united-nations-general-assembly", "org:annapolis-conference"]
PUBLISHED = [None, date(2018, 6, 29), date(2018, 9, 30), date(2017, 6, 1)]

local_event = st.builds(
    lambda article, kind, people, when, place, start, gathering, published, status: LocalEvent(
        f"art{article}", kind, tuple(sorted(people)), when, place[0], place[1], (TextSpan(start, start + 5),),
        ("…",), (), ("test",), status=status, published=published, gathering_id=gathering),
    st.integers(0, 6), st.sampled_from([EventKind.MEETING, EventKind.CONFERENCE, EventKind.NEGOTIATION, EventKind.VISIT]),
    st.sets(st.sampled_from(PEOPLE), min_size=0, max_size=4), st.sampled_from(DATES), st.sampled_from(PLACES),
    st.integers(0, 1000), st.sampled_from(GATHERINGS), st.sampled_from(PUBLISHED),
    st.sampled_from([EventStatus.HELD, EventStatus.PLANNED]))


@pytest.mark.parametrize("name", sorted(POLICIES))
@settings(max_examples=300, deadline=None)
@given(local_events=st.lists(local_event, max_size=25))
def test_indexed_grouping_gives_exactly_the_groups_of_a_full_scan(name, local_events):
    policy = same_event_policy(name)
    assert group_events(local_events, ENTITIES, policy) == _scan_groups(local_events, ENTITIES, policy)


@settings(max_examples=300, deadline=None)
@given(local_events=st.lists(local_event, max_size=25))
def test_indexed_grouping_with_office_holders_gives_exactly_the_groups_of_a_full_scan(local_events):
    policy = bind_policy(None, OFFICES, ENTITIES)
    assert group_events(local_events, ENTITIES, policy) == _scan_groups(local_events, ENTITIES, policy)


def test_the_default_policy_is_compatible_and_any_registered_one_can_be_named():
    assert same_event_policy().name == "compatible"
    assert same_event_policy("strict").name == "strict"
    with pytest.raises(KeyError):
        same_event_policy("no such policy")


def _named(article, people, gathering="org:united-nations-general-assembly", when=None, published=None):
    return LocalEvent(article, EventKind.CONFERENCE, tuple(sorted(people)), when, None, None, (TextSpan(0, 5),),
                      ("…",), (), ("test",), published=published, gathering_id=gathering)


def test_reports_naming_one_gathering_are_one_event_whoever_they_say_took_part():
    # wn-rouhani-persian-gulf (Rouhani, "at the United Nations General Assembly later this week") and
    # wn-ukraine-subpoena-pompeo (Zelensky, "to attend the United Nations General Assembly"): no party shared.
    policy = same_event_policy()
    rouhani = _named("wn-rouhani", ["person:a"], when=EventDate("later this week", "2019-09-23", "week",
                                                                "2019-09-23", "2019-09-29"),
                     published=date(2019, 9, 23))
    zelensky = _named("wn-ukraine", ["person:b"], published=date(2019, 9, 30))
    assert policy.same(rouhani, zelensky, ENTITIES)
    assert len(group_events([rouhani, zelensky], ENTITIES, policy)) == 1


def test_a_recurring_gathering_of_another_year_is_another_event():
    # wn-chavez-un-address (the General Assembly of 2006) is not the General Assembly of 2019.
    policy = same_event_policy()
    old = _named("wn-chavez", ["person:c"], published=date(2006, 9, 21))
    new = _named("wn-ukraine", ["person:b"], published=date(2019, 9, 30))
    dated = _named("wn-rouhani", ["person:a"], when=EventDate("2019", "2019", "year"), published=None)
    assert not policy.same(old, new, ENTITIES)
    assert not policy.same(old, dated, ENTITIES)


def test_two_different_gatherings_are_not_merged_by_their_names():
    policy = same_event_policy()
    one = _named("a1", ["person:a"], published=date(2019, 9, 30))
    other = _named("a2", ["person:b"], gathering="org:annapolis-conference", published=date(2019, 9, 30))
    assert not policy.same(one, other, ENTITIES)


def _meeting(article, people, place=(None, None), when=EventDate("Friday", "2018-06-29", "day"),
             kind=EventKind.MEETING):
    return LocalEvent(article, kind, tuple(sorted(people)), when, place[0], place[1],
                      (TextSpan(0, 5),), ("…",), (), ("test",), published=date(2018, 6, 29))


def test_leaders_and_the_countries_they_hold_offices_for_are_the_same_parties():
    # "A and B met in Tokyo" vs "Japan and South Korea held talks in Tokyo".
    policy = bind_policy(None, OFFICES, ENTITIES)
    leaders = _meeting("outlet1", ["person:a", "person:b"], ("place:JPN:tokyo", "explicit"))
    countries = _meeting("outlet2", ["country:JPN", "country:KOR"], ("place:JPN:tokyo", "explicit"))
    mixed = _meeting("outlet3", ["person:a", "country:KOR"])
    assert policy.same(leaders, countries, ENTITIES) and policy.same(leaders, mixed, ENTITIES)
    assert policy.same(countries, mixed, ENTITIES)
    assert not same_event_policy().same(leaders, countries, ENTITIES)  # without the offices: no party shared


def test_without_the_offices_given_grouping_keeps_the_reports_apart_and_with_them_joins_them():
    leaders = _meeting("outlet1", ["person:a", "person:b"])
    countries = _meeting("outlet2", ["country:JPN", "country:KOR"])
    assert len(group_events([leaders, countries], ENTITIES)) == 2
    assert len(group_events([leaders, countries], ENTITIES, offices=OFFICES)) == 1


def test_the_node_names_the_people_and_each_report_keeps_what_it_said():
    leaders = _meeting("outlet1", ["person:a", "person:b"])
    countries = _meeting("outlet2", ["country:JPN", "country:KOR"])
    (node,) = merge_events([leaders, countries], ENTITIES, offices=OFFICES)
    assert node.participants == ("person:a", "person:b")
    assert sorted(r.participants for r in node.reports) == [("country:JPN", "country:KOR"),
                                                            ("person:a", "person:b")]


def test_a_person_holding_offices_for_two_countries_stands_for_neither():
    policy = bind_policy(None, OFFICES, ENTITIES)
    assert "person:d" not in policy.countries
    assert not policy.same(_meeting("o1", ["person:d", "person:b"]), _meeting("o2", ["country:JPN", "country:KOR"]),
                           ENTITIES)


def test_an_office_of_an_organisation_makes_no_country():
    offices = [_office("person:a", "org:united-nations", "Secretary-General")]
    assert bind_policy(None, offices, {**ENTITIES, "org:united-nations": EntityNode(
        "org:united-nations", EntityKind.ORGANIZATION, "United Nations", ())}).countries == {}


def test_two_people_of_one_country_are_not_one_party():
    # The president's meeting and the foreign minister's meeting with the same counterpart
    # share one party (the counterpart), not two.
    policy = bind_policy(None, OFFICES, ENTITIES)
    assert not policy.same(_meeting("o1", ["person:a", "person:b"]), _meeting("o2", ["person:c", "person:b"]),
                           ENTITIES)
    assert policy.shared_parties(_meeting("o1", ["person:a", "person:c"]), _meeting("o2", ["country:JPN"])) == 1


def test_a_country_pair_meeting_at_two_places_on_one_day_stays_two_events():
    # Place compatibility stays: the leaders in Tokyo and the country pair reported in Seoul.
    leaders = _meeting("outlet1", ["person:a", "person:b"], ("place:JPN:tokyo", "explicit"))
    ministers = _meeting("outlet2", ["person:c", "person:b"], ("place:KOR:seoul", "explicit"))
    countries = _meeting("outlet3", ["country:JPN", "country:KOR"], ("place:KOR:seoul", "explicit"))
    groups = group_events([leaders, ministers, countries], ENTITIES, offices=OFFICES)
    assert sorted(sorted(e.article_id for e in g) for g in groups) == [["outlet1"], ["outlet2", "outlet3"]]


def test_a_report_naming_a_person_beside_their_country_keeps_both_on_the_node():
    # One article names the president and the country as parties: both stay, as annotated.
    both = _meeting("outlet1", ["person:a", "country:JPN", "country:KOR"])
    (node,) = merge_events([both], ENTITIES, offices=OFFICES)
    assert node.participants == ("country:JPN", "country:KOR", "person:a")


def test_dated_talks_and_a_dated_meeting_of_the_same_parties_are_one_event():
    # "Putin and Erdogan met in Sochi on Tuesday" / "Russia and Turkey held talks in Sochi
    # on Tuesday": one outlet's talks (a Negotiation) are another's meeting.
    policy = bind_policy(None, OFFICES, ENTITIES)
    leaders = _meeting("outlet1", ["person:a", "person:b"], ("place:JPN:tokyo", "explicit"))
    talks = _meeting("outlet2", ["country:JPN", "country:KOR"], ("place:JPN:tokyo", "explicit"),
                     when=EventDate("Thursday", "2018-06-28", "day"), kind=EventKind.NEGOTIATION)
    assert policy.same(leaders, talks, ENTITIES) and policy.same(talks, leaders, ENTITIES)
    (node,) = merge_events([leaders, talks], ENTITIES, offices=OFFICES)
    assert node.kind is EventKind.MEETING  # a tie of kinds: the gathering
    week = EventDate("this week", "2018-06-25", "week", "2018-06-25", "2018-07-01")
    assert policy.same(leaders, _meeting("outlet3", ["person:a", "person:b"], when=week, kind=EventKind.NEGOTIATION),
                       ENTITIES)


def test_undated_or_vaguely_dated_talks_stay_apart_from_a_meeting_of_the_same_parties():
    # An undated report of talks is a process (the Abbas-Olmert negotiations), not the
    # meeting of one day; a month does not pin a day down either.
    meeting = _meeting("outlet1", ["person:a", "person:b"])
    for when in (None, EventDate("June", "2018-06", "month")):
        talks = _meeting("outlet2", ["person:a", "person:b"], when=when, kind=EventKind.NEGOTIATION)
        assert not same_event_policy().same(meeting, talks, ENTITIES)
        assert len(group_events([meeting, talks], ENTITIES)) == 2


def test_dated_talks_and_a_meeting_need_two_shared_parties_and_overlapping_dates():
    meeting = _meeting("outlet1", ["person:a", "person:b"])
    one_party = _meeting("outlet2", ["person:a"], kind=EventKind.NEGOTIATION)
    other_pair = _meeting("outlet3", ["person:a", "person:c"], kind=EventKind.NEGOTIATION)
    days_apart = _meeting("outlet4", ["person:a", "person:b"], when=EventDate("Tuesday", "2018-06-26", "day"),
                          kind=EventKind.NEGOTIATION)
    for talks in (one_party, other_pair, days_apart):
        assert not same_event_policy().same(meeting, talks, ENTITIES)


def test_a_visit_never_joins_a_meeting_or_talks_of_the_same_day():
    meeting = _meeting("outlet1", ["person:a", "country:KOR"])
    visit = _meeting("outlet2", ["person:a", "country:KOR"], kind=EventKind.VISIT)
    assert not same_event_policy().same(meeting, visit, ENTITIES)


def _report(article, when, published, status=EventStatus.HELD):
    return LocalEvent(article, EventKind.MEETING, ("person:a", "person:b"), when, None, None, (TextSpan(0, 5),),
                      ("…",), (), ("test",), status=status, published=published)


def test_an_undated_report_joins_the_meeting_nearest_its_publication_on_the_side_its_status_says():
    # The same two leaders met on two Fridays a week apart (two dated reports); undated
    # reports choose by publication and status, whatever the input order.
    first = _report("o1", EventDate("Friday", "2018-06-22", "day"), date(2018, 6, 22))
    second = _report("o2", EventDate("Friday", "2018-06-29", "day"), date(2018, 6, 29))
    held_after_second = _report("o3", None, date(2018, 6, 30))
    planned_after_first = _report("o4", None, date(2018, 6, 25), EventStatus.PLANNED)
    held_after_first = _report("o5", None, date(2018, 6, 24))
    for events in ([first, second, held_after_second, planned_after_first, held_after_first],
                   [held_after_first, planned_after_first, held_after_second, second, first]):
        groups = group_events(events, ENTITIES)
        assert sorted(sorted(e.article_id for e in g) for g in groups) == [["o1", "o5"], ["o2", "o3", "o4"]]


def test_a_venue_the_gazetteer_does_not_know_fits_a_known_place_but_not_another_venue():
    # "met in the Oval Office" / "met in Tokyo": the venue may lie in the city; two
    # different venues are two places.
    venue = _meeting("o1", ["person:a", "person:b"], ("place:oval-office", "explicit"))
    city = _meeting("o2", ["person:a", "person:b"], ("place:JPN:tokyo", "explicit"))
    other_venue = _meeting("o3", ["person:a", "person:b"], ("place:parker-center", "explicit"))
    assert same_event_policy().same(venue, city, ENTITIES)
    assert not same_event_policy().same(venue, other_venue, ENTITIES)
    assert not same_event_policy().same(city, _meeting("o4", ["person:a", "person:b"], ("place:KOR:seoul", "explicit")),
                                        ENTITIES)


def test_dated_talks_join_a_meeting_that_one_outlet_dates_and_another_does_not():
    # Outlet 1 dates the meeting, outlet 2 does not ("met in Tokyo"), outlet 3 reports the
    # countries' talks on that day: one node of three reports.
    policy = bind_policy(None, OFFICES, ENTITIES)
    dated = _meeting("outlet1", ["person:a", "person:b"])
    undated = _meeting("outlet2", ["person:a", "person:b"], when=None)
    talks = _meeting("outlet3", ["country:JPN", "country:KOR"], kind=EventKind.NEGOTIATION)
    assert policy.same(undated, talks, ENTITIES)
    assert len(group_events([dated, undated, talks], ENTITIES, policy)) == 1
