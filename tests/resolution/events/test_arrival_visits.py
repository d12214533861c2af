"""An arrival is a visit when an office holder arrives abroad (issue 14, round 6): in a
country the text names, or in a city of a country other than the one of their office;
arriving home, or anyone else arriving in a city, is none. Real model, our own
sentences, the whole pipeline (the office holdings come from the articles)."""
from __future__ import annotations

import pytest

from tests.resolution.events.built import built_events

pytestmark = pytest.mark.model


def _visits(nlp, tmp_path, text):
    """(participant names, place names, status) of each Visit node."""
    return [(parties, places, status) for kind, parties, places, status in built_events(nlp, tmp_path, text, "2020-03-10")
            if kind == "Visit"]


def test_an_office_holder_arriving_in_a_city_abroad_visits_it(nlp, tmp_path):
    text = ("Chinese President Li Wen met Indian Prime Minister Raj Kumar in Delhi last year. "
            "Li will arrive in Chennai on Friday afternoon.")
    assert _visits(nlp, tmp_path, text) == [(["Li Wen"], ["Chennai"], "planned")]


def test_an_office_holder_reaching_a_capital_abroad_visits_it(nlp, tmp_path):
    text = "Chinese Foreign Minister Li Wen met Raj Kumar on Friday. Li reached New Delhi in the evening."
    assert _visits(nlp, tmp_path, text) == [(["Li Wen"], ["New Delhi"], "held")]


@pytest.mark.parametrize("text", [
    "Indian Prime Minister Raj Kumar arrived in Chennai on Friday.",  # at home
    "The actor Raj Kumar arrived in Chennai on Friday.",  # no office: on the way to something
])
def test_arriving_home_or_without_office_in_a_city_is_no_visit(nlp, tmp_path, text):
    assert _visits(nlp, tmp_path, text) == []


def test_an_office_holder_arriving_in_a_named_foreign_country_still_visits_it(nlp, tmp_path):
    text = "Chancellor Anna Berg arrived in Lisbon, Portugal on Monday to hold talks with Prime Minister Rui Costa."
    assert _visits(nlp, tmp_path, text) == [(["Anna Berg", "Portugal"], ["Lisbon"], "held")]


def test_a_city_named_by_its_country_s_demonym_is_a_visit_to_that_country(nlp, tmp_path):
    text = "President Carlos Mendes travelled to the Peruvian city of Iquitos, where he met with President Ana Ruiz."
    assert _visits(nlp, tmp_path, text) == [(["Carlos Mendes", "Peru"], ["Iquitos"], "held")]


def test_arriving_where_a_summit_one_attends_begins_is_coming_to_the_summit(nlp, tmp_path):
    text = ("Syrian President Omar Kassem arrived in the Egyptian city of Alexandria on Monday. At the Arab League "
            "summit, Kassem called for a ceasefire.")
    assert _visits(nlp, tmp_path, text) == []


@pytest.mark.parametrize("text", [
    # told with what it is for: on the way to the meeting (wikinews:wn-bush-arrives-israel's form)
    "Chinese President Li Wen met Raj Kumar last year. Li will travel to Chennai on Friday to meet Kumar.",
    # told by a noun (wikinews:wn-ukraine-subpoena-pompeo's "planned trip to Warsaw")
    "Chinese President Li Wen met Raj Kumar last year. Li's planned trip to Chennai was postponed.",
])
def test_an_office_holder_going_to_a_city_en_route_is_no_visit(nlp, tmp_path, text):
    assert _visits(nlp, tmp_path, text) == []


def _conference_places(nlp, tmp_path, text):
    return [places for kind, _, places, _ in built_events(nlp, tmp_path, text, "2020-03-10") if kind == "Conference"]


def test_a_summit_placed_at_a_country_takes_the_city_its_party_arrived_in(nlp, tmp_path):
    # wikinews:wn-mugabe-au-suspension's form: the summit "began in Egypt", the president
    # "arrived in the Egyptian city of Sharm el-Sheikh" for it.
    text = ("As an African Union summit began in Egypt today, Ghanaian President Kofi Mensah took his seat among "
            "other heads of state. Mensah arrived in the Egyptian city of Sharm el-Sheikh on Tuesday. "
            "Mensah was warmly received at the summit.")
    assert _conference_places(nlp, tmp_path, text) == [["Sharm el-Sheikh"]]


@pytest.mark.parametrize("text", [
    # ecbplus:7_10ecb's form: a boxer before a fight, no office, no purpose, no host
    "Marcus Fielding beat Oleg Petrenko in Hamburg on Saturday. Petrenko arrived in Germany on Monday "
    "and said he was in top shape.",
    # ecbplus:18_12ecb's form: a stay abroad ("for awhile" is a time, no purpose)
    "Tom Reed was a quiet man. His sister said he travelled to Japan for awhile, where he studied Japanese.",
])
def test_a_private_persons_journey_with_no_purpose_host_or_business_is_no_visit(nlp, tmp_path, text):
    assert _visits(nlp, tmp_path, text) == []


@pytest.mark.parametrize("text", [
    # received on arrival (wikinews:wnx-betancourt-returns-france's form)
    "Maria Lopez arrived in France today. The former hostage was greeted at the air base by the President.",
    # told with what it is for
    "Maria Lopez travelled to France for talks about the hostages.",
    # another event of the traveller in the article
    "Maria Lopez arrived in France on Monday. On Tuesday Lopez met Pierre Martin in Paris.",
])
def test_a_private_persons_journey_with_a_host_a_purpose_or_business_stays_a_visit(nlp, tmp_path, text):
    assert [(parties, status) for parties, _, status in _visits(nlp, tmp_path, text)] == [
        (["France", "Maria Lopez"], "held")]
