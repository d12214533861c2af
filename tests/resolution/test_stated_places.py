"""A bare town name read as the corpus writes it with its state or country."""
from __future__ import annotations

from graphbuild.resolution.country_context import article_countries
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.stated_places import towns_as_the_corpus_writes_them
from graphbuild.resolution.within_document import resolve_article
from graphbuild.rules import EntityRule
from tests.resolution.extractions import extraction, extraction_of_text


def _local(*articles):
    gaz = gazetteer()
    local = []
    for article_id, text, pairs in articles:
        built = extraction_of_text(article_id, text, pairs) if text else extraction(article_id, pairs)
        local.extend(resolve_article(built, gaz))
    return towns_as_the_corpus_writes_them(local, gaz, article_countries(local))


def test_a_bare_town_is_the_town_another_report_writes_with_its_province():
    # ECB+ 36_2ecb writes "Bountiful, British Columbia"; 36_1ecb, 36_8ecb name Canada and
    # "Bountiful" alone, which the gazetteer makes a town of Utah.
    assert gazetteer().place("Bountiful").country == "USA"
    local, evidence = _local(
        ("a", "Leaders in Bountiful, British Columbia, were charged.", [("Bountiful", "GPE"), ("British Columbia", "GPE")]),
        ("b", None, [("Canada", "GPE"), ("Bountiful", "GPE")]))
    town = next(e for e in local if e.article_id == "b" and e.resolved.name == "Bountiful")
    assert town.resolved.id == "place:bountiful" and town.resolved.country_id == "country:CAN"
    assert town.rules == (EntityRule.PLACE_AS_WRITTEN_WITH_ITS_REGION_ELSEWHERE,)
    assert evidence[("place:bountiful", EntityRule.PLACE_AS_WRITTEN_WITH_ITS_REGION_ELSEWHERE)]


def test_a_bare_town_stays_where_its_article_names_not_the_written_towns_country():
    local, evidence = _local(
        ("a", "Leaders in Bountiful, British Columbia, were charged.", [("Bountiful", "GPE"), ("British Columbia", "GPE")]),
        ("b", None, [("Utah", "GPE"), ("Bountiful", "GPE")]))
    town = next(e for e in local if e.article_id == "b" and e.resolved.name == "Bountiful")
    assert town.resolved.id == "place:USA:bountiful" and not evidence
