"""The same-event policies: the indexed grouping equals a full scan (hypothesis), and
the registry swaps one policy for another."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import EntityKind, EntityNode, EventDate, EventKind, LocalEvent, TextSpan
from graphbuild.resolution.events import POLICIES, group_events, same_event_policy
from graphbuild.resolution.events.across_articles import order_key
from tests.resolution.events.articles import NODES

PEOPLE = ["person:a", "person:b", "person:c", "person:d", "country:JPN"]
DATES = [None, EventDate("Friday", "2018-06-29", "day"), EventDate("Thursday", "2018-06-28", "day"),
         EventDate("Tuesday", "2018-06-26", "day"), EventDate("June", "2018-06", "month"),
         EventDate("this week", "2018-06-25", "week", "2018-06-25", "2018-07-01"), EventDate("soon"),
         EventDate("2017", "2017", "year")]
PLACES = [(None, None), ("place:JPN:tokyo", "explicit"), ("country:JPN", "explicit"), ("place:KOR:seoul", "explicit"),
          ("place:KOR:seoul", "dateline")]
ENTITIES = {**NODES, "place:KOR:seoul": EntityNode("place:KOR:seoul", EntityKind.PLACE, "Seoul", (),
                                                   country_id="country:KOR")}


def _scan_groups(local_events, entities, policy):
    """The definition: compare each event with every group so far."""
    groups: list[list[LocalEvent]] = []
    for event in sorted(local_events, key=order_key):
        best = None
        for index, group in enumerate(groups):
            if all(policy.same(event, other, entities) for other in group):
                shared = len(set(event.participants) & {p for g in group for p in g.participants})
                if best is None or shared > best[0]:
                    best = (shared, index)
        if best is None:
            groups.append([event])
        else:
            groups[best[1]].append(event)
    return groups


GATHERINGS = [None, None, "org:united-nations-general-assembly", "org:annapolis-conference"]
PUBLISHED = [None, date(2018, 6, 29), date(2018, 9, 30), date(2017, 6, 1)]

local_event = st.builds(
    lambda article, kind, people, when, place, start, gathering, published: LocalEvent(
        f"art{article}", kind, tuple(sorted(people)), when, place[0], place[1], (TextSpan(start, start + 5),),
        ("…",), (), ("test",), published=published, gathering_id=gathering),
    st.integers(0, 6), st.sampled_from([EventKind.MEETING, EventKind.CONFERENCE, EventKind.VISIT]),
    st.sets(st.sampled_from(PEOPLE), min_size=0, max_size=4), st.sampled_from(DATES), st.sampled_from(PLACES),
    st.integers(0, 1000), st.sampled_from(GATHERINGS), st.sampled_from(PUBLISHED))


@pytest.mark.parametrize("name", sorted(POLICIES))
@settings(max_examples=300, deadline=None)
@given(local_events=st.lists(local_event, max_size=25))
def test_indexed_grouping_gives_exactly_the_groups_of_a_full_scan(name, local_events):
    policy = same_event_policy(name)
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
