"""Within-article resolution of people, countries, places and organisations (records only)."""
from __future__ import annotations

from graphbuild.model import ArticleMeta, EntityKind, Extraction, Mention, TextSpan
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.within_document import resolve_article


def extraction(article_id, pairs):
    """Build an Extraction from [(surface, label)] with made-up, increasing offsets."""
    mentions, pos = [], 0
    for surface, label in pairs:
        mentions.append(Mention(pos, pos + len(surface), surface, label, TextSpan(0, 0)))
        pos += len(surface) + 1
    return Extraction(ArticleMeta(article_id, "x.jsonl", "0" * 64, 10), tuple(mentions))


def by_id(local_entities):
    return {e.resolved.id: e for e in local_entities}


def test_surname_with_any_ner_label_resolves_to_the_full_name_in_the_article():
    found = by_id(resolve_article(extraction("a1", [
        ("Jim Mattis", "PERSON"), ("Mattis", "NORP"), ("Mattis", "PRODUCT"), ("Mattis", "GPE"), ("Mattis", "PERSON"),
    ]), gazetteer()))
    assert list(found) == ["person:jim-mattis"]
    assert len(found["person:jim-mattis"].mentions) == 5
    assert found["person:jim-mattis"].rules[1] == "person:surname-in-article"


def test_family_name_first_resolves_for_korean_style_names():
    found = by_id(resolve_article(extraction("a1", [("Song Young-moo", "PERSON"), ("Song", "PERSON")]), gazetteer()))
    assert list(found) == ["person:song-young-moo"]


def test_ambiguous_surname_is_not_guessed():
    found = by_id(resolve_article(extraction("a1", [
        ("Donald Trump", "PERSON"), ("Melania Trump", "PERSON"), ("Trump", "PERSON"),
    ]), gazetteer()))
    assert {"person:donald-trump", "person:melania-trump"} <= set(found)
    single = [i for i in found if i.startswith("person:trump~")]
    assert len(single) == 1


def test_single_names_without_a_full_name_are_scoped_to_their_article():
    first = by_id(resolve_article(extraction("a1", [("Song", "PERSON")]), gazetteer()))
    second = by_id(resolve_article(extraction("a2", [("Song", "PERSON")]), gazetteer()))
    assert set(first).isdisjoint(second)


def test_a_known_place_keeps_its_meaning_even_when_it_is_a_surname_in_the_article():
    found = by_id(resolve_article(extraction("a1", [("Denzel Washington", "PERSON"), ("Washington", "GPE")]), gazetteer()))
    assert set(found) == {"person:denzel-washington", "place:USA:washington"}


def test_repairs_of_mislabelled_places_and_groups():
    found = by_id(resolve_article(extraction("a1", [
        ("Okinawa", "ORG"), ("North Koreans", "LOC"), ("Guam", "GPE"), ("U.N.", "ORG"), ("UN", "ORG"),
        ("Korean Peninsula", "LOC"), ("Asian", "NORP"),
    ]), gazetteer()))
    assert set(found) == {"place:JPN:okinawa", "country:PRK", "place:USA:guam", "org:united-nations", "place:korean-peninsula"}
    assert found["place:USA:guam"].resolved.kind is EntityKind.PLACE
    assert found["place:USA:guam"].resolved.country_id == "country:USA"
    assert len(found["org:united-nations"].mentions) == 2


def test_dateline_resolves_as_a_place():
    found = by_id(resolve_article(extraction("a1", [("TOKYO", "DATELINE")]), gazetteer()))
    assert found["place:JPN:tokyo"].resolved.name == "Tokyo"


def test_a_city_of_two_words_tagged_person_is_the_city():
    # "in Porto Alegre" is PERSON in wn-venezuela-colombia-crisis.
    found = by_id(resolve_article(extraction("a1", [("Porto Alegre", "PERSON")]), gazetteer()))
    assert list(found) == ["place:BRA:porto-alegre"]
