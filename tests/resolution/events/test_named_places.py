"""A gathering named by its place is held there (resolution/events/named_places.py)."""
from __future__ import annotations

from datetime import date

from graphbuild.model import EntityKind, EntityNode, EventDate, EventKind, LocalEvent, TextSpan
from graphbuild.resolution.events import merge_events
from graphbuild.resolution.events.named_places import place_named_gatherings, place_of_name, places_by_name
from graphbuild.rules import PlaceRule

ENTITIES = {
    "place:USA:annapolis": EntityNode("place:USA:annapolis", EntityKind.PLACE, "Annapolis", (),
                                      (("kind", "city"),), "country:USA"),
    "org:annapolis-conference": EntityNode("org:annapolis-conference", EntityKind.ORGANIZATION, "Annapolis Conference",
                                           ()),
    "org:annapolis-mideast": EntityNode("org:annapolis-mideast", EntityKind.ORGANIZATION, "Annapolis Mideast", ()),
    "org:annapolis": EntityNode("org:annapolis", EntityKind.ORGANIZATION, "Annapolis", ()),
    "org:world-bank": EntityNode("org:world-bank", EntityKind.ORGANIZATION, "World Bank", ()),
    "person:george-w-bush": EntityNode("person:george-w-bush", EntityKind.PERSON, "George W. Bush", ()),
    "person:ban-ki-moon": EntityNode("person:ban-ki-moon", EntityKind.PERSON, "Ban Ki-moon", ()),
}
SPAN = TextSpan(0, 10)


def _report(article_id, participants, gathering, published, when=None, place=None):
    return LocalEvent(article_id, EventKind.CONFERENCE, tuple(sorted(participants)), when, place,
                      PlaceRule.EXPLICIT if place else None, (SPAN,), ("x",), tuple((p, SPAN) for p in participants),
                      ("test",), published=published, gathering_id=gathering)


def test_the_first_words_of_a_name_that_name_one_known_place_are_its_place():
    places = places_by_name(ENTITIES)
    assert place_of_name("Annapolis Mideast", places) == "place:USA:annapolis"
    assert place_of_name("Annapolis", places) is None  # the whole name is the place itself
    assert place_of_name("World Bank", places) is None


def test_a_gathering_named_by_its_city_is_held_there_and_its_name_is_no_party():
    (event,) = place_named_gatherings([_report("b", ["org:annapolis-mideast"], "org:annapolis-mideast",
                                               date(2008, 1, 9), EventDate("November", "2007-11", "month"))],
                                      ENTITIES)
    assert (event.place_id, event.participants) == ("place:USA:annapolis", ())


def test_a_gathering_with_its_own_place_keeps_it():
    report = _report("a", ["person:ban-ki-moon"], "org:annapolis-conference", date(2007, 11, 28),
                     place="place:USA:annapolis-harbour")
    assert place_named_gatherings([report], ENTITIES) == [report]


def test_two_names_of_one_gathering_by_its_city_are_one_node():
    # wikinews:wn-annapolis-statement ("the Annapolis Conference", Bush) and
    # wn-bush-arrives-israel ("the American-led Annapolis Mideast conference in November")
    statement = _report("wn-annapolis-statement", ["person:george-w-bush"], "org:annapolis-conference",
                        date(2007, 11, 28))
    later = _report("wn-bush-arrives-israel", ["org:annapolis-mideast"], "org:annapolis-mideast", date(2008, 1, 9),
                    EventDate("November", "2007-11", "month"))
    (node,) = merge_events([statement, later], ENTITIES)
    assert (node.participants, node.place_id, node.date.iso) == (("person:george-w-bush",), "place:USA:annapolis",
                                                                 "2007-11")
    assert [r.article_id for r in node.reports] == ["wn-annapolis-statement", "wn-bush-arrives-israel"]
