"""Event coreference inside one article, on hand-made records (no model)."""
from __future__ import annotations

from datetime import date

from graphbuild.rules import EntityRule
from graphbuild.model import EventKind, EventStatus, TextSpan
from graphbuild.resolution.events import resolve_article_events
from graphbuild.rules import EventReference, PlaceRule
from tests.resolution.events.articles import ENTITIES, Article, C, M, N, V, resolve


# ---------------------------------------------------------------- within an article

def test_meeting_on_the_published_day_is_placed_at_the_dateline():
    a = Article("a", "TOKYO Mattis met Onodera Friday.", dateline="TOKYO")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
    assert event.participants == ("person:itsunori-onodera", "person:jim-mattis")
    assert (event.date.iso, event.date.precision, event.date.text) == ("2018-06-29", "day", "Friday")
    assert (event.place_id, event.place_rule) == ("place:JPN:tokyo", PlaceRule.DATELINE)


def test_meeting_of_an_earlier_day_gets_no_place_from_the_dateline():
    a = Article("a", "TOKYO Mattis met Song Thursday.", dateline="TOKYO")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Song"], date_text="Thursday")])
    assert event.date.iso == "2018-06-28" and event.place_id is None


def test_second_full_mention_with_the_same_people_joins_the_first():
    a = Article("a", "Mattis met Onodera Friday. After meeting Onodera, Mattis spoke.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "meeting", ["Mattis", "Onodera"])])
    assert len(events) == 1
    assert [s.start for s in events[0].sentences] == [0, 27]
    assert events[0].date.iso == "2018-06-29"


def test_meetings_on_different_days_stay_apart_in_one_article():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Onodera Thursday.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "met", ["Mattis", "Onodera"], nth=1, date_text="Thursday")])
    assert sorted(e.date.iso for e in events) == ["2018-06-28", "2018-06-29"]


def test_the_place_meeting_attaches_to_the_meeting_of_the_people_its_sentence_names():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Song Thursday. During the Tokyo meeting, Onodera smiled.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "met", ["Mattis", "Song"], nth=1, date_text="Thursday"),
                         a.event(M, "meeting", modifiers=["Tokyo"], reference=EventReference.DEFINITE)])
    by_date = {e.date.iso: e for e in events}
    assert len(by_date["2018-06-29"].sentences) == 2 and by_date["2018-06-29"].place_id == "place:JPN:tokyo"
    assert by_date["2018-06-29"].place_rule is PlaceRule.MODIFIER
    assert len(by_date["2018-06-28"].sentences) == 1 and by_date["2018-06-28"].place_id is None


def test_their_meeting_attaches_to_the_latest_meeting_without_other_clues():
    a = Article("a", "Mattis met Onodera Friday. Mattis met Song Thursday. After their meeting, they smiled.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(M, "met", ["Mattis", "Song"], nth=1, date_text="Thursday"),
                         a.event(M, "meeting", reference=EventReference.POSSESSIVE)])
    by_date = {e.date.iso: len(e.sentences) for e in events}
    assert by_date == {"2018-06-29": 1, "2018-06-28": 2}


def test_the_two_discussed_attaches_to_an_event_of_two_named_in_its_sentence():
    a = Article("a", "Mattis met Onodera Friday. Onodera spoke at a conference in Singapore. "
                     "The US held talks with Japan. Mattis said the two discussed trade.")
    events = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday"),
                         a.event(C, "conference", ["Onodera"], place="Singapore"),
                         a.event(N, "talks", ["US", "Japan"]),
                         a.event(None, "discussed", reference="the-two")])
    counts = {e.kind: len(e.sentences) for e in events}
    assert counts == {M: 2, C: 1, N: 1}


def test_reference_with_nothing_before_it_is_dropped():
    a = Article("a", "After their meeting, Onodera smiled.")
    assert resolve(a, [a.event(M, "meeting", reference=EventReference.POSSESSIVE)]) == []


def test_too_few_participants_and_no_reference_is_not_an_event():
    a = Article("a", "Mattis met reporters.")
    assert resolve(a, [a.event(M, "met", ["Mattis"])]) == []


def test_two_country_modifiers_take_part_one_country_modifier_is_the_place():
    a = Article("a", "The US-Japan talks ended. The Singapore summit opened with Onodera.")
    events = resolve(a, [a.event(N, "talks", modifiers=["US", "Japan"], reference=EventReference.DEFINITE),
                         a.event(C, "summit", ["Onodera"], modifiers=["Singapore"])])
    by_kind = {e.kind: e for e in events}
    assert by_kind[N].participants == ("country:JPN", "country:USA")
    assert by_kind[C].participants == ("person:itsunori-onodera",) and by_kind[C].place_id == "country:SGP"


def test_participant_evidence_points_at_the_mentions():
    a = Article("a", "Mattis met Onodera Friday.")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Friday")])
    assert event.evidence == (("person:itsunori-onodera", TextSpan(11, 18)), ("person:jim-mattis", TextSpan(0, 6)))


def test_a_visit_to_a_place_the_gazetteer_does_not_know_is_dropped():
    from dataclasses import replace

    a = Article("a", "Chohan visited Singh. Merkel visited Tokyo.")
    entities = {"Chohan": "person:chohan", "Singh": "place:singh", "Merkel": "person:merkel", "Tokyo": "place:JPN:tokyo"}
    locals_ = [replace(le, resolved=replace(le.resolved, rule=EntityRule.PLACE_UNRESOLVED)) if le.resolved.id == "place:singh"
               else le for le in a.locals(entities)]
    visit = EventKind.VISIT
    events = resolve_article_events(a.meta, [a.event(visit, "visited", ["Chohan"], place="Singh"),
                                             a.event(visit, "visited", ["Merkel"], nth=1, place="Tokyo")], locals_)
    assert [(e.participants, e.place_id) for e in events] == [(("person:merkel",), "place:JPN:tokyo")]




# ---------------------------------------------------------------- parties, visits, claims (issue 14)

def test_a_capital_acting_is_its_country_and_the_surface_is_the_evidence():
    a = Article("a", "Washington and Pyongyang held talks.")
    locals_ = a.locals({"Washington": "place:USA:washington", "Pyongyang": "place:PRK:pyongyang"},
                       {"place:USA:washington": ((("capital", True),), "country:USA"),
                        "place:PRK:pyongyang": ((("capital", True),), "country:PRK")})
    [event] = resolve_article_events(a.meta, [a.event(N, "talks", ["Washington", "Pyongyang"])], locals_)
    assert event.participants == ("country:PRK", "country:USA")
    assert {span for _, span in event.evidence} == {a.span("Washington"), a.span("Pyongyang")}


def test_a_name_the_ner_missed_counts_when_it_names_one_actor_of_the_article():
    a = Article("a", "Kyriakos Mitsotakis spoke. Mitsotakis met Trump.")
    locals_ = a.locals({"Kyriakos Mitsotakis": "person:kyriakos-mitsotakis", "Trump": "person:donald-trump"})
    [event] = resolve_article_events(a.meta, [a.event(M, "met", ["Trump"], names=["Mitsotakis"])], locals_)
    assert event.participants == ("person:donald-trump", "person:kyriakos-mitsotakis")


def test_each_destination_is_its_own_visit_and_a_visited_country_takes_part():
    a = Article("a", "Mitchell visited Israel, Jordan and Tokyo.")
    entities = {"Mitchell": "person:mitchell", "Israel": "country:ISR", "Jordan": "country:JOR",
                "Tokyo": "place:JPN:tokyo"}
    mentions = [a.event(V, "visited", ["Mitchell"], place=p) for p in ("Israel", "Jordan", "Tokyo")]
    events = resolve_article_events(a.meta, mentions, a.locals(entities))
    assert sorted((e.participants, e.place_id) for e in events) == [
        (("country:ISR", "person:mitchell"), None), (("country:JOR", "person:mitchell"), None),
        (("person:mitchell",), "place:JPN:tokyo")]


def test_a_city_visited_with_its_country_named_visits_the_country_too():
    a = Article("a", "Merkel visited Tokyo, Japan.")
    [event] = resolve_article_events(a.meta, [a.event(V, "visited", ["Merkel"], place="Tokyo", place_context=["Japan"])],
                                     a.locals({"Merkel": "person:merkel", "Tokyo": "place:JPN:tokyo",
                                               "Japan": "country:JPN"}))
    assert (event.participants, event.place_id) == (("country:JPN", "person:merkel"), "place:JPN:tokyo")


def test_travel_to_a_city_is_not_a_visit_travel_to_a_country_is():
    a = Article("a", "Mattis travels to Tokyo. Mattis travels to Japan.")
    entities = {"Mattis": "person:jim-mattis", "Tokyo": "place:JPN:tokyo", "Japan": "country:JPN"}
    events = resolve_article_events(a.meta, [
        a.event(V, "travels", ["Mattis"], place="Tokyo", countries_only=True),
        a.event(V, "travels", ["Mattis"], nth=1, place="Japan", countries_only=True)], a.locals(entities),
        office_countries={"person:jim-mattis": "country:USA"})  # an office holder (a private journey is none)
    assert [e.participants for e in events] == [("country:JPN", "person:jim-mattis")]


def test_a_journey_to_a_country_by_someone_with_no_office_and_nothing_else_told_is_no_visit():
    # ecbplus:7_10ecb's form (a boxer arriving before a fight); the same journey with a
    # meeting of the traveller in the article stays a visit
    a = Article("a", "Rahman arrived in Germany. Rahman met Klein.")
    entities = {"Rahman": "person:rahman", "Germany": "country:DEU", "Klein": "person:klein"}
    journey = a.event(V, "arrived", ["Rahman"], place="Germany", countries_only=True)
    assert resolve_article_events(a.meta, [journey], a.locals(entities)) == []
    events = resolve_article_events(a.meta, [journey, a.event(M, "met", ["Rahman", "Klein"])], a.locals(entities))
    assert sorted(e.kind.value for e in events) == ["Meeting", "Visit"]


def test_a_visit_without_its_destination_waits_for_a_mention_that_says_where():
    a = Article("a", "Merkel paid a visit on Friday. The visit to Tokyo was short.")
    entities = {"Merkel": "person:merkel", "Tokyo": "place:JPN:tokyo"}
    events = resolve_article_events(a.meta, [a.event(V, "visit", ["Merkel"], date_text="Friday"),
                                             a.event(V, "visit", nth=1, place="Tokyo", reference=EventReference.DEFINITE)],
                                    a.locals(entities))
    assert [(e.participants, e.place_id, e.date.iso) for e in events] == [
        (("person:merkel",), "place:JPN:tokyo", "2018-06-29")]


def test_an_event_with_too_few_parties_waits_for_a_reference_to_complete_it():
    # wn-gaza-fighting-unsc: "a United Nations Security Council meeting was held in New York City"
    # ... "Speaking to reporters after the meeting, Rwanda's UN ambassador Eugene Gasana said"
    a = Article("a", "A Council meeting was held in Tokyo. After the meeting, Gasana spoke.")
    entities = {"Council": "org:council", "Tokyo": "place:JPN:tokyo", "Gasana": "person:gasana"}
    [event] = resolve_article_events(a.meta, [
        a.event(M, "meeting", modifiers=["Council"], place="Tokyo"),
        a.event(M, "meeting", ["Gasana"], nth=1, reference=EventReference.DEFINITE)], a.locals(entities))
    assert (event.kind, event.participants, event.place_id) == (M, ("org:council", "person:gasana"), "place:JPN:tokyo")


def test_a_body_meeting_as_one_is_a_meeting_of_one_organisation():
    # wn-g7-amazon-fires: "G7 was already scheduled to meet this weekend."; a lower-case
    # ORG ("When the royal council met", wn-sultan-qaboos-dies) is NER noise, not a body.
    a = Article("a", "G7 will meet in Tokyo. The council will meet in Tokyo.")
    events = resolve_article_events(a.meta, [a.event(M, "meet", ["G7"], place="Tokyo"),
                                             a.event(M, "meet", ["council"], nth=1, place="Tokyo")],
                                    a.locals({"G7": "org:g7", "council": "org:council", "Tokyo": "place:JPN:tokyo"}))
    assert [(e.kind, e.participants) for e in events] == [(M, ("org:g7",))]


def test_a_gathering_any_mention_calls_a_summit_is_a_conference():
    # wn-cairo-summit-turkey-libya: "... gathered in Cairo on Wednesday" ... "the conclusions of the summit"
    a = Article("a", "Mattis and Onodera gathered in Tokyo. The summit ended.")
    [event] = resolve_article_events(a.meta, [a.event(M, "gathered", ["Mattis", "Onodera"], place="Tokyo"),
                                              a.event(C, "summit", reference=EventReference.DEFINITE)], a.locals(ENTITIES))
    assert event.kind is C and len(event.sentences) == 2


def test_the_articles_claim_cancelled_before_held_before_planned():
    a = Article("a", "Mattis will meet Onodera Friday. The meeting was called off.")
    [event] = resolve_article_events(a.meta, [
        a.event(M, "meet", ["Mattis", "Onodera"], date_text="Friday", status=EventStatus.PLANNED, future=True),
        a.event(M, "meeting", reference=EventReference.DEFINITE, status=EventStatus.CANCELLED)], a.locals(ENTITIES))
    assert event.status is EventStatus.CANCELLED and event.date.iso == "2018-06-29"


def test_a_reference_that_claims_nothing_does_not_make_a_plan_held():
    a = Article("a", "Mattis will meet Onodera next Monday. The meeting is about trade.")
    [event] = resolve_article_events(a.meta, [
        a.event(M, "meet", ["Mattis", "Onodera"], date_text="next Monday", status=EventStatus.PLANNED, future=True),
        a.event(M, "meeting", reference=EventReference.DEFINITE)], a.locals(ENTITIES))
    assert event.status is EventStatus.PLANNED and event.date.iso == "2018-07-02"


def test_a_date_after_publication_makes_the_claim_planned():
    a = Article("a", "Mattis meets Onodera tomorrow.")
    [event] = resolve_article_events(a.meta, [a.event(M, "meets", ["Mattis", "Onodera"], date_text="tomorrow")],
                                     a.locals(ENTITIES))
    assert event.status is EventStatus.PLANNED and event.date.iso == "2018-06-30"


def test_a_held_reading_gives_way_to_the_articles_own_date_after_publication():
    # wikinews-4 wn4-bush-urges-palestinian-state: "His trip follows-up November's conference" (read
    # held) beside "The president leaves Tuesday for Israel" (planned, Tuesday after publication).
    a = Article("a", "Mattis meets Onodera next Monday. The meeting of Mattis and Onodera follows a summit.")
    [event] = resolve_article_events(a.meta, [
        a.event(M, "meets", ["Mattis", "Onodera"], date_text="next Monday", status=EventStatus.PLANNED, future=True),
        a.event(M, "meeting", ["Mattis", "Onodera"], reference=EventReference.DEFINITE)], a.locals(ENTITIES))
    assert event.status is EventStatus.PLANNED and event.date.iso == "2018-07-02"


def test_told_as_a_plan_and_as_done_without_a_later_date_it_is_held():
    # "Lee was to meet Park … Lee met Park"; chelorg.com's Sochi report: a clause read as a plan
    # beside "Erdogan said at the beginning of the meeting with Putin".
    a = Article("a", "Mattis is to meet Onodera. Mattis met Onodera.")
    [event] = resolve_article_events(a.meta, [
        a.event(M, "meet", ["Mattis", "Onodera"], status=EventStatus.PLANNED, future=True),
        a.event(M, "met", ["Mattis", "Onodera"])], a.locals(ENTITIES))
    assert event.status is EventStatus.HELD


def test_the_summit_means_the_current_one_not_one_mentioned_in_passing():
    # wn-nato-wales-summit: "met in Wales ... in a summit", then "the 2010 NATO summit in Lisbon",
    # then "Bismullah Khan Muhammadi ... attended the summit".
    a = Article("a", "Mattis met in Tokyo in a summit Thursday. The 2016 summit in Seoul was long. Onodera attended the summit.")
    events = resolve_article_events(a.meta, [
        a.event(C, "met", ["Mattis"], place="Tokyo", date_text="Thursday"),
        a.event(C, "summit", nth=1, place="Seoul", date_text="2016", reference=EventReference.DEFINITE),
        a.event(C, "summit", ["Onodera"], nth=2, reference=EventReference.DEFINITE)], a.locals(ENTITIES))
    by_place = {e.place_id: e.participants for e in events}
    assert by_place["place:JPN:tokyo"] == ("person:itsunori-onodera", "person:jim-mattis")


def test_a_reference_naming_its_parties_joins_the_event_of_those_parties():
    # wn-carter-meets-shaer: "Carter met with Israeli President Shimon Peres, who criticized the
    # planned meeting with Mashal" -- the planned meeting is Carter's with Mashal, told before.
    a = Article("a", "Mattis will meet Song Friday. Mattis met Onodera, who criticized the meeting with Song.")
    events = resolve_article_events(a.meta, [
        a.event(M, "meet", ["Mattis", "Song"], date_text="Friday", status=EventStatus.PLANNED, future=True),
        a.event(M, "met", ["Mattis", "Onodera"]),
        a.event(M, "meeting", ["Song"], reference=EventReference.DEFINITE, status=EventStatus.PLANNED)], a.locals(ENTITIES))
    by_people = {e.participants: len(e.sentences) for e in events}
    assert by_people == {("person:jim-mattis", "person:song-young-moo"): 2,
                         ("person:itsunori-onodera", "person:jim-mattis"): 1}


def test_an_unresolved_pronoun_joins_an_event_but_does_not_make_a_plan_held():
    # wn-venezuela-colombia-crisis: "Uribe is scheduled to meet Chávez Thursday" … "Castro sent the
    # chancellor … to Caracas where he met with Chávez": "he" is a guess, so the plan stays a plan.
    a = Article("a", "Mattis will meet Onodera next Monday. Later he met with Onodera.")
    [event] = resolve_article_events(a.meta, [
        a.event(M, "meet", ["Mattis", "Onodera"], date_text="next Monday", status=EventStatus.PLANNED, future=True),
        a.event(M, "met", [("Onodera", 1)], reference=EventReference.PRONOUN)], a.locals(ENTITIES))
    assert event.status is EventStatus.PLANNED


def test_mentions_of_one_named_gathering_are_one_event_and_it_keeps_the_name():
    # wn-rouhani-persian-gulf: "to be unveiled at the United Nations General Assembly later this week" …
    # "The annual meeting of the United Nations General Assembly is set to open tomorrow."
    a = Article("a", "Mattis will speak at the Shangri-La Dialogue. The Shangri-La Dialogue opens tomorrow.")
    [event] = resolve(a, [
        a.event(C, "Dialogue", ["Mattis"], gathering="Shangri-La Dialogue", status=EventStatus.PLANNED),
        a.event(C, "Dialogue", nth=1, gathering="Shangri-La Dialogue", date_text="tomorrow",
                status=EventStatus.PLANNED)])
    assert event.participants == ("person:jim-mattis",) and event.gathering_id == "org:shangri-la-dialogue"
    assert event.date.iso == "2018-06-30" and len(event.sentences) == 2


def test_a_named_gathering_that_names_no_party_is_kept_for_other_articles():
    a = Article("a", "The Shangri-La Dialogue opens tomorrow.")
    [event] = resolve(a, [a.event(C, "Dialogue", gathering="Shangri-La Dialogue", date_text="tomorrow")])
    assert event.participants == () and event.gathering_id == "org:shangri-la-dialogue"


def _visit_and_meeting(text, published=None):
    from datetime import date
    article = Article("a", text, published=published or date(2008, 8, 17))
    entities = {"Merkel": "person:angela-merkel", "Saakashvili": "person:mikheil-saakashvili",
                "Tbilisi": "place:GEO:tbilisi", "Putin": "person:vladimir-putin"}
    used = {k: v for k, v in entities.items() if k in text}
    locals_ = article.locals(used, props={"place:GEO:tbilisi": ((("kind", "city"),), "country:GEO")})
    mentions = [article.event(V, "visit", ["Merkel"], place="Tbilisi", date_text="Sunday"),
                article.event(M, "meeting", ["Saakashvili", "Merkel"])]
    offices = {"person:mikheil-saakashvili": "country:GEO", "person:angela-merkel": "country:DEU",
               "person:vladimir-putin": "country:RUS"}
    return resolve_article_events(article.meta, mentions, locals_, office_countries=offices)


def test_a_meeting_with_a_host_during_a_visit_to_the_hosts_country_takes_its_date_and_place():
    # wikinews:wn-merkel-georgia-nato: "during her Sunday visit to Tbilisi, Georgia" ... "During
    # her meeting with Georgian President Mikheil Saakashvili, Merkel stated"
    events = _visit_and_meeting("Merkel spoke during her Sunday visit to Tbilisi. During her meeting with "
                                "Saakashvili, Merkel stated her view.")
    (meeting,) = [e for e in events if e.kind is M]
    assert (meeting.date.iso, meeting.place_id) == ("2008-08-17", "place:GEO:tbilisi")


def _meeting_in_the_visits_sentence(office_countries=None):
    """ "Merkel began her Sunday visit to Tbilisi. During her visit, Merkel met Putin." """
    text = "Merkel began her Sunday visit to Tbilisi. During her visit, Merkel met Putin."
    article = Article("a", text, published=date(2008, 8, 17))
    entities = {"Merkel": "person:angela-merkel", "Tbilisi": "place:GEO:tbilisi", "Putin": "person:vladimir-putin"}
    locals_ = article.locals(entities, props={"place:GEO:tbilisi": ((("kind", "city"),), "country:GEO")})
    mentions = [article.event(V, "visit", ["Merkel"], place="Tbilisi", date_text="Sunday"),
                article.event(V, "visit", ["Merkel"], nth=1, reference=EventReference.POSSESSIVE),
                article.event(M, "met", ["Merkel", "Putin"])]
    events = resolve_article_events(article.meta, mentions, locals_, office_countries=office_countries)
    (meeting,) = [e for e in events if e.kind is M]
    return meeting


def test_a_meeting_told_in_the_visits_sentence_takes_its_date_without_an_office():
    # wikinews-4 wn4-bush-erdogan-white-house: "On Monday, … Erdoğan paid an official state visit to
    # the United States. During his visit, he met with President George W. Bush" (no office for Bush);
    # ndtv.com: "Modi, who is on a two-day visit to China, has met Chinese President Xi Jinping".
    meeting = _meeting_in_the_visits_sentence()
    assert (meeting.date.iso, meeting.place_id) == ("2008-08-17", "place:GEO:tbilisi")


def test_a_host_of_another_countrys_office_takes_nothing_from_a_visit_in_the_same_sentence():
    # "After meeting Merkel, Macron visited Poland": Merkel's office is Germany's, not the visit's country
    meeting = _meeting_in_the_visits_sentence({"person:vladimir-putin": "country:RUS"})
    assert (meeting.date, meeting.place_id) == (None, None)


def test_a_visit_told_only_after_the_meeting_gives_it_nothing():
    # the probe's etvbharat.com report: "Before the meeting, the Chinese Foreign Minister visited …
    # after landing in New Delhi on Thursday": the landing day is not the meeting's.
    text = "Merkel met Putin. Before the meeting, Merkel made her Sunday visit to Tbilisi."
    article = Article("a", text, published=date(2008, 8, 17))
    entities = {"Merkel": "person:angela-merkel", "Tbilisi": "place:GEO:tbilisi", "Putin": "person:vladimir-putin"}
    locals_ = article.locals(entities, props={"place:GEO:tbilisi": ((("kind", "city"),), "country:GEO")})
    mentions = [article.event(M, "met", ["Merkel", "Putin"]),
                article.event(M, "meeting", reference=EventReference.DEFINITE),
                article.event(V, "visit", ["Merkel"], place="Tbilisi", date_text="Sunday")]
    events = resolve_article_events(article.meta, mentions, locals_)
    (meeting,) = [e for e in events if e.kind is M]
    assert (meeting.date, meeting.place_id) == (None, None)


def test_a_meeting_with_someone_of_another_country_takes_nothing_from_the_visit():
    text = "Merkel spoke during her Sunday visit to Tbilisi. During her meeting with Putin, Merkel stated her view."
    article = Article("a", text)
    entities = {"Merkel": "person:angela-merkel", "Tbilisi": "place:GEO:tbilisi", "Putin": "person:vladimir-putin"}
    locals_ = article.locals(entities, props={"place:GEO:tbilisi": ((("kind", "city"),), "country:GEO")})
    mentions = [article.event(V, "visit", ["Merkel"], place="Tbilisi", date_text="Sunday"),
                article.event(M, "meeting", ["Putin", "Merkel"])]
    events = resolve_article_events(article.meta, mentions, locals_,
                                    office_countries={"person:vladimir-putin": "country:RUS"})
    (meeting,) = [e for e in events if e.kind is M]
    assert (meeting.date, meeting.place_id) == (None, None)


# ---------------------------------------------------------------- round 11: a name's fragment as a party

def test_a_one_word_organisation_split_off_a_longer_name_of_the_article_is_that_name():
    # ECB+ 41_5ecb: "the UN Security Council ... The Council had met behind closed doors"
    a = Article("a", "The UN Security Council spoke in New York. The Council met Ban Ki-moon on Saturday.")
    locals_ = a.locals({"UN Security Council": "org:unsc", "Council": "org:council", "Ban Ki-moon": "person:ban"})
    [event] = resolve_article_events(a.meta, [a.event(M, "met", [("Council", 1), "Ban Ki-moon"])], locals_)
    assert event.participants == ("org:unsc", "person:ban")


def test_a_one_word_organisation_that_another_longer_name_also_holds_stays_itself():
    # wikinews:wn-ukraine-subpoena-pompeo: "The House issued ..." beside the White House and
    # the House of Representatives
    a = Article("a", "The White House and the House of Representatives spoke. The House met Kurt Volker.")
    locals_ = a.locals({"White House": "org:white-house", "House of Representatives": "org:house",
                        "House": "org:the-house", "Kurt Volker": "person:volker"})
    [event] = resolve_article_events(a.meta, [a.event(M, "met", [("House", 2), "Kurt Volker"])], locals_)
    assert event.participants == ("org:the-house", "person:volker")


def test_a_bare_name_or_a_pair_joined_by_a_dash_is_no_shortening():
    # ECB+ 6_10ecbplus "negotiations with Lionsgate" beside a glued "Considering Lionsgate";
    # 43_6ecbplus "the AMD - SeaMicro deal"
    a = Article("a", "Considering Lionsgate spoke. Gary Ross met Lionsgate. The AMD - SeaMicro deal. The SeaMicro met Intel.")
    locals_ = a.locals({"Considering Lionsgate": "org:glued", "Lionsgate": "org:lionsgate", "Gary Ross": "person:ross",
                        "AMD - SeaMicro": "org:pair", "SeaMicro": "org:seamicro", "Intel": "org:intel"})
    events = resolve_article_events(a.meta, [a.event(M, "met", [("Lionsgate", 1), "Gary Ross"]),
                                             a.event(M, "met", [("SeaMicro", 1), "Intel"], nth=1)], locals_)
    assert sorted(e.participants for e in events) == [("org:intel", "org:seamicro"), ("org:lionsgate", "person:ross")]


def test_a_one_word_organisation_ending_two_longer_names_stays_itself():
    a = Article("a", "The Security Council and the Human Rights Council spoke. The Council met Ban Ki-moon.")
    locals_ = a.locals({"Security Council": "org:unsc", "Human Rights Council": "org:hrc", "Council": "org:council",
                        "Ban Ki-moon": "person:ban"})
    [event] = resolve_article_events(a.meta, [a.event(M, "met", [("Council", 2), "Ban Ki-moon"])], locals_)
    assert event.participants == ("org:council", "person:ban")


# ---------------------------------------------------------------- round 11: "the meeting" of a summit

def _summit_then_the_meeting():
    # wikinews:wn-eastmed-mitsotakis: "... had met for their seventh trilateral summit ...
    # The meeting was attended by Israeli prime minister Benjamin Netanyahu ..., Greek prime
    # minister Kyriakos Mitsotakis ..."; the meeting with the IMF was told before
    a = Article("a", "Later Mitsotakis met the IMF. The delegations of Greece and Israel had met for a summit. "
                     "The meeting was attended by Israeli premier Netanyahu and Greek premier Mitsotakis.")
    locals_ = a.locals({"Mitsotakis": "person:mitsotakis", "IMF": "org:imf", "Greece": "country:GRC",
                        "Israel": "country:ISR", "Israeli": "country:ISR", "Greek": "country:GRC",
                        "Netanyahu": "person:netanyahu"})
    return a, locals_


def test_the_meeting_naming_a_summits_countries_by_demonyms_is_that_summit():
    a, locals_ = _summit_then_the_meeting()
    events = resolve_article_events(a.meta, [
        a.event(M, "met", ["Mitsotakis", "IMF"]),
        a.event(C, "met", ["Greece", "Israel"], nth=1),
        a.event(M, "meeting", ["Netanyahu", "Mitsotakis"], reference=EventReference.DEFINITE)], locals_)
    assert sorted((e.kind, e.participants) for e in events) == [
        (C, ("country:GRC", "country:ISR", "person:mitsotakis", "person:netanyahu")),
        (M, ("org:imf", "person:mitsotakis"))]


# ---------------------------------------------------------------- round 12: the news of the day

def test_an_event_told_in_the_present_perfect_without_a_date_is_of_the_published_day():
    # wikinews:wn-bush-arrives-israel "Bush has arrived in Israel"; ndtv.com "has met … in Wuhan"
    a = Article("a", "Mattis has met Onodera in Tokyo.")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], place="Tokyo", recent="has met")])
    assert (event.date.iso, event.date.precision, event.date.text) == ("2018-06-29", "day", "has met")


def test_a_date_of_its_own_wins_over_the_present_perfect():
    a = Article("a", "Mattis met Onodera Thursday.")
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], date_text="Thursday")])
    assert event.date.iso == "2018-06-28"


def test_the_present_perfect_dates_nothing_without_a_published_date():
    a = Article("a", "Mattis has met Onodera in Tokyo.", published=None)
    [event] = resolve(a, [a.event(M, "met", ["Mattis", "Onodera"], place="Tokyo", recent="has met")])
    assert event.date is None
