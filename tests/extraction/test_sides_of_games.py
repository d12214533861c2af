"""A place written for its team in a report on games (extraction/sides_of_games.py), on real parses."""
import pytest

# A sentence of the same report that writes a word of games between teams ("playoffs").
_GAME = "The team clinched a spot in the playoffs last season.\n"


def _labels(doc, name):
    return [e.label_ for e in doc.ents if e.text.rstrip("'’") == name]  # "New Orleans'" of "New Orleans' loss"


@pytest.mark.parametrize("sentence, place", [
    # ECB+ 29_11ecb: judged wrong on the city's node in the round-17 merge sample (the Bears, the Ravens).
    ("The Vikings need a victory or a Chicago loss in the final two weeks to wrap up their first division title.",
     "Chicago"),
    ("He is expected to start at cornerback and return kicks Saturday night against Baltimore.", "Baltimore"),
    # ECB+ 5_2ecbplus (the Pistons), 5_2ecb (another outlet).
    ("King said after the Sixers were eliminated in the first round of the playoffs by Detroit that he planned to "
     "bring O'Brien back.", "Detroit"),
    ("After an 18-30 start, Philadelphia won 18 of its next 23 games and wound up at 40-42.", "Philadelphia"),
    # ECB+ 25_15ecbplus, 29_11ecb.
    ("Pierre Thomas severely sprained his ankle late in New Orleans' loss to Atlanta.", "New Orleans"),
    ("Wide receiver Anquan Boldin could be sidelined at New England on Sunday because of injuries.", "New England"),
    ("Lynell Hamilton was lost for the season when he tore up his knee in practices with New England.", "New England"),
])
def test_a_place_that_is_a_side_of_a_game_is_its_team(nlp, sentence, place):
    doc = nlp(_GAME + sentence)
    assert _labels(doc, place) == ["TEAM"]


@pytest.mark.parametrize("sentence, place", [
    # The same shapes in a text on no game between teams: the place stays.
    ("Florida lost 10,000 jobs in March, the state said.", "Florida"),
    ("The lawsuit against Texas was filed on Monday.", "Texas"),
])
def test_the_same_shapes_in_a_text_on_no_game_keep_the_place(nlp, sentence, place):
    doc = nlp(sentence)
    assert _labels(doc, place) in (["GPE"], ["LOC"])


@pytest.mark.parametrize("sentence, place", [
    # ECB+ 29_3ecb ("last night in Jacksonville"), 5_4ecbplus ("Cheeks arrives in Philadelphia").
    ("The Colts won 31-24 over the Jaguars last night in Jacksonville.", "Jacksonville"),
    ("Cheeks arrives in Philadelphia after three seasons as head coach of the Portland Trail Blazers.", "Philadelphia"),
])
def test_a_place_where_a_game_is_played_stays_a_place(nlp, sentence, place):
    doc = nlp(_GAME + sentence)
    assert _labels(doc, place) in (["GPE"], ["LOC"])


def test_a_country_against_another_stays_a_country(nlp):
    doc = nlp(_GAME + "Brazil played a friendly against Argentina on Sunday.")
    assert _labels(doc, "Argentina") == ["GPE"]


@pytest.mark.parametrize("text, team", [
    ("PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named Maurice Cheeks coach.", "PHILADELPHIA 76ERS"),  # 5_3ecbplus
    ("Maurice Cheeks became the fifth NBA head coach to be fired this season, after the Philadelphia 76ers notified "
     "the former point guard of his dismissal Saturday morning.", "Philadelphia 76ers"),  # 5_5ecb
])
def test_a_place_before_a_number_plural_is_the_team(nlp, text, team):
    doc = nlp(text)
    assert _labels(doc, team) == ["ORG"]
    assert not [e for e in doc.ents if e.label_ in {"GPE", "LOC"} and e.text.lower() == "philadelphia"]


def test_a_given_name_that_leads_by_a_score_in_a_game_report_is_a_team(nlp):
    # ECB+ 29_8ecbplus ("Indy": the Colts, judged no person in the round-17 Person sample).
    doc = nlp("Charles lost a fumble on the Colts 16 - yard line in the playoffs. Indy led 13 - 3 at the half, "
              "but Kansas City opened up the second half in a big way.")
    assert _labels(doc, "Indy") == ["ORG"]


def test_a_place_the_text_also_writes_as_where_something_happened_stays_a_place(nlp):
    # ECB+ 35_1ecbplus, 35_9ecb: the Chargers' city is where the player was arrested.
    doc = nlp("Police arrested him in San Diego on Tuesday.\nThe arrest came five days before San Diego's playoff "
              "loss at Pittsburgh.")
    assert set(_labels(doc, "San Diego")) <= {"GPE", "LOC"}
    assert _labels(doc, "Pittsburgh") == ["TEAM"]


def test_a_place_after_at_without_a_game_day_stays_a_place(nlp):
    # ECB+ 31_14ecb, 31_7ecb: "the career scoring record at North Carolina" is no game's side.
    doc = nlp(_GAME + "Hansbrough broke the all-time scoring record at North Carolina during the game.")
    assert _labels(doc, "North Carolina") != ["TEAM"]
