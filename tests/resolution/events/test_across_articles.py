"""Event coreference across articles under the default ("compatible") policy, on
hand-made records (no model)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from graphbuild.model import EventStatus
from graphbuild.resolution.events import event_id, merge_events
from tests.resolution.events.articles import NODES, Article, C, M, resolve


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


def _meeting(article_id, text, date_text=None, published=date(2018, 6, 29), **kwargs):
    a = Article(article_id, text, published=published)
    trigger = "met" if " met " in text else "meet"
    return resolve(a, [a.event(M, trigger, ["Mattis", "Onodera"], date_text=date_text, **kwargs)])


def test_reports_a_day_apart_merge():
    # time zones and publication skew: "Friday" in Tokyo is "Thursday" in Washington
    nodes = merge_events(_meeting("a", "Mattis met Onodera Friday.", "Friday")
                         + _meeting("b", "Mattis met Onodera Thursday.", "Thursday"), NODES)
    assert len(nodes) == 1 and nodes[0].disputed == ("date",)


def test_reports_two_days_apart_stay_apart():
    nodes = merge_events(_meeting("a", "Mattis met Onodera Friday.", "Friday")
                         + _meeting("b", "Mattis met Onodera Wednesday.", "Wednesday"), NODES)
    assert sorted(n.date.iso for n in nodes) == ["2018-06-27", "2018-06-29"]


def test_friday_and_thursday_meetings_of_the_same_people_in_one_article_stay_two():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Onodera Thursday.")
    b = Article("b", "Mattis met Onodera.")
    nodes = merge_events(resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                                     a.event(M, "met", ["Mattis", "Onodera"], nth=1, date_text="Thursday")])
                         + resolve(b, [b.event(M, "met", ["Mattis", "Onodera"])]), NODES)
    assert sorted(n.date.iso for n in nodes) == ["2018-06-28", "2018-06-29"]
    assert sum(len(n.reports) for n in nodes) == 3  # the undated one joined exactly one


def test_one_dated_and_one_undated_report_merge():
    nodes = merge_events(_meeting("a", "Mattis met Onodera Friday.", "Friday")
                         + _meeting("b", "Mattis met Onodera."), NODES)
    assert len(nodes) == 1 and nodes[0].date.iso == "2018-06-29" and nodes[0].disputed == ()


def test_a_planned_meeting_reported_as_held_later_is_one_event_held():
    planned = _meeting("a", "Mattis will meet Onodera Friday.", "Friday", published=date(2018, 6, 27),
                       status=EventStatus.PLANNED, future=True)
    held = _meeting("b", "Mattis met Onodera Friday.", "Friday")
    [node] = merge_events(planned + held, NODES)
    assert node.status is EventStatus.HELD and node.disputed == ("status",)
    assert {r.article_id: r.status for r in node.reports} == {"a": EventStatus.PLANNED, "b": EventStatus.HELD}


def test_the_latest_claim_sets_the_status():
    held = _meeting("a", "Mattis met Onodera.", published=date(2018, 6, 27))
    cancelled = _meeting("b", "Mattis met Onodera.", status=EventStatus.CANCELLED)
    assert merge_events(held + cancelled, NODES)[0].status is EventStatus.CANCELLED


def test_a_later_plan_does_not_undo_an_earlier_report_that_it_took_place():
    # wikinews:wn-bush-urges-allies "peace talks they began in November" (held) and, three days
    # later, wn-bush-arrives-israel "agreed to begin negotiations" (planned): the talks took place.
    held = _meeting("a", "Mattis met Onodera.", published=date(2018, 6, 27))
    planned = _meeting("b", "Mattis will meet Onodera.", status=EventStatus.PLANNED, future=True)
    [node] = merge_events(held + planned, NODES)
    assert node.status is EventStatus.HELD and node.disputed == ("status",)
    assert {r.article_id: r.status for r in node.reports} == {"a": EventStatus.HELD, "b": EventStatus.PLANNED}


def test_a_later_plan_dated_after_its_publication_shows_the_earlier_held_reading_wrong():
    # a report read held on Wednesday, then a plan of Thursday for "next Monday": still to come
    held = _meeting("a", "Mattis meets Onodera.", published=date(2018, 6, 27))
    planned = _meeting("b", "Mattis will meet Onodera next Monday.", "next Monday", status=EventStatus.PLANNED,
                       future=True, published=date(2018, 6, 28))
    [node] = merge_events(held + planned, NODES)
    assert node.status is EventStatus.PLANNED


def test_denials_alone_make_no_event_but_do_not_undo_a_report():
    denied = _meeting("a", "Mattis did not meet Onodera.", status=EventStatus.DENIED)
    assert merge_events(denied, NODES) == []
    [node] = merge_events(denied + _meeting("b", "Mattis met Onodera."), NODES)
    assert node.status is EventStatus.HELD and len(node.reports) == 2


def test_an_extra_participant_in_one_report_merges():
    a = Article("a", "Mattis met Onodera and Song.")
    b = Article("b", "Mattis met Onodera.")
    c = Article("c", "Mattis met Onodera and Japan.")
    ea = resolve(a, [a.event(M, "met", ["Mattis", "Onodera", "Song"])])
    eb = resolve(b, [b.event(M, "met", ["Mattis", "Onodera"])])
    ec = resolve(c, [c.event(M, "met", ["Mattis", "Onodera", "Japan"])])
    [node] = merge_events(ea + eb + ec, NODES)
    assert len(node.participants) == 4 and len(node.reports) == 3


def test_one_shared_party_is_not_enough():
    a = Article("a", "Mattis met Onodera.")
    b = Article("b", "Mattis met Song.")
    nodes = merge_events(resolve(a, [a.event(M, "met", ["Mattis", "Onodera"])])
                         + resolve(b, [b.event(M, "met", ["Mattis", "Song"])]), NODES)
    assert len(nodes) == 2


def test_a_one_party_event_merges_when_it_shares_a_place_or_a_date():
    a = Article("a", "Onodera spoke at a conference in Tokyo.")
    b = Article("b", "Onodera spoke at a conference in Tokyo. Mattis was there.")
    c = Article("c", "Onodera spoke at a conference.")
    ea = resolve(a, [a.event(C, "conference", ["Onodera"], place="Tokyo")])
    eb = resolve(b, [b.event(C, "conference", ["Onodera", ("Mattis", 0)], place="Tokyo")])
    ec = resolve(c, [c.event(C, "conference", ["Onodera"])])
    assert len(merge_events(ea + eb, NODES)) == 1
    assert len(merge_events(ea + ec, NODES)) == 2  # nothing but the one party in common


def test_a_report_that_names_no_party_joins_one_at_the_same_place():
    # wn-london-yemen-conference: "An international conference in London on Tuesday"
    a = Article("a", "A conference in Tokyo ended.")
    b = Article("b", "Onodera spoke at a conference in Tokyo.")
    ea = resolve(a, [a.event(C, "conference", place="Tokyo")])
    assert merge_events(ea, NODES) == []  # alone it is no node
    [node] = merge_events(ea + resolve(b, [b.event(C, "conference", ["Onodera"], place="Tokyo")]), NODES)
    assert sorted(r.article_id for r in node.reports) == ["a", "b"]


def test_a_summit_and_a_meeting_of_the_same_leaders_on_the_same_day_are_one_conference():
    a = Article("a", "Mattis and Onodera met Friday.")
    b = Article("b", "Mattis and Onodera held a summit Friday.")
    [node] = merge_events(resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
                          + resolve(b, [b.event(C, "summit", ["Mattis", "Onodera"], date_text="Friday")]), NODES)
    assert node.kind is C


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


def test_reports_that_give_different_places_in_a_series_are_two_events():
    # probe: ndtv.com's Wuhan report ("the first informal meeting", dated) and deccanherald.com's
    # undated held report of "the second India-China informal summit" a year and a half later
    first = [replace(e, ordinal=1) for e in _meeting("a", "Mattis met Onodera Friday.", "Friday")]
    second = [replace(e, ordinal=2) for e in _meeting("b", "Mattis met Onodera.", published=date(2019, 10, 11))]
    assert len(merge_events(first + second, NODES)) == 2


def test_an_undated_report_without_a_place_in_the_series_still_joins_the_earlier_meeting():
    # the control: without ordinals an undated held report fits any earlier dated meeting
    first = [replace(e, ordinal=1) for e in _meeting("a", "Mattis met Onodera Friday.", "Friday")]
    later = _meeting("b", "Mattis met Onodera.", published=date(2019, 10, 11))
    assert len(merge_events(first + later, NODES)) == 1
