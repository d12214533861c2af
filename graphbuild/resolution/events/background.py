"""An article's background meetings stay apart from its story's meeting.

Follow-up reports recall earlier meetings of the same parties ("their first summit in
Singapore", "Trump's second summit with Kim, in Vietnam in February", "the site of their
first meeting in April", "when he met with Kim in Singapore in June 2018"). Within one
article these share the story's parties and family of kind, so compatibility alone folds
them into the story's event and the recalled date or place wins. A mention stays apart
from a draft (:func:`apart`) when:

* **ordinals differ**: both say where they stand in the series and say different places
  (``second summit`` vs ``first summit``; extraction/events/sequence.py). An ordinal alone
  says nothing: ``made his first official state visit to Canada this week``
  (wikinews:wnx-bush-canada-visit) is the story's own visit;
* **an earlier one**: the mention says it is an earlier one (``their previous summit``,
  ``last met``) and the draft is the story's (says no such thing, and is undated or dated
  within a month of publication);
* **a recalled date**: the draft is the story's as the lead tells it (opened in the
  article's first sentence with an event, no ordinal or earlier-cue, undated: a news lead
  tells what happened in the last days) and the mention's date ends more than
  :data:`RECALLED_DAYS` before publication (``in June 2018`` in a report of 2019-06-30,
  https://www.npr.org/2019/06/30/737365074/trump-to-meet-kim-jong-un-at-dmz; ``in 2017``
  in a report of 2019-02-28,
  https://www.thejournal.ie/trump-kim-summit-ends-no-agreement-4516895-Feb2019/; ``In
  March 2003, Lula met Uribe`` in a report of 2005-01-20 whose lead tells their Leticia
  meeting, wikinews-3 wn3-lula-meets-uribe-leticia). So does a mention
  with an ordinal or earlier-cue and such a date, whatever draft it would join
  (``the site of their first meeting in April`` in a report of 2018-05-27,
  https://familycarefoundation.biz/category/kim-jong-un/page/34, a Washington Post
  mirror): a series names its members by when they were.

Dates and places that contradict the draft's keep mentions apart already
(:func:`graphbuild.resolution.dates.compatible`, ``within_article._places_ok``).
"""
from __future__ import annotations

import enum
from datetime import date, timedelta
from typing import Protocol

from graphbuild.model import EventDate
from graphbuild.resolution.dates import interval

# A news lead tells what happened in the last days (a weekday resolves within a week;
# "last week" ends at most 13 days back): a date ending earlier than this is recalled.
RECALLED_DAYS = 14
# The story's event, when dated: within a month of publication (:func:`current`).
CURRENT_DAYS = 31


class Apart(enum.Enum):
    """Why a mention is not the event of a draft."""

    ORDINAL = "ordinal"
    EARLIER = "earlier"
    RECALLED_DATE = "recalled-date"


class Side(Protocol):
    ordinal: int | None
    earlier: bool
    date: EventDate | None


def apart(draft: Side, draft_lead: bool, mention: Side, published: date | None) -> Apart | None:
    """Why ``mention`` stays apart from ``draft`` (``draft_lead``: opened in the lead), or None."""
    if draft.ordinal is not None and mention.ordinal is not None and draft.ordinal != mention.ordinal:
        return Apart.ORDINAL
    cued = mention.ordinal is not None or mention.earlier
    draft_cued = draft.ordinal is not None or draft.earlier
    if mention.earlier and not draft.earlier and current(draft.date, published):
        return Apart.EARLIER
    if not draft_cued and _undated(draft.date) and (draft_lead or cued) and _recalled(mention.date, published):
        return Apart.RECALLED_DATE
    return None


def _undated(when: EventDate | None) -> bool:
    return when is None or when.iso is None


def _recalled(when: EventDate | None, published: date | None) -> bool:
    span = interval(when)
    return span is not None and published is not None and span[1] < published - timedelta(days=RECALLED_DAYS)


def current(when: EventDate | None, published: date | None) -> bool:
    """An undated event, or one within a month of publication: what "the summit" of a
    story most likely means (not "the 2010 NATO summit" it mentioned in passing)."""
    span = interval(when)
    if span is None or published is None:
        return True
    return span[0] - timedelta(days=CURRENT_DAYS) <= published <= span[1] + timedelta(days=CURRENT_DAYS)
