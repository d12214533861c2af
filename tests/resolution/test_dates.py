"""Date expressions resolved against the published date as intervals (pure functions,
no model). Forms quoted from the corpora say where they come from."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.model import EventDate
from graphbuild.resolution.dates import after, compatible, interval, resolve_date

FRIDAY = date(2018, 6, 29)  # the seeds' published date, a Friday


def resolved(text, published=FRIDAY, future=False):
    found = resolve_date(text, published, future)
    return found.iso, found.precision, found.start, found.end


@pytest.mark.parametrize("text, iso", [
    ("Friday", "2018-06-29"),          # the published day itself
    ("Thursday", "2018-06-28"),
    ("on Thursday", "2018-06-28"),
    ("Saturday", "2018-06-23"),        # a past sentence: never after the published date
    ("Thursday night", "2018-06-28"),
    ("Friday morning", "2018-06-29"),
    ("last Monday", "2018-06-25"),
    ("last Friday", "2018-06-22"),
    ("next Monday", "2018-07-02"),
    ("this Wednesday", "2018-06-27"),
])
def test_weekday_in_a_sentence_about_the_past(text, iso):
    assert resolved(text) == (iso, "day", iso, iso)


def test_last_weekday_the_day_after_it_is_the_week_before():
    # wn-eastmed-mitsotakis (Friday 2020-01-10): "On last Thursday, the delegations ... had met"
    # (its "January 2 remarks made on the EastMed signing ceremony").
    assert resolve_date("On last Thursday", date(2020, 1, 10)).iso == "2020-01-02"


@pytest.mark.parametrize("text, published, iso", [
    # wn-us-skorea-naval-exercises (Monday 2010-05-24): "is to meet with President Lee on Wednesday"
    ("on Wednesday", date(2010, 5, 24), "2010-05-26"),
    # wn-carter-meets-shaer (Wednesday 2008-04-16): "Friday, Carter is scheduled to meet in Damascus"
    ("Friday", date(2008, 4, 16), "2008-04-18"),
    ("Friday", FRIDAY, "2018-06-29"),  # a weekday named on its own day is that day
])
def test_weekday_in_a_sentence_about_the_future_looks_forward(text, published, iso):
    assert resolve_date(text, published, future=True).iso == iso


@pytest.mark.parametrize("text, expected", [
    ("today", ("2018-06-29", "day", "2018-06-29", "2018-06-29")),
    ("yesterday", ("2018-06-28", "day", "2018-06-28", "2018-06-28")),
    ("two days ago", ("2018-06-27", "day", "2018-06-27", "2018-06-27")),
    ("earlier this month", ("2018-06", "month", "2018-06-01", "2018-06-30")),
    ("last month", ("2018-05", "month", "2018-05-01", "2018-05-31")),
    ("last year", ("2017", "year", "2017-01-01", "2017-12-31")),
    ("earlier this year", ("2018", "year", "2018-01-01", "2018-12-31")),
    ("this week", ("2018", "week", "2018-06-25", "2018-07-01")),
    ("last week", ("2018-06", "week", "2018-06-18", "2018-06-24")),
    ("the coming week", ("2018-07", "week", "2018-07-02", "2018-07-08")),
    ("this weekend", ("2018", "weekend", "2018-06-30", "2018-07-01")),
    ("over the weekend", ("2018-06", "weekend", "2018-06-23", "2018-06-24")),
])
def test_relative_days_weeks_months_and_years_are_intervals(text, expected):
    # A week or weekend has no ISO calendar form: ``iso`` is the month that holds it (the
    # year when it straddles two), the interval has its days.
    assert resolved(text) == expected


def test_this_week_in_a_plan_starts_at_publication():
    # financialexpress.com's "an informal summit … later this week" (a plan) comes from publication
    # to Sunday; a sentence not marked future keeps the whole week (its tense may be unknown).
    tuesday = date(2004, 11, 30)
    coming = resolve_date("later this week", tuesday, future=True)
    assert (coming.start, coming.end, coming.precision) == ("2004-11-30", "2004-12-05", "week")
    assert (resolve_date("this week", tuesday).start, resolve_date("this week", tuesday).end) == \
        ("2004-11-29", "2004-12-05")


def test_over_the_weekend_in_a_future_sentence_is_the_coming_one():
    assert resolved("over the weekend", future=True)[2] == "2018-06-30"


@pytest.mark.parametrize("text, expected", [
    ("as early as 1994", ("1994", "year", "1994-01-01", "1994-12-31")),
    ("June 28, 2018", ("2018-06-28", "day", "2018-06-28", "2018-06-28")),
    ("28 June 2018", ("2018-06-28", "day", "2018-06-28", "2018-06-28")),
    ("2018-06-28", ("2018-06-28", "day", "2018-06-28", "2018-06-28")),
    ("June 2018", ("2018-06", "month", "2018-06-01", "2018-06-30")),
    ("June 28", ("2018-06-28", "day", "2018-06-28", "2018-06-28")),
    ("in May", ("2018-05", "month", "2018-05-01", "2018-05-31")),
    ("Jan. 3", ("2018-01-03", "day", "2018-01-03", "2018-01-03")),
    ("the 3rd of May", ("2018-05-03", "day", "2018-05-03", "2018-05-03")),
    ("May 3rd", ("2018-05-03", "day", "2018-05-03", "2018-05-03")),
    # ranges: the start at its precision, the interval to the end
    ("April 17-18", ("2018-04-17", "day", "2018-04-17", "2018-04-18")),
    ("17 to 18 April", ("2018-04-17", "day", "2018-04-17", "2018-04-18")),
    ("17-18 April 2016", ("2016-04-17", "day", "2016-04-17", "2016-04-18")),
    # wn-nato-wales-summit (Saturday 2014-09-06 in the text): "over Thursday to Friday"
    ("Thursday to Friday", ("2018-06-28", "day", "2018-06-28", "2018-06-29")),
    # wn-granda-capture-crisis: "between 1998-2002"
    ("between 1998-2002", ("1998", "year", "1998-01-01", "2002-12-31")),
    # wn-hamas-ends-truce: "On Sunday, 14 December"; wn-npt-review-conference: "in May this year";
    # wn-eastmed-mitsotakis: "on March 20 last year"
    ("in May this year", ("2018-05", "month", "2018-05-01", "2018-05-31")),
    ("on March 20 last year", ("2017-03-20", "day", "2017-03-20", "2017-03-20")),
])
def test_years_explicit_dates_ordinals_and_ranges(text, expected):
    assert resolved(text) == expected


@pytest.mark.parametrize("text, published, future, expected", [
    ("on Christmas Eve", date(2018, 6, 29), False, ("2017-12-24", "day", "2017-12-24", "2017-12-24")),
    ("on Christmas Eve", date(2018, 6, 29), True, ("2018-12-24", "day", "2018-12-24", "2018-12-24")),
    # Easter 2018 was 1 April: the long weekend from Good Friday to Easter Monday
    ("over the Easter weekend", date(2018, 6, 29), False, ("2018", "weekend", "2018-03-30", "2018-04-02")),
    ("Good Friday", date(2019, 1, 10), True, ("2019-04-19", "day", "2019-04-19", "2019-04-19")),
    ("Christmas Day 2009", None, False, ("2009-12-25", "day", "2009-12-25", "2009-12-25")),
])
def test_holidays_from_the_calendar(text, published, future, expected):
    assert resolved(text, published, future) == expected


def test_a_weekday_with_a_day_and_month_picks_the_year_it_falls_in():
    # wn-hamas-ends-truce (2008-12-23): "On Sunday, 14 December, Former U.S. President Jimmy Carter met"
    assert resolve_date("Sunday, 14 December", date(2008, 12, 23)).iso == "2008-12-14"
    assert resolve_date("Sunday, 14 December", date(2009, 1, 20)).iso == "2008-12-14"


def test_day_and_month_take_the_year_nearest_the_published_date():
    assert resolve_date("Dec. 30", date(2019, 1, 2)).iso == "2018-12-30"
    assert resolve_date("Jan. 2", date(2018, 12, 30)).iso == "2019-01-02"


@pytest.mark.parametrize("text", ["Friday", "earlier this month", "last year", "June 28", "yesterday", "this week",
                                  "on Christmas Eve"])
def test_without_a_published_date_relative_forms_keep_only_their_text(text):
    assert resolve_date(text, None) == EventDate(text)


def test_without_a_published_date_forms_with_their_own_year_still_resolve():
    assert resolved("as early as 1994", None) == ("1994", "year", "1994-01-01", "1994-12-31")
    assert resolve_date("June 28, 2018", None).iso == "2018-06-28"


@pytest.mark.parametrize("text", ["for the second time in two days", "decades", "2 p.m.", "the 1990s",
                                  "in recent weeks", "in recent days", "several years"])
def test_vague_or_unresolvable_text_is_kept_without_a_date(text):
    assert resolve_date(text, FRIDAY) == EventDate(text)


@pytest.mark.parametrize("text, published", [
    ("yesterday", date(1, 1, 1)), ("last week", date(1, 1, 3)), ("next year", date(9999, 12, 31)),
    ("tomorrow", date(9999, 12, 31)), ("Friday", date(1, 1, 1)), ("two months ago", date(1, 1, 5)),
    ("on Christmas Eve", date(9999, 12, 30)), ("Easter", date(1, 2, 1)),
])
def test_dates_off_the_calendar_are_unresolved_not_errors(text, published):
    assert resolve_date(text, published, future=True).iso is None or resolve_date(text, published).iso is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.dates(), st.booleans())
def test_any_text_on_any_day_resolves_or_stays_text(text, published, future):
    found = resolve_date(text, published, future)
    assert found.text == text
    if found.iso is not None:
        first, last = interval(found)
        assert first <= last and found.start == first.isoformat() and found.end == last.isoformat()


def test_compatibility_is_overlap_with_an_optional_tolerance():
    friday, thursday = resolve_date("Friday", FRIDAY), resolve_date("Thursday", FRIDAY)
    assert not compatible(friday, thursday)
    assert compatible(friday, thursday, tolerance_days=1)  # reports a day apart (time zones, skew)
    assert compatible(friday, resolve_date("earlier this month", FRIDAY))
    assert compatible(friday, resolve_date("this week", FRIDAY))
    assert not compatible(resolve_date("last week", FRIDAY), friday)
    assert compatible(friday, None) and compatible(friday, EventDate("soon"))


def test_records_without_an_interval_derive_it_from_iso():
    assert interval(EventDate("June", "2018-06", "month")) == (date(2018, 6, 1), date(2018, 6, 30))
    assert interval(EventDate("x", "2018", "year")) == (date(2018, 1, 1), date(2018, 12, 31))


def test_after_says_whether_the_date_is_still_to_come():
    assert after(resolve_date("tomorrow", FRIDAY), FRIDAY)
    assert not after(resolve_date("today", FRIDAY), FRIDAY)
    assert not after(None, FRIDAY)


def test_a_day_outside_the_month_or_an_unknown_date():
    friday = resolve_date("Friday", FRIDAY)
    assert not compatible(friday, resolve_date("last month", FRIDAY))
    assert compatible(friday, None)
    assert compatible(friday, resolve_date("Friday", None))


@pytest.mark.parametrize(("text", "published"), [
    ("next week", date(9999, 12, 31)), ("tomorrow", date(9999, 12, 31)), ("Friday", date(1, 1, 1)),
    ("three days ago", date(1, 1, 2)), ("last week", date(1, 1, 3)), ("999999 days ago", date(2018, 6, 29)),
])
def test_a_relative_date_that_leaves_the_calendar_stays_unresolved(text, published):
    resolved = resolve_date(text, published)
    assert (resolved.text, resolved.iso, resolved.precision) == (text, None, None)
