"""Characters, works and names cited as words that NER typed PERSON (extraction/roles.py).
Real ECB+ sentences parsed by the real pipeline; the entities the repaired doc keeps are read."""
from __future__ import annotations

import pytest


def _labels(nlp, text):
    return {ent.text: ent.label_ for ent in nlp(text).ents}


@pytest.mark.parametrize("text, role, actor", [
    # ECB+ 39_3ecbplus
    ("Capaldi has appeared in more than 40 films and TV shows, since being cast as Danny Oldsen in the 1983 film "
     "Local Hero.", "Danny Oldsen", None),
    # ECB+ 2_7ecb
    ('Hugh Jackman, best known for playing Wolverine in the "X-Men" franchise, will host.', "Wolverine", "Hugh Jackman"),
    # ECB+ 6_3ecb
    ("In NEW MOON, Bella Swan (Kristen Stewart) is devastated by the abrupt departure of her vampire love, "
     "Edward Cullen (Robert Pattinson) but her spirit is revived.", "Bella Swan", "Kristen Stewart"),
    # ECB+ 6_1ecb: in apposition to "character"
    ('Robert Pattinson and Kristen Stewart will star in "Moon," while the picture adds Jacob, a werewolf character '
     'who figured less prominently in the first film.', "Jacob", "Kristen Stewart"),
])
def test_a_role_is_no_person_and_the_actor_stays(nlp, text, role, actor):
    labels = _labels(nlp, text)
    assert labels.get(role) != "PERSON"
    if actor is not None:
        assert labels.get(actor) == "PERSON"


def test_a_role_makes_its_other_mentions_in_the_text_no_person(nlp):
    # ECB+ 6_6ecb: "Bella (Kristen Stewart) recovers …; a minor accident … results in Bella's blood being shed"
    doc = nlp("In New Moon, Bella (Kristen Stewart) recovers from the vampire attack. "
              "A minor accident during the festivities results in Bella's blood being shed.")
    assert not [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.text.startswith("Bella")]


def test_a_real_person_portrayed_keeps_his_name_when_the_text_writes_his_full_name(nlp):
    # ECB+ 28_7ecb
    labels = _labels(nlp, "In the movie, Deep Throat (Hal Holbrook) gives Woodward (Robert Redford) probably the most "
                          "famous line. Felt had secretly supplied Bob Woodward of The Washington Post with leads.")
    assert labels.get("Woodward") == "PERSON"
    assert labels.get("Hal Holbrook") == "PERSON"


def test_a_real_person_described_by_a_noun_stays_the_object_of_play(nlp):
    # ECB+ 39_3ecbplus: a real editor portrayed
    assert _labels(nlp, "He is also playing Guardian editor Alan Rusbridger in the film about WikiLeaks.") \
        .get("Alan Rusbridger") == "PERSON"


def test_a_nickname_in_brackets_inside_a_name_is_no_actor(nlp):
    # ECB+ 26_1ecbplus
    labels = _labels(nlp, "One of Gigante's managers was a Greenwich Village neighbor, Thomas (Tommy Ryan) Eboli, "
                          "who later became boss.")
    assert "PERSON" in labels.values()


@pytest.mark.parametrize("text, work", [
    ("Tara is known for her roles in American Pie and Van Wilder.", "Van Wilder"),  # ECB+ 1_4ecb
    ('Her film credits include "Van Wilder" and "The Big Lebowski."', "Van Wilder"),  # ECB+ 1_2ecb
    ('Ketsoyan did not reveal what the star of "American Pie", "Van Wilder" and "The Big Lebowski" was being '
     'treated for.', "Van Wilder"),  # ECB+ 1_6ecb
    ('He has won positive reviews for turns in films like "The Prestige" and "Kate and Leopold."', "Leopold"),  # 2_3ecb
])
def test_a_title_in_a_list_of_works_is_a_work(nlp, text, work):
    assert _labels(nlp, text).get(work) == "WORK_OF_ART"


def test_a_name_cited_as_a_word_is_no_mention(nlp):
    # ECB+ 26_1ecbplus
    labels = _labels(nlp, 'His mother usually addressed him as "Cincenzo, " a diminutive of Vincente, and his boyhood '
                          'friends shortened that into his lifelong nickname, "Chin."')
    assert labels.get("Vincente") != "PERSON"


def test_a_coach_playing_a_player_names_no_role(nlp):
    # ECB+ 5_1ecbplus: no work, a real player
    labels = _labels(nlp, "Cheeks did not use Speights, a young center, until the season's 19th game, and he did not "
                          "play Willie Green with Iverson for much of the season.")
    assert labels.get("Willie Green") == "PERSON"


@pytest.mark.parametrize("text, thing, label", [
    ("All stock Mac applications have been updated to support the Retina display on the new MacBook Pro, as well as "
     "several other popular applications including Aperture, Final Cut Pro, and Diablo III.", "Diablo III",
     "PRODUCT"),  # ECB+ 40_8ecbplus
    ("The deal aligns with HP's extensive power and cooling solutions, such as Dynamic Smart Cooling.",
     "Dynamic Smart Cooling", "PRODUCT"),  # ECB+ 44_1ecbplus
    ("She posed wielding whips in publications like Wink and Titter.", "Titter", "ORG"),  # ECB+ 4_10ecb
])
def test_a_name_listed_after_a_plural_thing_noun_is_that_thing(nlp, text, thing, label):
    assert _labels(nlp, text).get(thing) == label


def test_people_listed_after_a_noun_of_people_stay_people(nlp):
    # ECB+ 5_* (a basketball report)
    labels = _labels(nlp, "This is not to disparage players like Michael Jordan, Antawn Jamison and Rashad McCants.")
    assert labels.get("Michael Jordan") == "PERSON"
    assert labels.get("Rashad McCants") == "PERSON"


def test_a_name_the_text_writes_before_a_work_noun_is_that_work_where_it_stands_alone(nlp):
    # ECB+ 6_1ecbplus (judged wrong in the round-17 person sample)
    doc = nlp("While it may have seemed like a silly thing to do given Twilight's success, the truth is that "
              "comparisons were making many fans worried. Much like the Twilight franchise, or even the other "
              "films, it's entirely possible that LionsGate will choose not to pay Ross.")
    assert not [ent for ent in doc.ents if ent.label_ == "PERSON" and "Twilight" in ent.text]


def test_a_name_the_text_writes_before_a_products_thing_noun_is_that_product(nlp):
    # ECB+ 27_8ecbplus
    doc = nlp("It also recommends users set up IE so that it informs them ahead of time before running any Active "
              "Scripting features. Microsoft suggests that users disable Active Scripting.")
    assert {ent.label_ for ent in doc.ents if ent.text == "Active Scripting"} <= {"PRODUCT", "WORK_OF_ART"}


def test_a_full_name_before_a_thing_noun_stays_a_person(nlp):
    # ECB+ 29_4ecbplus: a quarterback's game-winning drive
    doc = nlp("The Colts beat the Kansas City Chiefs on another Andrew Luck game - winning drive. "
              "Andrew Luck threw for 200 yards.")
    assert [ent.label_ for ent in doc.ents if ent.text == "Andrew Luck"] == ["PERSON", "PERSON"]
