"""Date expressions resolved against the published date (pure functions, no model)."""
from __future__ import annotations

from datetime import date

import pytest

from graphbuild.model import EventDate
from graphbuild.resolution.dates import compatible, resolve_date

FRIDAY = date(2018, 6, 29)  # the seeds' published date, a Friday


@pytest.mark.parametrize("text, iso", [
    ("Friday", "2018-06-29"),          # the published day itself
    ("Thursday", "2018-06-28"),
    ("on Thursday", "2018-06-28"),
    ("Saturday", "2018-06-23"),        # never after the published date
    ("last Monday", "2018-06-25"),
    ("Thursday night", "2018-06-28"),
    ("next Monday", "2018-07-02"),
])
def test_weekday_is_the_latest_such_day_on_or_before_published(text, iso):
    assert resolve_date(text, FRIDAY) == EventDate(text, iso, "day")


@pytest.mark.parametrize("text, iso, precision", [
    ("today", "2018-06-29", "day"),
    ("yesterday", "2018-06-28", "day"),
    ("two days ago", "2018-06-27", "day"),
    ("earlier this month", "2018-06", "month"),
    ("this month", "2018-06", "month"),
    ("last month", "2018-05", "month"),
    ("last year", "2017", "year"),
    ("earlier this year", "2018", "year"),
])
def test_relative_expressions(text, iso, precision):
    assert resolve_date(text, FRIDAY) == EventDate(text, iso, precision)


@pytest.mark.parametrize("text, iso, precision", [
    ("as early as 1994", "1994", "year"),
    ("in 1994", "1994", "year"),
    ("June 28, 2018", "2018-06-28", "day"),
    ("28 June 2018", "2018-06-28", "day"),
    ("2018-06-28", "2018-06-28", "day"),
    ("June 2018", "2018-06", "month"),
    ("June 28", "2018-06-28", "day"),
    ("in May", "2018-05", "month"),
    ("Jan. 3", "2018-01-03", "day"),
])
def test_years_and_explicit_dates(text, iso, precision):
    assert resolve_date(text, FRIDAY) == EventDate(text, iso, precision)


def test_day_and_month_take_the_year_nearest_the_published_date():
    assert resolve_date("Dec. 30", date(2019, 1, 2)).iso == "2018-12-30"
    assert resolve_date("Jan. 2", date(2018, 12, 30)).iso == "2019-01-02"


@pytest.mark.parametrize("text", ["Friday", "earlier this month", "last year", "June 28", "yesterday"])
def test_without_a_published_date_relative_forms_keep_only_their_text(text):
    assert resolve_date(text, None) == EventDate(text, None, None)


def test_without_a_published_date_forms_with_their_own_year_still_resolve():
    assert resolve_date("as early as 1994", None) == EventDate("as early as 1994", "1994", "year")
    assert resolve_date("June 28, 2018", None).iso == "2018-06-28"


@pytest.mark.parametrize("text", ["for the second time in two days", "decades", "2 p.m.", "the 1990s"])
def test_unresolvable_text_is_kept_without_a_date(text):
    assert resolve_date(text, FRIDAY) == EventDate(text, None, None)


def test_compatibility_friday_and_thursday_never_match():
    friday, thursday = resolve_date("Friday", FRIDAY), resolve_date("Thursday", FRIDAY)
    assert not compatible(friday, thursday)
    assert compatible(friday, resolve_date("Friday", FRIDAY))
    assert compatible(friday, resolve_date("earlier this month", FRIDAY))
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
