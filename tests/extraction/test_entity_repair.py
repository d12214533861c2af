"""The repair rules, on a blank English pipeline with hand-set entities."""
from __future__ import annotations

import pytest

from graphbuild.extraction.entity_repair import REPAIR_COMPONENT, TITLES_KEY
from graphbuild.extraction.name_boundaries import country_initials_cut


def run_repair(nlp, text, ents):
    """Tokenise ``text``, set ``ents`` [(surface, label)], run only the repair component."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return nlp.get_pipe(REPAIR_COMPONENT)(doc)


def test_abbreviation_hyphen_compound_is_split_into_tokens(blank_nlp):
    doc = blank_nlp.make_doc("the U.S.-Japan alliance")
    assert [t.text for t in doc] == ["the", "U.S.", "-", "Japan", "alliance"]


def test_department_word_of_a_title_is_not_left_as_an_org(blank_nlp):
    doc = run_repair(blank_nlp, "Japanese Defense Minister Itsunori Onodera spoke.",
                     [("Japanese", "NORP"), ("Defense", "ORG"), ("Itsunori Onodera", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Japanese", "NORP"), ("Itsunori Onodera", "PERSON")]
    assert [s.text for s in doc.spans[TITLES_KEY]] == ["Defense Minister"]


def test_title_is_trimmed_off_the_front_of_a_person_span(blank_nlp):
    doc = run_repair(blank_nlp, "US defence secretary Jim Mattis arrived.", [("defence secretary Jim Mattis", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Jim Mattis", "PERSON")]


def test_honorific_makes_the_next_capitalised_word_a_person_whatever_ner_said(blank_nlp):
    doc = run_repair(blank_nlp, "Later, Mr Mattis said so.", [("Mattis", "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Mattis", "PERSON")]


def test_leading_honorific_is_trimmed_from_person_spans(blank_nlp):
    doc = run_repair(blank_nlp, "Later, Mr. Song said so.", [("Mr. Song", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Song", "PERSON")]


# -- on the real model, sentences from the development corpora ------------------------------

def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def people(nlp, text):
    """The PERSON names of ``text`` on the real pipeline, in text order."""
    return [name for name, label in ents(nlp, text) if label == "PERSON"]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # NER says GPE / ORG; an office title stands right before the name.
    ("US Assistant Secretary of State for African Affairs Jendayi Frazer called on President Thabo Mbeki "
     "of South Africa to pressure Mugabe.", "Thabo Mbeki"),                                   # wn-tsvangirai-rallies-banned
    ("On January 21 Castro sent the chancellor Felipe Perez Roque to Caracas where he met with Chávez.",
     "Felipe Perez Roque"),                                                                   # wn-venezuela-colombia-crisis
    ("Newly elected Academy President Boone Isaacs said, \"I am proud.\"", "Boone Isaacs"),  # ECB+ 2_4ecbplus
    # NER says ORG; coordinated with people.
    ("The subpoena was issued jointly by Representatives Eliot Engel, Adam Schiff, and Elijah Cummings.",
     "Elijah Cummings"),                                                                      # wn-ukraine-subpoena-pompeo
    ("He was charged with intent to kill in the shootings of Paul Riva and Alan Smith.", "Paul Riva"),  # ECB+ 18_6ecbplus
])
def test_a_name_ner_typed_otherwise_is_a_person_by_its_context(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("the President Lula was accompanied by the Minister of Foreign Relations Celso Amorim and others.",
     "Celso Amorim"),                                                                         # wn-lula-meets-chavez
    ("Secretary of Commerce Gary Locke said so.", "Gary Locke"),                              # ECB+ 9_11ecbplus
])
def test_a_name_ner_missed_after_an_office_title_is_a_person(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # NER glued the name to the complement ("the United Nations Nikki Haley") or missed it.
    ("Former US Ambassador to the United Nations Nikki Haley wrote on Twitter, \"We must always have "
     "the backs of our allies.\"", "Nikki Haley"),                                           # wn-trump-syria-withdrawal
    ("US Assistant Secretary of State for African Affairs Jendayi Frazer called on President Thabo Mbeki "
     "of South Africa to pressure Mugabe.", "Jendayi Frazer"),                                # wn-tsvangirai-rallies-banned
])
def test_a_name_after_a_titles_to_or_for_complement_is_a_person(nlp, text, name):
    found = ents(nlp, text)
    assert (name, "PERSON") in found
    assert not any(label != "PERSON" and name in surface for surface, label in found)


@pytest.mark.model
def test_a_country_before_a_body_the_article_names_alone_starts_the_bodys_name(nlp):
    text = ("On Friday, the United States House of Representatives issued a subpoena. Over 220 members of "
            "the House of Representatives favored some form of impeachment.")  # wn-ukraine-subpoena-pompeo
    assert ("the United States House of Representatives", "ORG") in ents(nlp, text)


@pytest.mark.model
def test_a_country_before_part_of_a_longer_name_is_not_glued_to_it(nlp):
    text = ("That was when, 20 years ago, the United States Dow Jones Industrial Average market crashed. "
            "Dow Jones fell again.")  # MEANTIME corpus_stock/82738
    assert not any(surface.endswith("United States Dow Jones") for surface, _ in ents(nlp, text))


@pytest.mark.model
def test_a_country_after_a_titles_complement_is_no_name(nlp):
    found = ents(nlp, "US Ambassador to Zimbabwe Charles Ray said so.")
    assert ("Charles Ray", "PERSON") in found
    assert not any("Zimbabwe Charles" in surface for surface, _ in found)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Comedian Ellen DeGeneres will make her debut.", "Ellen DeGeneres"),                     # ECB+ 2_8ecbplus
    ("Asked about it, Dr Sanjay Gupta declined.", "Sanjay Gupta"),                             # ECB+ 34_12ecb
    ("Qatar's Emir Sheikh Tamim bin Hamad al-Thani met Palestinian President Mahmoud Abbas.",
     "Tamim bin Hamad al-Thani"),                                                             # wn-gaza-fighting-unsc
])
def test_titles_are_trimmed_from_names(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
def test_secretary_of_state_is_a_title_not_an_organisation(nlp):
    # wn-hamas-ends-truce; ECB+ 12_14ecb
    doc = nlp("Secretary of State Condoleezza Rice has said she believes the Annapolis process is the best way.")
    assert ("Condoleezza Rice", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    assert "State" not in [e.text for e in doc.ents]
    assert [t.text for t in doc.spans["titles"]] == ["Secretary of State"]


@pytest.mark.model
def test_mr_president_is_no_name(nlp):
    # wn-ahern-white-house: "I'm very grateful, Mr. President, for the opportunity".
    assert not [e for e in nlp("I'm very grateful, Mr. President, for the opportunity.").ents if e.label_ == "PERSON"]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("South Korean President Lee Myung-bak announced economic measures.", "Lee Myung-bak"),  # wn-us-skorea-naval-exercises
    ("Akwasi Osei-Adjei is Ghana’s foreign minister.", "Akwasi Osei-Adjei"),                 # wn-kibaki-seeks-kufuor-mediation
])
def test_hyphenated_names_stay_whole(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
def test_a_headline_fragment_is_no_person_but_a_name_in_a_list_is(nlp):
    # ECB+ 3_7ecbplus: a headline kept in the text.
    headline = "Texas Lifer Escapes Prison Van Near Houston A Texas inmate escaped from a prison van near Houston."
    assert "PERSON" not in {e.label_ for e in nlp(headline).ents}
    # ECB+ 37_3ecbplus: a long name is no headline (no verb among the capitalised words).
    text = "Landslides hit the area, said Sutopo Purwo Nugroho of the National Disaster Mitigation Agency."
    assert ("Sutopo Purwo Nugroho", "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name, label", [
    ("He died from his injuries at John Radcliffe Hospital a short time later.", "John Radcliffe Hospital", "LOC"),  # wn-uk-diplomat-wife-immunity
    ("CA had no immediate comment May 13.", "CA", "ORG"),                                                           # ECB+ 44_1ecb
    # A mountain pass (data/place_heads.jsonl, round 18): NER typed it PERSON, as it types "the Khyber Pass" ORG.
    ("WHEN PLANNING TO widen Interstate 90 through Snoqualmie Pass, state transportation brass, federal agencies and "
     "greens wisely opted to cut down on road kill.", "Snoqualmie Pass", "LOC"),                                  # ECB+ 9_6ecb
    ("Bangash said about 170 trucks took supplies through the Khyber Pass to Afghanistan on December 16.",
     "the Khyber Pass", "LOC"),                                                                   # rferl.org (Reuters)
])
def test_names_that_are_no_people_by_their_form(nlp, text, name, label):
    assert (name, label) in ents(nlp, text)


@pytest.mark.model
def test_a_country_ner_missed_is_a_place(nlp):
    # wn-mugabe-au-suspension: NER finds no entity in "the President of Gabon".
    text = "He was hailed as a hero by the President of Gabon, to the surprise of many."
    assert ("Gabon", "GPE") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # NER: FAC, ORG; the last word makes the name a site (graphbuild/data/place_heads.jsonl).
    ("Israel's leaders were waiting at Ben Gurion Airport, as Air Force One taxied to a stop.",
     "Ben Gurion Airport"),                                                                   # wn-bush-arrives-israel
    ("There have also been reports of Russian helicopters setting fire to Georgian National Park near Borzhomi.",
     "Georgian National Park"),                                                               # wn-merkel-georgia-nato
])
def test_a_name_ending_in_a_place_word_is_a_place_whatever_ner_said(nlp, text, name):
    assert (name, "LOC") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # NER: PRODUCT after "in" (wn-eastmed-mitsotakis), ORG after "the city of" (ECB+ 19_14ecb;
    # geonames writes Thessaloníki).
    ("Egypt has two usable terminals in the Nile-Delta, in Damietta and Idku.", "Damietta"),
    ("Violence also broke out in the northern city of Thessaloniki, where another 20, 000 people marched.",
     "Thessaloniki"),
    # NER: nothing; a known city followed by a person's name (wn-venezuela-colombia-crisis).
    ("During the World Social Forum in Porto Alegre Chavez appeared to be optimistic about the end of the crisis.",
     "Porto Alegre"),
])
def test_a_known_place_in_a_locative_context_is_a_place(nlp, text, name):
    assert (name, "GPE") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Malaysia is searching for suspects of involvement in Kim's death.", "Kim"),   # a person's, not the town
    ("Inspector-General of Police Khalid Abu Bakar told the Malay Mail.", "Police"),  # "of" after a title
])
def test_a_word_that_is_also_a_town_is_no_place_outside_a_locative_context(nlp, text, name):
    assert (name, "GPE") not in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    # Greek daily Kathimerini [PERSON] (wn-eastmed-mitsotakis); media network EURACTIV [missed]
    # (wn-matovic-covid-eu-summit); the South American group Mercosur [GPE] (wn-g7-amazon-fires).
    ("Greek daily Kathimerini said Greece and Cyprus had to speed up.", "Kathimerini"),
    ("Macron and Matovič told Brussels-based media network EURACTIV safety procedure had been followed.", "EURACTIV"),
    ("It is part of a pact between the European Union and the South American group Mercosur.", "Mercosur"),
])
def test_a_name_after_an_organisation_noun_is_an_organisation(nlp, text, expected):
    assert (expected, "ORG") in ents(nlp, text)


@pytest.mark.model
def test_a_person_glued_to_an_organisation_after_title_of_is_cut_at_the_given_name(nlp):
    # wn-lula-meets-chavez: NER gives "Petrobras José Eduardo Dutra" (PERSON) and
    # "Eletrobrás Silas Rondeau" (ORG) + "Cavalcante Silva" (PERSON): the cut leaves "Silas Rondeau",
    # which joins "Cavalcante Silva" (name_boundaries.adjacent_person_names).
    text = ("Lula was accompanied by the President of Petrobras José Eduardo Dutra, "
            "the President of Eletrobrás Silas Rondeau Cavalcante Silva and others.")
    found = ents(nlp, text)
    assert ("Petrobras", "ORG") in found and ("José Eduardo Dutra", "PERSON") in found
    assert ("Eletrobrás", "ORG") in found and ("Silas Rondeau Cavalcante Silva", "PERSON") in found


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("W. Mark Felt, who remained anonymous for more than thirty years, died.", "W. Mark Felt"),  # ECB+ 28_9ecb
    ("Lockheed Martin's Atlas V and Boeing's Delta IV are two types of rockets.", "Lockheed Martin"),  # MEANTIME
    ("They fund an extended search for the black boxes from Air France Flight 447.", "Air France Flight"),  # MEANTIME
])
def test_an_initial_a_possessive_or_an_organisation_span_stops_the_given_name_cut(nlp, text, name):
    found = ents(nlp, text)
    assert any(name in text_ for text_, _ in found), found
    assert not any(text_ in {"Mark Felt", "Martin", "France Flight"} for text_, _ in found)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Speaking on Monday before the summit, NATO's secretary general, Anders Fogh Rasmussen, described this "
     "as a response.", "Anders Fogh Rasmussen"),                                               # wn-nato-wales-summit
    ("So without further ado, Hugh, a list of dos and don'ts when hosting the Academy Awards: DO Keep jokes "
     "tight, snappy and to-the-point, a la Jon Stewart.", "Jon Stewart"),                     # ECB+ 2_8ecb
])
def test_a_given_name_left_out_before_a_person_is_joined(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, joined", [
    ("Ironically Nichols had offered to plead guilty in return for life behind bars.", "Ironically Nichols"),  # 3_8ecb
    ("\"The fall was unsurvivable,\" Inspector Gaskin said.", "Inspector Gaskin"),                # ECB+ 23_2ecbplus
])
def test_a_word_that_is_no_given_name_is_not_joined_to_a_surname(nlp, text, joined):
    assert all(text_ != joined for text_, _ in ents(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text, name, label", [
    # An organisation whose words hold a given name stays whole (wn-annapolis-statement, wn-carter-meets-shaer).
    ("\"They came because they need a strategic alliance,\" an advisor told The New York Times on condition "
     "of anonymity.", "New York Times", "ORG"),
    ("Jon Alterman of the Woodrow Wilson Center said so.", "Woodrow Wilson Center", "ORG"),
])
def test_names_that_hold_a_given_name_are_not_cut(nlp, text, name, label):
    assert any(text_ == name and label_ == label for text_, label_ in ents(nlp, text)) or \
        any(name in text_ and label_ == label for text_, label_ in ents(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Greek unions led by PAME, which is an offshoot of the Communist Party of Greece, sought to take part.",
     "the Communist Party of Greece"),                                                        # ECB+ 8_6ecbplus
    ("Members are: Communist Party of Cuba, Colombian Communist Party, Socialist Party of Peru, National "
     "Liberation Army.", "Socialist Party of Peru"),                                         # wn-lula-meets-chavez
])
def test_an_organisation_runs_on_over_of_and_its_place(nlp, text, name):
    assert (name, "ORG") in ents(nlp, text)


@pytest.mark.model
def test_a_title_glued_before_a_name_is_cut_off(nlp):
    # wn-cengiz-unga-khashoggi: NER gives "Crown Prince Mohammad bin Salman" as one PERSON.
    text = "PBS revealed that in December, Crown Prince Mohammad bin Salman of Saudi Arabia accepted responsibility."
    assert ("Mohammad bin Salman", "PERSON") in ents(nlp, text)


@pytest.mark.model
def test_a_name_ending_in_navy_is_an_organisation(nlp):
    # wn-us-skorea-naval-exercises: NER gives GPE.
    text = "A South Korean corvette of the Republic of Korea Navy (ROKN), the ROKS Cheonan, sank March 26, 2010."
    assert any(label == "ORG" and "Republic of Korea Navy" in name for name, label in ents(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("However, Kenyan cabinet minister William Ruto, a political leader of one of the ethnic groups, spoke. "
     "\"They should either come forward with substance to their claims, or they should shut up,\" said Ruto; "
     "\"I don't think rumor mongering is going to help.\"", "Ruto"),                       # wn-annan-warns-kenya
    ("Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep Jack Ketsoyan told "
     "People. Ketsoyan would not say what the star was being treated for.", "Ketsoyan"),    # ECB+ 1_10ecb
])
def test_a_name_the_text_spells_out_is_found_again_where_ner_missed_it(nlp, text, name):
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == name] == ["PERSON"]  # the second mention, NER had none


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Prime Minister Theresa May spoke on Monday. The talks end in May.", "May"),    # a month (extraction/month_names.py)
    ("Friday, the United States House of Representatives issued a subpoena. Representatives voted.", "Representatives"),
])
def test_a_repeated_surface_is_no_name_where_the_guards_say_so(nlp, text, word):
    doc = nlp(text)
    second = text.rindex(word)
    assert not any(e.start_char <= second < e.end_char and e.text == word and e.label_ != "DATE" for e in doc.ents)


@pytest.mark.model
def test_a_place_relabelled_in_one_spot_is_that_place_wherever_ner_called_it_an_organisation(nlp):
    # ECB+ 8_5ecb: "in Woodburn" is relabelled by the locative; "a Woodburn police officer" was ORG.
    text = ("A bomb exploded Friday at a West Coast Bank branch in Woodburn, Oregon, killing a Woodburn police "
            "officer and an Oregon State Police bomb squad technician, and critically injuring the Woodburn police chief.")
    labels = {e.label_ for e in nlp(text).ents if e.text == "Woodburn"}
    assert labels == {"GPE"}


def test_no_entity_is_taken_from_a_web_address_written_with_spaces(blank_nlp):
    # ECB+ 5_7ecbplus and 16_11ecbplus: "nl / 2005" was one organisation of two blogs.
    text = "http: / / nbasource. blogspot. nl / 2005 _ 05 _ 01 _ archive. html MONDAY, MAY 23, 2005 FIRED"
    doc = run_repair(blank_nlp, text, [("nl / 2005", "ORG"), ("MAY 23, 2005", "DATE")])
    assert [e.text for e in doc.ents] == ["MAY 23, 2005"]


def test_a_name_right_after_a_web_address_loses_the_address_piece(blank_nlp):
    # ECB+ 30_11ecbplus: "html SEACOM".
    text = "http: / / mygaming. co. za / news / 14642 - seacom - cable. html SEACOM cable problems may last"
    doc = run_repair(blank_nlp, text, [("html SEACOM", "ORG")])
    assert [e.text for e in doc.ents] == ["SEACOM"]


def test_a_job_title_abbreviation_before_a_name_is_no_organisation(blank_nlp):
    doc = run_repair(blank_nlp, "As for the Red Sox, GM Theo Epstein has not spoken.",
                     [("the Red Sox", "ORG"), ("GM", "ORG"), ("Theo Epstein", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("the Red Sox", "ORG"), ("Theo Epstein", "PERSON")]


def test_the_same_abbreviation_in_a_list_of_companies_stays_an_organisation(blank_nlp):
    doc = run_repair(blank_nlp, "carmakers including GM, Toyota and Honda", [("GM", "ORG"), ("Toyota", "ORG"), ("Honda", "ORG")])
    assert [e.text for e in doc.ents] == ["GM", "Toyota", "Honda"]


def test_a_police_rank_is_trimmed_off_the_name(blank_nlp):
    # ECB+ 23_2ecbplus "Inspector Gaskin", 22_12ecbplus "Inspector Joe Sullivan".
    doc = run_repair(blank_nlp, "Later Inspector Gaskin said so.", [("Inspector Gaskin", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Gaskin", "PERSON")]


def glued_cut(nlp, text, surface):
    """The PERSON the repair makes of ``surface`` (NER's span set by hand) in the real pipeline."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == REPAIR_COMPONENT:
            break
        doc = component(doc)
    start = text.index(surface)
    doc.ents = [doc.char_span(start, start + len(surface), label="PERSON")]
    return [e.text for e in nlp.get_pipe(REPAIR_COMPONENT)(doc).ents if e.label_ == "PERSON"]


@pytest.mark.model
@pytest.mark.parametrize("text, glued, name", [
    ("Naturally Scott Boras will try to draw this out.", "Naturally Scott Boras", "Scott Boras"),  # ECB+ 10_19ecbplus
    ("Sixers Fire O'Brien, Hire Maurice Cheeks May 23, 2005", "Hire Maurice Cheeks", "Maurice Cheeks"),  # ECB+ 5_4ecbplus
])
def test_a_word_glued_before_a_given_name_is_cut_off(nlp, text, glued, name):
    assert glued_cut(nlp, text, glued) == [name]


@pytest.mark.model
@pytest.mark.parametrize("text, glued, name", [
    # A team's name that ended the headline, run onto the first sentence's name.
    ("Colts clinch playoff spot by beating Jags Quarterback Peyton Manning was nearly perfect as the Colts beat "
     "the host Jaguars, 31-24, on Thursday night.", "Jags Quarterback Peyton Manning", "Peyton Manning"),  # ECB+ 29_2ecb
    ("Manning picks apart Jaguars Peyton Manning was nearly perfect, exactly what the Indianapolis Colts needed.",
     "Jaguars Peyton Manning", "Peyton Manning"),                                                      # ECB+ 29_11ecb
    ("Veterans Donyell Marshall and Kareem Rush, signed later in the summer by Philadelphia, were no help.",
     "Veterans Donyell Marshall", "Donyell Marshall"),                                                 # ECB+ 5_4ecb
])
def test_a_teams_plural_name_glued_before_a_name_is_cut_off(nlp, text, glued, name):
    assert name in glued_cut(nlp, text, glued)
    assert glued not in glued_cut(nlp, text, glued)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # "costa" is a word, but no other full name of the text ends in Karamanlis (ECB+ 19_10ecb).
    ("Prime Minister Costas Karamanlis appealed for calm. Karamanlis said the violence was unacceptable.",
     "Costas Karamanlis"),
    ("His brother Charles Jackson said the family was relieved.", "Charles Jackson"),
])
def test_a_given_name_ending_in_s_is_no_teams_plural(nlp, text, name):
    assert name in glued_cut(nlp, text, name)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # ECB+ 45_1ecbplus: NER typed "Mackenzi Clayton" ORG; "Clayton" alone was a person of its own (rounds 12, 15).
    ("Howell contended Simpson's planning began in early April 2012 when he asked Mackenzi Clayton, a relative, "
     "about tracking a phone. He contended, too, that Clayton testified as the prosecution wanted.",
     "Mackenzi Clayton"),
    # ECB+ 19_9ecb: NER typed "Paris Kyriakides" FAC; "Kyriakides" alone was a person of its own (round 12).
    ('"We want to create those social conditions," said 32-year-old protester Paris Kyriakides.\n'
     '"In the end, the violence that we use is minimal in comparison to the violence of the system uses, like the '
     'banks," Kyriakides said.', "Paris Kyriakides"),
])
def test_a_full_name_whose_last_word_the_text_writes_alone_as_a_person_is_that_person(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, glued, name", [
    ("Hugh Jackman does everything but standup. The academy has been hinting for months at an all-new look and "
     "feel for this year's Oscars telecast on Feb. 22.\nHaving Jackman host certainly fits with that theme.\n"
     "Jackman was abroad promoting the film.", "Having Jackman", "Jackman"),                         # ECB+ 2_4ecb
    ("Pierre Thomas was hurt. Losing Thomas is bad enough, but it is compiled with the fact. Thomas said so.",
     "Losing Thomas", "Thomas"),                                                                     # ECB+ 25_5ecbplus
])
def test_a_verbs_form_opening_the_sentence_is_no_given_name(nlp, text, glued, name):
    found = people(nlp, text)
    assert name in found and glued not in found


@pytest.mark.model
@pytest.mark.parametrize("text, full, glued", [
    # ECB+ 35_3ecb (judged wrong in rounds 12 and 15): the sentence before ends in "the Steelers".
    ("Chargers receiver Vincent Jackson was arrested, making for a long night with a playoff looming on "
     "Sunday at Pittsburgh against the Steelers Jackson enjoyed the best of his four NFL seasons in 2008.",
     "Vincent Jackson", "Steelers Jackson"),
    # ECB+ 23_8ecbplus (judged wrong in round 15): a short form of the title written in full before.
    ('It was a tough climb, Mid-South Canterbury Area Commander Inspector Dave Gaskin said.\n'
     '"Their equipment and preparation was limited," Insp Gaskin said.', "Dave Gaskin", "Insp Gaskin"),
])
def test_a_word_before_a_surname_is_cut_off_when_the_text_names_the_person_in_full(nlp, text, full, glued):
    # a team's plural (plural_before_name) or a short form of the title (abbreviated_title)
    found = people(nlp, text)
    surname = full.split()[-1]
    assert full in found and surname in found and glued not in found


@pytest.mark.model
def test_a_word_that_is_no_short_form_of_a_title_before_the_name_stays(nlp):
    # "Insp" shortens no title written before a Gaskin here: the word stays with the name.
    text = '"Their equipment and preparation was limited," Insp Gaskin said.'
    assert glued_cut(nlp, text, "Insp Gaskin") == ["Insp Gaskin"]


@pytest.mark.model
@pytest.mark.parametrize("name", ["Mohammad Javad Zarif", "Luiz Inácio Lula", "Anders Fogh Rasmussen",
                                  "Sutopo Purwo Nugroho"])
def test_a_name_whose_first_word_is_no_common_word_or_a_known_name_is_never_cut(nlp, name):
    assert glued_cut(nlp, f"Landslides hit the area, said {name} of the agency.", name) == [name]


@pytest.mark.parametrize("text, ner, name", [
    ('Anthony "Fat Tony" Salerno and Carmine Persico ran it.', 'Anthony "Fat Tony" Salerno and', 'Anthony "Fat Tony" Salerno'),  # ECB+ 26_10ecbplus
    ("Jonathan Wright - director of the lab - said so.", "Jonathan Wright - director", "Jonathan Wright"),  # ECB+ 30_7ecb
])
def test_a_person_span_never_ends_in_a_lower_case_word(blank_nlp, text, ner, name):
    doc = run_repair(blank_nlp, text, [(ner, "PERSON")])
    assert [e.text for e in doc.ents] == [name]


@pytest.mark.parametrize("text, ner, name", [
    ("Envoy Pak Sun-in arrived.", "Pak Sun", "Pak Sun-in"),        # the name ends before the hyphen
    ("Envoy Pak Sun-in arrived.", "Pak Sun-", "Pak Sun-in"),       # ... or on it
    ("Envoy Pak Sun-in arrived.", "Pak", "Pak Sun-in"),            # ... or one word earlier
    ("Envoy Ri Dong-soo arrived.", "Ri Dong", "Ri Dong-soo"),
])
def test_a_hyphenated_given_name_cut_by_ner_takes_its_syllable_back(blank_nlp, text, ner, name):
    doc = run_repair(blank_nlp, text, [(ner, "PERSON")])
    assert [e.text for e in doc.ents] == [name]


@pytest.mark.parametrize("text, ner, label", [
    ("Envoy Pak Sun-oh arrived.", "Pak", "NORP"),
    ("Envoy Pak Sun-oh arrived.", "Pak Sun", "LOC"),
])
def test_a_family_name_typed_otherwise_before_a_hyphenated_given_name_is_the_person(blank_nlp, text, ner, label):
    doc = run_repair(blank_nlp, text, [(ner, label)])
    assert [(e.text, e.label_) for e in doc.ents] == [("Pak Sun-oh", "PERSON")]


@pytest.mark.model
def test_a_place_before_a_hyphenated_english_word_stays_a_place(nlp):
    assert ("North Korea", "GPE") in ents(nlp, "Inspectors visited the North Korea-run camp near the coast.")


@pytest.mark.parametrize("text, ner", [
    ("The Merkel-led cabinet met.", "Merkel"),                  # one word: a compound adjective, no given name
    ("The Angela Merkel-led cabinet met.", "Angela Merkel"),    # "led" is no syllable
    ("The Gordon Brown-era budget failed.", "Gordon Brown"),    # nor is "era"
    ("Pak Sun - in the end - agreed.", "Pak Sun"),              # spaces around the hyphen: no name
])
def test_a_name_before_a_hyphenated_english_word_stays_as_it_is(blank_nlp, text, ner):
    doc = run_repair(blank_nlp, text, [(ner, "PERSON")])
    assert [e.text for e in doc.ents] == [ner]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # Our own sentences; the shapes of https://www.newsy.com/stories/s-korea-willing-to-participate-in-another-summit-with-north/
    # and https://cm.asiae.co.kr/en/article/2023053117344672426 (NER stops before "-in", "-soo").
    ("South Korean President Moon Jae-in said on Tuesday that talks would go on.", "Moon Jae-in"),
    ("Prime Minister Han Duck-soo told the cabinet to prepare a budget.", "Han Duck-soo"),
    ("The ambassador, Choi Jong-an, would not comment.", "Choi Jong-an"),
    ("Mr. Moon Jae-in left for Tokyo after the vote.", "Moon Jae-in"),
    ("Han Duck-soo told lawmakers that he would resign.", "Han Duck-soo"),
])
def test_hyphenated_east_asian_given_names_stay_whole(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # Our own sentences in the shapes of wnx-pope-abuse-reporting, wn-afcfta-niamey-summit, ECB+ 43_1ecb.
    ("Cardinal Marc Ouellet of the Vatican spoke to bishops on Friday.", "Marc Ouellet"),
    ("On Monday Presidents Muhammadu Buhari of Nigeria and Nana Akufo-Addo of Ghana met.", "Muhammadu Buhari"),
])
def test_a_name_ner_missed_after_a_one_word_title_is_a_person(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("The Air Defense Identification Zone covers the islands.", "Identification"),   # last word a common word
    ("He walked past the Queens Plaza North entrance.", "Plaza"),                     # the title word ends a name
])
def test_capitalised_words_after_a_title_word_that_are_no_name_stay_no_person(nlp, text, word):
    assert not any(label == "PERSON" and word in name for name, label in ents(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # Titles of heads of government and state and of China's State Council, our own sentences
    # (graphbuild/data/office_words.jsonl cites the texts that need them).
    ("Taoiseach Micheál Martin said the government would act.", "Micheál Martin"),   # NER: ORG with the title
    ("The talks were led by Taoiseach Leo Varadkar on Monday.", "Leo Varadkar"),
    ("State Councilor Wang Yi met the envoy in Beijing.", "Wang Yi"),
    ("He met Foreign Minister and State Councillor Wang Yi on Friday.", "Wang Yi"),  # British spelling
    ("Emir Tamim bin Hamad Al Thani hosted the talks in Doha.", "Tamim bin Hamad Al Thani"),
])
def test_a_title_of_a_head_of_government_or_state_is_no_part_of_the_name(nlp, text, name):
    found = ents(nlp, text)
    assert (name, "PERSON") in found
    assert not any(label == "ORG" for _, label in found)  # "State" of the title is no organisation


@pytest.mark.model
def test_an_institution_named_after_a_titled_person_stays_an_organisation(nlp):
    assert not any(label == "PERSON" for _, label in ents(nlp, "The King Abdullah University of Science opened."))


@pytest.mark.model
def test_the_third_word_of_a_name_ner_left_out_is_taken_back(nlp):
    # Our own sentence in the shape of en.inform.kz and world.kbs.co.kr reports (NER: "Yoon Suk").
    assert ("Yoon Suk Yeol", "PERSON") in ents(nlp, "Lawmakers voted on Saturday to impeach President Yoon Suk Yeol over the decree.")


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Reporters asked George Bush Monday about the plan.", "George Bush"),          # a weekday
    ("Officials of the George Bush Administration objected.", "George Bush"),      # a common word
])
def test_a_word_after_a_two_word_name_that_is_no_name_stays_out(nlp, text, name):
    assert not any(label == "PERSON" and found.startswith(name) and found != name for found, label in ents(nlp, text))


@pytest.mark.model
@pytest.mark.parametrize("text, place, name", [
    # Our own sentences in the shape of wnx-iran-downs-ukrainian-jet, wn-venezuela-colombia-crisis
    # and the Ukrainian and Brazilian news pages cited in name_boundaries.country_then_name_after_title_of.
    ("President of Ukraine Volodymyr Zelenskyy thanked the donors on Friday.", "Ukraine", "Volodymyr Zelenskyy"),
    ("The President of Venezuela Hugo Chávez will travel next week.", "Venezuela", "Hugo Chávez"),
    ("President of Brazil Luiz Inácio Lula da Silva landed on Monday.", "Brazil", "Luiz Inácio Lula da Silva"),
])
def test_a_country_and_a_name_after_title_of_are_a_place_and_a_person(nlp, text, place, name):
    found = ents(nlp, text)
    assert (place, "GPE") in found and (name, "PERSON") in found


@pytest.mark.model
def test_an_organisation_named_after_a_country_after_title_of_stays_an_organisation(nlp):
    assert not any(label == "PERSON" for _, label in ents(nlp, "The President of Ukraine Airlines resigned."))


@pytest.mark.model
@pytest.mark.parametrize("text, person", [
    ("PM Modi held talks with the visiting delegation in Delhi on Friday.", "Modi"),
    ("EAM S Jaishankar will meet the Japanese delegation on Monday.", "S Jaishankar"),
    ("The delegation was received by FM Wang Yi in Beijing.", "Wang Yi"),
])
def test_a_title_abbreviation_before_a_name_is_no_part_of_it(nlp, text, person):
    # PM, FM, EAM (graphbuild/data/honorifics.jsonl, sources there): Indian and Pakistani
    # outlets write them where others write "Prime Minister".
    assert [e.text for e in nlp(text).ents if e.label_ == "PERSON"] == [person]


@pytest.mark.model
def test_pm_after_a_time_is_the_time_not_a_title(nlp):
    doc = nlp("Updated 4:15 PM Maria Lopez said the vote was close.")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Maria Lopez"]


@pytest.mark.parametrize("text, ner, name", [
    ("Injury notes: DT Marlon Feeney left with a sore ankle.", "DT Marlon Feeney", "Marlon Feeney"),
    ("Hawks QB Daniel Strand threw for 300 yards.", "Hawks QB Daniel Strand", "Daniel Strand"),
])
def test_a_position_abbreviation_before_a_name_is_no_part_of_it(nlp, text, ner, name):
    assert glued_cut(nlp, text, ner) == [name]


@pytest.mark.model
@pytest.mark.parametrize("text, ner, name", [
    ("Night Nurse Helen Varga Saves Three In Ward Fire. Helen Varga was on duty.", "Helen Varga Saves", "Helen Varga"),
    ("Film Revealed: Oliver Brandt Cast as the new captain! Oliver Brandt, 54, said yes.", "Oliver Brandt Cast",
     "Oliver Brandt"),
])
def test_a_headline_word_after_a_name_is_no_part_of_it(nlp, text, ner, name):
    assert glued_cut(nlp, text, ner) == [name, name]  # the second: found again by one sense per discourse


@pytest.mark.model
def test_a_last_word_the_text_never_leaves_out_stays(nlp):
    text = "The board elected Carla Joan Isaacs on Monday."
    assert glued_cut(nlp, text, "Carla Joan Isaacs") == ["Carla Joan Isaacs"]


@pytest.mark.model
@pytest.mark.parametrize("name", ["Laura Jane Wood", "Maria Elena Rice", "Anders Fogh Rasmussen"])
def test_a_name_ending_in_a_family_name_that_is_also_a_word_keeps_it(nlp, name):
    assert glued_cut(nlp, f"The report was signed by {name} of the agency.", name) == [name]


@pytest.mark.model
@pytest.mark.parametrize("text, org", [
    ("Paul Ingram, director of the Coastal Rivers Defense Council's wetlands program, spoke.",
     "Coastal Rivers Defense Council's"),
    ("Nina Roth, co-chair of Building Hope Through Learning, welcomed it.", "Building Hope Through Learning"),
])
def test_an_organisation_after_title_of_is_not_cut_into_a_person(nlp, text, org):
    doc = nlp(text)
    assert not any(e.label_ == "PERSON" and e.text in org for e in doc.ents)


def repaired_as(nlp, text, surface, label="PERSON"):
    """The (text, label) pairs the repair makes of ``surface`` that NER typed ``label``."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == REPAIR_COMPONENT:
            break
        doc = component(doc)
    start = text.index(surface)
    doc.ents = [doc.char_span(start, start + len(surface), label=label)]
    return [(e.text, e.label_) for e in nlp.get_pipe(REPAIR_COMPONENT)(doc).ents]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Fire crews of the Lower Creek Fire Department arrived at noon.", "Lower Creek Fire Department"),
    ("She opened the Marsh Valley Health Clinic in 1992.", "Marsh Valley Health Clinic"),
    ("A letter from the Northern Rivers Arts Council reached him.", "Northern Rivers Arts Council"),
])
def test_a_name_ending_in_an_institution_word_is_an_organisation(nlp, text, name):
    assert repaired_as(nlp, text, name) == [(name, "ORG")]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("After the vote, a ministry spokesperson, Carla Mendes, said the talks would go on.", "Carla Mendes"),
    ("Tomas Varga, spokesman of the agency, says the rules will change.", "Tomas Varga"),
])
def test_a_name_typed_organisation_in_apposition_to_a_role_word_is_a_person(nlp, text, name):
    assert repaired_as(nlp, text, name, label="ORG") == [(name, "PERSON")]


@pytest.mark.model
def test_an_organisation_in_apposition_to_a_role_word_without_a_given_name_stays(nlp):
    text = "Brandvik Holdings, the employer of the spokesman, said nothing."
    assert repaired_as(nlp, text, "Brandvik Holdings", label="ORG") == [("Brandvik Holdings", "ORG")]


@pytest.mark.model
def test_a_name_never_ends_in_a_function_word(nlp):
    text = "Lawyers for Harwick Consulting in Berne declined to comment."
    assert [t for t, _ in repaired_as(nlp, text, "Harwick Consulting in", label="ORG")] == ["Harwick Consulting"]


@pytest.mark.model
@pytest.mark.parametrize("text, zone", [
    ("The ceasefire ended at 4 a.m. GMT on Friday, the army said.", "GMT"),
    ("The vote is due at 10:30 BST (0930 UTC) on Tuesday.", "UTC"),
    ("The talks resumed at 1400 GMT after a break.", "GMT"),
])
def test_a_time_zone_after_a_clock_time_is_no_organisation(nlp, text, zone):
    """The model types each of these zones ORG (checked on the model alone)."""
    assert zone not in [text for text, _ in ents(nlp, text)]


@pytest.mark.parametrize("text, glued, expected", [
    # wikinews wn-eastmed-mitsotakis: the party and the country.
    ("In Cyprus, the ruling Democratic Rally in Cyprus hailed the pipeline.", "Democratic Rally in Cyprus",
     [("Democratic Rally", "ORG"), ("Cyprus", "GPE")]),
    # wikinews-extra: two places.
    ("Navalny was flying from Tomsk in Siberia to Moscow.", "Tomsk in Siberia", [("Tomsk", "GPE"), ("Siberia", "LOC")]),
])
def test_an_organisation_run_over_a_place_in_a_place_is_split_at_in(blank_nlp, text, glued, expected):
    doc = run_repair(blank_nlp, text, [(glued, "ORG")])
    found = [(e.text, e.label_) for e in doc.ents]
    assert all(pair in found for pair in expected) and (glued, "ORG") not in found


def test_an_organisation_name_with_in_and_no_place_stays_whole(blank_nlp):
    # wikinews-3 "Technical and Scientific Collaboration in Health".
    name = "Technical and Scientific Collaboration in Health"
    doc = run_repair(blank_nlp, f"The {name} agreement was signed.", [(name, "ORG")])
    assert [(e.text, e.label_) for e in doc.ents] == [(name, "ORG")]


@pytest.mark.parametrize("text, places", [
    ("Teixeira was traded from Atlanta to Los Angeles in July.", []),                   # ECB+ 10_4ecbplus
    ("He will miss the team's final two games against Detroit and Carolina.", []),     # ECB+ 25_4ecb
    ("Iran imposed sanctions against Israel and the war against Gaza continued.", ["Iran", "Israel", "Gaza"]),
    ("He flew from Tokyo to Beijing for talks.", ["Tokyo", "Beijing"]),
    # ECB+ 5_1ecbplus: the Spurs, the Knicks, the Hawks, the Nets.
    ("Cheeks also played with San Antonio, New York, Atlanta and New Jersey before retiring in 1993.", []),
])
def test_a_city_written_for_its_team_is_no_place(nlp, text, places):
    doc = nlp(text)
    assert [e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}] == places
    assert all(e.label_ == "TEAM" for e in doc.ents if e.text in {"Atlanta", "Los Angeles", "Detroit", "Carolina", "San Antonio"})
    assert any(e.label_ == "TEAM" for e in doc.ents) or places


def test_a_city_given_a_score_is_its_team_and_a_city_given_aid_stays_a_place(nlp):
    # ECB+ 29_10ecb, as written; the same shape with the team's name in 29_3ecbplus, 29_1ecbplus.
    doc = nlp("Garrard, who completed 28 passes for 329 yards, ran for two yards to give Jacksonville a 14-0 lead "
              "in the second quarter.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Jacksonville"] == [("Jacksonville", "TEAM")]
    doc = nlp("The storm was so strong that the state had to give Jacksonville a $20 million loan.")
    assert [e.label_ for e in doc.ents if e.text == "Jacksonville"] == ["GPE"]


def test_a_place_in_brackets_after_a_coach_is_his_team(nlp):
    # ECB+ 5_4ecb (also 5_2ecb, 5_13ecb: other outlets); the won-loss record is the game word.
    doc = nlp("This wasn't P.J. Carlesimo (Oklahoma City) or Eddie Jordan (Washington), whose team's putrid won-loss "
              "records sank any chance they had of survival.\nThis wasn't Sam Mitchell (Toronto), whose differences of "
              "opinion with his general manager about his team's personnel were too big to overcome.")
    assert {e.text for e in doc.ents if e.label_ == "TEAM"} >= {"Washington", "Toronto"}


def test_a_place_in_brackets_after_a_name_with_no_game_is_a_place(nlp):
    # ECB+ 30_12ecbplus: NER types the landing point "Abu Talat" PERSON; Egypt is the country.
    doc = nlp("The SEACOM undersea cable experienced downtime beginning on Saturday 8 October 2011, caused by a "
              "problem on a cable between Abu Talat (Egypt) and Marseilles (France).")
    assert not [e.text for e in doc.ents if e.label_ == "TEAM"]
    assert "Egypt" in [e.text for e in doc.ents if e.label_ in {"GPE", "LOC"}]


@pytest.mark.parametrize("text, demonym, ministry", [
    ("An Israeli Foreign ministry spokesperson said so.", "Israeli", "Israeli Foreign ministry"),  # wikinews-4
    ("The Indonesian health ministry sent doctors.", "Indonesian", "Indonesian health ministry"),  # ECB+ 37_4ecb
    ("Palestinian health ministry officials counted them.", "Palestinian", "Palestinian health ministry"),  # 41_6ecb
])
def test_a_demonym_before_a_portfolio_and_a_lower_case_ministry_is_the_ministry(blank_nlp, text, demonym, ministry):
    doc = run_repair(blank_nlp, text, [(demonym, "NORP")])
    assert [(e.text, e.label_) for e in doc.ents] == [(ministry, "ORG")]


@pytest.mark.parametrize("text, demonym", [
    ("The Iraqi ministry said so.", "Iraqi"),            # no portfolio: no name
    ("The Turkish foreign minister said so.", "Turkish"),  # a title, no body
])
def test_a_demonym_without_portfolio_and_ministry_stays_a_demonym(blank_nlp, text, demonym):
    doc = run_repair(blank_nlp, text, [(demonym, "NORP")])
    assert (demonym, "NORP") in [(e.text, e.label_) for e in doc.ents]


def test_the_real_model_finds_a_ministry_written_in_lower_case(nlp):
    doc = nlp("A Turkish foreign ministry spokesman told reporters the attack was wrong.")
    assert ("Turkish foreign ministry", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_an_honorific_word_and_the_person_after_it_are_one_name(blank_nlp):
    doc = run_repair(blank_nlp, "Experts such as the prophetic Dr Azm Al Homoud spoke.", [("Al Homoud", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Azm Al Homoud", "PERSON")]


@pytest.mark.model
@pytest.mark.parametrize("text, kept, gone", [
    ("Andrew Lopez Confesses To Murder Of Shop Owner In Queens Shooting\nA teenager confessed on Tuesday.",
     "Andrew Lopez", "Andrew Lopez Confesses To Murder"),
    ("HP buys consultant EYP Extending its reach into green consulting, HP said on Monday.", None, "EYP Extending"),
])
def test_a_headline_verb_ends_a_name(nlp, text, kept, gone):
    names = [name for name, label in ents(nlp, text) if label == "PERSON"]
    assert gone not in names
    if kept is not None:
        assert kept in names


@pytest.mark.model
def test_a_given_name_and_a_surname_the_text_writes_alone_stay_a_person_with_a_place_head(nlp):
    text = ("Dale Hall, who directs the wildlife service, spoke on Monday. \"We will defend it,\" Hall said. "
            "Hall said the rule was clear.")
    assert ("Dale Hall", "PERSON") in ents(nlp, text)


@pytest.mark.model
def test_a_known_place_coordinated_with_a_known_place_is_a_place(nlp):
    text = "They extorted payoffs from firms doing business at the Ports of Newark and Elizabeth last year."
    assert ("Elizabeth", "GPE") in ents(nlp, text)


def test_abbreviations_only_are_no_person(blank_nlp):
    doc = run_repair(blank_nlp, "Staff at EYP MCF will join the group.", [("EYP MCF", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("EYP MCF", "ORG")]


@pytest.mark.parametrize("text, surface", [
    ("There were ZANU-PF activists at the gate.", "ZANU-PF"),
    ("Staff of KLM-TV said the show would go on.", "KLM-TV"),
])
def test_capitals_joined_by_hyphens_are_an_abbreviation_not_a_person(blank_nlp, text, surface):
    doc = run_repair(blank_nlp, text, [(surface, "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [(surface, "ORG")]


def test_a_capitalised_name_joined_by_a_hyphen_stays_a_person(blank_nlp):
    doc = run_repair(blank_nlp, "Officials said MARY-ANNE LEE had left.", [("MARY-ANNE LEE", "PERSON")])
    assert [(e.text, e.label_) for e in doc.ents] == [("MARY-ANNE LEE", "PERSON")]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Veteran cornerback Dorland Pemberton has been fined by the league. Pemberton said he would appeal.",
     "Dorland Pemberton"),
    ("The body was found in a motel room by a maid, Coroner Gary Hargrove said on Monday.", "Gary Hargrove"),
])
def test_a_name_keeps_its_given_name_and_loses_a_role_word(nlp, text, name):
    assert (name, "PERSON") in ents(nlp, text)


@pytest.mark.model
def test_a_given_name_with_an_apostrophe_inside_belongs_to_the_name(nlp):
    text = "The man is accused of fatally shooting Ka'Loni Marie Flynn of Fort Smith last year."
    assert ("Ka'Loni Marie Flynn", "PERSON") in ents(nlp, text)


@pytest.mark.model
def test_a_sentence_word_before_a_surname_the_text_writes_alone_is_cut(nlp):
    text = ("Prosecutors charged Vincent Gigante in 1990. Gigante denied it for years.\n"
            "Following Gigante's conviction, the family was run from prison.")
    names = [name for name, label in ents(nlp, text) if label == "PERSON"]
    assert not any(name.startswith("Following") for name in names)


@pytest.mark.model
def test_a_proper_noun_given_name_the_text_never_writes_in_lower_case_stays(nlp):
    text = "Bunny Yeager took the photographs in 1954. Yeager said the pictures made her famous."
    assert ("Bunny Yeager", "PERSON") in ents(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize("text, gone, kept", [
    ("The nominee, Regina Benjamin U. S. Surgeon General, spoke on Monday.", "Benjamin U. S. Surgeon", "Benjamin"),
    ("The Yankees signed A. J. Burnett on Monday.", None, "A. J. Burnett"),
])
def test_a_country_s_initials_after_a_name_are_no_part_of_it(nlp, text, gone, kept):
    names = [name for name, label in ents(nlp, text) if label == "PERSON"]
    assert kept in names
    assert gone is None or gone not in names


@pytest.mark.parametrize("text, start, expected", [
    ("Gunman Kills L. A. Deputy", 1, (1, 1)),  # no name before the initials: nothing left
    ("Regina Benjamin U. S. Surgeon", 0, (0, 2)),  # the name before them
    ("A. J. Burnett", 0, None),  # initials before a surname stay
])
def test_country_initials_cut_keeps_only_a_name_before_them(blank_nlp, text, start, expected):
    doc = blank_nlp.make_doc(text)
    assert country_initials_cut(doc, start, len(doc)) == expected


@pytest.mark.model
def test_a_common_word_of_a_web_address_is_no_person_where_its_headline_stands_again(nlp):
    text = ("http: / / www. dailypost. co. uk / Breaking - man - charged - arson - Wellington / story. html "
            "Breaking: man charged with arson after fire at a supermarket.")
    assert not any(e.label_ == "PERSON" and e.text == "Breaking" for e in nlp(text).ents)


@pytest.mark.parametrize("text, name, label", [
    # ECB+ 35_4ecb: NER typed only "Indianapolis" (GPE) and left "Colts" out.
    ("A gun owned by Indianapolis Colts star Marvin Harrison was used in an April shooting.",
     "Indianapolis Colts", "ORG"),
    # ECB+ 29_1ecb: "Texas" GPE, "Stadium" outside every entity.
    ("Romo said he would be ready Saturday night when Dallas plays its Texas Stadium finale against the Baltimore Ravens.",
     "Texas Stadium", "LOC"),
])
def test_a_place_opening_a_longer_name_is_that_name_not_the_place(nlp, text, name, label):
    doc = nlp(text)
    assert (name, label) in [(e.text, e.label_) for e in doc.ents]
    assert name.split()[0] not in [e.text for e in doc.ents]


@pytest.mark.parametrize("text, place", [
    ("Israeli troops entered the Gaza Strip on Monday.", "Gaza Strip"),
    ("The Harrison family of Indianapolis said they were relieved.", "Indianapolis"),
    # ECB+ 10_2ecbplus
    ("Henry and general manager Theo Epstein flew to Texas on Thursday night to meet with Mark Teixeira.", "Texas"),
    # headlines, as written: a verb after its subject (ECB+ 20_8ecbplus), a title-case run going on (41_6ecbplus)
    ("Powerful Quake in Iran Kills 10; 80 Hurt and 7 Villages Damaged", "Iran"),
    ("South Sudan Accuses Sudan of Bombing Civilian Camp Amid Fears of War", "South Sudan"),
])
def test_a_place_before_no_team_or_site_word_keeps_its_own_name(nlp, text, place):
    assert any(e.text.removeprefix("the ") == place and e.label_ in {"GPE", "LOC"} for e in nlp(text).ents)


# -- round 18: names used as words, and words glued to a name that are not its own ----------

@pytest.mark.parametrize("text, gone, kept", [
    # ECB+ 26_6ecbplus: "Born Vincenzo" was one Person node (judged wrong in round 17); the
    # birth name told as a name is no person on its own.
    ('Gigante was born in the Bronx. His father was a jewelry engraver. Born Vincenzo, he was called "Chin" '
     'for short.', "Born Vincenzo", None),
    # ECB+ 5_3ecbplus: the same participle before a full name, which stays.
    ("PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named Maurice Cheeks coach.", "Named Maurice Cheeks",
     "Maurice Cheeks"),
])
def test_a_participle_opening_the_sentence_is_no_part_of_the_name(nlp, text, gone, kept):
    names = people(nlp, text)
    assert gone not in names and gone.split()[1] not in names
    assert kept is None or kept in names


@pytest.mark.parametrize("text, person", [
    # ECB+ 9_12ecbplus (a headline; NER: PERSON "Obama White House", judged wrong in round 17)
    ("Obama White House reverses Bush rule on protection of endangered species", "Obama"),
    # ECB+ 28_7ecb: the same form, NER cuts it itself
    ("The Nixon White House hired its own operatives to steal information.", "Nixon"),
])
def test_a_known_organisation_ending_a_name_is_the_organisation_not_the_name(nlp, text, person):
    found = ents(nlp, text)
    assert (person, "PERSON") in found and ("White House", "ORG") in found
    assert not any(label == "PERSON" and "House" in name for name, label in found)


def test_a_name_glued_before_no_organisation_keeps_its_words(nlp):
    # ECB+ 28_2ecbplus: a full name, no organisation after it
    assert "Frederick Cheney LaRue" in people(nlp, "Frederick Cheney LaRue, 75, the shadowy Nixon White House aide, died.")
