"""Resolve date expressions against an article's published date.

The forms news copy uses for when something happened:

* weekday names (``Friday``, ``on Thursday``, ``last Friday``): the most recent such
  day on or before the published date (a story published on a Friday that says
  "Friday" means that day); ``next Friday`` is the first one after it;
* ``today``, ``yesterday``, ``tomorrow``, ``N days/weeks ago``;
* ``this month``, ``earlier this month``, ``last month``, ``this year``,
  ``last year``, ``next year``;
* years (``in 1994``, ``as early as 1994``) and explicit dates (``June 28``,
  ``28 June 2018``, ``June 28, 2018``, ``2018-06-28``, ``June 2018``), read with
  python-dateutil. A day and month without a year take the year that puts the date
  nearest the published date.

Precision is ``day``, ``month`` or ``year``; the original text is always kept. With
no published date only expressions that carry their own year are resolved.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from graphbuild.model import EventDate

WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})

_HEDGES = re.compile(
    r"^(?:on|in|at|by|since|from|until|till|during|as early as|as late as|as recently as|"
    r"early|late|mid|earlier|later|around|about|some time|sometime)\s+", re.IGNORECASE)
_AGO = re.compile(r"^(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(?P<unit>day|week|month|year)s?\s+ago$", re.IGNORECASE)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_YEAR = re.compile(r"^(?P<year>1[5-9]\d\d|20\d\d)$")
_HAS_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_HAS_DAY = re.compile(r"(?<![\d-])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?![\d])")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?$")


def resolve_date(text: str, published: date | None) -> EventDate:
    """Resolve ``text`` against ``published``.

    >>> friday = resolve_date("Friday", date(2018, 6, 29))
    >>> friday.text, friday.iso, friday.precision
    ('Friday', '2018-06-29', 'day')
    >>> resolve_date("Thursday", date(2018, 6, 29)).iso
    '2018-06-28'
    >>> resolve_date("earlier this month", date(2018, 6, 29)).iso
    '2018-06'
    >>> year = resolve_date("as early as 1994", None)
    >>> year.iso, year.precision
    ('1994', 'year')
    >>> undated = resolve_date("Friday", None)
    >>> undated.iso, undated.precision
    (None, None)
    """
    words = " ".join(text.replace("’", "'").split()).strip(" ,.;:")
    core = words.lower()
    while True:
        stripped = _HEDGES.sub("", core)
        if stripped == core:
            break
        core = stripped
    core = core.removeprefix("the ")
    for form in (_relative_day, _weekday, _relative_period, _ago):
        try:
            found = form(core, published)
        except (OverflowError, ValueError):
            # A relative date that leaves the calendar ("next week" from 9999-12-31,
            # "Friday" before 0001-01-01): no such day, so the date stays unresolved.
            return EventDate(text)
        if found is not None:
            iso, precision = found
            return EventDate(text, iso, precision) if iso else EventDate(text)
    found = _explicit(core, published)
    if found is not None:
        return EventDate(text, found[0], found[1])
    return EventDate(text)


def compatible(a: EventDate | None, b: EventDate | None) -> bool:
    """Can two resolved dates be the same event's date? Unknown dates fit anything;
    known ones must agree to the coarser precision ("2018-06" fits "2018-06-28").

    >>> compatible(EventDate("Friday", "2018-06-29", "day"), EventDate("Thursday", "2018-06-28", "day"))
    False
    >>> compatible(EventDate("this month", "2018-06", "month"), EventDate("Friday", "2018-06-29", "day"))
    True
    """
    if a is None or b is None or a.iso is None or b.iso is None:
        return True
    shorter = min(len(a.iso), len(b.iso))
    return a.iso[:shorter] == b.iso[:shorter]


def _relative_day(core: str, published: date | None):
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
               "yesterday": -1, "last night": -1, "tomorrow": 1}
    if core not in offsets:
        return None
    if published is None:
        return "", None
    return (published + timedelta(days=offsets[core])).isoformat(), "day"


def _weekday(core: str, published: date | None):
    parts = core.split()
    # "Friday morning", "Thursday night": the part of the day keeps the day.
    if len(parts) > 1 and parts[-1] in {"morning", "afternoon", "evening", "night"}:
        parts = parts[:-1]
    if not parts or parts[-1].rstrip("s") not in WEEKDAYS:
        return None
    words = parts[:-1]
    extra = [w for w in words if w not in {"last", "this", "next", "past", "coming"}]
    if extra:
        return None
    if published is None:
        return "", None
    target = WEEKDAYS[parts[-1].rstrip("s")]
    if "next" in words or "coming" in words:
        delta = (target - published.weekday()) % 7 or 7
        return (published + timedelta(days=delta)).isoformat(), "day"
    delta = (published.weekday() - target) % 7
    return (published - timedelta(days=delta)).isoformat(), "day"


def _relative_period(core: str, published: date | None):
    periods = {
        "this month": ("month", 0), "last month": ("month", -1), "next month": ("month", 1),
        "past month": ("month", -1),
        "this year": ("year", 0), "last year": ("year", -1), "next year": ("year", 1),
        "past year": ("year", -1), "this week": ("week", 0), "last week": ("week", -1),
        "next week": ("week", 1),
    }
    if core.endswith(" weekend"):
        core = core.removesuffix(" weekend") + " week"
    if core not in periods:
        return None
    if published is None:
        return "", None
    unit, step = periods[core]
    if unit == "year":
        return f"{published.year + step:04d}", "year"
    if unit == "month":
        moved = published + relativedelta(months=step)
        return f"{moved.year:04d}-{moved.month:02d}", "month"
    # A week is reported at month precision: the week may straddle two months, so the
    # month of its Monday is used only when the whole week lies in one month.
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return (f"{monday.year:04d}", "year") if monday.year == sunday.year else ("", None)
    return f"{monday.year:04d}-{monday.month:02d}", "month"


def _ago(core: str, published: date | None):
    match = _AGO.match(core)
    if match is None:
        return None
    if published is None:
        return "", None
    count = match.group("n")
    n = int(count) if count.isdigit() else _NUMBER_WORDS[count]
    unit = match.group("unit")
    if unit == "day":
        return (published - timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (published - timedelta(weeks=n)).isoformat(), "day"
    if unit == "month":
        moved = published - relativedelta(months=n)
        return f"{moved.year:04d}-{moved.month:02d}", "month"
    return f"{published.year - n:04d}", "year"


def _explicit(core: str, published: date | None):
    match = _YEAR.match(core)
    if match:
        return match.group("year"), "year"
    match = _ISO.match(core)
    if match:
        if match.group("d"):
            return core, "day"
        return core, "month"
    tokens = re.findall(r"[a-z]+|\d+", core)
    month_words = [t for t in tokens if t in MONTHS]
    if not month_words or any(t.isalpha() and t not in MONTHS and t not in {"of", "st", "nd", "rd", "th"} for t in tokens):
        return None
    has_year = bool(_HAS_YEAR.search(core))
    remainder = _HAS_YEAR.sub("", core)
    has_day = bool(_HAS_DAY.search(remainder))
    if not has_year and published is None:
        return None
    default = datetime(published.year if published else 2000, 1, 1)
    try:
        parsed = dateutil_parser.parse(core, default=default, fuzzy=False).date()
    except (ValueError, OverflowError, dateutil_parser.ParserError):
        return None
    if not has_year:
        parsed = _nearest_year(parsed, published, has_day)
    if has_day:
        return parsed.isoformat(), "day"
    return f"{parsed.year:04d}-{parsed.month:02d}", "month"


def _nearest_year(parsed: date, published: date, has_day: bool) -> date:
    """The year that puts a day-and-month (or a month) nearest ``published``."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = parsed.replace(year=year)
        except ValueError:  # 29 February
            continue
        distance = abs((candidate - published).days)
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best else parsed
