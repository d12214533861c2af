"""One meeting told by two outlets in different words, on the real model (our own
sentences, written after the forms of ECB+ 10_2ecbplus / 10_4ecbplus and Wikinews
wn-hamas-ends-truce / wn-us-skorea-naval-exercises: one outlet's "met" is another's
"talks"). The seed articles' Mattis–Onodera meeting (two real outlets) is held as one
node in tests/graph/test_events_graph.py."""
from __future__ import annotations

from graphbuild.pipeline import IngestOptions, build
from tests.conftest import write_jsonl

LEADERS = {"id": "outlet-a", "published": "2019-10-23",
           "text": "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan met in Sochi on "
                   "Tuesday to discuss the Syrian border. The two leaders agreed on a new ceasefire."}
# Another outlet, a day later: the countries held talks (a Negotiation), "Tuesday" is the same day.
COUNTRIES = {"id": "outlet-b", "published": "2019-10-24",
             "text": "Russia and Turkey held talks in Sochi on Tuesday about northern Syria. Turkish officials said "
                     "the talks lasted six hours."}
# Talks as a process, undated: not the meeting of one day.
PROCESS = {"id": "outlet-c", "published": "2019-10-24",
           "text": "Russia and Turkey have held talks about northern Syria for years."}


def _events(nlp, tmp_path, records):
    graph = build(IngestOptions(paths=[str(write_jsonl(tmp_path / "in.jsonl", records))], progress=False),
                  nlp=nlp).graph
    events = {}
    for node, attrs in graph.nodes(data=True):
        if "Event" in attrs.get("labels", ()):
            events[node] = sorted(source for source, _, data in graph.in_edges(node, data=True)
                                  if data.get("type") == "REPORTS")
    return graph, events


def test_a_meeting_of_leaders_and_talks_of_their_countries_on_that_day_are_one_node(nlp, tmp_path):
    graph, events = _events(nlp, tmp_path, [LEADERS, COUNTRIES])
    assert list(events.values()) == [["article:outlet-a", "article:outlet-b"]]
    (node,) = events
    assert graph.nodes[node]["date"] == "2019-10-22"
    assert "Meeting" in graph.nodes[node]["labels"]


def test_an_undated_report_of_the_meeting_does_not_keep_the_dated_talks_out(nlp, tmp_path):
    undated = {"id": "outlet-d", "published": "2019-10-23",
               "text": "Vladimir Putin and Recep Tayyip Erdogan met in Sochi to discuss Syria."}
    _, events = _events(nlp, tmp_path, [LEADERS, undated, COUNTRIES])
    assert list(events.values()) == [["article:outlet-a", "article:outlet-b", "article:outlet-d"]]


def test_undated_talks_of_the_same_countries_stay_apart_from_the_meeting(nlp, tmp_path):
    _, events = _events(nlp, tmp_path, [LEADERS, PROCESS])
    assert sorted(events.values()) == [["article:outlet-a"], ["article:outlet-c"]]


def test_a_meeting_at_a_venue_and_the_same_meeting_in_its_city_are_one_node(nlp, tmp_path):
    # The venue is a place the gazetteer does not know (wn-eastmed-mitsotakis: "in Athens at
    # the Zappeion Hall"); another outlet names only the city.
    venue = {"id": "outlet-a", "published": "2020-01-03",
             "text": "Greek Prime Minister Kyriakos Mitsotakis met Israeli Prime Minister Benjamin Netanyahu at the "
                     "Zappeion Hall on Thursday."}
    city = {"id": "outlet-b", "published": "2020-01-03",
            "text": "Kyriakos Mitsotakis and Benjamin Netanyahu met in Athens on Thursday."}
    graph, events = _events(nlp, tmp_path, [venue, city])
    assert list(events.values()) == [["article:outlet-a", "article:outlet-b"]]


# A follow-up report recalls an earlier meeting of the same leaders (our own words, in
# the forms of npr.org's DMZ report and thejournal.ie's Hanoi report, probe): the
# story's meeting and the recalled one are two events, each with its own date and place.
RECALLING = {"id": "outlet-r", "published": "2021-06-20",
             "text": "German Chancellor Angela Merkel met French President Emmanuel Macron at the border bridge "
                     "near Kehl, ending months of silence. Merkel first met Macron in Paris in May 2017. That was "
                     "days after his election. Their second meeting, in Aachen in January 2019, produced a treaty."}


def test_a_recalled_meeting_of_the_same_leaders_stays_apart_from_the_storys(nlp, tmp_path):
    graph, events = _events(nlp, tmp_path, [RECALLING])
    dates = sorted(graph.nodes[node].get("date", "-") for node in events)
    assert dates == ["-", "2017-05", "2019-01"]
    (story,) = [node for node in events if "date" not in graph.nodes[node]]
    assert set(events[story]) == {"article:outlet-r"}


# One outlet announces a meeting; another, on the day, says it began in the city and
# recalls an earlier summit of the same leaders elsewhere (our own words, in the forms of
# the probe's ahvalnews.com and chelorg.com reports on the Sochi meeting of 2018): the
# place of "began in" keeps the story's meeting apart from the recalled summit and joins
# the announcement.
ANNOUNCED = {"id": "outlet-plan", "published": "2021-03-12",
             "text": "Greek Prime Minister Nikos Andreou will meet his Cypriot counterpart Elena Petrou on Monday "
                     "in Nicosia to discuss energy, officials said on Friday."}
BEGAN = {"id": "outlet-began", "published": "2021-03-15",
         "text": "The meeting of Greek Prime Minister Nikos Andreou and his Cypriot counterpart Elena Petrou began in "
                 "Nicosia, the main topic of the talks is expected to be energy. Andreou and Petrou are talking ten "
                 "days after the summit between Greece, Cyprus and Egypt in Cairo."}


def test_a_meeting_that_began_in_a_city_joins_its_announcement_not_a_recalled_summit(nlp, tmp_path):
    graph, events = _events(nlp, tmp_path, [ANNOUNCED, BEGAN])
    together = [node for node, articles in events.items() if articles == ["article:outlet-began", "article:outlet-plan"]]
    assert len(together) == 1
    assert graph.nodes[together[0]]["date"] == "2021-03-15"
