"""A recalled meeting of the same parties stays apart from the story's (background.py)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from graphbuild.model import EventDate
from graphbuild.resolution.events.background import Apart, apart
from graphbuild.rules import EventReference
from tests.resolution.events.articles import C, M, Article

PUBLISHED = date(2019, 6, 30)


@dataclass
class Side:
    ordinal: int | None = None
    earlier: bool = False
    date: EventDate | None = None


def day(iso: str) -> EventDate:
    return EventDate(iso, iso, "day" if len(iso) == 10 else "month" if len(iso) == 7 else "year")


def test_different_ordinals_are_different_meetings():
    assert apart(Side(ordinal=2), False, Side(ordinal=1), PUBLISHED) is Apart.ORDINAL
    assert apart(Side(ordinal=2), False, Side(ordinal=2), PUBLISHED) is None


def test_an_ordinal_alone_does_not_keep_a_mention_apart():
    # "made his first official state visit to Canada this week": the story's own event.
    assert apart(Side(), True, Side(ordinal=1, date=day("2019-06-27")), PUBLISHED) is None
    assert apart(Side(), False, Side(ordinal=1), PUBLISHED) is None


def test_an_earlier_one_is_not_the_story_but_may_be_a_recalled_one():
    assert apart(Side(), False, Side(earlier=True), PUBLISHED) is Apart.EARLIER
    assert apart(Side(date=day("2019-06-30")), False, Side(earlier=True), PUBLISHED) is Apart.EARLIER
    assert apart(Side(date=day("2018-06")), False, Side(earlier=True), PUBLISHED) is None
    assert apart(Side(earlier=True), False, Side(earlier=True), PUBLISHED) is None


def test_a_date_long_before_publication_does_not_date_the_leads_undated_event():
    assert apart(Side(), True, Side(date=day("2018-06")), PUBLISHED) is Apart.RECALLED_DATE
    assert apart(Side(), True, Side(date=day("2019-06-29")), PUBLISHED) is None  # "on Saturday"
    assert apart(Side(), True, Side(date=day("2019-06-17")), PUBLISHED) is None  # within two weeks
    # Outside the lead, an undated event may be told as long ago as the text says ...
    assert apart(Side(), False, Side(date=day("2018-06")), PUBLISHED) is None
    # ... unless the mention itself is one of a series: "their first meeting in April".
    assert apart(Side(), False, Side(ordinal=1, date=day("2019-04")), PUBLISHED) is Apart.RECALLED_DATE
    assert apart(Side(), True, Side(date=day("2018-06")), None) is None  # no publication date: no anchor


DMZ = ("Trump met Kim at the border on Sunday. Trump first met Kim in Singapore in June 2018. "
       "Trump's second summit with Kim was held in Vietnam in February.")


def _resolve(article, mentions):
    """Resolve with this module's own entities (Trump, Kim, their places)."""
    from graphbuild.resolution.events import resolve_article_events
    people = {"Trump": "person:donald-trump", "Kim": "person:kim-jong-un", "Singapore": "country:SGP",
              "Vietnam": "country:VNM", "Moon": "person:moon-jae-in", "Hanoi": "place:VNM:hanoi"}
    used = {k: v for k, v in people.items() if k in article.text}
    return resolve_article_events(article.meta, mentions, article.locals(used))


def test_a_recalled_meeting_of_the_same_pair_stays_apart_from_the_storys():
    article = Article("a", DMZ, published=PUBLISHED)
    mentions = [
        article.event(M, "met", ["Trump", "Kim"], date_text="Sunday"),
        replace(article.event(M, "met", ["Trump", "Kim"], nth=1, place="Singapore", date_text="June 2018"), ordinal=1),
        replace(article.event(M, "summit", ["Trump", "Kim"], place="Vietnam", date_text="February"), ordinal=2),
    ]
    events = _resolve(article, mentions)
    assert [(e.date.iso, e.place_id) for e in events] == [
        ("2019-06-30", None), ("2018-06", "country:SGP"), ("2019-02", "country:VNM")]


def test_a_recalled_date_does_not_date_the_leads_undated_meeting():
    article = Article("a", "Trump met Kim at the border. Trump met Kim in Singapore in June 2018.", published=PUBLISHED)
    events = _resolve(article, [article.event(M, "met", ["Trump", "Kim"]),
                                article.event(M, "met", ["Trump", "Kim"], nth=1, place="Singapore",
                                              date_text="June 2018")])
    assert [(e.date and e.date.iso, e.place_id, e.sentences[0].start) for e in events] == [
        (None, None, 0), ("2018-06", "country:SGP", 29)]


def test_one_meeting_told_in_several_sentences_is_still_one():
    text = "Trump met Kim at the border on Sunday. The meeting lasted an hour. Trump and Kim met for their third time."
    article = Article("a", text, published=PUBLISHED)
    events = _resolve(article, [article.event(M, "met", ["Trump", "Kim"], date_text="Sunday"),
                                article.event(M, "meeting", reference=EventReference.DEFINITE),
                                replace(article.event(M, "met", ["Trump", "Kim"], nth=1), ordinal=3)])
    assert len(events) == 1 and len(events[0].sentences) == 3


def test_their_earlier_meeting_takes_the_storys_parties_and_its_own_place():
    text = "The Hanoi summit of Trump and Kim ended. It was to build on their initial meeting at Singapore."
    article = Article("a", text, published=date(2019, 2, 28))
    events = _resolve(article, [
        article.event(M, "summit", ["Trump", "Kim"], modifiers=["Hanoi"]),
        replace(article.event(M, "meeting", place="Singapore", reference=EventReference.POSSESSIVE), ordinal=1)])
    assert [(e.participants, e.place_id) for e in events] == [
        (("person:donald-trump", "person:kim-jong-un"), "place:VNM:hanoi"),
        (("person:donald-trump", "person:kim-jong-un"), "country:SGP")]


def test_a_guessed_pronoun_gives_the_meeting_no_place():
    text = "Putin and Erdogan met on Monday. Whether in Tehran or elsewhere, we will be meeting."
    article = Article("a", text, published=date(2018, 9, 17))
    people = {"Putin": "person:vladimir-putin", "Erdogan": "person:tayyip-erdogan", "Tehran": "place:IRN:tehran"}
    from graphbuild.resolution.events import resolve_article_events
    events = resolve_article_events(article.meta, [
        article.event(M, "met", ["Putin", "Erdogan"], date_text="Monday"),
        article.event(M, "meeting", place="Tehran", reference=EventReference.PRONOUN)],
        article.locals({k: v for k, v in people.items()}))
    assert [(e.place_id, len(e.sentences)) for e in events] == [(None, 2)]


def test_a_bare_definite_reference_never_dates_a_meeting_recalled_by_its_cue():
    # thejournal.ie's Hanoi report (probe): "The summit has been a far cry from the height of
    # tensions in 2017" is the story's summit, not "their initial meeting at Singapore".
    text = ("The summit of Trump and Kim in Hanoi ended without agreement. It was to build on their initial meeting at "
            "Singapore. The summit has been a far cry from the tensions in 2017.")
    article = Article("a", text, published=PUBLISHED)
    mentions = [
        article.event(C, "summit", ["Trump", "Kim"], place="Hanoi"),
        replace(article.event(M, "meeting", place="Singapore", reference=EventReference.POSSESSIVE), ordinal=1),
        article.event(C, "summit", nth=1, reference=EventReference.DEFINITE, date_text="2017"),
    ]
    events = _resolve(article, mentions)
    assert [(e.place_id, e.date) for e in events] == [("place:VNM:hanoi", None), ("country:SGP", None)]
