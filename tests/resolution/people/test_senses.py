"""A lone word takes the sense its article or the corpus gives it: place, organisation, office holder
(resolution/people/senses.py)."""
from __future__ import annotations

import pytest

from graphbuild.model import EntityKind, OfficeHolding, TextSpan
from graphbuild.resolution.across_documents import merge_entities
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.people import resolve_people
from graphbuild.resolution.within_document import resolve_article
from graphbuild.rules import EntityRule, OfficeRule
from tests.resolution.extractions import extraction
from tests.resolution.people.corpus import corpus, person_names


def test_a_single_name_no_person_bears_that_the_gazetteer_knows_is_the_place():
    # "[in Annapolis] that you had not had" (wn-annapolis-statement): NER says PERSON.
    gaz = gazetteer()
    local = [e for article_id, pairs in (("a1", [("Annapolis", "PERSON"), ("Israel", "GPE")]),
                                         ("a2", [("Murphy", "PERSON"), ("Kelly", "PERSON")]))
             for e in resolve_article(extraction(article_id, pairs), gaz)]
    people = resolve_people(local, (), gaz)
    nodes, log = merge_entities(people.local_entities, gaz, people.evidence)
    assert nodes["place:USA:annapolis"].kind is EntityKind.PLACE
    # A small town's name is as often a surname: "for every Murphy, Kelly" (wn-ahern-white-house).
    assert person_names(nodes) == ["Kelly", "Murphy"]


def test_a_known_persons_name_is_never_geocoded():
    gaz = gazetteer()
    local = [e for article_id, pairs in (("a1", [("Denzel Washington", "PERSON")]), ("a2", [("Washington", "PERSON")]))
             for e in resolve_article(extraction(article_id, pairs), gaz)]
    nodes, _ = merge_entities(resolve_people(local, (), gaz).local_entities, gaz)
    assert nodes["person:denzel-washington"].aliases == ("Denzel Washington", "Washington")


def test_a_lone_word_other_articles_type_as_one_organisation_or_place_is_that_one():
    # "Mozilla" PERSON in one ECB+ report, ORG in others (27_16ecb, 27_3ecbplus); "Wasilla"
    # PERSON in 13_1ecb, a place elsewhere (13_12ecb).
    nodes, log, _ = corpus(("a1", [("Mozilla", "PERSON"), ("Wasilla", "PERSON")]),
                           ("a2", [("Mozilla", "ORG"), ("Firefox", "PRODUCT")]),
                           ("a3", [("Wasilla", "GPE"), ("Sarah Palin", "PERSON")]))
    assert person_names(nodes) == ["Sarah Palin"]
    rules = {r.rule: r for r in log}
    assert rules[EntityRule.ORG_TYPED_ELSEWHERE_IN_CORPUS].inputs == ("Mozilla",)
    assert rules[EntityRule.PLACE_TYPED_ELSEWHERE_IN_CORPUS].articles == ("a1",)


@pytest.mark.parametrize("why, first, office", [
    ("a given name", ("Chelsea", "PERSON"), ()),
    ("an office holder", ("Wiranto", "PERSON"), ("a1", "person:wiranto", "Minister", "country:IDN")),
])
def test_a_lone_word_stays_a_person_when_it_is_a_given_name_or_holds_an_office(why, first, office):
    name = first[0]
    offices = ()
    if office:
        local = resolve_article(extraction("a1", [first]), gazetteer())
        person_id = next(e.resolved.id for e in local if e.resolved.kind is EntityKind.PERSON)
        offices = (OfficeHolding("a1", person_id, office[2], office[3], TextSpan(0, 0), next(iter(OfficeRule))),)
    nodes, log, _ = corpus(("a1", [first]), ("a2", [(name, "ORG"), ("London", "GPE")]), offices=offices)
    assert person_names(nodes) == [name], why
    assert not any(r.rule in (EntityRule.PLACE_TYPED_ELSEWHERE_IN_CORPUS, EntityRule.ORG_TYPED_ELSEWHERE_IN_CORPUS)
                   for r in log)


def test_two_organisations_or_places_of_one_name_elsewhere_leave_the_lone_word_a_person():
    nodes, _, _ = corpus(("a1", [("Cobb", "PERSON")]), ("a2", [("Cobb", "ORG")]), ("a3", [("Cobb", "GPE")]))
    assert "Cobb" in person_names(nodes)


def test_a_lone_word_its_own_article_types_as_a_place_is_that_place_where_the_corpus_has_two():
    # ECB+ 21_5ecb, 21_11ecb: "the Bloomington man" PERSON beside "in Bloomington" GPE (Minnesota),
    # where other articles name another Bloomington.
    nodes, log, _ = corpus(("a1", [("Bloomington", "PERSON"), ("Bloomington", "GPE"), ("Minnesota", "GPE")]),
                           ("a2", [("Bloomington", "GPE"), ("Indiana", "GPE")]))
    assert "Bloomington" not in person_names(nodes)
    assert any(r.rule is EntityRule.PLACE_TYPED_ELSEWHERE_IN_ARTICLE for r in log)


def _president(article, person, holder="country:USA"):
    return OfficeHolding(article, person, "President", holder, TextSpan(0, 1), OfficeRule.PRE_MODIFIER)


def test_a_word_typed_organisation_that_its_article_types_a_person_is_that_office_holder():
    # "Trump" typed ORG three times and PERSON once in one report (the probe's NPR and
    # Washington Post mirror reports); "President Donald Trump" in another.
    nodes, log, people = corpus(("a1", [("Donald Trump", "PERSON"), ("United States", "GPE")]),
                                ("a2", [("Trump", "ORG"), ("Trump", "PERSON"), ("Helsinki", "GPE")]),
                                offices=[_president("a1", "person:donald-trump")])
    assert "org:trump" not in nodes and person_names(nodes) == ["Donald Trump"]
    [record] = [r for r in log if r.rule is EntityRule.PERSON_TYPED_PERSON_IN_ARTICLE]
    assert record.articles == ("a2",) and "country:USA" in record.evidence[0]
    assert people.person_id("a2", "org:trump") == "person:donald-trump"


@pytest.mark.parametrize("why, articles, offices", [
    ("the article never types it a person", [("a2", [("Trump", "ORG"), ("Helsinki", "GPE")])], True),
    ("the person holds no office for a country", [("a2", [("Trump", "ORG"), ("Trump", "PERSON")])], False),
    ("a company's name of two words", [("a2", [("Trump Organization", "ORG"), ("Trump", "PERSON")])], True),
])
def test_an_organisation_stays_one_without_the_articles_person_sense_or_a_countrys_office(why, articles, offices):
    holdings = [_president("a1", "person:donald-trump")] if offices else \
        [_president("a1", "person:donald-trump", "org:trump-organization")]
    nodes, log, _ = corpus(("a1", [("Donald Trump", "PERSON"), ("Trump Organization", "ORG")]), *articles,
                           offices=holdings)
    assert not [r for r in log if r.rule is EntityRule.PERSON_TYPED_PERSON_IN_ARTICLE], why
