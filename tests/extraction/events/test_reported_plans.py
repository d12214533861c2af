"""A meeting someone said would happen is a plan, on the real model, in sentences of our
own words (the future of reported speech: "said he would meet", "he'd be meeting")."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
from graphbuild.model import EventStatus

pytestmark = pytest.mark.model


def statuses(nlp, text):
    doc = nlp(text)
    return [(e.status, e.future) for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is not None]


@pytest.mark.parametrize("text", [
    "President Anna Berg said she would meet Prime Minister Ivan Bondar at the White House.",
    "Anna Berg told reporters she'd be meeting with Ivan Bondar on Friday.",
])
def test_a_meeting_said_to_come_is_planned(nlp, text):
    assert statuses(nlp, text) == [(EventStatus.PLANNED, True)]


def test_a_meeting_said_to_have_happened_stays_held(nlp):
    assert statuses(nlp, "Anna Berg said she met Ivan Bondar on Friday.") == [(EventStatus.HELD, False)]
