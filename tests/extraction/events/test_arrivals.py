"""Round 6 forms (issue 14): arriving told other ways than "arrived in" — setting or
stepping foot in a country, its soil or territory, a city named by its country's
demonym, reaching or landing in a place — and a capitalised title alone standing for
the article's holder of that office. Real model, sentences of our own words."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
from graphbuild.model import EventKind, EventStatus

pytestmark = pytest.mark.model


def _visits(nlp, text):
    """(status, visitors, destination) of every Visit mention of ``text``."""
    doc = nlp(text)
    return [(e.status, sorted(text[p.start:p.end] for p in e.participants),
             text[e.place.start:e.place.end] if e.place is not None else None)
            for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.VISIT]


@pytest.mark.parametrize("text, destination", [
    ("President Paul Meier stepped foot into Cuba on Sunday.", "Cuba"),
    ("Paul Meier became the first sitting French president to step foot in Cuba on Sunday.", "Cuba"),
    ("President Paul Meier set foot on Cuban soil for the first time in his presidency.", "Cuban"),
])
def test_setting_foot_in_a_country_is_a_visit_to_it(nlp, text, destination):
    assert _visits(nlp, text) == [(EventStatus.HELD, ["Paul Meier"], destination)]


@pytest.mark.parametrize("text", [
    "The referee stepped in to stop the fight on Sunday.",
    "The coach set in motion a plan to rebuild the team on Sunday.",
])
def test_stepping_in_or_setting_in_motion_is_no_visit(nlp, text):
    assert _visits(nlp, text) == []


def test_a_city_named_by_its_country_s_demonym_is_a_visit_to_that_country(nlp):
    text = "Prime Minister Anna Berg will be visiting the southern Italian city next week."
    assert _visits(nlp, text) == [(EventStatus.PLANNED, ["Anna Berg"], "Italian")]


@pytest.mark.parametrize("text, destination", [
    ("Foreign Minister Ivan Bondar reached Ankara on Tuesday evening.", "Ankara"),
    ("Foreign Minister Ivan Bondar met the mayor after landing in Ankara on Tuesday.", "Ankara"),
])
def test_reaching_or_landing_in_a_place_is_arriving_there(nlp, text, destination):
    assert _visits(nlp, text) == [(EventStatus.HELD, ["Ivan Bondar"], destination)]


@pytest.mark.parametrize("text", [
    "The two sides reached an agreement on Friday.",
    "The plane landed in Ankara on Friday.",
])
def test_reaching_an_agreement_or_a_plane_landing_is_no_visit(nlp, text):
    assert _visits(nlp, text) == []


def test_a_capitalised_title_alone_stands_for_the_article_s_holder_of_it(nlp):
    text = ("Chinese Foreign Minister Li Wen met Indian Foreign Minister Raj Kumar on Friday. Before the meeting, "
            "the Chinese Foreign Minister visited the adviser's office, after landing in New Delhi on Thursday.")
    assert (EventStatus.HELD, ["Li Wen"], "New Delhi") in _visits(nlp, text)


def test_the_two_qualified_leaders_are_the_last_two_such_people_named(nlp):
    text = ("South Korean President Jonas Weber said Sunday that North Korean leader Paul Meier wants peace. "
            "The two Korean leaders met for a surprise summit at the border village on Saturday.")
    doc = nlp(text)
    found = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.CONFERENCE]
    assert [sorted(text[p.start:p.end] for p in e.participants) for e in found] == [["Jonas Weber", "Paul Meier"]]
    assert found[0].reference is None


def test_the_two_leaders_unqualified_name_no_guessed_pair(nlp):
    text = ("President Jonas Weber met President Paul Meier on Friday. Press Secretary Anna Berg said talks went well. "
            "The two leaders met again on Saturday.")
    doc = nlp(text)
    last = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.trigger.start > text.index("The two")]
    assert [e.participants for e in last if e.participants] == []  # no guessed pair (the press secretary is nearer)


def test_a_date_after_since_is_a_starting_point_not_the_visit_s_date(nlp):
    text = "Anna Berg became the first secretary of state to visit Belarus since 2018."
    doc = nlp(text)
    (visit,) = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.VISIT]
    assert visit.date_text is None and text[visit.place.start:visit.place.end] == "Belarus"


def test_a_journey_for_a_time_has_no_purpose_and_one_told_with_a_reception_is_received(nlp):
    from graphbuild.extraction.entities import mentions_from_doc
    from graphbuild.extraction.events import events_from_doc

    def visits(text):
        doc = nlp(text)
        return [(m.en_route, m.received) for m in events_from_doc(doc, mentions_from_doc(doc)) if m.kind.value == "Visit"]

    assert visits("He travelled to Japan for awhile, where he studied Japanese.") == [(False, False)]
    assert visits("Maria Lopez travelled to France for talks.") == [(True, False)]
    assert visits("Maria Lopez arrived in France today. She was greeted at the air base by the President.") == [
        (False, True)]
