"""Where a trigger stands in a series of meetings, from its own modifiers (real model,
sentences of our own words)."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events.finder import events_from_doc


def _series(nlp, text: str) -> dict[str, tuple[int | None, bool]]:
    doc = nlp(text)
    return {e.trigger_text: (e.ordinal, e.earlier) for e in events_from_doc(doc, mentions_from_doc(doc), 0)}


@pytest.mark.parametrize("text, trigger, expected", [
    ("The ministers met in Oslo, the site of their first meeting in May.", "meeting", (1, False)),
    ("The Oslo talks were meant to build on their initial meeting at Bergen with Jonas Berg.", "meeting", (1, False)),
    ("Merkel's second summit with Macron, in Paris in March, ended early.", "summit", (2, False)),
    ("Merkel and Macron last met in Paris in 2017.", "met", (None, True)),
    ("Merkel and Macron met for the first time on Monday.", "met", (1, False)),
])
def test_a_triggers_own_modifiers_place_it_in_a_series(nlp, text, trigger, expected):
    assert _series(nlp, text)[trigger] == expected


def test_an_adverb_of_the_day_is_no_earlier_meeting(nlp):
    # "earlier on Monday" dates the story's meeting; only "their earlier summit" recalls one.
    assert _series(nlp, "Merkel met with Macron earlier on Monday.")["met"] == (None, False)
