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
    raw = {"articles": ["a1", "a2"], "entities": [
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


def test_events_are_not_scored_without_event_nodes():
    scores = score(gold(events=[{"kind": "Meeting", "participants": ["Jim Mattis"]}]), tiny_graph())
    assert scores.events is None and scores.event_reports is None


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
    # No skip when the graph has no Event: losing event extraction must fail here.
    assert any("Event" in attrs.get("labels", ()) for _, attrs in seed_graph.nodes(data=True))
    scores = score(load_gold(SEEDS_GOLD), seed_graph)
    assert scores.events is not None and scores.event_reports is not None
    for name in ("events", "event_reports"):
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
