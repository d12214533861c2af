"""Where the parse hides who met and where, on the real model, in sentences of our own
words: a meeting told as one item of a list under "including" takes the clause's
subject; a place the parser hung on the party met is the meeting's place."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entities import mentions_from_doc
from graphbuild.extraction.events import events_from_doc
from graphbuild.model import EventKind

pytestmark = pytest.mark.model


def found(nlp, text):
    doc = nlp(text)
    return [(e.kind, sorted(text[p.start:p.end] for p in e.participants),
             text[e.place.start:e.place.end] if e.place is not None else None)
            for e in events_from_doc(doc, mentions_from_doc(doc))]


def test_a_meeting_listed_under_including_takes_the_clause_subject(nlp):
    # the parser makes "including" the preposition and "meeting" its clause (pcomp)
    events = found(nlp, "In her campaign, Maria Lopez has met with many leaders advocating peace, including "
                        "meeting with Pope Francis.")
    assert (EventKind.MEETING, ["Francis", "Maria Lopez"], None) in events


@pytest.mark.parametrize("text, place", [
    ("The rebels met on Monday with Ivan Bondar, a US envoy, in Qatar.", "Qatar"),
    ("On 3 March, Vice Minister Li Wen met with the French ambassador to China Paul Martin in Beijing.", "Beijing"),
])
def test_a_place_hung_on_the_party_met_is_the_meetings_place(nlp, text, place):
    [(kind, _, where)] = [e for e in found(nlp, text) if e[0] is EventKind.MEETING]
    assert where == place


def test_a_place_inside_a_partys_description_is_not_the_meetings(nlp):
    # "in Ohio" describes the town, not where they met
    [(kind, _, where)] = found(nlp, "Senator Ann Hill met with the mayor of a small town in Ohio on Friday.") or [
        (None, None, None)]
    assert where != "Ohio"


def test_a_meeting_during_a_visit_takes_its_destination_and_date(nlp):
    text = "Chancellor Anna Berg met Prime Minister Ivan Bondar during a visit to Poland on Monday."
    doc = nlp(text)
    [meeting] = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.MEETING]
    assert (text[meeting.place.start:meeting.place.end], meeting.date_text) == ("Poland", "Monday")


def test_a_meeting_during_a_trip_that_was_cancelled_is_cancelled(nlp):
    from graphbuild.model import EventStatus

    text = ("Kurt Volker worked to arrange a meeting between Zelensky and Trump himself during President Trump's "
            "planned trip to Warsaw, which was cancelled.")
    doc = nlp(text)
    [meeting] = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.MEETING]
    assert (meeting.status, text[meeting.place.start:meeting.place.end]) == (EventStatus.CANCELLED, "Warsaw")


def test_a_meeting_with_its_own_place_keeps_it_during_a_tour(nlp):
    text = "During his tour of Asia, Ivan Bondar met Anna Berg in Tokyo on Friday."
    doc = nlp(text)
    [meeting] = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.MEETING]
    assert text[meeting.place.start:meeting.place.end] == "Tokyo"


def test_a_meeting_on_the_sidelines_of_a_summit_is_held_where_the_summit_is(nlp):
    text = ("Prime Minister Ravi Kumar met President Li Wen on the sidelines of the BRICS summit in Kazan "
            "on Wednesday.")
    doc = nlp(text)
    [meeting] = [e for e in events_from_doc(doc, mentions_from_doc(doc)) if e.kind is EventKind.MEETING]
    assert (text[meeting.place.start:meeting.place.end], meeting.date_text) == ("Kazan", "Wednesday")


def test_the_subject_of_a_plan_told_with_an_adjective_takes_part(nlp):
    # "is due to meet": the meeting's subject is the adjective's (acomp) clause's
    events = found(nlp, "Brazilian President Luiz Inacio Lula da Silva is due to meet Argentine President "
                        "Javier Milei next week.")
    assert events == [(EventKind.MEETING, ["Javier Milei", "Luiz Inacio Lula da Silva"], None)]


@pytest.mark.parametrize("text, place", [
    ("Moon will travel to Washington next month to meet Trump.", "Washington"),
    ("President Ann Hill arrived in Riyadh on Tuesday to meet King Salman.", "Riyadh"),
])
def test_a_meeting_one_travels_to_is_held_at_the_destination(nlp, text, place):
    [(kind, _, where)] = [e for e in found(nlp, text) if e[0] is EventKind.MEETING]
    assert where == place


def test_he_in_a_where_clause_on_the_place_travelled_to_is_the_traveller(nlp):
    events = found(nlp, "Prime Minister Ivan Bondar traveled to Washington, where he met President Ann Hill "
                        "at the White House on Monday.")
    assert (EventKind.MEETING, ["Ann Hill", "Ivan Bondar"], "White House") in events


def test_he_in_a_where_clause_after_sending_someone_stays_unresolved(nlp):
    # wn-venezuela-colombia-crisis: "Castro sent the chancellor ... to Caracas where he met"
    events = found(nlp, "On Monday President Ann Hill sent the chancellor Ivan Bondar to Caracas where he met "
                        "with Maria Lopez.")
    assert all("Ann Hill" not in parties for kind, parties, _ in events if kind is EventKind.MEETING)
