"""Scoring a graph against gold annotations: the scorer itself, and the seeds."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.errors import InputError
from graphbuild.evaluation import compare, load_gold, parse_gold, score
from pathlib import Path

SEEDS_GOLD = Path(__file__).resolve().parent / "data" / "seeds.gold.json"


def tiny_graph():
    graph = nx.MultiDiGraph()
    graph.add_node("article:a1", labels=["Article"])
    graph.add_node("person:jim-mattis", labels=["Person"], name="Jim Mattis", aliases=["Jim Mattis", "Mattis"])
    graph.add_node("country:USA", labels=["Country"], name="United States", aliases=["U.S."])
    graph.add_node("org:pentagon", labels=["Organization"], name="Pentagon", aliases=["Pentagon", "America"])
    graph.add_edge("person:jim-mattis", "country:USA", key="HOLDS_OFFICE:Defense Secretary", type="HOLDS_OFFICE",
                   title="Defense Secretary", evidence=["a1:0-30"])
    return graph


def gold(**extra):
    raw = {"articles": ["a1", "a2", "a3"], "entities": [
        {"name": "Jim Mattis", "type": "Person", "aliases": ["Jim Mattis", "Mattis"]},
        {"name": "United States", "type": "Country", "aliases": ["US", "America"]},
    ]}
    raw.update(extra)
    return parse_gold(raw)


def test_compare_counts_and_keeps_the_differences():
    result = compare({"a", "b"}, {"b", "c"})
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)
    assert result.false_positives == ("c",) and result.false_negatives == ("a",)
    assert result.f1 == pytest.approx(0.5)


def test_entities_by_name_and_type_and_aliases_on_the_right_node():
    scores = score(gold(), tiny_graph())
    assert (scores.entities.tp, scores.entities.fp, scores.entities.fn) == (2, 1, 0)  # Pentagon is extra
    # "America" sits on the wrong node: missing on the country; "US" is "U.S." by name key.
    assert scores.aliases.false_negatives == ("united states | Country | america",)
    assert scores.aliases.fp == 0


def test_offices_compare_person_title_and_holder_and_evidence_articles():
    office = {"person": "Jim Mattis", "title": "defense secretary", "holder": "U.S.", "articles": ["a1", "a2"]}
    scores = score(gold(offices=[office]), tiny_graph())
    assert scores.offices.f1 == 0.0  # holder "U.S." is not the canonical name "United States"
    office["holder"] = "United States"
    scores = score(gold(offices=[office]), tiny_graph())
    assert scores.offices.f1 == 1.0
    assert (scores.office_evidence.tp, scores.office_evidence.fn) == (1, 1)  # a2 does not say it


def test_a_graph_without_events_scores_zero_event_recall():
    scores = score(gold(events=[{"kind": "Meeting", "participants": ["Jim Mattis"]}]), tiny_graph())
    assert (scores.events.tp, scores.events.fn) == (0, 1)
    assert (scores.events_lenient.tp, scores.events_lenient.fn) == (0, 1)


def test_events_are_not_scored_when_the_gold_says_nothing_about_them():
    scores = score(gold(), tiny_graph())
    assert scores.events is None and scores.events_lenient is None


def lenient_graph():
    """Two reports of one meeting as one node (a1, a2), and a second node for a3."""
    graph = tiny_graph()
    graph.add_node("person:taro-aso", labels=["Person"], name="Taro Aso", aliases=["Aso"])
    graph.add_node("place:tokyo", labels=["Place"], name="Tokyo", aliases=["Tokyo"])
    for article in ("a1", "a2", "a3"):
        graph.add_node(f"article:{article}", labels=["Article"])
    graph.add_node("event:m1", labels=["Event", "Meeting"], name="m1", date="2018-06-29", status="held")
    graph.add_node("event:m2", labels=["Event", "Meeting"], name="m2", status="planned")
    for event in ("event:m1", "event:m2"):
        for person in ("person:jim-mattis", "person:taro-aso"):
            graph.add_edge(person, event, key="PARTICIPATED_IN", type="PARTICIPATED_IN")
    graph.add_edge("event:m1", "place:tokyo", key="HELD_IN", type="HELD_IN")
    graph.add_edge("article:a1", "event:m1", key="REPORTS", type="REPORTS")
    graph.add_edge("article:a2", "event:m1", key="REPORTS", type="REPORTS")
    graph.add_edge("article:a3", "event:m2", key="REPORTS", type="REPORTS")
    return graph


def lenient_gold(**event):
    meeting = {"kind": "Meeting", "participants": ["Jim Mattis", "Taro Aso", "United States"],
               "date": "2018-06", "place": "Tokyo", "articles": ["a1", "a2"], "status": "held"}
    meeting.update(event)
    return gold(events=[meeting], entities=[
        {"name": "Jim Mattis", "type": "Person", "aliases": ["Jim Mattis", "Mattis"]},
        {"name": "Taro Aso", "type": "Person", "aliases": ["Taro Aso", "Aso"]},
        {"name": "United States", "type": "Country", "aliases": ["US"]},
        {"name": "Tokyo", "type": "Place", "aliases": ["Tokyo"]}])


def test_lenient_events_need_two_shared_participants_and_agreeing_date_and_place():
    scores = score(lenient_gold(), lenient_graph())
    # Strict: the participant sets differ (no United States on the node); lenient: two shared,
    # the month fits the day, the place agrees; one-to-one, so m2 is an extra.
    assert scores.events.tp == 0
    assert (scores.events_lenient.tp, scores.events_lenient.fp, scores.events_lenient.fn) == (1, 1, 0)
    assert (scores.event_reports_lenient.tp, scores.event_reports_lenient.fp) == (2, 1)
    assert (scores.multi_article.one_node.hits, scores.multi_article.all_articles.hits) == (1, 1)
    assert (scores.status.hits, scores.status.total) == (1, 1)
    # Another month and place: m1 disagrees, so the undated, unplaced m2 is the match.
    other = score(lenient_gold(date="2018-07", place="Osaka"), lenient_graph()).events_lenient
    assert other.tp == 1 and other.false_positives == ("Meeting | {jim mattis, taro aso} | 2018-06-29 | tokyo",)
    assert score(lenient_gold(kind="Visit"), lenient_graph()).events_lenient.tp == 0
    assert score(lenient_gold(participants=["Jim Mattis", "United States"]), lenient_graph()).events_lenient.tp == 0


def test_lenient_status_compares_the_matched_node():
    scores = score(lenient_gold(status="planned", date="2018-07", place="Osaka"), lenient_graph())
    assert (scores.status.hits, scores.status.total) == (1, 1)  # matched m2, which is planned
    scores = score(lenient_gold(status="cancelled"), lenient_graph())
    assert scores.status.hits == 0 and "gold cancelled, graph held" in scores.status.misses[0]


def test_scores_by_status_ask_for_the_status_too():
    # gold: the Tokyo meeting held (matches m1, held) and a planned one (matches m2, planned)
    planned = {"kind": "Meeting", "participants": ["Jim Mattis", "Taro Aso"], "date": "2018-07",
               "place": "Osaka", "articles": ["a3"], "status": "planned"}
    raw = lenient_gold().events[0]
    held = {"kind": raw.kind, "participants": list(raw.participants), "date": raw.date, "place": raw.place,
            "articles": list(raw.articles), "status": "held"}
    two = gold(events=[held, planned])
    by_status = score(two, lenient_graph()).events_by_status
    assert {k: (v.tp, v.fp, v.fn) for k, v in by_status.items()} == {"held": (1, 0, 0), "planned": (1, 0, 0)}
    # the graph calls the planned meeting held: a miss for planned, an extra for held
    graph = lenient_graph()
    graph.nodes["event:m2"]["status"] = "held"
    by_status = score(two, graph).events_by_status
    assert {k: (v.tp, v.fp, v.fn) for k, v in by_status.items()} == {"held": (1, 1, 0), "planned": (0, 0, 1)}
    from graphbuild.evaluation import format_scores
    assert "lenient events by status (found with the gold's status): held P 0.50 R 1.00" in format_scores(
        score(two, graph))
    # not scored when the gold leaves a status out
    unannotated = {k: v for k, v in planned.items() if k != "status"}
    assert score(gold(events=[held, unannotated]), lenient_graph()).events_by_status is None


def test_events_match_on_kind_participants_and_the_date_the_gold_gives():
    graph = tiny_graph()
    graph.add_node("event:m1", labels=["Event", "Meeting"], name="m", date="2018-06-29")
    graph.add_edge("person:jim-mattis", "event:m1", key="PARTICIPATED_IN", type="PARTICIPATED_IN")
    graph.add_edge("country:USA", "event:m1", key="PARTICIPATED_IN", type="PARTICIPATED_IN")
    graph.add_edge("article:a1", "event:m1", key="REPORTS", type="REPORTS")
    event = {"kind": "Meeting", "participants": ["Jim Mattis", "United States"], "articles": ["a1"]}
    assert score(gold(events=[event]), graph).events.f1 == 1.0
    assert score(gold(events=[dict(event, date="2018-06-28")]), graph).events.f1 == 0.0
    assert score(gold(events=[dict(event, kind="Visit")]), graph).events.f1 == 0.0
    assert score(gold(events=[event]), graph).event_reports.f1 == 1.0


@pytest.mark.parametrize("raw, where", [
    ({"articles": ["a"], "entities": [{"name": "X", "type": "Person"}]}, "entities/0"),
    ({"articles": ["a"], "entities": [{"name": "X", "type": "City", "aliases": []}]}, "entities/0/type"),
    ({"articles": ["a"], "entities": [], "extra": 1}, "(top level)"),
])
def test_bad_gold_is_an_input_error_that_says_where(raw, where):
    with pytest.raises(InputError, match=where.replace("(", r"\(").replace(")", r"\)")):
        parse_gold(raw)


def test_the_seed_gold_file_is_valid():
    loaded = load_gold(SEEDS_GOLD)
    assert len(loaded.entities) >= 19 and loaded.events is not None


@pytest.mark.model
def test_seed_graph_scores_perfectly_on_entities_and_offices(seed_graph):
    scores = score(load_gold(SEEDS_GOLD), seed_graph)
    for name in ("entities", "aliases", "offices", "office_evidence"):
        prf = getattr(scores, name)
        assert (prf.precision, prf.recall) == (1.0, 1.0), (name, prf.false_positives, prf.false_negatives)


@pytest.mark.model
def test_seed_graph_events_against_the_gold(seed_graph):
    scores = score(load_gold(SEEDS_GOLD), seed_graph)
    assert scores.events.tp == 4  # the seeds tell four events: losing them fails here
    for name in ("events", "event_reports", "events_lenient", "event_reports_lenient"):
        prf = getattr(scores, name)
        assert (prf.precision, prf.recall) == (1.0, 1.0), (name, prf.false_positives, prf.false_negatives)


@pytest.mark.model
def test_eval_and_explain_commands(tmp_path, seeds_jsonl):
    runner = CliRunner()
    out = tmp_path / "out"
    assert runner.invoke(cli, ["ingest", str(seeds_jsonl), "--out", str(out), "--no-progress"]).exit_code == 0
    result = runner.invoke(cli, ["eval", str(SEEDS_GOLD), "--graph", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["offices"]["f1"] == 1.0
    result = runner.invoke(cli, ["explain", "Mattis", "--graph", str(out)])
    assert result.exit_code == 0
    assert "person:jim-mattis" in result.output and "person:surname-in-article: Mattis" in result.output
    assert runner.invoke(cli, ["explain", "Nobody Here", "--graph", str(out)]).exit_code == 1
    assert runner.invoke(cli, ["eval", str(tmp_path / "missing.json"), "--graph", str(out)]).exit_code == 1
