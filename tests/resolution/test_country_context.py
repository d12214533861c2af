"""Generic names ("Navy", "the South", "Democratic Party") across articles: one node per
country, and places read in the countries their article names (round 11)."""
from __future__ import annotations

import pytest

from graphbuild.model import EntityKind
from graphbuild.resolution.across_documents import merge_entities
from graphbuild.resolution.common_nouns import is_common_noun_name, without_common_noun_names
from graphbuild.resolution.country_context import article_countries, split_by_shared_story, split_generic_names
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.within_document import resolve_article
from graphbuild.rules import EntityRule
from tests.resolution.extractions import extraction, extraction_of_text


def _build(*articles):
    gaz = gazetteer()
    local = [entity for article_id, pairs in articles for entity in resolve_article(extraction(article_id, pairs), gaz)]
    local = without_common_noun_names(local)
    local, evidence = split_generic_names(local, article_countries(local), gaz)
    local, story_evidence = split_by_shared_story(local)
    nodes, log = merge_entities(local, gaz, {**evidence, **story_evidence})
    return nodes, log


def _articles_of(log, name_prefix):
    """Node id → articles, for the nodes whose id starts with ``name_prefix``'s org or place id."""
    found = {}
    for record in log:
        if record.result.split("~")[0].endswith(name_prefix):
            found.setdefault(record.result, set()).update(record.articles)
    return found


def test_a_navy_of_another_country_is_another_node():
    # ECB+ 28_7ecb ("a Navy lieutenant" at the White House) and 12_5ecb, 12_8ecb (the Indian Navy).
    nodes, log = _build(("us", [("Navy", "ORG"), ("Washington", "GPE"), ("United States", "GPE")]),
                        ("in1", [("Navy", "ORG"), ("India", "GPE"), ("Mumbai", "GPE")]),
                        ("in2", [("Navy", "ORG"), ("India", "GPE"), ("Somalia", "GPE"), ("India", "GPE")]))
    navies = _articles_of(log, "navy")
    assert sorted(map(sorted, navies.values())) == [["in1", "in2"], ["us"]]
    assert "org:IND:navy" in navies or "org:USA:navy" in navies
    assert all(nodes[node].name == "Navy" for node in navies)


def test_a_generic_name_whose_articles_agree_stays_one_node():
    nodes, log = _build(("a", [("Senate", "ORG"), ("Texas", "GPE")]),
                        ("b", [("Senate", "ORG"), ("United States", "GPE"), ("Mexico", "GPE"), ("Mexico", "GPE")]),
                        ("c", [("Senate", "ORG")]))
    assert _articles_of(log, "senate") == {"org:senate": {"a", "b", "c"}}


def test_a_us_party_name_in_a_report_on_another_country_is_that_countrys_party():
    # ECB+ 28_10ecbplus (Watergate: the Democratic Party's headquarters) and 11_1ecbplus,
    # 11_5ecb (Turkmenistan's ruling Democratic Party).
    nodes, log = _build(("watergate", [("Democratic Party", "ORG"), ("Washington", "GPE")]),
                        ("tkm1", [("Democratic Party", "ORG"), ("Turkmenistan", "GPE"), ("Ashgabat", "GPE")]),
                        ("tkm2", [("Democratic Party", "ORG"), ("Turkmenistan", "GPE"), ("Russia", "GPE"), ("Turkmenistan", "GPE")]),
                        ("both", [("Democratic Party", "ORG"), ("Turkmenistan", "GPE"), ("U.S.", "GPE")]),
                        # Turkmenistan six times, the US once ("New York-based", ECB+ 11_2ecb).
                        ("tkm3", [("Democratic Party", "ORG"), ("New York", "GPE"), *[("Turkmenistan", "GPE")] * 6]))
    parties = _articles_of(log, "democratic-party")
    assert parties == {"org:democratic-party": {"watergate", "both"}, "org:TKM:democratic-party": {"tkm1", "tkm2", "tkm3"}}
    rules = {record.rule for record in log if record.result == "org:TKM:democratic-party"}
    assert rules == {EntityRule.GENERIC_NAME_OF_ITS_COUNTRY}


def test_a_us_party_in_a_report_naming_another_country_more_stays_the_us_party_when_us_bodies_are_named():
    # wikinews wn-ukraine-subpoena-pompeo: Ukraine ten times, the US four, but the State
    # Department, the United States Constitution and "a Republican" are US bodies; the
    # Turkmen reports (ECB+ 11_2ecb, 11_8ecb) name none.
    us_bodies = [("United States Department of State", "ORG"), ("United States Constitution", "ORG"), ("Republican", "NORP")]
    nodes, log = _build(("watergate", [("Democratic Party", "ORG"), ("Washington", "GPE")]),
                        ("impeachment", [("Democratic Party", "ORG"), ("United States", "GPE"), ("United States", "GPE"),
                                         *us_bodies, *[("Ukraine", "GPE")] * 6]),
                        ("tkm1", [("Democratic Party", "ORG"), ("Communist Party", "ORG"), *[("Turkmenistan", "GPE")] * 3]),
                        ("tkm2", [("Democratic Party", "ORG"), ("New York", "GPE"), *[("Turkmenistan", "GPE")] * 6]))
    parties = _articles_of(log, "democratic-party")
    assert parties == {"org:democratic-party": {"watergate", "impeachment"}, "org:TKM:democratic-party": {"tkm1", "tkm2"}}
    assert _articles_of(log, "republican-party") == {"org:republican-party": {"impeachment"}}


def test_a_party_in_an_article_naming_no_country_follows_the_articles_it_shares_a_story_with():
    # ECB+ 11_3ecbplus tags no country ("the ruling Democratic Party", "Communist Party");
    # 11_2ecb (another outlet) names Turkmenistan and the Communist Party too.
    nodes, log = _build(("watergate", [("Democratic Party", "ORG"), ("Washington", "GPE")]),
                        ("tkm1", [("Democratic Party", "ORG"), ("Communist Party", "ORG"), *[("Turkmenistan", "GPE")] * 3]),
                        ("tkm2", [("Democratic Party", "ORG"), ("Ashgabat", "GPE"), ("Turkmenistan", "GPE"), ("Turkmenistan", "GPE")]),
                        ("none", [("Democratic Party", "ORG"), ("Communist Party", "ORG")]),
                        ("alone", [("Democratic Party", "ORG"), ("Fred LaRue", "PERSON")]))
    parties = _articles_of(log, "democratic-party")
    assert parties == {"org:democratic-party": {"watergate", "alone"}, "org:TKM:democratic-party": {"tkm1", "tkm2", "none"}}


def test_a_body_every_town_has_joins_only_the_articles_that_share_a_story():
    # ECB+ 28_8ecb, 28_3ecb ("the Post": Woodward's Washington Post, Watergate), 19_10ecbplus,
    # 33_3ecbplus ("the Post says a crowd looted": the New York Post, Brooklyn); 26_10ecb
    # ("A Mafia boss in Palermo") and 26_9ecbplus (Gigante's American Mafia).
    nodes, log = _build(("felt1", [("Post", "ORG"), ("Bob Woodward", "PERSON"), ("Washington", "GPE"), ("California", "GPE")]),
                        ("felt2", [("Post", "ORG"), ("Bob Woodward", "PERSON"), ("Richard Nixon", "PERSON")]),
                        ("felt3", [("Post", "ORG"), ("Richard Nixon", "PERSON")]),
                        ("riot1", [("Post", "ORG"), ("NYPD", "ORG"), ("Brooklyn", "GPE")]),
                        ("riot2", [("Post", "ORG"), ("NYPD", "ORG")]),
                        ("lohan", [("Post", "ORG"), ("California", "GPE"), ("United States", "GPE")]))
    posts = _articles_of(log, "post")
    assert sorted(map(sorted, posts.values())) == [["felt1", "felt2", "felt3"], ["lohan"], ["riot1", "riot2"]]
    assert posts["org:post"] == {"felt1", "felt2", "felt3"}
    rules = {record.result: record.rule for record in log if record.result.startswith("org:post~")}
    assert sorted(map(str, rules.values())) == sorted([str(EntityRule.GENERIC_NAME_IN_ARTICLE), str(EntityRule.GENERIC_NAME_OF_ITS_STORY)])
    # A town is a story's own: "Palermo" joins the Sicilian reports; the American one stays apart.
    nodes, log = _build(("sicily1", [("Mafia", "ORG"), ("Palermo", "GPE"), ("Gaetano Lo Presti", "PERSON")]),
                        ("sicily2", [("Mafia", "ORG"), ("Palermo", "GPE")]),
                        ("gigante", [("Mafia", "ORG"), ("Vincent Gigante", "PERSON"), ("Greenwich Village", "GPE")]))
    assert sorted(map(sorted, _articles_of(log, "mafia").values())) == [["gigante"], ["sicily1", "sicily2"]]


def test_a_body_every_town_has_stays_one_node_when_its_articles_share_a_story():
    nodes, log = _build(("a", [("Superior Court", "ORG"), ("Rowland Barnes", "PERSON")]),
                        ("b", [("Superior Court", "ORG"), ("Brian Nichols", "PERSON"), ("Rowland Barnes", "PERSON")]),
                        ("c", [("Superior Court", "ORG"), ("Brian Nichols", "PERSON")]))
    assert _articles_of(log, "superior-court") == {"org:superior-court": {"a", "b", "c"}}


def test_a_body_every_organisation_has_named_without_its_owner_stays_in_its_article():
    # ECB+ 34_5ecbplus ("the AMA's Board of Trustees") and 34_9ecbplus ("the Board of Trustees
    # for the Catholic Health Association"): one story, one person, two boards.
    nodes, log = _build(("ama", [("Regina Benjamin", "PERSON"), ("AMA", "ORG"), ("Board of Trustees", "ORG")]),
                        ("cha", [("Regina Benjamin", "PERSON"), ("Board of Trustees", "ORG"),
                                 ("Catholic Health Association", "ORG")]))
    boards = _articles_of(log, "board-of-trustees")
    assert sorted(map(sorted, boards.values())) == [["ama"], ["cha"]]
    assert all("~" in node for node in boards)
    assert {record.rule for record in log if record.result in boards} == {EntityRule.GENERIC_NAME_IN_ARTICLE}


def test_a_body_written_with_its_owner_joins_across_articles():
    # ECB+ 34_1ecbplus, 34_2ecbplus: "the American Medical Association Board of Trustees".
    nodes, log = _build(("a", [("American Medical Association Board of Trustees", "ORG")]),
                        ("b", [("American Medical Association Board of Trustees", "ORG")]))
    boards = _articles_of(log, "board-of-trustees")
    assert list(boards.values()) == [{"a", "b"}]


def test_a_country_named_once_gives_a_generic_name_no_country():
    # ECB+ 9_13ecbplus: a US report on offshore drilling names only "the Gulf of Mexico".
    nodes, log = _build(("us1", [("Congress", "ORG"), ("United States", "GPE")]),
                        ("us2", [("Congress", "ORG"), ("Texas", "GPE")]),
                        ("drilling", [("Congress", "ORG"), ("Mexico", "LOC")]))
    congress = _articles_of(log, "congress")
    assert congress["org:congress"] == {"us1", "us2"}
    assert [node for node, articles in congress.items() if articles == {"drilling"}][0].startswith("org:congress~")


def test_a_split_generic_name_in_an_article_of_no_one_country_stays_in_its_article():
    nodes, log = _build(("us", [("Navy", "ORG"), ("United States", "GPE")]),
                        ("in", [("Navy", "ORG"), ("India", "GPE")]),
                        ("in2", [("Navy", "ORG"), ("India", "GPE")]),
                        ("tie", [("Navy", "ORG"), ("Japan", "GPE"), ("China", "GPE")]))
    tied = [node for node, articles in _articles_of(log, "navy").items() if articles == {"tie"}]
    assert len(tied) == 1 and "~" in tied[0]


def test_a_split_generic_name_in_an_article_of_no_country_stays_in_its_article():
    # ECB+ 11_3ecbplus: a Turkmen election report that tags no country had stayed with Greece's parliament.
    nodes, log = _build(("gr1", [("Parliament", "ORG"), ("Greece", "GPE"), ("Athens", "GPE")]),
                        ("gr2", [("Parliament", "ORG"), ("Greece", "GPE"), ("Athens", "GPE")]),
                        ("tkm", [("Parliament", "ORG"), ("Turkmenistan", "GPE"), ("Ashgabat", "GPE")]),
                        ("none", [("Parliament", "ORG")]))
    parliaments = _articles_of(log, "parliament")
    assert parliaments["org:parliament"] == {"gr1", "gr2"} and parliaments["org:TKM:parliament"] == {"tkm"}
    assert [node for node, articles in parliaments.items() if articles == {"none"}][0].startswith("org:parliament~")


def test_a_compass_word_alone_is_no_foreign_region_and_splits_by_country():
    gaz = gazetteer()
    assert gaz.place("South") is None and gaz.place("the Gulf") is None  # geonames: Cameroon, Papua New Guinea
    assert gaz.place("South Kordofan") is not None
    nodes, log = _build(("ssd", [("South", "LOC"), ("South Sudan", "GPE"), ("Sudan", "GPE"), ("South Sudan", "GPE")]),
                        ("nfl1", [("South", "LOC"), ("Indianapolis", "GPE")]),
                        ("nfl2", [("South", "LOC"), ("Houston", "GPE")]))
    souths = _articles_of(log, "south")
    assert sorted(map(sorted, souths.values())) == [["nfl1", "nfl2"], ["ssd"]]
    assert all(nodes[node].kind is EntityKind.PLACE and not nodes[node].country_id for node in souths)


@pytest.mark.parametrize("name, countries, expected", [
    ("Portland", {"USA"}, ("USA", "US-OR")),        # ECB+ 5_4ecb (Trail Blazers); gazetteer's first: a parish of Jamaica
    ("Santa Rosa", {"USA"}, ("USA", "US-CA")),      # ECB+ 38_3ecb (Sonoma quake); first: a department of Guatemala
    ("Santa Rosa", {"GTM"}, ("GTM", None)),
    ("Portland", {"FRA"}, None),
])
def test_a_place_of_the_articles_countries(name, countries, expected):
    place = gazetteer().place_in_countries(name, frozenset(countries))
    assert (place.country, place.region if place.kind == "city" else None) == expected if expected else place is None


def test_a_town_of_a_country_the_article_does_not_name_gives_way_to_its_namesake_there():
    gaz = gazetteer()
    local = resolve_article(extraction("blazers", [("Philadelphia", "GPE"), ("Portland", "GPE")]), gaz)
    portland = next(e for e in local if e.resolved.name == "Portland")
    assert portland.resolved.id == "place:USA:portland" and portland.resolved.rule is EntityRule.PLACE_IN_THE_ARTICLES_COUNTRY
    quake = resolve_article(extraction("quake", [("Napa", "GPE"), ("San Francisco", "GPE"), ("Santa Rosa", "GPE")]), gaz)
    assert next(e for e in quake if e.resolved.name == "Santa Rosa").resolved.country_id == "country:USA"
    # ECB+ 28_10ecb: "American" and "California" only; the state names the city's region.
    felt = resolve_article(extraction("felt", [("American", "NORP"), ("California", "GPE"), ("Santa Rosa", "GPE")]), gaz)
    assert next(e for e in felt if e.resolved.name == "Santa Rosa").resolved.id == "place:USA:santa-rosa"


def test_a_town_of_a_country_the_article_does_not_name_whose_name_other_countries_share_is_unresolved():
    gaz = gazetteer()
    assert gaz.namesakes("Mount Pleasant") >= 2
    # ECB+ 18_7ecb, 18_14ecb (a Vancouver shooting): "Mount Pleasant" beside Canada is none of
    # the gazetteer's towns (South Carolina's first); none of Canada's is prominent or of a
    # region the article names.
    local = resolve_article(extraction("bc", [("Canada", "GPE"), ("Mount Pleasant", "GPE")]), gaz)
    town = next(e for e in local if e.resolved.name == "Mount Pleasant")
    assert town.resolved.rule is EntityRule.PLACE_UNRESOLVED and town.resolved.country_id is None
    # A town no other country has a namesake of stays: "Sunnyvale" beside Canada (ECB+ 43_*).
    alone = resolve_article(extraction("amd", [("Canada", "GPE"), ("Sunnyvale", "GPE")]), gaz)
    assert next(e for e in alone if e.resolved.name == "Sunnyvale").resolved.country_id == "country:USA"


def test_a_world_region_is_no_town():
    # "Asia" (ECB+ 30_1ecb, 37_12ecbplus): geonames has a town of that name in the Philippines.
    gaz = gazetteer()
    assert gaz.place("Asia") is None
    local = resolve_article(extraction("cable", [("Egypt", "GPE"), ("Asia", "LOC")]), gaz)
    assert next(e for e in local if e.resolved.name == "Asia").resolved.id == "place:asia"


def test_a_us_state_another_country_has_a_region_of_is_the_state_in_a_us_report():
    gaz = gazetteer()
    local = resolve_article(extraction("us", [("Chicago", "GPE"), ("Florida", "GPE")]), gaz)
    assert next(e for e in local if e.resolved.name == "Florida").resolved.id == "place:USA:florida"


def test_a_region_of_a_country_the_article_does_not_name_stays_when_no_namesake_is_known():
    gaz = gazetteer()
    local = resolve_article(extraction("us", [("Chicago", "GPE"), ("Ontario", "GPE")]), gaz)
    assert next(e for e in local if e.resolved.name == "Ontario").resolved.country_id == "country:CAN"


def test_a_surname_that_is_a_small_foreign_town_is_the_person_of_its_article():
    # ECB+ 13_11ecb, 13_5ecbplus: "Gov. Sarah Palin" … "Palin" (GPE) beside Alaska's Wasilla.
    gaz = gazetteer()
    local = resolve_article(extraction("alaska", [("Sarah Palin", "PERSON"), ("Alaska", "GPE"), ("Palin", "GPE")]), gaz)
    assert {e.resolved.id for e in local} == {"person:sarah-palin", "place:USA:alaska"}


def test_a_given_name_cut_from_its_surname_is_no_place():
    # ECB+ 29_7ecb, 29_9ecb: "Dallas Clark" cut into GPE "Dallas" and PERSON "Clark".
    gaz = gazetteer()
    local = resolve_article(extraction("colts", [("Dallas", "GPE"), ("Clark", "PERSON")]), gaz)
    assert [e.resolved.kind for e in local] == [EntityKind.PERSON]
    city = resolve_article(extraction("texas", [("Dallas", "GPE"), ("Texas", "GPE")]), gaz)
    assert city[0].resolved.id == "place:USA:dallas"


@pytest.mark.parametrize("name, common", [
    ("DUI", True), ("National Player of the Year", True), ("Person of the Year", True),
    ("NFL", False), ("Year", False), ("Duke University", False),
])
def test_common_noun_names(name, common):
    assert is_common_noun_name(name) is common


def test_an_offence_written_as_an_abbreviation_is_no_entity():
    # ECB+ 35_10ecb ("arrested on suspicion of DUI") and 21_9ecb ("three prior DUI conviction").
    nodes, log = _build(("chargers", [("DUI", "ORG"), ("NFL", "ORG")]), ("lasalle", [("DUI", "ORG"), ("NFL", "ORG")]))
    assert _articles_of(log, "dui") == {} and not any(node.startswith("org:dui") for node in nodes)
    assert _articles_of(log, "nfl") == {"org:nfl": {"chargers", "lasalle"}}


def test_a_town_written_with_its_state_is_that_states_town_wherever_the_article_names_it():
    # ECB+ 41_* ("the supermax in Florence, Colo."), 37_* ("Santa Rosa, Calif."), "Troy,
    # Mich." (42_*): the AP abbreviation names the state; Florence is not Italy's, nor Troy
    # another state's. A town the gazetteer does not know is the state's town of that name.
    gaz = gazetteer()
    assert gaz.region("Calif.").code == "US-CA" and gaz.region("Miss") is None
    text = "Born in Troy, Mich., he was held in Florence, Colo. Troy police said Florence is far."
    local = resolve_article(extraction_of_text("a", text, [
        ("Troy", "GPE"), ("Mich.", "GPE"), ("Florence", "GPE"), ("Colo.", "GPE"), ("Troy", "GPE"), ("Florence", "GPE")]), gaz)
    by_name = {e.resolved.name: e for e in local}
    assert by_name["Troy"].resolved.id == "place:USA:troy" and len(by_name["Troy"].mentions) == 2
    florence = by_name["Florence"].resolved
    assert (florence.id, florence.country_id) == ("place:florence", "country:USA") and len(by_name["Florence"].mentions) == 2
    # The abbreviations are the towns' addresses, no mentions of the states.
    assert not {"Michigan", "Colorado"} & set(by_name)
    assert all(by_name[n].rules == (EntityRule.PLACE_WRITTEN_WITH_ITS_REGION,) * 2 for n in ("Troy", "Florence"))


def test_a_list_of_towns_and_states_is_no_town_of_a_state():
    # ECB+ 31_*: "played with San Antonio, New York, Atlanta"; 7_*: "in Dubai, Hamburg-based …".
    gaz = gazetteer()
    text = "He played with San Antonio, New York, Atlanta and New Jersey."
    local = resolve_article(extraction_of_text("a", text, [
        ("San Antonio", "GPE"), ("New York", "GPE"), ("Atlanta", "GPE"), ("New Jersey", "GPE")]), gaz)
    assert all(e.resolved.rule is not EntityRule.PLACE_WRITTEN_WITH_ITS_REGION for e in local)


def test_a_town_written_with_its_country_is_that_countrys_town_and_a_list_of_countries_is_no_town():
    gaz = gazetteer()
    text = "A bomb in Hyderabad, Pakistan, while Japan, China and Korea met."
    local = resolve_article(extraction_of_text("a", text, [
        ("Hyderabad", "GPE"), ("Pakistan", "GPE"), ("Japan", "GPE"), ("China", "GPE"), ("Korea", "GPE")]), gaz)
    by_name = {e.resolved.name: e.resolved for e in local}
    assert by_name["Hyderabad"].country_id == "country:PAK" and by_name["Hyderabad"].rule is EntityRule.PLACE_WRITTEN_WITH_ITS_REGION
    assert by_name["Japan"].kind is EntityKind.COUNTRY
    # Without the comma the same names are read as before (one space: another rule's case).
    apart = resolve_article(extraction("b", [("Hyderabad", "GPE"), ("Pakistan", "GPE")]), gaz)
    assert all(e.resolved.rule is not EntityRule.PLACE_WRITTEN_WITH_ITS_REGION for e in apart)


def test_a_canadian_town_written_with_its_province_abbreviation():
    # ECB+ 18_* "Vancouver, B.C." (geonames gives Canada's cities no ISO region), 36_* "Bountiful, B.C.".
    gaz = gazetteer()
    text = "A shooting in Vancouver, B.C. and charges in Bountiful, B.C. this week."
    local = resolve_article(extraction_of_text("a", text, [
        ("Vancouver", "GPE"), ("B.C.", "GPE"), ("Bountiful", "GPE"), ("B.C.", "GPE")]), gaz)
    by_name = {e.resolved.name: e.resolved for e in local}
    assert by_name["Vancouver"].id == "place:CAN:vancouver"
    assert (by_name["Bountiful"].id, by_name["Bountiful"].country_id) == ("place:bountiful", "country:CAN")
    assert "British Columbia" not in by_name


def test_a_place_the_article_writes_for_its_team_is_the_team_in_all_its_mentions():
    # ECB+ 5_10ecb: "setback at Cleveland" (TEAM, read off the parse) and "home loss to Cleveland".
    gaz = gazetteer()
    text = ("Cheeks lost at Cleveland on Friday. The team heard boos in Wednesday's home loss to Cleveland. "
            "Brazil beat Argentina and the talks were held in Brazil.")
    local = resolve_article(extraction_of_text("sixers", text, [
        ("Cleveland", "TEAM"), ("Cleveland", "GPE"), ("Brazil", "TEAM"), ("Argentina", "TEAM"), ("Brazil", "GPE")]), gaz)
    by_id = {e.resolved.id: e for e in local}
    cleveland = next(e for e in local if e.resolved.name == "Cleveland")
    assert cleveland.resolved.kind is EntityKind.ORGANIZATION and len(cleveland.mentions) == 2
    assert cleveland.rules == (EntityRule.ORG_TEAM_NAMED_BY_PLACE, EntityRule.ORG_TEAM_ELSEWHERE_IN_ARTICLE)
    assert not any(i.startswith("place:") and "cleveland" in i for i in by_id)
    # A country keeps its other mentions.
    assert "country:BRA" in by_id
