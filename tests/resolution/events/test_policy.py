"""The same-event policies: the indexed grouping equals a full scan (hypothesis), and
the registry swaps one policy for another."""
from __future__ import annotations

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


local_event = st.builds(
    lambda article, kind, people, when, place, start: LocalEvent(
        f"art{article}", kind, tuple(sorted(people)), when, place[0], place[1], (TextSpan(start, start + 5),),
        ("…",), (), ("test",)),
    st.integers(0, 6), st.sampled_from([EventKind.MEETING, EventKind.CONFERENCE, EventKind.VISIT]),
    st.sets(st.sampled_from(PEOPLE), min_size=0, max_size=4), st.sampled_from(DATES), st.sampled_from(PLACES),
    st.integers(0, 1000))


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
