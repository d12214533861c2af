"""Corpus-level person resolution: single names and name variants across articles, with guards."""
from __future__ import annotations

import pytest

from graphbuild.model import ArticleMeta, EntityKind, Extraction, Mention, OfficeHolding, TextSpan
from graphbuild.resolution.across_documents import merge_entities
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.people import resolve_people, split_name
from graphbuild.resolution.within_document import resolve_article
from graphbuild.rules import EntityRule, OfficeRule


def extraction(article_id, pairs):
    """An Extraction from [(surface, label)] with made-up, increasing offsets."""
    mentions, pos = [], 0
    for surface, label in pairs:
        mentions.append(Mention(pos, pos + len(surface), surface, label, TextSpan(0, 0)))
        pos += len(surface) + 1
    return Extraction(ArticleMeta(article_id, "x.jsonl", "0" * 64, 10), tuple(mentions))


def corpus(*articles, offices=()):
    """Nodes and merge log of articles [(id, [(surface, label)])] through the corpus pass."""
    gaz = gazetteer()
    local = [e for article_id, pairs in articles for e in resolve_article(extraction(article_id, pairs), gaz)]
    people = resolve_people(local, offices)
    nodes, log = merge_entities(people.local_entities, gaz, people.evidence)
    return nodes, log, people


def person_names(nodes):
    return sorted(n.name for n in nodes.values() if n.kind is EntityKind.PERSON)


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
    assert len([n for n in nodes.values() if n.kind is EntityKind.PERSON]) == 2


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


def test_split_name_keeps_the_suffix_apart():
    assert split_name("Martin Luther King Jr.") == (("martin", "luther", "king"), "jr")
    assert split_name("Henry V") == (("henry", "v"), None)  # two words: the numeral is the name


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
    assert sorted(n.name for n in nodes.values() if n.kind is EntityKind.PERSON) == ["Kelly", "Murphy"]


def test_a_known_persons_name_is_never_geocoded():
    gaz = gazetteer()
    local = [e for article_id, pairs in (("a1", [("Denzel Washington", "PERSON")]), ("a2", [("Washington", "PERSON")]))
             for e in resolve_article(extraction(article_id, pairs), gaz)]
    nodes, _ = merge_entities(resolve_people(local, (), gaz).local_entities, gaz)
    assert nodes["person:denzel-washington"].aliases == ("Denzel Washington", "Washington")


def test_a_common_surname_alone_joins_the_one_full_name_only_with_shared_context():
    # A boxer "Lewis" is not the comedian "Jerry Lewis" of another story.
    nodes, log, _ = corpus(("a1", [("Jerry Lewis", "PERSON"), ("Muscular Dystrophy Association", "ORG")]),
                           ("a2", [("Lewis", "PERSON"), ("World Boxing Council", "ORG")]),
                           ("a3", [("Lewis", "PERSON"), ("Muscular Dystrophy Association", "ORG")]))
    assert nodes["person:jerry-lewis"].aliases == ("Jerry Lewis", "Lewis")
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS]
    assert record.articles == ("a3",) and "muscular-dystrophy-association" in record.evidence[0]
    assert len([n for n in nodes.values() if n.kind is EntityKind.PERSON]) == 2


def test_a_common_surname_alone_joins_the_holder_of_an_office_of_a_country_its_article_names():
    holdings = [OfficeHolding("a1", "person:gordon-brown", "Prime Minister", "country:GBR", TextSpan(0, 1),
                              "office:pre-modifier")]
    nodes, log, _ = corpus(("a1", [("Gordon Brown", "PERSON"), ("Britain", "GPE")]),
                           ("a2", [("Brown", "PERSON"), ("Britain", "GPE")]),
                           ("a3", [("Brown", "PERSON"), ("Chile", "GPE")]), offices=holdings)
    assert nodes["person:gordon-brown"].aliases == ("Brown", "Gordon Brown")
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS]
    assert record.articles == ("a2",) and "country:GBR" in record.evidence[0]


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


def test_a_form_with_a_word_of_another_name_glued_before_it_joins_but_never_names_the_person():
    # A headline run into the first line: "... against Lions and Ravens Dale Okafor's season".
    nodes, _, _ = corpus(("a1", [("Ravens Dale Okafor", "PERSON"), ("Baltimore Ravens", "ORG")]),
                         ("a2", [("Dale Okafor", "PERSON")]), ("a3", [("Dale Okafor", "PERSON")]))
    assert person_names(nodes) == ["Dale Okafor"]


def test_a_longer_form_whose_first_word_names_nothing_else_names_the_person():
    nodes, _, _ = corpus(("a1", [("Mohammad Javad Zarif", "PERSON"), ("Iran", "GPE")]),
                         ("a2", [("Javad Zarif", "PERSON")]), ("a3", [("Javad Zarif", "PERSON")]))
    assert person_names(nodes) == ["Mohammad Javad Zarif"]


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
    assert len([n for n in nodes.values() if n.kind is EntityKind.PERSON]) == 2


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
    assert len([n for n in nodes.values() if n.kind is EntityKind.PERSON]) == 5


def test_two_spellings_of_a_leaders_name_join_when_one_holds_an_office_of_a_country_the_other_names():
    holdings = [OfficeHolding("a1", "person:volodymyr-zelenskyy", "President", "country:UKR", TextSpan(0, 1),
                              "office:pre-modifier")]
    nodes, log, _ = corpus(("a1", [("Volodymyr Zelenskyy", "PERSON"), ("Ukraine", "GPE")]),
                           ("a2", [("Volodymyr Zelensky", "PERSON"), ("Ukraine", "GPE"), ("Poland", "GPE")]),
                           offices=holdings)
    assert len([n for n in nodes.values() if n.kind is EntityKind.PERSON]) == 1
    [record] = [r for r in log if r.rule is EntityRule.PERSON_SPELLING]
    assert "country:UKR" in record.evidence[0]


def test_two_spellings_of_a_name_stay_apart_with_only_a_country_in_common():
    nodes, _, _ = corpus(("a1", [("Volodymyr Zelenskyy", "PERSON"), ("Ukraine", "GPE")]),
                         ("a2", [("Volodymyr Zelensky", "PERSON"), ("Ukraine", "GPE")]))
    assert len([n for n in nodes.values() if n.kind is EntityKind.PERSON]) == 2


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
