"""Event status, date intervals and disagreements in the graph, and the MET projection
(held meetings only, bounded), on records built by hand (the event stage's output)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from graphbuild.config import MET_MAX_PEOPLE
from graphbuild.graph.build import build_graph
from graphbuild.graph.schema import load_schema
from graphbuild.graph.validate import validate_graph
from graphbuild.model import (ArticleMeta, EntityKind, EntityNode, EventDate, EventKind, EventNode, EventStatus,
                              LocalEvent, TextSpan)
from tests.conftest import status_events_graph


def edge(graph, source, rel_type, target):
    return graph.edges[source, target, rel_type]


def test_node_carries_the_latest_claim_and_the_interval_and_names_status_as_disputed():
    graph = status_events_graph()
    held = graph.nodes["event:held"]
    assert held["status"] == "held"
    assert held["disputed"] == ["date", "status"]
    assert (held["date"], held["date_start"], held["date_end"], held["date_precision"], held["date_text"]) == \
        ("2020-01-04", "2020-01-04", "2020-01-04", "day", "Saturday")
    planned = graph.nodes["event:planned"]
    assert planned["status"] == "planned" and "disputed" not in planned
    assert (planned["date_start"], planned["date_end"], planned["date_precision"]) == \
        ("2020-01-13", "2020-01-19", "week")
    assert graph.nodes["event:cancelled"]["status"] == "cancelled"
    assert not {"date", "date_start", "date_end", "date_text"} & set(graph.nodes["event:cancelled"])


def test_each_reports_edge_keeps_its_articles_own_status_and_interval():
    graph = status_events_graph()
    early = edge(graph, "article:early", "REPORTS", "event:held")
    assert early["status"] == "planned"
    assert (early["date"], early["date_start"], early["date_end"], early["date_precision"], early["date_text"]) == \
        ("2020-01-04", "2020-01-04", "2020-01-05", "weekend", "this weekend")
    late = edge(graph, "article:late", "REPORTS", "event:held")
    # told twice in "late": planned first, held last; the edge says held, with both sentences
    assert late["status"] == "held"
    assert late["sentences"] == ["Lee was to meet Park on Saturday.", "Lee met Park on Saturday."]
    assert late["starts"] == [0, 40]
    assert edge(graph, "article:late", "REPORTS", "event:cancelled")["status"] == "cancelled"


def test_the_built_graph_passes_the_schema():
    assert validate_graph(status_events_graph(), load_schema()) == []


@pytest.mark.parametrize("where, value", [("node", "postponed"), ("node", "Held"), ("report", "rumoured")])
def test_a_status_outside_the_four_values_breaks_the_schema(where, value):
    graph = status_events_graph()
    if where == "node":
        graph.nodes["event:held"]["status"] = value
    else:
        edge(graph, "article:early", "REPORTS", "event:held")["status"] = value
    problems = validate_graph(graph, load_schema())
    assert len(problems) == 1
    assert "'status'" in problems[0] and repr(value) in problems[0]
    assert "held" in problems[0] and "denied" in problems[0]  # says what is allowed


def test_an_event_or_report_without_status_breaks_the_schema():
    graph = status_events_graph()
    del graph.nodes["event:planned"]["status"]
    del edge(graph, "article:early", "REPORTS", "event:planned")["status"]
    problems = validate_graph(graph, load_schema())
    assert len(problems) == 2 and all("expected property 'status'" in p for p in problems)


def test_disputed_names_only_known_fields_and_bad_precision_breaks_the_schema():
    graph = status_events_graph()
    graph.nodes["event:held"]["disputed"] = ["status", "colour"]
    graph.nodes["event:planned"]["date_precision"] = "fortnight"
    problems = validate_graph(graph, load_schema())
    assert len(problems) == 2
    assert any("'disputed'" in p and "colour" in p for p in problems)
    assert any("'date_precision'" in p and "fortnight" in p for p in problems)


def test_met_comes_only_from_the_held_meeting():
    graph = status_events_graph()
    met = [(s, t, a) for s, t, a in graph.edges(data=True) if a["type"] == "MET"]
    assert met == [("person:ann-lee", "person:bo-park",
                    {"type": "MET", "event_ids": ["event:held"], "dates": ["2020-01-04"]})]
    # the planned and the cancelled meetings keep their participants
    for event in ("event:planned", "event:cancelled"):
        assert len([s for s, _, a in graph.in_edges(event, data=True) if a["type"] == "PARTICIPATED_IN"]) == 2


# -- the MET cap ------------------------------------------------------------------------

def _meeting_of(count: int, status: EventStatus = EventStatus.HELD):
    people = {f"person:p{i:04d}": EntityNode(f"person:p{i:04d}", EntityKind.PERSON, f"P {i}", (f"P {i}",))
              for i in range(count)}
    ids = tuple(sorted(people))
    report = LocalEvent("a", EventKind.MEETING, ids, None, None, None, (TextSpan(0, 10),), ("They met.",),
                        tuple((p, TextSpan(0, 1)) for p in ids), ("test",), status)
    event = EventNode("event:big", EventKind.MEETING, "Meeting", ids, EventDate("Friday", "2020-01-03", "day"),
                      None, (report,), (), status)
    article = ArticleMeta("a", "a.txt", "0" * 64, 10, published=date(2020, 1, 3))
    return people, article, event


def _count(graph, rel_type):
    return sum(1 for _, _, a in graph.edges(data=True) if a["type"] == rel_type)


@pytest.mark.parametrize("count", [2, 3, MET_MAX_PEOPLE])
def test_a_meeting_of_up_to_the_cap_links_every_pair(count):
    people, article, event = _meeting_of(count)
    graph = build_graph([article], people, [], events=[event])
    assert _count(graph, "MET") == count * (count - 1) // 2
    assert validate_graph(graph, load_schema()) == []


@pytest.mark.parametrize("count", [MET_MAX_PEOPLE + 1, 352])
def test_a_bigger_gathering_gets_no_met_edges_but_keeps_its_participants(count):
    people, article, event = _meeting_of(count)
    graph = build_graph([article], people, [], events=[event])
    assert _count(graph, "MET") == 0
    assert _count(graph, "PARTICIPATED_IN") == count


def test_the_cap_is_a_parameter():
    people, article, event = _meeting_of(4)
    assert _count(build_graph([article], people, [], events=[event], met_max_people=3), "MET") == 0
    assert _count(build_graph([article], people, [], events=[event], met_max_people=4), "MET") == 6


@pytest.mark.parametrize("status", [EventStatus.PLANNED, EventStatus.CANCELLED, EventStatus.DENIED])
def test_a_meeting_that_did_not_take_place_gets_no_met_edges(status):
    people, article, event = _meeting_of(2, status)
    graph = build_graph([article], people, [], events=[event])
    assert _count(graph, "MET") == 0 and _count(graph, "PARTICIPATED_IN") == 2
    assert graph.nodes["event:big"]["status"] == status.value


def test_the_schema_documents_what_met_projects_and_its_cap():
    description = load_schema().relationships["MET"].description
    assert "held" in description
    assert re.search(rf"at most {MET_MAX_PEOPLE} people", description), "update MET's description with the cap"
    assert "MET_MAX_PEOPLE" in description
