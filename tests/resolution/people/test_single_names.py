"""Single names join the one person of the corpus they can be, with guards (resolution/people/single_names.py)."""
from __future__ import annotations

from graphbuild.model import EntityKind, OfficeHolding, TextSpan
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.people import resolve_people
from graphbuild.resolution.within_document import resolve_article
from graphbuild.rules import EntityRule, OfficeRule
from tests.resolution.extractions import extraction
from tests.resolution.people.corpus import corpus, person_names


def test_a_surname_alone_joins_the_one_full_name_person_of_the_corpus():
    # "Putin" alone in one report; "Vladimir Putin" spelt out in another.
    nodes, log, _ = corpus(("a1", [("Vladimir Putin", "PERSON"), ("Russia", "GPE")]),
                           ("a2", [("Putin", "PERSON"), ("Kremlin", "ORG")]))
    assert person_names(nodes) == ["Vladimir Putin"]
    assert nodes["person:vladimir-putin"].aliases == ("Putin", "Vladimir Putin")
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS]
    assert record.articles == ("a2",) and record.inputs == ("Putin",)
    assert "Vladimir Putin" in record.evidence[0] and "a1" in record.evidence[0]


def test_family_name_first_joins_when_the_full_name_is_written_family_first():
    nodes, _, _ = corpus(("a1", [("Song Young-moo", "PERSON"), ("Song", "PERSON")]),
                         ("a2", [("Song", "PERSON"), ("Seoul", "GPE")]))
    assert person_names(nodes) == ["Song Young-moo"]


def test_a_first_word_no_given_name_list_knows_joins_the_office_holder_it_begins():
    # "President Xi" in one outlet, "Chinese President Xi Jinping" in another that never
    # writes "Xi" alone; NER's "Xeon CPU" holds no office, and "Xeon" alone joins nothing.
    president = OfficeHolding("a1", "person:xi-jinping", "President", "country:CHN", TextSpan(0, 5),
                              OfficeRule.PRE_MODIFIER)
    nodes, log, _ = corpus(("a1", [("Xi Jinping", "PERSON"), ("Narendra Modi", "PERSON"), ("Wuhan", "GPE")]),
                           ("a2", [("Xi", "PERSON"), ("Wuhan", "GPE")]),
                           ("a3", [("Xeon CPU", "PERSON")]), ("a4", [("Xeon", "PERSON")]),
                           offices=[president])
    assert person_names(nodes) == ["Narendra Modi", "Xeon", "Xeon CPU", "Xi Jinping"]
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS]
    assert record.inputs == ("Xi",) and "no given-name list knows it" in record.evidence[0]


def test_two_unrelated_kims_stay_apart_when_the_corpus_has_two_full_name_kims():
    nodes, _, _ = corpus(("a1", [("Kim Jong Un", "PERSON"), ("Pyongyang", "GPE")]),
                         ("a2", [("Kim Dong-chul", "PERSON"), ("Chicago", "GPE")]),
                         ("a3", [("Kim", "PERSON"), ("Tokyo", "GPE")]),
                         ("a4", [("Kim", "PERSON"), ("Paris", "GPE")]))
    people = sorted(n.id for n in nodes.values() if n.kind is EntityKind.PERSON)
    assert people[:2] == ["person:kim-dong-chul", "person:kim-jong-un"]
    assert len(people) == 4 and all("~" in p for p in people[2:])


def test_the_articles_context_chooses_between_two_full_names():
    # Two Castros in the corpus; the article about Cuba and Venezuela means Fidel.
    nodes, log, _ = corpus(
        ("a1", [("Fidel Castro", "PERSON"), ("Cuba", "GPE"), ("Venezuela", "GPE"), ("Hugo Chávez", "PERSON")]),
        ("a2", [("Jorge Daniel Castro", "PERSON"), ("Colombian National Police", "ORG"), ("Bogotá", "GPE")]),
        ("a3", [("Castro", "PERSON"), ("Cuba", "GPE"), ("Venezuela", "GPE"), ("Chávez", "PERSON")]))
    assert "Castro" in nodes["person:fidel-castro"].aliases
    assert nodes["person:jorge-daniel-castro"].aliases == ("Jorge Daniel Castro",)
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_BY_CONTEXT]
    assert "shares 2 entities" in record.evidence[0]


def test_an_office_stated_in_the_article_chooses_the_holder():
    holdings = [OfficeHolding("a1", "person:ban-ki-moon", "Secretary-General", "org:united-nations", TextSpan(0, 1),
                              "office:pre-modifier"),
                OfficeHolding("a3", "person:ban~" , "Secretary-General", "org:united-nations", TextSpan(0, 1),
                              "office:pre-modifier")]
    gaz = gazetteer()
    local = [e for article_id, pairs in (("a1", [("Ban Ki-moon", "PERSON")]), ("a2", [("Ban Ki-sung", "PERSON")]),
                                         ("a3", [("Ban", "PERSON")]))
             for e in resolve_article(extraction(article_id, pairs), gaz)]
    single = next(e for e in local if e.article_id == "a3").resolved.id
    holdings[1] = OfficeHolding("a3", single, "Secretary-General", "org:united-nations", TextSpan(0, 1), "office:pre-modifier")
    people = resolve_people(local, holdings)
    assert people.person_id("a3", single) == "person:ban-ki-moon"
    assert people.offices(holdings)[1].person_id == "person:ban-ki-moon"


def test_a_given_name_alone_needs_the_articles_context():
    nodes, _, _ = corpus(("a1", [("John Bolton", "PERSON"), ("Iran", "GPE")]),
                         ("a2", [("John", "PERSON"), ("Paris", "GPE")]))
    assert len(person_names(nodes)) == 2


def test_a_common_surname_alone_joins_the_one_full_name_only_with_shared_context():
    # A boxer "Lewis" is not the comedian "Jerry Lewis" of another story.
    nodes, log, _ = corpus(("a1", [("Jerry Lewis", "PERSON"), ("Muscular Dystrophy Association", "ORG")]),
                           ("a2", [("Lewis", "PERSON"), ("World Boxing Council", "ORG")]),
                           ("a3", [("Lewis", "PERSON"), ("Muscular Dystrophy Association", "ORG")]))
    assert nodes["person:jerry-lewis"].aliases == ("Jerry Lewis", "Lewis")
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS]
    assert record.articles == ("a3",) and "muscular-dystrophy-association" in record.evidence[0]
    assert len(person_names(nodes)) == 2


def test_a_common_surname_alone_joins_the_holder_of_an_office_of_a_country_its_article_names():
    holdings = [OfficeHolding("a1", "person:gordon-brown", "Prime Minister", "country:GBR", TextSpan(0, 1),
                              "office:pre-modifier")]
    nodes, log, _ = corpus(("a1", [("Gordon Brown", "PERSON"), ("Britain", "GPE")]),
                           ("a2", [("Brown", "PERSON"), ("Britain", "GPE")]),
                           ("a3", [("Brown", "PERSON"), ("Chile", "GPE")]), offices=holdings)
    assert nodes["person:gordon-brown"].aliases == ("Brown", "Gordon Brown")
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS]
    assert record.articles == ("a2",) and "country:GBR" in record.evidence[0]


def test_a_surname_alone_in_another_spelling_joins_the_person_when_the_articles_share_an_entity():
    # "Zelenskyy" in one outlet's report, "Volodymyr Zelensky" in another's.
    nodes, log, _ = corpus(("a1", [("Volodymyr Zelensky", "PERSON"), ("Kyiv", "GPE"), ("NATO", "ORG")]),
                           ("a2", [("Zelenskyy", "PERSON"), ("NATO", "ORG")]))
    assert person_names(nodes) == ["Volodymyr Zelensky"]
    assert "Zelenskyy" in nodes["person:volodymyr-zelensky"].aliases
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SPELLING]
    assert record.articles == ("a2",) and "org:nato" in record.evidence[0]


def test_a_surname_alone_in_another_spelling_stays_apart_without_shared_context():
    nodes, _, _ = corpus(("a1", [("Scott Peterson", "PERSON"), ("Modesto", "GPE")]),
                         ("a2", [("Petersen", "PERSON"), ("Denmark", "GPE")]))
    ids = sorted(n.id for n in nodes.values() if n.kind is EntityKind.PERSON)
    assert ids[0] == "person:petersen~" + ids[0].split("~")[1] and ids[1] == "person:scott-peterson"


def test_a_short_surname_alone_never_joins_another_spelling():
    nodes, _, _ = corpus(("a1", [("Ann Kahn", "PERSON"), ("NATO", "ORG")]),
                         ("a2", [("Khan", "PERSON"), ("NATO", "ORG")]))
    assert len(person_names(nodes)) == 2


def test_a_teams_plural_nickname_joins_the_team_ending_in_it_only_with_shared_context():
    # Many teams are "the Bulldogs"; and a nickname is never the first word of a person.
    nodes, _, _ = corpus(("a1", [("Drake Bulldogs", "PERSON"), ("Missouri Valley Conference", "ORG")]),
                         ("a2", [("Bulldogs", "PERSON"), ("Gonzaga", "ORG")]),
                         ("a3", [("Bulldogs", "PERSON"), ("Missouri Valley Conference", "ORG")]),
                         ("a4", [("Jaguars Peyton Manning", "PERSON"), ("NFL", "ORG")]),
                         ("a5", [("Jaguars", "PERSON"), ("NFL", "ORG")]),
                         ("a6", [("Ann Rhodes", "PERSON"), ("Ipswich", "GPE")]),
                         ("a7", [("Rhodes", "PERSON"), ("Norwich", "GPE")]))
    assert nodes["person:drake-bulldogs"].aliases == ("Bulldogs", "Drake Bulldogs")
    assert nodes["person:jaguars-peyton-manning"].aliases == ("Jaguars Peyton Manning",)
    assert nodes["person:ann-rhodes"].aliases == ("Ann Rhodes", "Rhodes")  # a surname in -s joins as before
    assert len(person_names(nodes)) == 5


def test_a_syllable_of_a_hyphenated_given_name_is_no_surname():
    # "Ban Ki-moon" is written family name first: "Moon" alone elsewhere is not him.
    nodes, _, _ = corpus(("a1", [("Ban Ki-moon", "PERSON"), ("United Nations", "ORG")]),
                         ("a2", [("Moon", "PERSON"), ("Summit Entertainment", "ORG")]),
                         ("a3", [("Ban", "PERSON"), ("United Nations", "ORG")]))
    assert nodes["person:ban-ki-moon"].aliases == ("Ban", "Ban Ki-moon")


def test_a_hyphenated_surname_alone_still_joins_its_person():
    nodes, _, _ = corpus(("a1", [("Dominique Strauss-Kahn", "PERSON"), ("IMF", "ORG")]),
                         ("a2", [("Strauss-Kahn", "PERSON"), ("IMF", "ORG")]),
                         ("a3", [("Kahn", "PERSON"), ("IMF", "ORG")]))
    assert nodes["person:dominique-strauss-kahn"].aliases == ("Dominique Strauss-Kahn", "Kahn", "Strauss-Kahn")


def test_a_given_name_alone_sharing_only_places_with_a_full_name_stays_apart():
    # ECB+ 26_6ecbplus: "his son, Andrew" of a New York mob story was joined to "Andrew Lopez"
    # of an unrelated story on New York and New York City alone (judged wrong).
    nodes, log, _ = corpus(
        ("a1", [("Andrew Lopez", "PERSON"), ("New York", "GPE"), ("Albany", "GPE")]),
        ("a2", [("Andrew Stone", "PERSON"), ("Boston", "GPE")]),
        ("a3", [("Andrew", "PERSON"), ("New York", "GPE"), ("Albany", "GPE"), ("Brooklyn", "GPE")]))
    assert not [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_BY_CONTEXT]
    assert nodes["person:andrew-lopez"].aliases == ("Andrew Lopez",)


def test_a_given_name_alone_beside_a_full_name_it_may_be_a_form_of_joins_no_other_article():
    # "The murder of Alexis" beside "Alexandros Grigoropoulos" (ECB+ 19_5ecb) is not the
    # lawyer "Alexis Kouyias" of another outlet's report of the same story (19_12ecb).
    nodes, _, _ = corpus(
        ("a1", [("Alexis Kouyias", "PERSON"), ("Greece", "GPE"), ("Athens", "GPE"), ("Alexandros Grigor", "PERSON")]),
        ("a2", [("Alexis", "PERSON"), ("Greece", "GPE"), ("Athens", "GPE"), ("Alexandros Grigor", "PERSON")]))
    assert nodes["person:alexis-kouyias"].aliases == ("Alexis Kouyias",)
    assert any(i.startswith("person:alexis~") for i in nodes)


def test_a_given_name_still_joins_a_full_name_elsewhere_by_the_context_it_shares():
    # "Katherine" beside "Gary Gomes" (ECB+ 32_6ecb) is Katherine Gomes of 32_5ecb.
    nodes, _, _ = corpus(
        ("a1", [("Katherine Gomes", "PERSON"), ("Gary Gomes", "PERSON"), ("New Bedford", "GPE")]),
        ("a2", [("Katherine", "PERSON"), ("Gary Gomes", "PERSON"), ("New Bedford", "GPE")]))
    assert "Katherine" in nodes["person:katherine-gomes"].aliases


def test_a_given_name_joins_a_full_name_its_own_article_names_beside_a_similar_one():
    # "Fred's generation" beside "Fred LaRue", "Fred Jr" and "Frederick Cheney" (ECB+ 28_3ecbplus).
    nodes, _, _ = corpus(
        ("a1", [("Fred LaRue", "PERSON"), ("Richard Nixon", "PERSON"), ("Watergate", "ORG")]),
        ("a2", [("Fred LaRue", "PERSON"), ("Fred Jr", "PERSON"), ("Frederick Cheney", "PERSON"),
                ("Fred", "PERSON"), ("Watergate", "ORG"), ("Richard Nixon", "PERSON")]))
    assert not any(i.startswith("person:fred~") for i in nodes)


def test_a_given_name_alone_spelt_otherwise_joins_the_full_name_whose_family_its_article_names():
    # ECB+ 19_3ecbplus: "Gray ’ s sister Mahnefeh" beside Kimani Gray; other outlets write "Mahnefah Gray".
    nodes, log, _ = corpus(("a1", [("Mahnefah Gray", "PERSON"), ("Brooklyn", "GPE")]),
                           ("a2", [("Kimani Gray", "PERSON"), ("Mahnefeh", "PERSON"), ("NYPD", "ORG")]))
    assert "Mahnefeh" in nodes["person:mahnefah-gray"].aliases
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SPELLING]
    assert record.inputs == ("Mahnefeh",) and "'gray'" in record.evidence[0]


def test_a_given_name_alone_spelt_otherwise_stays_apart_without_the_family_in_its_article():
    nodes, _, _ = corpus(("a1", [("Mahnefah Gray", "PERSON"), ("Brooklyn", "GPE")]),
                         ("a2", [("Mahnefeh", "PERSON"), ("NYPD", "ORG")]))
    assert "Mahnefeh" not in nodes["person:mahnefah-gray"].aliases


def test_near_given_names_a_list_knows_stay_two_people_even_beside_the_family():
    # "Michel" and "Michael" are both given names: the letters are no evidence of one person.
    nodes, _, _ = corpus(("a1", [("Michael Gray", "PERSON"), ("Brooklyn", "GPE")]),
                         ("a2", [("Kimani Gray", "PERSON"), ("Michel", "PERSON"), ("NYPD", "ORG")]))
    assert "Michel" not in nodes["person:michael-gray"].aliases
