"""The file sink streams graph.json and graph.graphml element by element; these tests
hold the streamed bytes to what the whole-graph library calls produce or read back."""
from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphbuild.model import MergeRecord
from graphbuild.sinks.files import read_graph, to_node_link, write_graph, write_graphml, write_merge_log, write_node_link


def _whole(graph: nx.MultiDiGraph) -> bytes:
    return (json.dumps(to_node_link(graph), ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _streamed(write, graph) -> bytes:
    buffer = io.BytesIO()
    write(graph, buffer)
    return buffer.getvalue()


def awkward_graph() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("article:a\nb", labels=["Article"], title='He said "no"\n\tthen left', words=3, line=None,
                   source="Wire\x00Service")
    graph.add_node("person:zoë-ñ", labels=["Person"], name="Zoë Ñúñez 中文 😀", aliases=["Z", "Zoë"],
                   nested={"a": [1, {"b": []}]}, score=0.5, capital=False)
    graph.add_node("country:USA", labels=["Country"], name="United States", capital=True)
    graph.add_edge("article:a\nb", "person:zoë-ñ", key="MENTIONS", type="MENTIONS", count=2, starts=[0, 9],
                   ends=[3, 12], texts=["Zoë", "Ñú\x00ñez"])
    graph.add_edge("person:zoë-ñ", "country:USA", key="HOLDS_OFFICE:Defense Secretary", type="HOLDS_OFFICE",
                   title="Defense Secretary", evidence=[])
    graph.add_edge("person:zoë-ñ", "country:USA", key="MET", type="MET", event_ids=["e1"], dates=["2018-06-29"])
    return graph


@pytest.mark.parametrize("graph", [nx.MultiDiGraph(), awkward_graph()], ids=["empty", "awkward-strings"])
def test_streamed_graph_json_is_byte_identical_to_one_json_dumps(graph):
    assert _streamed(write_node_link, graph) == _whole(graph)


def test_streamed_graph_json_of_the_seed_graph_is_byte_identical_to_one_json_dumps(seed_graph):
    assert _streamed(write_node_link, seed_graph) == _whole(seed_graph)


def test_graph_json_round_trips_through_read_graph(tmp_path):
    graph = awkward_graph()
    write_graph(graph, tmp_path)
    back = read_graph(tmp_path)
    assert to_node_link(back) == to_node_link(graph)


def test_graphml_reads_back_with_networkx_with_lists_as_json_and_labels_as_colon_form(tmp_path):
    graph = awkward_graph()
    write_graph(graph, tmp_path)
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert set(back.nodes) == set(graph.nodes)
    person = back.nodes["person:zoë-ñ"]
    assert person["labels"] == ":Person"
    assert json.loads(person["aliases"]) == ["Z", "Zoë"]
    assert person["name"] == "Zoë Ñúñez 中文 😀"
    assert person["score"] == 0.5 and person["capital"] is False
    assert back.nodes["country:USA"]["capital"] is True
    assert back.nodes["article:a\nb"]["title"] == 'He said "no"\n\tthen left'
    assert "line" not in back.nodes["article:a\nb"]  # None is left out, not written as "None"
    edges = {(u, v, k): attrs for u, v, k, attrs in back.edges(keys=True, data=True)}
    mention = edges[("article:a\nb", "person:zoë-ñ", "MENTIONS")]
    assert mention["count"] == 2 and json.loads(mention["starts"]) == [0, 9]
    assert json.loads(mention["texts"]) == ["Zoë", "Ñú\x00ñez"]  # inside JSON text a NUL is an escape
    assert back.nodes["article:a\nb"]["source"] == "Wire\ufffdService"  # XML cannot hold it; graph.json does
    assert json.loads(person["nested"]) == {"a": [1, {"b": []}]}
    assert edges[("person:zoë-ñ", "country:USA", "HOLDS_OFFICE:Defense Secretary")]["title"] == "Defense Secretary"
    assert set(edges) == {(u, v, k) for u, v, k in graph.edges(keys=True)}


def test_graphml_declares_one_typed_key_per_domain_and_property(seed_graph):
    root = ET.fromstring(_streamed(write_graphml, seed_graph))
    namespace = "{http://graphml.graphdrawing.org/xmlns}"
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{namespace}key")}
    assert keys[("node", "words")] == "long"
    assert keys[("node", "labels")] == "string"
    assert keys[("edge", "count")] == "long"
    assert ("node", "title") in keys and ("edge", "title") in keys  # Article title vs HOLDS_OFFICE title
    assert len(list(root.iter(f"{namespace}node"))) == seed_graph.number_of_nodes()
    assert len(list(root.iter(f"{namespace}edge"))) == seed_graph.number_of_edges()


def test_merge_log_is_one_sorted_key_json_object_per_record():
    buffer = io.BytesIO()
    records = [MergeRecord("person:full-name", "person:jim-mattis", ("Jim Mattis", "Mattis"), ("a", "b")),
               MergeRecord("country:alias", "country:USA", ("U.S.",), ("a",))]
    write_merge_log(records, buffer)
    lines = buffer.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line)["result"] for line in lines] == ["person:jim-mattis", "country:USA"]
    assert lines[1] == '{"articles": ["a"], "inputs": ["U.S."], "result": "country:USA", "rule": "country:alias"}'
