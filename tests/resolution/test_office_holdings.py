"""Office titles normalised, and office mentions tied to resolved entities (records only)."""
from __future__ import annotations

from graphbuild.model import ArticleMeta, Extraction, Mention, OfficeMention, TextSpan
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.offices import normalize_title, resolve_offices
from graphbuild.resolution.within_document import resolve_article


def test_titles_are_normalised_across_spelling_and_case():
    assert normalize_title("defence minister") == normalize_title("Defense Minister") == "Defense Minister"
    assert normalize_title("DEFENCE  SECRETARY") == "Defense Secretary"
    assert normalize_title("CEO") == "CEO"
    assert normalize_title("Secretary of State") == "Secretary of State"
    assert normalize_title("vice-president") == "Vice-President"


def test_title_normalisation_is_idempotent():
    for title in ["defence minister", "Labour spokesman", "Secretary of State", "CEO", "vice-president"]:
        assert normalize_title(normalize_title(title)) == normalize_title(title)


def article(text, spans, offices, article_id="a1"):
    """An Extraction whose mentions are the given (surface, label) occurrences in ``text``."""
    mentions = []
    for surface, label in spans:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, label, TextSpan(0, len(text))))
    return Extraction(ArticleMeta(article_id, "x.jsonl", "0" * 64, 10), tuple(mentions), tuple(offices))


def office(text, title, person, holder):
    span = lambda s: TextSpan(text.index(s), text.index(s) + len(s)) if s else None  # noqa: E731
    return OfficeMention(span(title), title, span(person), span(holder), TextSpan(0, len(text)), "office:pre-modifier")


def holdings(extraction):
    return resolve_offices(extraction, resolve_article(extraction, gazetteer()))


def test_demonym_holder_resolves_to_the_country():
    text = "South Korean defence minister Song Young-moo spoke."
    ext = article(text, [("South Korean", "NORP"), ("Song Young-moo", "PERSON")],
                  [office(text, "defence minister", "Song Young-moo", "South Korean")])
    [held] = holdings(ext)
    assert (held.person_id, held.title, held.holder_id) == ("person:song-young-moo", "Defense Minister", "country:KOR")
    assert text[held.evidence.start:held.evidence.end] == "South Korean defence minister Song Young-moo"


def test_organisation_holder():
    text = "Associated Press writer Mari Yamaguchi wrote."
    ext = article(text, [("Associated Press", "ORG"), ("Mari Yamaguchi", "PERSON")],
                  [office(text, "writer", "Mari Yamaguchi", "Associated Press")])
    [held] = holdings(ext)
    assert held.holder_id == "org:associated-press" and held.title == "Writer"


def test_no_holding_without_a_holder_or_with_a_place_or_a_non_person():
    text = "Tokyo governor Yuriko Koike met Defense Secretary Jim Mattis and Japanese minister Kyoto."
    ext = article(text, [("Tokyo", "GPE"), ("Yuriko Koike", "PERSON"), ("Jim Mattis", "PERSON"),
                         ("Japanese", "NORP"), ("Kyoto", "GPE")],
                  [office(text, "governor", "Yuriko Koike", "Tokyo"),
                   office(text, "Defense Secretary", "Jim Mattis", None),
                   office(text, "minister", "Kyoto", "Japanese")])
    assert holdings(ext) == []
