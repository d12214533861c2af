"""The file sink streams graph.json and graph.graphml element by element; these tests
hold the streamed bytes to what the whole-graph library calls produce or read back, and
the three files to being published as one set, with normal modes, into a folder checked
before the run."""
from __future__ import annotations

import errno
import fcntl
import io
import json
import multiprocessing
import os
import stat
import time
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphbuild.errors import SinkError
from graphbuild.model import MergeRecord
from graphbuild.sinks import files
from graphbuild.sinks.files import (check_output_folder, read_graph, to_node_link, write_graph, write_graphml,
                                    write_merge_log, write_node_link)


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


# ---------------------------------------------------------------- the output set


def _marked(marker: str) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node(f"person:{marker}", labels=["Person"], name=marker, aliases=[])
    return graph


def _markers(out) -> tuple[str, str, str]:
    """Which run wrote each of the three files."""
    in_json = next(iter(read_graph(out).nodes)).removeprefix("person:")
    in_graphml = next(iter(nx.read_graphml(out / "graph.graphml").nodes)).removeprefix("person:")
    in_log = json.loads((out / "merge-log.jsonl").read_text("utf-8").splitlines()[0])["rule"]
    return in_json, in_graphml, in_log


def _publish_slowly(out, marker: str, rounds: int) -> None:
    """A writer that pauses between renames, as a loaded machine may (runs in a process)."""
    import os
    import time as clock

    replace = os.replace

    def slow_replace(source, target):
        replace(source, target)
        clock.sleep(0.01)

    files.os.replace = slow_replace
    for _ in range(rounds):
        write_graph(_marked(marker), out, [MergeRecord(rule=marker, result=f"person:{marker}", inputs=(), articles=())])


def test_two_runs_publishing_into_one_folder_leave_one_runs_set_never_a_mix(tmp_path):
    out = tmp_path / "out"
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_publish_slowly, args=(out, marker, 30)) for marker in ("alpha", "omega")]
    for writer in writers:
        writer.start()
    seen = set()
    while any(writer.is_alive() for writer in writers):
        if (out / "merge-log.jsonl").exists():
            with open(out / files.LOCK_FILE, "rb") as lock:  # read the set as a reader that respects the lock
                fcntl.flock(lock, fcntl.LOCK_SH)
                seen.add(_markers(out))
                fcntl.flock(lock, fcntl.LOCK_UN)
        time.sleep(0.005)
    for writer in writers:
        writer.join()
        assert writer.exitcode == 0
    seen.add(_markers(out))
    assert seen <= {("alpha",) * 3, ("omega",) * 3}
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_output_files_get_the_mode_the_umask_gives_any_new_file(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        write_graph(_marked("a"), tmp_path / "out")
    finally:
        os.umask(previous)
    for name in ("graph.json", "graph.graphml", "merge-log.jsonl"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == mode, name


def test_the_output_folder_is_checked_and_left_as_it_was(tmp_path):
    check_output_folder(tmp_path / "new" / "deeper")
    assert list(tmp_path.iterdir()) == []  # created to try it, then removed
    (tmp_path / "a-file").write_text("x")
    for bad in (tmp_path / "a-file", tmp_path / "a-file" / "out"):
        with pytest.raises(SinkError, match=f"expected a writable output folder, found {bad}"):
            check_output_folder(bad)


def test_a_full_disk_is_found_by_the_check_before_the_run(tmp_path, monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", no_space)
    with pytest.raises(SinkError, match=r"found .*out: No space left on device \(errno 28\)"):
        check_output_folder(tmp_path / "out")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
