"""Outputs are written atomically: a write that fails part way leaves the previous
graph files exactly as they were, and no temporary files behind."""
from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.errors import SinkError
from graphbuild.sinks import files
from graphbuild.sinks.files import atomic_write, read_graph, write_graph


def _graph(name: str) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("person:a", labels=["Person"], name=name, aliases=[])
    return graph


@pytest.fixture()
def old_out(tmp_path):
    out = tmp_path / "out"
    write_graph(_graph("Old Name"), out)
    return out, {p.name: p.read_bytes() for p in out.iterdir()}


def test_a_write_that_fails_midway_leaves_the_old_file_intact(old_out):
    out, before = old_out

    def half_then_fail(handle):
        handle.write(b'{"directed": true, "nodes": [')  # half a graph.json ...
        raise OSError(28, "No space left on device")  # ... then the disk is full

    with pytest.raises(OSError):
        atomic_write(out / "graph.json", half_then_fail)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert read_graph(out).nodes["person:a"]["name"] == "Old Name"


def test_a_failure_in_a_later_file_leaves_the_whole_old_set(old_out, monkeypatch):
    out, before = old_out

    def disk_full_in_graphml(graph, handle):  # graph.json is complete by now
        handle.write(b"<?xml version='1.0'?><graphml>")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "write_graphml", disk_full_in_graphml)
    with pytest.raises(SinkError, match=r"expected to write .*graph\.graphml, found No space left on device \(errno 28\); "
                                        r"the previous graph files in .* are unchanged"):
        write_graph(_graph("New Name"), out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # not new graph.json + old graphml
    write_graph(_graph("New Name"), out)
    assert read_graph(out).nodes["person:a"]["name"] == "New Name"
    assert sorted(p.name for p in out.iterdir()) == sorted(before)
