"""One common full name in unrelated stories is two people (resolution/people/common_names.py)."""
from __future__ import annotations

from graphbuild.model import OfficeHolding, TextSpan
from graphbuild.rules import EntityRule
from tests.resolution.people.corpus import corpus, person_names


def test_a_common_full_name_in_unrelated_stories_is_two_people():
    # An actor and a county attorney of one common name: their stories share nothing.
    nodes, log, _ = corpus(
        ("a1", [("Matt Smith", "PERSON"), ("BBC", "ORG"), ("Glasgow", "GPE"), ("David Tennant", "PERSON")]),
        ("a2", [("Matt Smith", "PERSON"), ("Mohave County", "GPE"), ("Kingman", "GPE"), ("Warren Jeffs", "PERSON")]),
        ("a3", [("Matt Smith", "PERSON"), ("Mohave County", "GPE"), ("Jeffs", "PERSON")]),
        # A report that names nothing else is no evidence of a third man.
        ("a4", [("Matt Smith", "PERSON"), ("France", "GPE")]))
    smiths = sorted(n.id for n in nodes.values() if n.name == "Matt Smith")
    assert smiths[0] == "person:matt-smith" and smiths[1].startswith("person:matt-smith--") and len(smiths) == 2
    [record] = [r for r in log if r.rule is EntityRule.PERSON_COMMON_NAME_OTHER_STORY]
    assert record.articles == ("a1",) and record.result == smiths[1]
    assert "common name" in record.evidence[0] and "a2" in record.evidence[0]
    [main] = [r for r in log if r.result == "person:matt-smith" and r.rule is EntityRule.PERSON_FULL_NAME]
    assert main.articles == ("a2", "a3", "a4")


def test_a_common_full_name_stays_one_person_when_the_stories_share_an_entity():
    nodes, log, _ = corpus(("a1", [("Matt Smith", "PERSON"), ("Mohave County", "GPE")]),
                           ("a2", [("Matt Smith", "PERSON"), ("Mohave County", "GPE")]))
    assert [n.id for n in nodes.values() if n.name == "Matt Smith"] == ["person:matt-smith"]
    assert not [r for r in log if r.rule is EntityRule.PERSON_COMMON_NAME_OTHER_STORY]


def test_a_rare_full_name_merges_across_articles_with_nothing_else_in_common():
    # Two reports that name "Barack Obama" and no other entity but countries are one man.
    nodes, _, _ = corpus(("a1", [("Barack Obama", "PERSON"), ("France", "GPE")]),
                         ("a2", [("Barack Obama", "PERSON"), ("Kenya", "GPE")]))
    assert person_names(nodes) == ["Barack Obama"]


def test_a_separated_common_name_keeps_its_office_on_its_own_node():
    holdings = [OfficeHolding("a2", "person:matt-smith", "County Attorney", "org:mohave-county", TextSpan(0, 1),
                              "office:apposition")]
    _, _, people = corpus(("a1", [("Matt Smith", "PERSON"), ("BBC", "ORG"), ("Karen Gillan", "PERSON")]),
                          ("a2", [("Matt Smith", "PERSON"), ("Mohave County", "ORG"), ("Warren Jeffs", "PERSON")]),
                          ("a3", [("Matt Smith", "PERSON"), ("Mohave County", "ORG")]), offices=holdings)
    assert people.person_id("a1", "person:matt-smith").startswith("person:matt-smith--")
    assert [h.person_id for h in people.offices(holdings)] == ["person:matt-smith"]
