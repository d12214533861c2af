"""Event nodes and relationships in the built graph: the seeds on the real model, plus
schema and determinism checks."""
from __future__ import annotations

import json

import pytest

from graphbuild.graph.schema import load_schema
from graphbuild.graph.validate import validate_graph

SEED_ARTICLES = {"article:000_37cd7fc40fade2e0", "article:001_95cda5b5d6b06fd1"}
MATTIS, ONODERA, SONG = "person:jim-mattis", "person:itsunori-onodera", "person:song-young-moo"


def events_of(graph, kind):
    return {n: a for n, a in graph.nodes(data=True) if "Event" in a["labels"] and kind in a["labels"]}


def edges(graph, rel_type, *, source=None, target=None):
    return [(s, t, a) for s, t, a in graph.edges(data=True)
            if a["type"] == rel_type and (source is None or s == source) and (target is None or t == target)]


def participants(graph, event_id):
    return {s for s, _, _ in edges(graph, "PARTICIPATED_IN", target=event_id)}


def reporters(graph, event_id):
    return {s for s, _, _ in edges(graph, "REPORTS", target=event_id)}


def held_in(graph, event_id):
    return {graph.nodes[t]["name"] for _, t, _ in edges(graph, "HELD_IN", source=event_id)}


@pytest.mark.model
def test_exactly_one_mattis_onodera_meeting_on_friday_in_tokyo_reported_by_both(seed_graph):
    found = [n for n in events_of(seed_graph, "Meeting") if {MATTIS, ONODERA} <= participants(seed_graph, n)]
    assert len(found) == 1
    node = seed_graph.nodes[found[0]]
    assert (node["date"], node["date_precision"], node["date_text"]) == ("2018-06-29", "day", "Friday")
    assert held_in(seed_graph, found[0]) == {"Tokyo"}
    assert reporters(seed_graph, found[0]) == SEED_ARTICLES
    assert node["source_count"] == 2


@pytest.mark.model
def test_exactly_one_mattis_song_meeting_on_thursday_reported_by_both(seed_graph):
    found = [n for n in events_of(seed_graph, "Meeting") if {MATTIS, SONG} <= participants(seed_graph, n)]
    assert len(found) == 1
    assert seed_graph.nodes[found[0]]["date"] == "2018-06-28"
    assert reporters(seed_graph, found[0]) == SEED_ARTICLES


@pytest.mark.model
def test_no_other_meeting_with_those_participants(seed_graph):
    meetings = events_of(seed_graph, "Meeting")
    assert len([n for n in meetings if participants(seed_graph, n) & {MATTIS, ONODERA, SONG}]) == 2
    for node in meetings:
        assert participants(seed_graph, node) in ({MATTIS, ONODERA}, {MATTIS, SONG})


@pytest.mark.model
def test_conference_in_singapore_with_onodera(seed_graph):
    found = [n for n in events_of(seed_graph, "Conference") if ONODERA in participants(seed_graph, n)]
    assert len(found) == 1
    assert held_in(seed_graph, found[0]) == {"Singapore"}


@pytest.mark.model
def test_reports_edges_point_at_the_sentences_that_tell_the_event(seed_graph, seeds_jsonl):
    texts = {"article:" + json.loads(line)["id"]: json.loads(line)["text"]
             for line in seeds_jsonl.read_text("utf-8").splitlines() if line.strip()}
    reports = edges(seed_graph, "REPORTS")
    assert reports
    for source, _, attrs in reports:
        assert len(attrs["sentences"]) == len(attrs["starts"]) == len(attrs["ends"]) >= 1
        for sentence, start, end in zip(attrs["sentences"], attrs["starts"], attrs["ends"]):
            assert texts[source][start:end] == sentence
    friday = next(n for n in events_of(seed_graph, "Meeting") if ONODERA in participants(seed_graph, n))
    by_article = {s: a["sentences"] for s, _, a in edges(seed_graph, "REPORTS", target=friday)}
    first = by_article["article:000_37cd7fc40fade2e0"]
    assert any(s.startswith("During the Tokyo meeting") for s in first)  # the Tokyo meeting
    assert any(s.startswith("After their meeting") for s in first)       # their meeting
    assert any("the two discussed" in s for s in first)                  # the two discussed
    assert any(s.startswith("After meeting Japanese") for s in by_article["article:001_95cda5b5d6b06fd1"])


@pytest.mark.model
def test_participation_evidence_is_article_and_offsets_of_a_mention(seed_graph):
    """Each evidence item slices a mention of the participant, or of a capital standing
    for its country ("the ongoing negotiations with Pyongyang": North Korea took part)."""
    mentions = {(s, t): a for s, t, a in edges(seed_graph, "MENTIONS")}
    capitals = {place: country for place, country, _ in edges(seed_graph, "IN_COUNTRY")
                if seed_graph.nodes[place].get("capital")}
    checked = 0
    for person, event, attrs in edges(seed_graph, "PARTICIPATED_IN"):
        for item in attrs["evidence"]:
            article, _, span = item.rpartition(":")
            start, end = map(int, span.split("-"))
            named = [t for (s, t) in mentions if s == "article:" + article and (t == person or capitals.get(t) == person)]
            assert any(start in mentions[("article:" + article, t)]["starts"]
                       and end in mentions[("article:" + article, t)]["ends"] for t in named), (person, item)
            checked += 1
    assert checked > 0


@pytest.mark.model
def test_met_projection_for_each_pair_of_people_in_a_meeting(seed_graph):
    met = {(s, t): a for s, t, a in edges(seed_graph, "MET")}
    assert set(met) == {(ONODERA, MATTIS), (MATTIS, SONG)}
    assert met[(ONODERA, MATTIS)]["dates"] == ["2018-06-29"]
    assert met[(MATTIS, SONG)]["dates"] == ["2018-06-28"]
    for (first, second), attrs in met.items():
        assert first < second
        assert attrs["event_ids"] and all(e in seed_graph for e in attrs["event_ids"])


@pytest.mark.model
def test_seed_graph_with_events_passes_the_schema(seed_graph):
    assert validate_graph(seed_graph, load_schema()) == []


@pytest.mark.model
def test_event_nodes_are_identical_across_runs(nlp, seeds_jsonl, seed_graph):
    from networkx.readwrite import json_graph

    from graphbuild.pipeline import IngestOptions, build

    again = build(IngestOptions(paths=[str(seeds_jsonl)], progress=False), nlp=nlp).graph
    dump = lambda g: json.dumps(json_graph.node_link_data(g, edges="edges"), sort_keys=True)  # noqa: E731
    assert dump(again) == dump(seed_graph)


def test_schema_has_event_labels_and_relationships():
    schema = load_schema()
    assert schema.nodes["Event"].key == "id" and schema.nodes["Event"].id_prefix == "event:"
    for label in ("Meeting", "Conference", "Negotiation", "Visit"):
        assert schema.nodes[label].key is None
    assert set(schema.relationships["PARTICIPATED_IN"].sources) == {"Person", "Country", "Organization"}
    assert schema.relationships["HELD_IN"].targets == ("Place", "Country")
    assert schema.relationships["MET"].properties["event_ids"].type == "string[]"


def test_validation_rejects_an_event_without_source_count():
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node("event:meeting-x", labels=["Event", "Meeting"], name="Meeting: A, B")
    problems = validate_graph(graph, load_schema())
    assert any("source_count" in p for p in problems)


@pytest.mark.model
def test_a_meeting_told_by_its_leaders_names_and_by_their_countries_is_one_event(nlp, tmp_path):
    # Our own words: one outlet names the two leaders (with their offices), another the
    # countries they lead; a third tells the countries' ministers meeting elsewhere that day.
    from graphbuild.pipeline import IngestOptions, build
    from tests.conftest import write_jsonl

    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "paper-one", "published": "2026-05-18", "text": "In Hiroshima on Sunday, Japanese Prime Minister Fumio "
         "Kishida met South Korean President Yoon Suk Yeol. They agreed to expand exchanges between students."},
        {"id": "paper-two", "published": "2026-05-18", "text": "The Japanese and South Korean leaders met in Hiroshima "
         "on Sunday, a government spokesman said. Student exchanges were on the table."},
        {"id": "paper-three", "published": "2026-05-18", "text": "The Japanese and South Korean foreign ministers met "
         "in Seoul on Sunday to prepare a trade agreement."},
    ])
    graph = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp).graph
    hiroshima = [n for n in events_of(graph, "Meeting") if held_in(graph, n) == {"Hiroshima"}]
    assert len(hiroshima) == 1
    (event,) = hiroshima
    assert reporters(graph, event) == {"article:paper-one", "article:paper-two"}
    assert participants(graph, event) == {"person:fumio-kishida", "person:yoon-suk-yeol"}
    said = {s: a.get("participants") for s, _, a in edges(graph, "REPORTS", target=event)}
    assert said == {"article:paper-one": ["person:fumio-kishida", "person:yoon-suk-yeol"],
                    "article:paper-two": ["country:JPN", "country:KOR"]}
    seoul = [n for n in events_of(graph, "Meeting") if reporters(graph, n) == {"article:paper-three"}]
    assert len(seoul) == 1 and held_in(graph, seoul[0]) == {"Seoul"}


@pytest.mark.model
def test_a_meeting_with_an_unnamed_counterpart_is_the_meeting_with_its_named_office_holder(nlp, tmp_path):
    # Our own words: one outlet names the foreign minister met, another only "his South
    # Korean counterpart"; the country stands for its office holder across the reports.
    from graphbuild.pipeline import IngestOptions, build
    from tests.conftest import write_jsonl

    path = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "paper-one", "published": "2026-05-19", "text": "Japanese Foreign Minister Yoko Kamikawa met "
         "South Korean Foreign Minister Cho Tae-yul in Tokyo on Monday. They discussed trade."},
        {"id": "paper-two", "published": "2026-05-19", "text": "Yoko Kamikawa met her South Korean counterpart in "
         "Tokyo on Monday, the ministry said."},
    ])
    graph = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp).graph
    tokyo = [n for n in events_of(graph, "Meeting") if held_in(graph, n) == {"Tokyo"}]
    assert len(tokyo) == 1
    (event,) = tokyo
    assert reporters(graph, event) == {"article:paper-one", "article:paper-two"}
    said = {s: a.get("participants") for s, _, a in edges(graph, "REPORTS", target=event)}
    assert "country:KOR" in said["article:paper-two"]
