"""Mention boundaries repaired with the gazetteer and the article's own mentions."""
from __future__ import annotations

import pytest

from graphbuild.model import Mention, TextSpan
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.mentions import acronym_definitions, split_mentions


def mention(text, label, start=100):
    return Mention(start, start + len(text), text, label, TextSpan(0, 500))


def parts(found, offset=100):
    return [(m.text, m.label, m.start - offset) for m in found]


def test_a_name_with_its_acronym_in_one_span_is_two_mentions_with_exact_offsets():
    # "the Movement for Democratic Change (MDC" is one NER span in wn-mugabe-prepared-to-fight.
    found = split_mentions([mention("Movement for Democratic Change (MDC", "ORG")], gazetteer(), frozenset())
    assert parts(found) == [("Movement for Democratic Change", "ORG", 0), ("MDC", "ORG", 32)]


def test_a_hyphen_pair_of_known_names_splits_and_a_hyphenated_name_does_not():
    gaz = gazetteer()
    found = split_mentions([mention("Abbas-Olmert", "ORG")], gaz, frozenset({"abbas", "olmert"}))
    assert parts(found) == [("Abbas", "PERSON", 0), ("Olmert", "PERSON", 6)]
    assert parts(split_mentions([mention("Osei-Adjei", "ORG")], gaz, frozenset({"akwasi"}))) == [("Osei-Adjei", "ORG", 0)]
    assert parts(split_mentions([mention("Stratford-upon-Avon", "GPE")], gaz, frozenset())) == [("Stratford-upon-Avon", "GPE", 0)]


@pytest.mark.parametrize("text, first, second", [
    ("Jennifer Lawrence - Liam Hemsworth", "Jennifer Lawrence", "Liam Hemsworth"),  # ECB+ 6_11ecbplus
    ("Esther Williams - Esther Williams", "Esther Williams", "Esther Williams"),    # ECB+ 4_4ecbplus (headline)
    ("Jennifer Lawrence-Liam Hemsworth", "Jennifer Lawrence", "Liam Hemsworth"),
])
def test_a_dash_between_two_full_names_is_two_people(text, first, second):
    found = parts(split_mentions([mention(text, "PERSON")], gazetteer(), frozenset()))
    assert found == [(first, "PERSON", 0), (second, "PERSON", text.index(second, len(first)))]


@pytest.mark.parametrize("text", [
    "Dominique Strauss - Kahn",  # ECB+ 8_3ecbplus: one hyphenated surname
    "Abdel Aziz al - Hilu",      # ECB+ 41_6ecbplus: a particle and a surname
    "Jean - Claude Van Damme",   # a hyphenated given name
])
def test_a_hyphen_inside_one_name_keeps_it_whole(text):
    assert parts(split_mentions([mention(text, "PERSON")], gazetteer(), frozenset())) == [(text, "PERSON", 0)]


def test_a_country_glued_before_a_persons_name_is_its_own_mention():
    # "the President of Venezuela Hugo Chávez" (wn-venezuela-colombia-crisis): one ORG span.
    found = split_mentions([mention("Venezuela Hugo Chávez", "ORG")], gazetteer(), frozenset({"hugo", "chavez"}))
    assert parts(found) == [("Venezuela", "GPE", 0), ("Hugo Chávez", "PERSON", 10)]
    # An organisation named after a country stays whole.
    assert len(split_mentions([mention("Israeli Defense Forces", "ORG")], gazetteer(), frozenset())) == 1


@pytest.mark.parametrize("long, short", [
    ("Revolutionary Armed Forces of Colombia", "FARC"),   # wn-granda-capture-crisis (Spanish word order)
    ("African Continental Free Trade Area", "AfCFTA"),    # wn-afcfta-niamey-summit
    ("Palestinian Legislative Council", "PLC"),           # wn-hamas-ends-truce
    ("National Transportation Safety Board", "NTSB"),     # ECB+ 35_2ecbplus
])
def test_an_acronym_right_after_a_name_that_it_spells_is_defined_by_it(long, short):
    first = mention(long, "ORG", 0)
    second = mention(short, "ORG", len(long) + 2)
    assert acronym_definitions([first, second]) == {short.lower(): first}


def test_an_acronym_that_does_not_spell_the_name_is_not_defined():
    first = mention("Morgan Tsvangirai", "PERSON", 0)
    assert acronym_definitions([first, mention("MDC", "ORG", len(first.text) + 2)]) == {}


def test_an_acronym_defined_in_one_article_is_that_organisation_in_the_others():
    from graphbuild.resolution.across_documents import join_defined_acronyms, merge_entities
    from graphbuild.resolution.within_document import resolve_article
    from tests.resolution.extractions import extraction

    gaz = gazetteer()
    local = resolve_article(extraction("a1", [("Movement for Democratic Change", "ORG"), ("MDC", "ORG")]), gaz)
    local += resolve_article(extraction("a2", [("MDC", "ORG"), ("Harare", "GPE")]), gaz)
    local, evidence = join_defined_acronyms(local)
    nodes, _ = merge_entities(local, gaz, evidence)
    assert nodes["org:movement-for-democratic-change"].aliases == ("MDC", "Movement for Democratic Change")
    assert "org:mdc" not in nodes


@pytest.mark.parametrize("short, long", [
    ("SADC", "Southern African Development Community"),          # wn-mugabe-au-suspension
    ("IRTC", "Internationally Recognised Transit Corridor"),     # ECB+ 12_6ecbplus
])
def test_an_acronym_written_before_its_name_in_brackets_is_that_name(short, long):
    acronym = mention(short, "ORG")
    name = mention(long, "ORG", acronym.end + 2)  # "SADC (Southern …)"
    assert acronym_definitions([acronym, name]) == {short.lower(): name}
    assert parts(split_mentions([mention(f"{short} ({long})", "ORG")], gazetteer(), frozenset())) == [
        (short, "ORG", 0), (long, "ORG", len(short) + 2)]


def test_an_acronym_after_or_is_the_name_before_it_only_when_its_letters_follow_the_name():
    name = mention("UN Relief and Works Agency", "ORG")  # ECB+ 41_7ecb: "…, or UNRWA"
    assert acronym_definitions([name, mention("UNRWA", "ORG", name.end + 5)]) == {"unrwa": name}
    other = mention("Revolutionary Armed Forces of Colombia", "ORG")
    assert acronym_definitions([other, mention("FARC", "ORG", other.end + 5)]) == {}  # letters in another order


def test_a_countrys_name_that_is_a_given_name_before_one_surname_stays_the_persons_name():
    # "Jordan Clarke had 10 rebounds for Drake" (ECB+ 31_11ecbplus, 31_5ecbplus), "Chad Gallagher" (31_2ecbplus).
    gaz = gazetteer()
    assert parts(split_mentions([mention("Jordan Clarke", "PERSON")], gaz, frozenset())) == [("Jordan Clarke", "PERSON", 0)]
    assert parts(split_mentions([mention("Chad Gallagher", "PERSON")], gaz, frozenset())) == [("Chad Gallagher", "PERSON", 0)]
    # A country before a full name is still its own mention.
    assert parts(split_mentions([mention("Jordan Hugo Chávez", "PERSON")], gaz, frozenset()))[0] == ("Jordan", "GPE", 0)


def test_a_demonym_in_front_of_an_organisation_is_a_nested_mention_of_its_country():
    from graphbuild.resolution.mentions import demonym_in_front

    gaz = gazetteer()
    nested = demonym_in_front(mention("the Bolivian Senate", "ORG"), gaz)
    assert (nested.text, nested.label, nested.start - 100, nested.end - 100) == ("Bolivian", "NORP", 4, 12)
    assert demonym_in_front(mention("Swedish Parliament", "ORG"), gaz).text == "Swedish"
    # A country's own name, a lone demonym and a thing (no ORG) are none.
    assert demonym_in_front(mention("Israel Defense Forces", "ORG"), gaz) is None
    assert demonym_in_front(mention("the Bolivian", "ORG"), gaz) is None
    assert demonym_in_front(mention("Chinese food", "PRODUCT"), gaz) is None


def test_the_country_of_a_demonym_in_an_organisations_name_gets_the_demonym_as_alias():
    from graphbuild.resolution.across_documents import merge_entities
    from graphbuild.resolution.within_document import resolve_article
    from tests.resolution.extractions import extraction

    gaz = gazetteer()
    local = resolve_article(extraction("a1", [("Bolivia", "GPE"), ("the Bolivian Senate", "ORG")]), gaz)
    nodes, log = merge_entities(local, gaz)
    assert nodes["country:BOL"].aliases == ("Bolivia", "Bolivian")
    assert any(node.name == "Bolivian Senate" for node in nodes.values())
    assert any(record.rule.value == "country:demonym-in-organization-name" for record in log)


def test_a_demonym_in_a_name_of_an_article_that_names_no_such_country_makes_no_country():
    # A list of parties ("Guatemalan National Revolutionary Unity", wn-lula-meets-chavez).
    from graphbuild.resolution.within_document import resolve_article
    from tests.resolution.extractions import extraction

    local = resolve_article(extraction("a1", [("Brazil", "GPE"), ("Guatemalan National Revolutionary Unity", "ORG")]),
                            gazetteer())
    assert "country:GTM" not in {entity.resolved.id for entity in local}
    assert "country:BRA" in {entity.resolved.id for entity in local}
