"""Issue 14 round 6: reports of one meeting that name it differently still join — an
article's countries-only event folded into its leaders' event (stand-ins), and what an
undated or party-less report may join. Hand-made records, no model."""
from __future__ import annotations

from datetime import date

from graphbuild.model import EventDate, EventKind, EventStatus, LocalEvent, OfficeHolding, TextSpan
from graphbuild.resolution.events import bind_policy, group_events, merge_events
from graphbuild.resolution.events.across_articles import fold_stand_ins
from graphbuild.rules import OfficeRule
from graphbuild.rules import EventRule, PlaceRule
from tests.resolution.events.test_policy import ENTITIES, OFFICES, _office

FRIDAY = EventDate("Friday", "2018-06-29", "day")


def _event(article, people, when=FRIDAY, kind=EventKind.MEETING, place=(None, None), start=0,
           status=EventStatus.HELD, published=date(2018, 6, 29)):
    return LocalEvent(article, kind, tuple(sorted(people)), when, place[0], place[1], (TextSpan(start, start + 5),),
                      (f"sentence {start}",), tuple((p, TextSpan(start, start + 1)) for p in sorted(people)),
                      ("test",), status=status, published=published)


def test_an_articles_countries_only_summit_folds_into_its_leaders_meeting():
    # "A and B met in Tokyo on Friday. … the first Japan-Korea summit in years."
    leaders = _event("o1", ["person:a", "person:b"], place=("place:JPN:tokyo", PlaceRule.EXPLICIT))
    summit = _event("o1", ["country:JPN", "country:KOR"], when=None, kind=EventKind.CONFERENCE, start=40)
    [folded] = fold_stand_ins([leaders, summit], bind_policy(None, OFFICES, ENTITIES), ENTITIES)
    assert folded.kind is EventKind.CONFERENCE  # the more specific gathering
    assert folded.participants == ("country:JPN", "country:KOR", "person:a", "person:b")
    assert folded.sentences == (TextSpan(0, 5), TextSpan(40, 45)) and folded.date == FRIDAY
    assert folded.place_id == "place:JPN:tokyo" and EventRule.FOLD_STAND_IN in folded.rules
    # The node names the leaders; the report keeps everything the article said.
    [node] = merge_events([leaders, summit, _event("o2", ["person:a", "person:b"])], ENTITIES, offices=OFFICES)
    assert node.participants == ("person:a", "person:b")
    assert sorted(r.article_id for r in node.reports) == ["o1", "o2"]


def test_nothing_folds_without_the_corpus_stand_ins_or_with_two_candidates():
    leaders = _event("o1", ["person:a", "person:b"])
    summit = _event("o1", ["country:JPN", "country:KOR"], when=None, start=40)
    assert len(fold_stand_ins([leaders, summit], bind_policy(None, (), ENTITIES), ENTITIES)) == 2
    other = _event("o1", ["person:a", "person:b"], when=EventDate("Thursday", "2018-06-28", "day"), start=80)
    # Friday's and Thursday's meetings: which one the summit is, the article does not say.
    assert len(fold_stand_ins([leaders, other, summit], bind_policy(None, OFFICES, ENTITIES), ENTITIES)) == 3
    # Another article's events never fold (that is the merge's job).
    assert len(fold_stand_ins([leaders, _event("o2", ["country:JPN", "country:KOR"])],
                              bind_policy(None, OFFICES, ENTITIES), ENTITIES)) == 2


def test_a_summit_dated_elsewhere_or_at_another_place_does_not_fold():
    policy = bind_policy(None, OFFICES, ENTITIES)
    leaders = _event("o1", ["person:a", "person:b"], place=("place:JPN:tokyo", PlaceRule.EXPLICIT))
    earlier = _event("o1", ["country:JPN", "country:KOR"], when=EventDate("2017", "2017", "year"), start=40)
    seoul = _event("o1", ["country:JPN", "country:KOR"], when=None, place=("place:KOR:seoul", PlaceRule.EXPLICIT), start=40)
    assert len(fold_stand_ins([leaders, earlier], policy, ENTITIES)) == 2
    assert len(fold_stand_ins([leaders, seoul], policy, ENTITIES)) == 2


def test_a_leader_named_by_a_stand_in_role_counts_like_an_office_holder():
    # "North Korean leader Kim Jong-un" is no office, but the merge reads it (OfficeRule.STAND_IN).
    stand_in = OfficeHolding("art", "person:b", "Leader", "country:KOR", TextSpan(0, 5), OfficeRule.STAND_IN)
    leaders = _event("o1", ["person:a", "person:b"])
    countries = _event("o2", ["country:JPN", "country:KOR"])
    offices = [_office("person:a", "country:JPN"), stand_in]
    assert len(group_events([leaders, countries], ENTITIES, offices=offices)) == 1
    assert len(group_events([leaders, countries], ENTITIES, offices=offices[:1])) == 2


def test_an_undated_plan_never_joins_a_meeting_long_before_its_publication():
    # A plan for this autumn's summit is not last year's summit of the same leaders.
    last_year = _event("o1", ["person:a", "person:b"], when=EventDate("April 27", "2017-04-27", "day"),
                       published=date(2017, 4, 28))
    plan = _event("o2", ["person:a", "person:b"], when=None, status=EventStatus.PLANNED,
                  published=date(2018, 10, 9))
    assert len(group_events([last_year, plan], ENTITIES)) == 2
    # Within the window a status read wrongly still joins (a trip "is" next week).
    soon = _event("o3", ["person:a", "person:b"], when=None, published=date(2018, 6, 22))
    assert len(group_events([_event("o1", ["person:a", "person:b"]), soon], ENTITIES)) == 1


def test_an_undated_report_that_they_met_never_joins_a_meeting_months_after_it():
    later = _event("o1", ["person:a", "person:b"], when=EventDate("June 30", "2018-06-30", "day"))
    held = _event("o2", ["person:a", "person:b"], when=None, published=date(2018, 2, 28))
    assert len(group_events([later, held], ENTITIES)) == 2
    # Two undated reports: one that they met in February, one that they will meet in June.
    plan = _event("o3", ["person:a", "person:b"], when=None, status=EventStatus.PLANNED,
                  published=date(2018, 6, 28))
    assert len(group_events([held, plan], ENTITIES)) == 2
    cancelled = _event("o4", ["person:a", "person:b"], when=None, status=EventStatus.CANCELLED,
                       published=date(2018, 6, 28))
    assert len(group_events([later, cancelled], ENTITIES)) == 1  # a cancellation says no side


def test_a_report_naming_no_party_joins_by_place_only_at_a_time_its_publication_allows():
    # "The two Korean leaders met at Panmunjom on Saturday" (held, dated, no party) is not
    # a plan published a year later for a meeting at Panmunjom.
    plan = _event("o1", ["person:a", "person:b"], when=None, kind=EventKind.CONFERENCE,
                  place=("place:JPN:tokyo", PlaceRule.EXPLICIT), status=EventStatus.PLANNED, published=date(2019, 6, 30))
    met = _event("o2", [], kind=EventKind.CONFERENCE, place=("place:JPN:tokyo", PlaceRule.EXPLICIT))
    assert len(group_events([plan, met], ENTITIES)) == 2
    # An undated report of the meeting, published the day it took place, joins it.
    held = _event("o1", ["person:a", "person:b"], kind=EventKind.CONFERENCE, place=("place:JPN:tokyo", PlaceRule.EXPLICIT))
    undated = _event("o3", [], when=None, kind=EventKind.CONFERENCE, place=("country:JPN", PlaceRule.EXPLICIT))
    assert len(group_events([held, undated], ENTITIES)) == 1


def test_a_one_party_report_in_a_group_does_not_keep_out_a_report_the_group_anchors():
    # "Kim cancels the June 12 summit in Singapore" (one party, dated), "A and B will meet in
    # Singapore on June 12" (dated), and an undated report that A called off the summit with B.
    one_party = _event("o1", ["person:b"], kind=EventKind.CONFERENCE, place=("country:SGP", PlaceRule.EXPLICIT),
                       status=EventStatus.CANCELLED)
    pair = _event("o2", ["person:a", "person:b"], kind=EventKind.CONFERENCE, place=("country:SGP", PlaceRule.EXPLICIT),
                  status=EventStatus.PLANNED)
    undated = _event("o3", ["person:a", "person:b"], when=None, kind=EventKind.CONFERENCE,
                     status=EventStatus.CANCELLED)
    for events in ([one_party, pair, undated], [undated, pair, one_party]):
        assert len(group_events(events, ENTITIES)) == 1
    # Alone, the one-party report still needs an anchor of its own.
    assert len(group_events([one_party, undated], ENTITIES)) == 2


def test_an_undated_report_prefers_the_group_reported_near_its_publication_over_an_undated_one_far_away():
    # A cancellation (no side of publication) between the summit of this month and a
    # plan published a year later, which gives no date either.
    summit = _event("o1", ["person:a", "person:b"], when=EventDate("June 12", "2018-06-12", "day"),
                    published=date(2018, 6, 12))
    plan = _event("o2", ["person:a", "person:b"], when=None, status=EventStatus.PLANNED, published=date(2019, 6, 30))
    cancelled = _event("o3", ["person:a", "person:b"], when=None, status=EventStatus.CANCELLED,
                       published=date(2018, 5, 25))
    for events in ([summit, plan, cancelled], [cancelled, plan, summit]):
        groups = group_events(events, ENTITIES)
        assert sorted(sorted(e.article_id for e in g) for g in groups) == [["o1", "o3"], ["o2"]]
