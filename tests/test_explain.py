"""`explain`: which merge rules put which aliases on a node."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graphbuild.errors import InputError
from graphbuild.explain import explain, format_explanations, read_merge_log
from graphbuild.model import MergeRecord


def graph():
    g = nx.MultiDiGraph()
    g.add_node("country:USA", labels=["Country"], name="United States", aliases=["U.S.", "America"])
    g.add_node("person:jim-mattis", labels=["Person"], name="Jim Mattis", aliases=["Jim Mattis", "Mattis"])
    return g


LOG = [MergeRecord("country:name", "country:USA", ("America", "U.S."), ("a1", "a2")),
       MergeRecord("person:surname-in-article", "person:jim-mattis", ("Mattis",), ("a1",))]


@pytest.mark.parametrize("name", ["us", "U.S.", "america", "country:USA", "United  States"])
def test_any_alias_name_or_id_finds_the_node(name):
    [found] = explain(name, graph(), LOG)
    assert found.node_id == "country:USA" and found.records == (LOG[0],)


def test_text_names_the_rule_inputs_and_articles():
    text = format_explanations(explain("Mattis", graph(), LOG))
    assert "person:surname-in-article: Mattis  [1 article: a1]" in text
    assert explain("Nobody", graph(), LOG) == []


def test_merge_log_is_read_back_and_a_bad_line_is_reported_with_its_number(tmp_path):
    lines = [json.dumps({"rule": r.rule, "result": r.result, "inputs": list(r.inputs), "articles": list(r.articles)})
             for r in LOG]
    (tmp_path / "merge-log.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    assert read_merge_log(tmp_path) == LOG
    (tmp_path / "merge-log.jsonl").write_text(lines[0] + '\n{"rule": "x"}\n', "utf-8")
    with pytest.raises(InputError, match=r"merge-log.jsonl:2: expected"):
        read_merge_log(tmp_path)


def test_a_corpus_decision_is_shown_with_its_evidence(tmp_path):
    from graphbuild.rules import EntityRule
    from graphbuild.sinks.files import write_merge_log

    record = MergeRecord(EntityRule.PERSON_SINGLE_NAME_IN_CORPUS, "person:jim-mattis", ("Mattis",), ("a3",),
                         ("'Mattis' in a3: the only full name of the corpus it can be: 'Jim Mattis' (a1)",))
    with (tmp_path / "merge-log.jsonl").open("wb") as handle:
        write_merge_log([*LOG, record], handle)
    log = read_merge_log(tmp_path)
    assert log[-1] == record and log[-1].rule is EntityRule.PERSON_SINGLE_NAME_IN_CORPUS
    text = format_explanations(explain("Mattis", graph(), log))
    assert "person:single-name-of-the-one-full-name-in-corpus: Mattis  [1 article: a3]" in text
    assert "because: 'Mattis' in a3: the only full name of the corpus it can be: 'Jim Mattis' (a1)" in text


def test_an_unknown_rule_in_the_merge_log_is_reported_with_its_line(tmp_path):
    line = json.dumps({"rule": "person:guess", "result": "person:x", "inputs": ["X"], "articles": ["a"]})
    (tmp_path / "merge-log.jsonl").write_text(line + "\n", "utf-8")
    with pytest.raises(InputError, match=r"merge-log.jsonl:1: expected a JSON object with rule"):
        read_merge_log(tmp_path)


def test_two_people_of_one_common_name_are_both_shown_with_why_they_are_apart(tmp_path):
    from graphbuild.rules import EntityRule
    from graphbuild.sinks.files import write_merge_log

    g = nx.MultiDiGraph()
    g.add_node("person:matt-smith", labels=["Person"], name="Matt Smith", aliases=["Matt Smith"])
    g.add_node("person:matt-smith--1a2b3c4d", labels=["Person"], name="Matt Smith", aliases=["Matt Smith"])
    why = "'Matt Smith' is a common name; a2 (org:flds) share nothing but the name and countries with a1 (org:bbc)"
    records = [MergeRecord(EntityRule.PERSON_FULL_NAME, "person:matt-smith", ("Matt Smith",), ("a1",)),
               MergeRecord(EntityRule.PERSON_COMMON_NAME_OTHER_STORY, "person:matt-smith--1a2b3c4d", ("Matt Smith",),
                           ("a2",), (why,))]
    with (tmp_path / "merge-log.jsonl").open("wb") as handle:
        write_merge_log(records, handle)
    found = explain("Matt Smith", g, read_merge_log(tmp_path))
    assert sorted(f.node_id for f in found) == ["person:matt-smith", "person:matt-smith--1a2b3c4d"]
    text = format_explanations(found)
    assert "person:common-name-in-unrelated-stories: Matt Smith  [1 article: a2]" in text and why in text
