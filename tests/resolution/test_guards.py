"""Resolution guards: what must never be merged, and what must never become a country."""
from __future__ import annotations

import pytest

from graphbuild.model import ArticleMeta, EntityKind, Extraction, Mention, OfficeMention, TextSpan
from graphbuild.resolution.across_documents import merge_entities
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.people import resolve_people
from graphbuild.resolution.within_document import resolve_article


def extraction(article_id, pairs, offices=()):
    """An Extraction from [(surface, label)] with made-up, increasing offsets."""
    mentions, pos = [], 0
    for surface, label in pairs:
        mentions.append(Mention(pos, pos + len(surface), surface, label, TextSpan(0, 0)))
        pos += len(surface) + 1
    return Extraction(ArticleMeta(article_id, "x.jsonl", "0" * 64, 10), tuple(mentions), tuple(offices))


def graph_nodes(*extractions):
    gaz = gazetteer()
    local = [entity for ext in extractions for entity in resolve_article(ext, gaz)]
    nodes, _ = merge_entities(resolve_people(local).local_entities, gaz)
    return nodes


@pytest.mark.parametrize("name", ["Song", "Kim"])
def test_the_same_single_name_in_unrelated_articles_is_two_people(name):
    nodes = graph_nodes(extraction("a1", [(name, "PERSON"), ("Seoul", "GPE")]),
                        extraction("a2", [(name, "PERSON"), ("Chicago", "GPE")]))
    people = [n for n in nodes.values() if n.kind is EntityKind.PERSON]
    assert len(people) == 2 and all(p.name == name for p in people)


def test_a_surname_next_to_its_full_name_is_that_person_even_when_the_corpus_has_another():
    nodes = graph_nodes(extraction("a1", [("Kim Jong Un", "PERSON"), ("Kim", "PERSON")]),
                        extraction("a2", [("Kim Dong-chul", "PERSON"), ("Kim", "PERSON")]))
    people = sorted(n.id for n in nodes.values() if n.kind is EntityKind.PERSON)
    assert people == ["person:kim-dong-chul", "person:kim-jong-un"]


def test_georgia_the_us_state_and_georgia_the_country_stay_apart():
    nodes = graph_nodes(extraction("us", [("Atlanta", "GPE"), ("Georgia", "GPE")]),
                        extraction("caucasus", [("Tbilisi", "GPE"), ("Georgia", "GPE")]))
    state = nodes["place:USA:georgia"]
    assert state.kind is EntityKind.PLACE and state.country_id == "country:USA"
    assert nodes["country:GEO"].kind is EntityKind.COUNTRY
    georgias = [n for n in nodes.values() if n.name == "Georgia"]
    assert len(georgias) == 2


def test_georgia_without_context_is_the_country():
    nodes = graph_nodes(extraction("a1", [("Georgia", "GPE"), ("Russia", "GPE")]))
    assert "country:GEO" in nodes and "place:USA:georgia" not in nodes


def test_a_regional_office_puts_the_article_in_the_region():
    text_pairs = [("Georgia", "GPE"), ("Brian Kemp", "PERSON")]
    office = OfficeMention(TextSpan(8, 16), "governor", TextSpan(8, 18), TextSpan(0, 7), TextSpan(0, 0),
                           "office:pre-modifier")
    nodes = graph_nodes(extraction("a1", text_pairs, [office]))
    assert "place:USA:georgia" in nodes and "country:GEO" not in nodes


def test_a_city_name_holding_a_regional_office_is_the_state_and_its_other_mentions_the_city():
    # MEANTIME airbus_100911 "Washington senator Patty Murray"; other reports' Washington is the capital.
    text_pairs = [("Washington", "GPE"), ("Patty Murray", "PERSON"), ("Washington", "GPE")]
    office = OfficeMention(TextSpan(11, 18), "senator", TextSpan(11, 23), TextSpan(0, 10), TextSpan(0, 0),
                           "office:pre-modifier")
    nodes = graph_nodes(extraction("a1", text_pairs, [office]),
                        extraction("a2", [("Washington", "GPE"), ("G7", "ORG")]))
    state = nodes["place:USA:washington:us-wa"]
    assert state.kind is EntityKind.PLACE and dict(state.props).get("iso_code") == "US-WA"
    city = nodes["place:USA:washington"]
    assert dict(city.props).get("capital") is True


def test_a_team_written_by_its_city_stays_in_its_article_and_is_never_the_city():
    # ECB+ 10_4ecbplus "traded from Atlanta" (the Braves); 3_3ecb "an Atlanta courthouse" (the city).
    nodes = graph_nodes(extraction("a1", [("Atlanta", "TEAM"), ("Mark Teixeira", "PERSON")]),
                        extraction("a2", [("Atlanta", "TEAM")]),
                        extraction("a3", [("Atlanta", "GPE")]))
    teams = [n for n in nodes.values() if n.name == "Atlanta" and n.kind is EntityKind.ORGANIZATION]
    assert len(teams) == 2 and all("~" in n.id for n in teams)
    assert nodes["place:USA:atlanta"].aliases == ("Atlanta",)


@pytest.mark.parametrize("capital, iso3", [("Pyongyang", "PRK"), ("Seoul", "KOR"), ("Washington", "USA"), ("Tokyo", "JPN")])
def test_capitals_used_as_actors_are_places_in_their_country_never_countries(capital, iso3):
    # "Japan has argued … negotiations with Pyongyang": NER says GPE, sometimes ORG.
    for label in ("GPE", "ORG"):
        nodes = graph_nodes(extraction("a1", [(capital, label)]))
        [place] = [n for n in nodes.values() if capital in n.aliases]
        assert place.kind is EntityKind.PLACE
        assert place.country_id == f"country:{iso3}"
        countries = [n.id for n in nodes.values() if n.kind is EntityKind.COUNTRY]
        assert countries == [f"country:{iso3}"]  # only the country it lies in, added for IN_COUNTRY


@pytest.mark.parametrize("surface", ["US Geological Survey", "U.S. Geological Survey", "U. S. Geological Survey",
                                     "the United States Geological Survey"])  # ECB+ 37_*, 38_*
def test_an_organisation_named_after_its_country_is_one_however_the_country_is_written(surface):
    from graphbuild.resolution.surfaces import resolve_surface

    assert resolve_surface("ORG", surface, gazetteer()).id == "org:united-states-geological-survey"


def test_an_organisation_whose_first_words_are_no_country_code_keeps_its_id():
    from graphbuild.resolution.surfaces import resolve_surface

    assert [resolve_surface("ORG", name, gazetteer()).id for name in ("America Libre", "Republic of Korea Navy")] == [
        "org:america-libre", "org:republic-of-korea-navy"]
