"""Names NER typed PERSON that their own text shows are no person (extraction/not_people.py).
Sentences of our own words, parsed by the real model; the verdict is asked of a span."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entity_repair import REPAIR_COMPONENT
from graphbuild.extraction.not_people import DROP, full_name_words, person_verdict, place_then_region


def _english(nlp):
    return nlp.get_pipe(REPAIR_COMPONENT).english


def verdict(nlp, text, surface):
    doc = nlp(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface), alignment_mode="expand")
    return person_verdict(doc, span.start, span.end, full_name_words(doc), nlp.get_pipe(REPAIR_COMPONENT).english)


@pytest.mark.parametrize("text, surface", [
    ("Buyers waited weeks for the Nokia Lumia 920 to arrive.", "Lumia 920"),
    ("Posted Thu Mar 4, 2015 by the desk.", "Thu Mar"),
])
def test_a_name_with_a_digit_or_only_calendar_words_is_no_entity(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


@pytest.mark.parametrize("text, surface", [
    ("The chip maker opened a second laboratory in Kharagpur last year.", "Kharagpur"),
    ("The suspect, who is from Tullamarine, was caught two streets away.", "Tullamarine"),
    ("Shells fell on houses in the Qalandia refugee camp overnight.", "Qalandia"),
    ("He was moved to Vardenburg prison on Monday.", "Vardenburg"),
])
def test_a_lone_name_in_a_place_context_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


@pytest.mark.parametrize("text, surface", [
    # a word of a full name of the text: the person again
    ("Senator Maria Kowalczyk spoke first. Reporters waited in Kowalczyk's office.", "Kowalczyk"),
    ("Talks with Oskar Brandvold went on; the pressure fell at Brandvold himself.", "Brandvold"),
    # a given name, a title before the preposition, a possessive after the name
    ("The letter came from Sally last week.", "Sally"),
    ("The ruling was read in Halvorsen's court.", "Halvorsen"),
    # no place context at all
    ("Brandvold said the talks would resume.", "Brandvold"),
])
def test_a_name_with_a_sign_of_a_person_keeps_its_label(nlp, text, surface):
    assert verdict(nlp, text, surface) is None


@pytest.mark.parametrize("text, surface", [
    ("Posted Thu Mar 4, 2015 by the desk.", "Thu Mar 4,"),  # NER: PERSON; repaired: no entity
    ("The minister answered the critics on Bluebird within the hour.", "Bluebird"),  # NER: PERSON; repaired: ORG
])
def test_the_repair_component_takes_the_person_label_off_such_names(nlp, text, surface):
    from graphbuild.extraction.entity_repair import REPAIR_COMPONENT as repair

    with nlp.select_pipes(disable=[repair]):
        raw = {e.text: e.label_ for e in nlp(text).ents}
    assert raw.get(surface) == "PERSON"  # the model's mistake this repairs
    assert {e.text: e.label_ for e in nlp(text).ents}.get(surface) != "PERSON"


@pytest.mark.parametrize("text, surface", [
    ("Rescuers reached the villages of Dashtabad and Kolvar by noon.", "Dashtabad"),
    ("The victim, Henrik Sollie, of Brandvik, was taken to hospital.", "Brandvik"),
])
def test_a_lone_name_after_a_place_noun_or_a_person_and_of_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


def test_a_lone_common_word_after_on_or_via_is_a_medium_not_a_person(nlp):
    assert verdict(nlp, "The minister answered the critics on Bluebird within the hour.", "Bluebird") == "ORG"


def test_a_surname_after_on_keeps_its_label(nlp):
    assert verdict(nlp, "The committee kept its pressure on Brandvold all week.", "Brandvold") is None


@pytest.mark.parametrize("text, surface", [
    ("Troops entered the region's largest city, Khan Dalvar, on Tuesday.", "Khan Dalvar"),
    ("Shells hit a school in the southern city of Khan Dalvar.", "Khan Dalvar"),
])
def test_a_place_noun_names_a_place_even_when_its_first_word_is_a_given_name(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


def test_a_name_followed_by_numbers_ends_before_them(nlp):
    from graphbuild.extraction.not_people import digits_cut

    text = "He fought like Harold Brennan 31 - 2 in his prime."
    doc = nlp(text)
    start = text.index("Harold")
    span = doc.char_span(start, start + len("Harold Brennan 31 - 2"), alignment_mode="expand")
    cut = digits_cut(doc, span.start, span.end)
    assert doc[span.start:cut].text == "Harold Brennan"
    assert person_verdict(doc, span.start, span.end, {}) is None  # a name is left: not dropped


def test_a_name_the_text_calls_an_organisation_is_left_to_resolution(nlp):
    doc = nlp("At present Skylark has 91 aircraft.")
    span = doc.char_span(11, 18)
    assert person_verdict(doc, span.start, span.end, {}, frozenset(), {}, frozenset({"skylark"})) is None


@pytest.mark.parametrize("text, surface", [
    ("The Navy sent the frigate INS Veloran to the gulf.", "INS Veloran"),
    ("Pirates boarded the tanker MV Osprey Star at dawn.", "MV Osprey Star"),
])
def test_a_name_after_a_ship_prefix_is_no_person(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


@pytest.mark.parametrize("text, surface", [
    ("The boxer, known as 'Thunderfist,' retired on Friday.", "Thunderfist"),
    ("He went by the nickname “Zoombo,” his friends said.", "Zoombo"),
])
def test_a_lone_word_in_quotation_marks_is_no_person(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


def test_a_quoted_surname_of_a_full_name_of_the_text_is_still_the_person(nlp):
    text = "Marta Kovalenko spoke first. Critics called it 'Kovalenko,' a brand of its own."
    assert verdict(nlp, text, "Kovalenko") is None


@pytest.mark.parametrize("text, surface", [
    ("He spent two seasons with the Falcons before the trade.", "Falcons"),
    ("On Sunday the Ravens beat the visiting team.", "Ravens"),
])
def test_a_lone_plural_common_word_after_the_is_a_team(nlp, text, surface):
    assert verdict(nlp, text, surface) == "ORG"


def test_a_family_by_its_plural_surname_is_no_team(nlp):
    assert verdict(nlp, "He dined with the Bushes at the ranch.", "Bushes") is None


def verdict_in_text(nlp, text, surface, occurrence=0):
    """The verdict with every piece of the text's evidence, as the repair component asks it."""
    from graphbuild.extraction.not_people import lone_person_uses, lower_case_words, organization_names

    doc = nlp(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    span = doc.char_span(start, start + len(surface), alignment_mode="expand")
    return person_verdict(doc, span.start, span.end, full_name_words(doc), nlp.get_pipe(REPAIR_COMPONENT).english,
                          lone_person_uses(doc), organization_names(doc), lower_case_words(doc))


def test_the_same_full_name_written_twice_is_no_evidence_for_itself(nlp):
    # both mentions were typed PERSON: each protected the other from the place rules
    doc = nlp("Shells hit Khan Dalvar at dawn. Two people were killed in the southern city of Khan Dalvar.")
    first = doc.char_span(doc.text.index("Khan Dalvar"), doc.text.index("Khan Dalvar") + len("Khan Dalvar"))
    start = doc.text.rindex("Khan Dalvar")
    span = doc.char_span(start, start + len("Khan Dalvar"))
    mentions = ((first.start, first.end), (span.start, span.end))
    names = {"khan": {"khan dalvar": mentions}, "dalvar": {"khan dalvar": mentions}}  # NER: PERSON twice
    assert person_verdict(doc, span.start, span.end, names) == "LOC"
    names["dalvar"]["omar dalvar"] = ((0, 2), (0, 2))  # another full name with the word: maybe a person after all
    assert person_verdict(doc, span.start, span.end, names) is None


def test_the_entity_a_name_was_cut_from_is_no_evidence_for_it(nlp):
    doc = nlp("Officials said the headline was Woman Killed yesterday.")
    start = doc.text.index("Woman")
    span = doc.char_span(start, start + len("Woman Killed"))
    cut_from = ((span.start - 1, span.end),)  # "was Woman Killed", NER's span before the repair
    names = {w: {"was woman killed": cut_from * 2} for w in ("was", "woman", "killed")}
    assert person_verdict(doc, span.start, span.end, names, _english(nlp)) == DROP


def test_a_word_in_opening_and_closing_quotes_is_no_possessive(nlp):
    assert verdict(nlp, "Judge Ellison said the `Thunderous' factors weighed most.", "Thunderous") == DROP


@pytest.mark.parametrize("text, surface", [
    ("Crews from Norbury Fire and Rescue were at the scene by noon.", "Norbury Fire"),
    ("He shot a Kellerton County Sheriff's deputy during the chase.", "Kellerton County Sheriff"),
    ("The loan kept the Tallow Brook Creamery afloat for a year.", "Tallow Brook Creamery"),  # ECB+ 13_14ecbplus
    ("Witnesses told Gulf Info they had felt nothing.", "Gulf Info"),
])
def test_a_name_ending_in_an_organisation_head_is_an_organisation(nlp, text, surface):
    doc = nlp(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface), alignment_mode="expand")
    assert person_verdict(doc, span.start, span.end, {}) == "ORG"


def test_a_name_of_a_family_is_no_person(nlp):
    text = "At least nine members of the extended Halvadi family were killed when the house fell."
    assert verdict_in_text(nlp, text, "Halvadi") == DROP


def test_a_family_name_of_a_full_name_of_the_text_stays_the_person(nlp):
    text = "Omar Halvadi spoke to reporters. The Halvadi family lost its house."
    assert verdict_in_text(nlp, text, "Halvadi", occurrence=1) is None


@pytest.mark.parametrize("text, surface", [
    ("The trade came a week after a loss against the Vorks in overtime.", "Vorks"),
])
def test_a_lone_plural_of_no_word_after_the_is_a_team(nlp, text, surface):
    assert verdict(nlp, text, surface) == "ORG"


def test_a_capitalised_common_word_the_text_also_writes_in_lower_case_is_no_name(nlp):
    text = "Ricochet killed teenager.\nThe boy died from a bullet ricochet, the report said."
    assert verdict_in_text(nlp, text, "Ricochet") == DROP


def test_a_capitalised_common_word_never_written_in_lower_case_and_capitalised_inside_a_sentence_keeps_its_label(nlp):
    # Capitalised only where it begins a sentence, it is the common word (round 9: "Premiums will continue").
    text = "Ricochet killed teenager.\nThe boy died from a bullet, and witnesses said Ricochet fled."
    assert verdict_in_text(nlp, text, "Ricochet") is None


@pytest.mark.parametrize("text, surface", [
    ("Rescuers reached the villages of Dashtabad, Kolvar and Tirzan by noon.", "Tirzan"),
])
def test_every_member_of_a_list_after_a_place_noun_and_of_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


def test_a_family_by_the_plural_of_a_name_the_text_uses_is_no_team(nlp):
    text = "Mr Qorvath spoke first. Later the Qorvaths hosted a dinner."
    assert verdict_in_text(nlp, text, "Qorvaths") is None
    assert verdict_in_text(nlp, "Later the Qorvaths hosted a dinner.", "Qorvaths") == "ORG"  # no use of the name: a team


@pytest.mark.parametrize("text, surface", [
    ("Woman Killed In Crash, Driver Charged", "Woman Killed"),
    ("Officials said Trial Begins was the headline of the day.", "Trial Begins"),
])
def test_a_name_of_common_words_only_is_no_person(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


def test_a_name_with_a_given_name_or_a_family_name_is_not_common_words_only(nlp):
    assert verdict(nlp, "Officials said Hope Glass was the headline of the day.", "Hope Glass") is None


def test_a_lone_name_after_a_person_his_age_and_of_is_a_place(nlp):
    text = "Police arrested Henrik Sollie, 23, of Brandvik, two streets away."
    assert verdict(nlp, text, "Brandvik") == "LOC"


@pytest.mark.parametrize("text, surface", [
    ("The former running back and Heisman Trophy winner missed four games.", "Heisman Trophy"),  # ECB+ 25_7ecb
    ("He won a Tony Award in 2004 for his role in the musical.", "Tony Award"),  # ECB+ 2_3ecb
])
def test_a_name_ending_in_an_awards_word_is_no_entity(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


def test_a_name_before_an_awards_word_is_no_entity_but_a_person_named_so_stays(nlp):
    assert verdict(nlp, "He was hosting the 58th annual Tony Awards in 2004.", "Tony") == DROP  # ECB+ 2_4ecb
    assert verdict(nlp, "Tony Blair met the press on Monday.", "Tony Blair") is None


@pytest.mark.parametrize("text, surface", [
    # wn4-zimbabwe-opposition-arrests, wn4-zimbabwe-cabinet-boycott: newspapers.
    ("The Standard has been critical of the government for years.", "Standard"),
    ("The state daily newspaper, The Herald, quoted the minister.", "Herald"),
])
def test_a_lone_name_right_after_the_is_an_organisation(nlp, text, surface):
    assert verdict(nlp, text, surface) == "ORG"


def test_a_lone_name_after_the_that_modifies_a_noun_stays_a_person(nlp):
    text = "Donald Trump spoke. A senior official with the Trump administration also told reporters."
    doc = nlp(text)
    start = text.rindex("Trump")
    span = doc.char_span(start, start + 5)
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), nlp.get_pipe(REPAIR_COMPONENT).english) is None


def test_a_common_word_capitalised_only_where_it_begins_a_sentence_is_no_entity(nlp):
    # ECB+ 34_11ecbplus ("Premiums will continue to skyrocket"), wn3-tony-blair-speaks-calgary ("Lunch was served").
    text = "Costs rose again. Premiums will continue to skyrocket next year. Families are worried."
    assert verdict(nlp, text, "Premiums") == DROP


def test_a_word_the_text_also_capitalises_inside_a_sentence_stays_a_name(nlp):
    text = "Coach Cheeks was fired on Friday. Cheeks was replaced on an interim basis."  # ECB+ 5_10ecb: Maurice Cheeks
    doc = nlp(text)
    start = text.rindex("Cheeks")
    span = doc.char_span(start, start + len("Cheeks"))
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), nlp.get_pipe(REPAIR_COMPONENT).english) is None


@pytest.mark.parametrize("text, surface", [
    ('"He was an outstanding officer," said his partner, Det. Colin Orpe.', "Det"),  # ECB+ 16_5ecbplus
    ("The penalty was made for this case, said Dist. Atty. Steve Cooley.", "Atty"),  # ECB+ 16_6ecbplus
])
def test_a_titles_abbreviation_before_a_name_is_no_entity(nlp, text, surface):
    doc = nlp(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface))
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), _english(nlp)) == DROP


def test_a_surname_ending_a_sentence_before_a_name_stays(nlp):
    text = "The talks were led by Lee. Kim Jong Un arrived later."
    doc = nlp(text)
    start = text.index("Lee")
    span = doc.char_span(start, start + 3)
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), _english(nlp)) is None


def test_a_span_ending_in_a_title_right_before_a_persons_name_is_no_entity(nlp):
    text = '"We have talked about this anger for years," said Brooklyn Councilman Jumaane Williams.'  # ECB+ 19_9ecbplus
    doc = nlp(text)
    start = text.index("Brooklyn Councilman")
    span = doc.char_span(start, start + len("Brooklyn Councilman"))
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), _english(nlp)) == DROP
    assert verdict(nlp, "Amy Bishop was charged on Monday.", "Amy Bishop") is None


def test_a_common_word_first_after_an_opening_quote_and_nowhere_else_capitalised_is_no_entity(nlp):
    text = 'He spoke.\n\nHe had a message for the citizens.\n\n"Compromise was necessary for the survival of this nation."'
    assert verdict_in_text(nlp, text, "Compromise") == DROP  # wn3-kenya-power-sharing-agreement


def test_a_short_text_is_no_evidence_that_a_first_word_is_a_common_word(nlp):
    assert verdict_in_text(nlp, "Putin will host Erdogan in Sochi next week.", "Putin") is None


@pytest.mark.parametrize("text, surface", [
    # ECB+ 29_3ecbplus, 35_10ecb: "Steele" is a family name, "Steelers" no plural of it.
    ("The Ravens won, coupled with the Steelers losing to the Browns.", "Steelers"),
    # ECB+ 29_8ecb: the headline writes no "the"; the text does elsewhere.
    ("Game slips away as Panthers fall to Dallas. The Panthers could not score late. "
     "Coach Ron Rivera said the Panthers played well.", "Panthers"),
])
def test_a_plural_the_text_writes_after_the_is_a_team(nlp, text, surface):
    assert verdict(nlp, text, surface) == "ORG"


def test_a_family_in_the_plural_stays_a_family_of_people(nlp):
    assert verdict(nlp, "The Bushes spent the summer in Maine.", "Bushes") != "ORG"


@pytest.mark.parametrize("text, surface", [
    ("She has hosted Broadway's Tony awards three times.", "Tony"),     # ECB+ 2_5ecb
    ("He shot the clerk with a .38 Remington and fled.", "Remington"),  # a calibre: ECB+ 22_* ".357 Magnum"
])
def test_an_award_in_lower_case_or_a_name_after_a_number_is_no_entity(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


@pytest.mark.parametrize("text", [
    "In 2008 Obama won the election by a wide margin.",
    "On Jan. 20 Obama took the oath of office.",
])
def test_a_year_or_a_day_before_a_name_keeps_the_person(nlp, text):
    assert verdict(nlp, text, "Obama") is None


@pytest.mark.parametrize("text, surface", [
    ("A climber died after a fall on Aoraki Mount Cook on Sunday.", "Aoraki Mount Cook"),  # ECB+ 23_1ecbplus
    ("Houses in the villages Korvan and Delabad were damaged.", "Delabad"),                 # ECB+ 20_4ecb
])
def test_a_mountain_or_a_listed_village_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


@pytest.mark.parametrize("text, surface", [
    ("The film has an 85 percent rating on Rotten Tomatoes this week.", "Rotten Tomatoes"),  # ECB+ 6_5ecbplus
    ("Chip Maker Accelerates Disruptive Server Plans", "Accelerates Disruptive Server"),      # ECB+ 43_2ecbplus
])
def test_a_name_of_common_words_only_is_no_person_even_with_a_plural_or_a_given_name_after_its_first_word(
        nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


@pytest.mark.parametrize("text, surface", [
    ("Officials said the U. S. medical center for federal prisoners was full.", "U. S."),  # ECB+ 26_10ecbplus
    ("He lived in Schenectady, N. Y., until last year.", "N. Y."),                          # ECB+ 21_3ecbplus
])
def test_initials_alone_are_no_name(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


def test_a_common_first_word_before_a_given_name_keeps_the_person(nlp):
    assert verdict(nlp, "Will Smith starred in the film.", "Will Smith") is None


@pytest.mark.parametrize("text, surface", [
    ("The lone defense witness, church elder JD Roundy, spent ten minutes on the stand.", "JD Roundy"),  # ECB+ 36_3ecbplus
    ("She hosted the show solo, following Whoopi Goldberg's four stints.", "Whoopi Goldberg"),  # ECB+ 2_3ecbplus
])
def test_a_name_is_no_plural_of_a_common_word_without_its_s(nlp, text, surface):
    # "Roundy" is no plural of "round", "Whoopi" none of "whoop": only a final "s" comes off.
    assert verdict(nlp, text, surface) is None


def test_a_name_only_ever_written_before_the_same_possessed_word_is_a_business(nlp):
    # ECB+ 21_6ecb: "Outside Bloomington Sam's Club", "at Sam's Club in Bloomington".
    text = "A woman was hit outside Sam's Club on Friday. Police said the car left Sam's Club at speed."
    assert verdict(nlp, text, "Sam") == DROP
    kept = "Reporters met Sam's Club members. Sam said the store would reopen."
    assert verdict(nlp, kept, "Sam") is None


@pytest.mark.parametrize("text, surface", [
    ("The quakes also damaged the Kalidingin hotel on Tuesday.", "Kalidingin"),  # ECB+ 37_6ecb
    # ECB+ 41_1ecb: "al" of another name of the text is no evidence of a person.
    ("Hamas leader Khaled al-Masri spoke after the attack on al-Fahora school.", "al-Fahora"),
])
def test_a_name_modifying_a_hotel_or_a_school_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


@pytest.mark.parametrize("text, surface", [
    ("The three worst-hit villages were Qarabin, Dostavin, Helmarin and Zoravin.", "Dostavin"),
    ("The two flooded towns were Westerby and Hallowin.", "Hallowin"),
])
def test_a_list_a_plural_place_noun_names_is_places(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


@pytest.mark.parametrize("text, surface", [
    ("Her last Oscar gig drew a small audience.", "Oscar"),
    ("He made an Oscar - nominated film in 2003.", "Oscar"),
    ("He won a Tony for the musical.", "Tony"),
])
def test_an_award_written_as_a_modifier_is_no_entity(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


def test_a_given_name_that_is_an_award_stays_a_person_as_a_subject(nlp):
    assert verdict(nlp, "Oscar said the plan would work, and his sister agreed.", "Oscar") is None


@pytest.mark.parametrize("text, surface, label", [
    ("According to Brinkwell, the largest technology website in the region, the outage lasted a day.", "Brinkwell",
     "ORG"),
    ("The deal was struck with Varnholt, a consulting company based in Ohio.", "Varnholt", "ORG"),
])
def test_a_name_in_apposition_to_a_thing_noun_is_no_person(nlp, text, surface, label):
    assert verdict(nlp, text, surface) == label


def test_a_name_in_apposition_to_a_role_is_still_a_person(nlp):
    assert verdict(nlp, "Yesterday Jorvik Talbert, the magazine founder, said he would retire.", "Jorvik Talbert") is None


@pytest.mark.parametrize("text, surface", [
    ("A late run helped the Tar Heels remain unbeaten this season.", "Tar Heels"),
    ("Fans cheered as the Purple Aces took the floor.", "Purple Aces"),
])
def test_a_two_word_plural_after_the_is_a_team(nlp, text, surface):
    assert verdict(nlp, text, surface) == "ORG"


def test_a_name_right_after_a_ship_prefix_is_no_person(nlp):
    assert verdict(nlp, "Sailors aboard the warship INS Kalvari spotted five boats.", "Kalvari") == DROP


@pytest.mark.parametrize("text, surface", [
    ("The rite was taught by Quakerism's founder long before the war.", "Quakerism"),
    ("Critics say Marxism shaped the party for decades.", "Marxism"),
])
def test_a_word_ending_in_ism_is_a_doctrine_not_a_person(nlp, text, surface):
    doc = nlp(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface), alignment_mode="expand")
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), _english(nlp)) == DROP


def test_a_family_name_ending_in_ism_stays_a_person(nlp):
    assert verdict(nlp, "Coach Chism said the team had played well.", "Chism") != DROP


@pytest.mark.parametrize("text, surface", [
    ("Marnsville is among the most crime - ridden neighborhoods in the city.", "Marnsville"),
    ("Tolvira is an area where fighting has displaced thousands.", "Tolvira"),
    ("Civilians fled the Doramine and Kessuk areas this week.", "Doramine"),
])
def test_a_name_the_sentence_calls_a_place_noun_is_a_place(nlp, text, surface):
    assert verdict(nlp, text, surface) == "LOC"


def test_a_person_the_sentence_calls_a_role_stays_a_person(nlp):
    assert verdict(nlp, "Jorvik Talbert is among the most respected judges in the city.", "Jorvik Talbert") is None


@pytest.mark.parametrize("text, surface", [
    ("Zarnock led 13 - 3 at the half, but the visitors came back.", "Zarnock"),
    ("The Hawks will face Trevane, which defeated Ashford 51 - 50 on Friday.", "Trevane"),
])
def test_a_name_that_carries_a_games_score_is_a_team(nlp, text, surface):
    assert verdict(nlp, text, surface) == "ORG"


def test_a_boxer_with_his_record_stays_a_person(nlp):
    assert verdict(nlp, "The list is led by Joe Louis 26 - 1 and Larry Holmes 21 - 5.", "Larry Holmes") is None


def test_a_place_and_the_word_state_is_a_university_not_a_person(nlp):
    ents = [(e.text, e.label_) for e in nlp("Creighton will meet Indiana State in the semifinals on Saturday.").ents]
    assert ("Indiana State", "ORG") in ents


@pytest.mark.parametrize("text, surface", [
    ("Read more at news. co. uk / Breaking - man - charged - arson - Wellington / story.", "Breaking"),
    ("See mail. co. uk / Cumbria - double - murder - Son - suspected - killing / index.", "Son"),
])
def test_a_word_inside_a_web_address_written_with_spaces_is_no_person(nlp, text, surface):
    assert verdict(nlp, text, surface) == DROP


def test_a_hyphenated_surname_written_with_spaces_is_no_web_address(nlp):
    assert verdict(nlp, "Dominique Strauss - Kahn said he would resign.", "Strauss") != DROP


@pytest.mark.parametrize("text, surface", [
    ("Edgar Sosa added 12 points for the Cardinals (10-3, 1-0 Big East), who have won two in a row.", "Edgar Sosa"),
    ("Nadal beat Federer 6 - 4 in the final set.", "Federer"),
])
def test_a_player_beside_a_record_or_a_score_stays_a_person(nlp, text, surface):
    assert verdict(nlp, text, surface) is None


def _labels(nlp, text):
    return {(e.text, e.label_) for e in nlp(text).ents}


@pytest.mark.parametrize("text, surface", [
    ("The night, however, belonged to Hansbrough, who accepted the game ball and an embrace from Ford, now an "
     "assistant coach for the NBA's Charlotte Bobcats, immediately after setting the record.", "Charlotte Bobcats"),
    ("The Saints (11 - 5) face the NFC West - champion Seattle Seahawks (7 - 9) in a wildcard game at 3: 30 p.",
     "Seattle Seahawks"),
])
def test_a_place_and_a_plural_of_no_name_is_a_team_not_a_person(nlp, text, surface):
    # ECB+ 31_12ecb and 25_10ecbplus: NER typed both PERSON.
    assert (surface, "ORG") in _labels(nlp, text)


def test_a_place_after_a_persons_name_and_of_is_the_hometown_even_when_a_given_name(nlp):
    text = ("LaRue is survived by his wife, Joyce Burleson LaRue; his sons Ike III, of Jackson, and Fred Jr., of "
            "Brandon, Miss.; his daughters Patricia LaRue of Arlington, Tex., Leslie LaRue of Manhattan, Grace "
            "Burleson LaRue of Crystal Springs, Miss.; his brother, Ike Jr.; his sister, Ruthie LaRue Owen of "
            "Jackson; and nine grandchildren.")  # ECB+ 28_3ecbplus
    labels = _labels(nlp, text)
    assert ("Jackson", "GPE") in labels and ("Jackson", "PERSON") not in labels
    assert ("Joyce Burleson LaRue", "PERSON") in labels


def test_a_name_the_text_also_types_an_organisation_is_that_organisation(nlp):
    text = ("“ And the big thing was we had to protect Crowley Petroleum, from the fire from spreading to the gas "
            "and the petroleum products that are stored at Crowley Petroleum, right next store here, because of "
            "the danger of an entire conflagration.")  # ECB+ 13_9ecbplus: PERSON once, ORG once
    labels = _labels(nlp, text)
    assert ("Crowley Petroleum", "ORG") in labels and ("Crowley Petroleum", "PERSON") not in labels


def test_the_first_words_of_an_organisations_name_are_that_organisation(nlp):
    text = ("In a move that will expand its services division, Hewlett - Packard will acquire EYP Mission Critical "
            "Facilities, a New York company that offers data center consulting services.\n"
            "EYP Mission, which has 350 employees and 13 offices in the United States and the United Kingdom, "
            "helps plan, design, build and support large - scale data centers.")  # ECB+ 44_6ecbplus
    assert ("EYP Mission", "ORG") in _labels(nlp, text)


def test_a_name_headed_by_a_common_noun_is_an_organisation(nlp):
    text = ("SeaMicro was founded in 2007 and is backed with $60 million in funding by Khosla Ventures, Draper "
            "Fisher Jurvetson, Crosslink Capital, and a number of strategic investors.")  # ECB+ 43_4ecbplus
    assert ("Crosslink Capital", "ORG") in _labels(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Staunton Police this morning arrested Sharron Diane Crawford Smith, of Staunton, on first-degree murder "
     "charges in the 1967 slayings of two women at High's Ice Cream Shop.", "Sharron Diane Crawford Smith"),  # ECB+ 22_6ecb
    ("Secretary of State Condoleezza Rice felt the conference was a success.", "Condoleezza Rice"),  # Wikinews
])
def test_a_person_whose_family_name_is_also_a_word_stays_a_person(nlp, text, surface):
    assert (surface, "PERSON") in _labels(nlp, text)


def test_a_given_name_that_is_a_town_before_a_plural_stays_a_person(nlp):
    text = ("Louis placed wide receiver and kick returner Derek Stanley and linebacker Gary Stills on injured "
            "reserve.")  # ECB+ 29_1ecb: Gary, Indiana; "Stills" a plural of "still"
    assert ("Gary Stills", "PERSON") in _labels(nlp, text)


@pytest.mark.parametrize("text, word", [
    # ECB+ 3_4ecb and 36_2ecbplus (two outlets): the quotes as written, in three-sentence texts.
    ("Prosecutors said the jury made the right decision.\n\"Justice has been served in this case - it absolutely "
     "has been,\" Hill said.\nThe judge will sentence him next month.", "Justice"),
    ("Jeffs was sentenced to life in prison.\n\"Justice has been served, \" Jeffs' nephew, Brent Jeffs, told "
     "InSession soon after the sentence.\nThe jury deliberated for less than an hour.", "Justice"),
    # ECB+ 19_6ecb (Athens riots) and 11_9ecb (Turkmenistan's election, another outlet): "Groups" NNS with its
    # own complement, outside quotation marks.
    ("Uncertain Athenians stayed away from the city center, which was ghostly quiet.\nGroups of young people roamed "
     "the streets across central Athens, shouting slogans.\nPolice fired tear gas.", "Groups"),
    ("But opposition groups boycotted the election.\nGroups representing Uzbeks, the nation's largest minority, "
     "complained that there was not a single Uzbek name on the ballots.\nThe vote was held on Sunday.", "Groups"),
])
def test_a_common_word_typed_organisation_only_where_it_opens_a_sentence_is_no_entity(nlp, text, word):
    assert word not in [ent.text for ent in nlp(text).ents]


def test_an_organisation_word_the_text_capitalises_inside_a_sentence_keeps_its_label(nlp):
    text = "Justice is a small town.\nResidents of Justice voted on Monday.\nThe mayor said the vote was fair."
    assert [ent.text for ent in nlp(text).ents if ent.label_ == "ORG"] == ["Justice", "Justice"]


def test_a_company_that_opens_sentences_outside_quotation_marks_keeps_its_label(nlp):
    # MEANTIME apple_43503 writes "Apple" only where its sentences begin.
    text = "Apple unveiled a new phone on Monday.\nApple said sales rose by a third.\nAnalysts had expected more."
    assert [ent.text for ent in nlp(text).ents if ent.label_ == "ORG"] == ["Apple", "Apple"]


@pytest.mark.parametrize("text, name", [
    # ECB+ 5_4ecb, 7_3ecb, as written: a contract's nickname, a boxer's nickname.
    ("Brand spurned the Clippers, as well as the Warriors, for the Sixers' $80 million offer -- the \"Philly Max,\" "
     "as Brand later called it.", "Philly Max"),
    ("Bowe had two fights with Andrew Golota in 1996 before the \"Foul Pole\" got himself disqualified with low blows.",
     "Foul Pole"),
])
def test_a_name_in_quotation_marks_after_the_is_no_person(nlp, text, name):
    assert not any(name in e.text for e in nlp(text).ents if e.label_ == "PERSON")


# -- round 17: the words around the name say it is a place, a store, an institution or a vessel --

@pytest.mark.parametrize("text, surface", [
    ("The dhow, identified as bearing the name Salahaddin, was towing a smaller skiff.", "Salahaddin"),  # ECB+ 12_8ecb
    ("The larger boat, a dhow was identified as Salahuddin, with the second smaller boat in tow.", "Salahuddin"),  # 12_1ecb
    ("Some of the pirates, said to be in a dhow or fishing vessel named Salaluddin, fired at the navy ship.",
     "Salaluddin"),  # 12_16ecb
])
def test_a_name_a_vessel_noun_is_given_is_no_person(nlp, text, surface):
    labels = _labels(nlp, text)
    assert not any(name == surface and label == "PERSON" for name, label in labels)


def test_a_person_named_beside_a_vessel_stays_a_person(nlp):
    # The walk up the parse ends at "member": the member is named, not the ship.
    assert ("John Smith", "PERSON") in _labels(nlp, "The ship carried a crew member named John Smith to the port.")


def test_a_ship_prefix_inside_the_span_makes_it_no_person(nlp):
    text = ("At about 9: 25 Thursday morning, navy personnel aboard warship INS Sukanya spotted a group of five "
            "suspicious boats speedily approaching the merchant vessels of her group.")  # ECB+ 12_3ecbplus
    doc = nlp(text)
    start = text.index("warship")
    span = doc.char_span(start, text.index("Sukanya") + len("Sukanya"))
    assert person_verdict(doc, span.start, span.end, full_name_words(doc), _english(nlp)) == DROP


def test_a_vessel_noun_first_in_the_span_makes_it_no_person(nlp):
    text = ("This is the fifth successful anti - piracy operation conducted by INS Sukanya in the course of her "
            "ongoing patrol mission in the Gulf of Aden that commenced in September, the navy said.\nWarship "
            "Sukanya, currently deployed on anti - piracy patrols in the Gulf of Aden, was escorting a group of "
            "merchant vessels.")  # ECB+ 12_3ecbplus
    assert not any("Sukanya" in name and label == "PERSON" for name, label in _labels(nlp, text))


def test_a_name_before_a_file_extension_is_no_person(nlp):
    text = ("Based on past practice, Microsoft's Fixit workaround probably uses the Application Compatibility Toolkit "
            "to modify the core library of IE - - a DLL (dynamic link library) named \"Mshtml. dll\" that contains "
            "the bulk of IE's code.")  # ECB+ 27_3ecbplus
    assert not any(name == "Mshtml" for name, _ in _labels(nlp, text))


def test_an_organisations_last_word_after_its_name_is_an_organisation(nlp):
    text = ("Within a week of the dissolution of the last entity to run the Matanuska Maid Creamery, its building "
            "burned to the ground.")  # ECB+ 13_4ecbplus
    labels = _labels(nlp, text)
    assert ("Creamery", "PERSON") not in labels


def test_a_store_named_after_its_owner_is_no_person(nlp):
    text = "You could tell\" it was larger, said Hardester's Market clerk Alicia Mullin."  # ECB+ 38_3ecbplus
    labels = _labels(nlp, text)
    assert ("Hardester", "PERSON") not in labels and ("Alicia Mullin", "PERSON") in labels


def test_an_owner_the_text_also_names_alone_stays_a_person(nlp):
    text = ("Hardester said the quake shook the shelves. You could tell it was larger, said Hardester's Market "
            "clerk Alicia Mullin.")
    assert ("Hardester", "PERSON") in _labels(nlp, text)


def test_a_name_the_text_gives_an_institution_is_that_institution_where_it_stands_as_one(nlp):
    text = ("Lindsay Lohan checks into Betty Ford Center May 03, 2013 After skipping out on entering a Newport "
            "Beach rehabilitation facility and facing the prospect of arrest for violating her probation, Lindsay "
            "Lohan has checked into the Betty Ford Center to begin a 90 - day court - mandated rehab stay. Her "
            "latest stay at Betty Ford comes after Lohan rear - ended a truck.")  # ECB+ 1_10ecbplus
    labels = _labels(nlp, text)
    assert not any(name.startswith("Betty Ford") and label == "PERSON" for name, label in labels)
    assert ("Betty Ford Center", "ORG") in labels


def test_a_person_the_text_names_an_institution_after_stays_a_person(nlp):
    text = ("Former first lady Betty Ford founded the clinic in 1982. Lindsay Lohan checked into the Betty Ford "
            "Center on Thursday, a spokesman for Betty Ford said.")
    assert ("Betty Ford", "PERSON") in _labels(nlp, text)


def _place_tokens(nlp, doc):
    places = nlp.get_pipe(REPAIR_COMPONENT).places(doc)
    return {i: (start, end, alone) for start, end, alone in places for i in range(start, end)}


@pytest.mark.parametrize("text, surface", [
    ("cat=8 Troy, Michigan Office Shooting Follow - Up - 1 Dead, 2 Injured, and Suspect Caught Apr 12, 2007",
     "Troy"),  # ECB+ 18_3ecbplus
    ("An accounting firm employee who was fired by a Troy, Mich., company last week was charged.", "Troy"),  # 18_5ecbplus
    ("Survivors include his wife, Joyce LaRue of Jackson, Miss.; five children; and several grandchildren.",
     "Jackson"),  # ECB+ 28_2ecbplus
    ("A 50 - year - old man from Dexter, Michigan, tipped off authorities to LaCalamita's location after hearing "
     "a description of the suspect's vehicle.", "Dexter"),  # ECB+ 18_1ecbplus: no town the gazetteer knows
])
def test_a_town_then_a_comma_and_its_state_is_a_place(nlp, text, surface):
    doc = nlp(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface))
    assert place_then_region(doc, span.start, span.end, _place_tokens(nlp, doc), full_name_words(doc))


def test_a_person_then_a_state_and_his_office_stays_a_person(nlp):
    text = ("In California, the requirement to consult with government biologists before construction projects is "
            "particularly crucial, said Mark Rockwell, California state representative of the Endangered Species "
            "Coalition.")  # ECB+ 9_3ecb
    assert ("Mark Rockwell", "PERSON") in _labels(nlp, text)


def test_a_town_before_a_states_possessive_is_no_address(nlp):
    text = "The mayor of Jackson, Mississippi's capital, said the water was safe."
    doc = nlp(text)
    start = text.index("Jackson")
    span = doc.char_span(start, start + len("Jackson"))
    assert not place_then_region(doc, span.start, span.end, _place_tokens(nlp, doc))


def test_a_surname_that_is_a_town_stays_a_person_without_a_state_after_it(nlp):
    text = "Chargers receiver Vincent Jackson was arrested on Jan. 10. Jackson, who had 59 catches, was released."
    labels = _labels(nlp, text)
    assert ("Vincent Jackson", "PERSON") in labels and ("Jackson", "PERSON") in labels


def test_a_business_named_with_a_possessive_is_left_to_the_business_rule(nlp):
    text = ("Pedestrian Fatally Hit Outside Bloomington Sam's Club Police use Taser to arrest hit-and-run suspect "
            "Police have arrested a man. A Sam's Club spokeswoman said the woman was hit outside Sam's Club in "
            "Bloomington.")  # ECB+ 21_6ecb: ECB+ annotates no mention there
    assert not any(name.startswith("Bloomington Sam") for name, _ in _labels(nlp, text))


def test_a_common_word_opening_a_headline_before_a_possessive_is_no_person(nlp):
    text = ("Lawman's Unwavering Compass Led Him to White House Showdown\nW. Mark Felt Sr., the associate director "
            "of the FBI during the Watergate scandal, died Thursday.\nHe was 95.\nFelt had been ill.")  # ECB+ 28_1ecb
    labels = _labels(nlp, text)
    assert not any(surface.startswith("Lawman") for surface, _ in labels)
    assert ("Felt", "PERSON") in labels


@pytest.mark.parametrize("text, surface", [
    ("\"Bettie Page\" remains short-hand for a cult that includes everyone from designer Vivienne Westwood to "
     "rockabilly hounds to hot-rodders, comic books, Madonna, Goths, neo-burlesque performers and devil-may-care "
     "types.", "Goths"),  # ECB+ 4_13ecb
])
def test_a_lone_plural_of_a_common_word_is_no_entity(nlp, text, surface):
    assert surface not in {s for s, _ in _labels(nlp, text)}


def test_a_lone_plural_the_text_writes_in_an_organisations_name_is_that_organisation(nlp):
    text = ("Word comes from People magazine and other celebrity news outlets that Tara Reid, 33, has entered the "
            "Promises Treatment Center in Malibu, California.\nPeople said Reid's representative Jack Ketsoyan "
            "confirmed the actress's stay at Promises.")  # ECB+ 1_1ecb: "People" NNS
    assert ("People", "ORG") in _labels(nlp, text)


@pytest.mark.parametrize("text, surface", [
    ("Tom Hanks will star in the film, and Hanks said he was thrilled.", "Tom Hanks"),  # a given name first
    ("The Kennedys gathered at Hyannis Port for the funeral.", "Kennedys"),  # a family name's plural
])
def test_a_name_ending_in_a_plural_after_a_given_name_or_a_family_stays(nlp, text, surface):
    assert (surface, "ORG") not in _labels(nlp, text)
    assert verdict(nlp, text, surface) != DROP


@pytest.mark.parametrize("text", [
    "The alarm was raised after a CCTV operator noticed smoke coming from the roof.",  # ECB+ 14_1ecb, 14_4ecb
    "In findings published in the New Straits Times, CCTV footage from the airport showed two women "
    "approaching Kim.",  # wikinews-extra wnx-kim-jong-nam-fourth-suspect
])
def test_a_common_nouns_abbreviation_modifying_a_noun_is_no_organisation(nlp, text):
    assert "CCTV" not in [ent.text for ent in nlp(text).ents]


def test_the_same_letters_naming_a_broadcaster_stay_an_organisation(nlp):
    text = "China's state broadcaster CCTV reported the launch on Monday."
    assert ("CCTV", "ORG") in _labels(nlp, text)


def test_a_word_of_no_name_then_a_country_is_a_companys_branch(nlp):
    text = ("Etisalat Egypt and LinkdotNet are one of Egypt's largest internet service providers, and among the most "
            "affected by the cable cut.")  # ECB+ 30_2ecbplus (30_3ecbplus, another outlet, writes it too)
    assert ("Etisalat Egypt", "ORG") in _labels(nlp, text)


def test_a_given_name_then_a_country_stays_a_person(nlp):
    text = "Eddie Jordan was fired by the Wizards on Monday."  # ECB+ 5_10ecb
    assert ("Eddie Jordan", "PERSON") in _labels(nlp, text)


def test_a_demonyms_plural_is_no_common_word(nlp):
    text = ("Some fear the austerity measures insisted upon by the EU and IMF could make prospects for growth even "
            "worse.\nUnions say low - income Greeks will suffer disproportionately from the latest austerity "
            "measures.")  # ECB+ 8_7ecbplus: the gold annotates "Greeks" as persons
    assert verdict(nlp, text, "Greeks") != DROP
