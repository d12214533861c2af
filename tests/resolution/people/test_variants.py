"""Full-name variants across articles join into one person, with guards (resolution/people/variants.py)."""
from __future__ import annotations

import pytest

from graphbuild.model import OfficeHolding, TextSpan
from graphbuild.rules import EntityRule
from tests.resolution.people.corpus import corpus, person_names


@pytest.mark.parametrize("short, long", [
    ("George Bush", "George W. Bush"),            # wn-bush-arrives-israel / wn-ahern-white-house
    ("Javad Zarif", "Mohammad Javad Zarif"),      # wn-rouhani-persian-gulf / wn-npt-review-conference
    ("Lula da Silva", "Luiz Inácio Lula da Silva"),  # wn-granda-capture-crisis / wn-lula-meets-chavez
    ("Martin Luther King", "Martin Luther King Jr."),
])
def test_shorter_forms_join_the_full_name(short, long):
    nodes, log, _ = corpus(("a1", [(long, "PERSON")]), ("a2", [(short, "PERSON")]))
    assert person_names(nodes) == [long]
    assert any(r.rule is EntityRule.PERSON_SHORTER_NAME for r in log)


def test_a_shorter_form_of_two_different_people_joins_neither():
    nodes, _, _ = corpus(("a1", [("George W. Bush", "PERSON")]), ("a2", [("George H. W. Bush", "PERSON")]),
                         ("a3", [("George Bush", "PERSON")]))
    assert person_names(nodes) == ["George Bush", "George H. W. Bush", "George W. Bush"]


def test_a_given_name_matching_only_a_middle_initial_after_another_given_name_joins_nothing():
    # ECB+ 26_1ecbplus (Louis Gigante, a priest) and 26_6ecbplus (his brother Vincent L. Gigante).
    nodes, _, _ = corpus(("a1", [("Vincent L. Gigante", "PERSON")]), ("a2", [("Louis Gigante", "PERSON")]))
    assert person_names(nodes) == ["Louis Gigante", "Vincent L. Gigante"]
    nodes, _, _ = corpus(("a1", [("W. Mark Felt", "PERSON")]), ("a2", [("Mark Felt", "PERSON")]))
    assert person_names(nodes) == ["W. Mark Felt"]  # the initial is the word left out


def test_junior_and_senior_never_join():
    nodes, _, _ = corpus(("a1", [("Ken Griffey Jr.", "PERSON")]), ("a2", [("Ken Griffey Sr.", "PERSON")]))
    assert len(person_names(nodes)) == 2


@pytest.mark.parametrize("a, b", [
    ("Khaled Mashal", "Khaled Meshaal"),     # wn-carter-meets-shaer / wn-hamas-ends-truce
    ("Fawzi Barhum", "Fawzi Barhoum"),       # wn-hamas-ends-truce / wn-israel-gaza-ceasefire
    ("Hilary Clinton", "Hillary Clinton"),   # wn-us-skorea-naval-exercises / wn-brown-london-conferences
    ("Bob Menendez", "Robert Menendez"),     # nickname (nicknames package)
])
def test_spelling_and_nickname_variants_join_when_their_articles_share_an_entity(a, b):
    nodes, log, _ = corpus(("a1", [(a, "PERSON"), ("Hamas", "ORG"), ("Israel", "GPE")]),
                           ("a2", [(b, "PERSON"), ("Hamas", "ORG")]))
    assert len(person_names(nodes)) == 1
    [record] = [r for r in log if r.rule in {EntityRule.PERSON_SPELLING, EntityRule.PERSON_NICKNAME}]
    assert any("org:hamas" in e for e in record.evidence)


@pytest.mark.parametrize("shared", [[], [("United States", "GPE")]])
def test_variant_names_stay_apart_without_evidence_beyond_the_name(shared):
    # ECB+ 19_3ecbplus (Frank Graham, a father in the Bronx) and 41_9ecbplus (Franklin
    # Graham of Samaritan's Purse): a nickname pair, two people; a shared country is no evidence.
    nodes, _, _ = corpus(("a1", [("Frank Graham", "PERSON"), ("Bronx", "GPE"), *shared]),
                         ("a2", [("Franklin Graham", "PERSON"), ("Sudan", "GPE"), *shared]))
    assert person_names(nodes) == ["Frank Graham", "Franklin Graham"]


def test_variant_names_in_one_article_join():
    nodes, _, _ = corpus(("a1", [("Bob Menendez", "PERSON"), ("Robert Menendez", "PERSON")]))
    assert len(person_names(nodes)) == 1


@pytest.mark.parametrize("a, b", [
    ("Mario Rossi", "Maria Rossi"),          # another given name, one letter apart
    ("Raila Odinga", "Ida Odinga"),          # husband and wife
    ("Kim Jong Un", "Kim Jong Il"),          # father and son: short words never count as spellings
    ("John Smith", "Jon Smyth"),             # short names: no spelling guess
])
def test_different_given_names_or_short_names_never_join(a, b):
    nodes, _, _ = corpus(("a1", [(a, "PERSON")]), ("a2", [(b, "PERSON")]))
    assert len(person_names(nodes)) == 2


def test_two_spellings_of_a_leaders_name_join_when_one_holds_an_office_of_a_country_the_other_names():
    holdings = [OfficeHolding("a1", "person:volodymyr-zelenskyy", "President", "country:UKR", TextSpan(0, 1),
                              "office:pre-modifier")]
    nodes, log, _ = corpus(("a1", [("Volodymyr Zelenskyy", "PERSON"), ("Ukraine", "GPE")]),
                           ("a2", [("Volodymyr Zelensky", "PERSON"), ("Ukraine", "GPE"), ("Poland", "GPE")]),
                           offices=holdings)
    assert len(person_names(nodes)) == 1
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SPELLING]
    assert "country:UKR" in record.evidence[0]


def test_two_spellings_of_a_name_stay_apart_with_only_a_country_in_common():
    nodes, _, _ = corpus(("a1", [("Volodymyr Zelenskyy", "PERSON"), ("Ukraine", "GPE")]),
                         ("a2", [("Volodymyr Zelensky", "PERSON"), ("Ukraine", "GPE")]))
    assert len(person_names(nodes)) == 2


def test_a_form_with_a_word_of_another_name_glued_before_it_joins_but_never_names_the_person():
    # A headline run into the first line: "... against Lions and Ravens Dale Okafor's season".
    nodes, _, _ = corpus(("a1", [("Ravens Dale Okafor", "PERSON"), ("Baltimore Ravens", "ORG")]),
                         ("a2", [("Dale Okafor", "PERSON")]), ("a3", [("Dale Okafor", "PERSON")]))
    assert person_names(nodes) == ["Dale Okafor"]


def test_a_longer_form_whose_first_word_names_nothing_else_names_the_person():
    nodes, _, _ = corpus(("a1", [("Mohammad Javad Zarif", "PERSON"), ("Iran", "GPE")]),
                         ("a2", [("Javad Zarif", "PERSON")]), ("a3", [("Javad Zarif", "PERSON")]))
    assert person_names(nodes) == ["Mohammad Javad Zarif"]


@pytest.mark.parametrize("short, long", [
    ("Alvaro Uribe", "Alvaro Uribe Velez"),        # bench/wikinews-3, two articles
    ("Ricardo Lagos", "Ricardo Lagos Escobar"),    # elagora.com.mx writes both surnames
])
def test_a_full_name_without_its_second_surname_joins_it_with_a_shared_entity(short, long):
    nodes, log, _ = corpus(("a1", [(long, "PERSON"), ("Hugo Chavez", "PERSON")]),
                           ("a2", [(short, "PERSON"), ("Hugo Chavez", "PERSON")]))
    assert person_names(nodes) == sorted(["Hugo Chavez", long])
    [record] = [r for r in log if r.rule is EntityRule.PERSON_WITHOUT_SECOND_SURNAME]
    assert any("hugo-chavez" in e for e in record.evidence)


def test_a_second_surname_join_needs_evidence_beyond_the_name():
    nodes, _, _ = corpus(("a1", [("Alvaro Uribe Velez", "PERSON"), ("Bogota", "GPE")]),
                         ("a2", [("Alvaro Uribe", "PERSON"), ("Madrid", "GPE")]))
    assert person_names(nodes) == ["Alvaro Uribe", "Alvaro Uribe Velez"]


@pytest.mark.parametrize("names", [
    ["Carlos Slim Helu", "Carlos Slim Domit"],   # father and son: the short form could be either
    ["Mary Ann Smith"],                          # "Mary Ann" ends in a given name: no surname left out
])
def test_a_name_without_a_last_word_joins_nothing_when_it_is_ambiguous_or_no_surname(names):
    short = " ".join(names[0].split()[:-1])
    nodes, _, _ = corpus(("a1", [(n, "PERSON") for n in names] + [("Mexico City", "GPE")]),
                         ("a2", [(short, "PERSON"), ("Mexico City", "GPE")]))
    assert short in person_names(nodes)
