"""An event told "here" took place where the article is filed: its dateline (round 9,
decision in docs/events.md and ``within_article._here``). Real model, our own sentences in
the forms of the wire reports cited in ``extraction/events/participants._told_here``."""
from __future__ import annotations

import pytest

from tests.resolution.events.built import built_events

pytestmark = pytest.mark.model


def _events(nlp, tmp_path, text, published="2020-03-13"):
    """(kind, participant names, place names) of each event node."""
    return [(kind, parties, places) for kind, parties, places, _ in built_events(nlp, tmp_path, text, published)]


def test_an_office_holder_arriving_here_visits_the_dateline_city(nlp, tmp_path):
    text = "SEOUL, South Korea (AP) — Chinese President Li Wen arrived here on Friday. Li Wen will stay two days."
    assert _events(nlp, tmp_path, text) == [("Visit", ["Li Wen"], ["Seoul"])]


def test_a_meeting_here_on_an_earlier_day_is_at_the_dateline(nlp, tmp_path):
    # A dateline alone places only a meeting of the published day; "here" says where.
    text = ("BIARRITZ, France — President Carlos Mendes of Chile met Prime Minister Anna Berg of Sweden here on "
            "Wednesday, officials said.")
    assert _events(nlp, tmp_path, text) == [("Meeting", ["Anna Berg", "Carlos Mendes"], ["Biarritz"])]


def test_here_without_a_dateline_places_nothing(nlp, tmp_path):
    text = "President Carlos Mendes of Chile met Prime Minister Anna Berg of Sweden here on Wednesday, officials said."
    assert _events(nlp, tmp_path, text) == [("Meeting", ["Anna Berg", "Carlos Mendes"], [])]
