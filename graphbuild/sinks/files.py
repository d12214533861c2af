"""Write (and read back) the graph as node-link JSON and GraphML, plus the merge log.

Files are written atomically: to a temporary file in the same folder, then renamed,
so an interrupted run never leaves a half-written ``graph.json``.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import networkx as nx

from graphbuild.config import GRAPH_GRAPHML, GRAPH_JSON, MERGE_LOG
from graphbuild.errors import SinkError
from graphbuild.model import MergeRecord


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """networkx node-link data with the edge list under ``edges``."""
    return nx.node_link_data(graph, edges="edges")


def dumps_node_link(graph: nx.MultiDiGraph) -> str:
    return json.dumps(to_node_link(graph), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def read_graph(folder: str | Path) -> nx.MultiDiGraph:
    """Read ``graph.json`` written by :func:`write_graph`."""
    path = Path(folder) / GRAPH_JSON if Path(folder).is_dir() else Path(folder)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise SinkError(f"expected a graph file at {path}, found none (run `graphbuild ingest … --out {path.parent}` first)") from None
    except json.JSONDecodeError as exc:
        raise SinkError(f"{path}:{exc.lineno}: expected node-link JSON, found invalid JSON ({exc.msg})") from None
    return nx.node_link_graph(data, edges="edges")


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy GraphML can hold: lists become JSON strings, labels become ``:Person``
    (the form Neo4j's GraphML importers read)."""
    copy = nx.MultiDiGraph()
    for node_id, attrs in graph.nodes(data=True):
        copy.add_node(_graphml_value("id", node_id), **{k: _graphml_value(k, v) for k, v in attrs.items()})
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        copy.add_edge(_graphml_value("id", source), _graphml_value("id", target), key=key,
                      **{k: _graphml_value(k, v) for k, v in attrs.items()})
    return copy


# Characters XML 1.0 cannot hold at all (not even as &#…; references).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _graphml_value(name: str, value: object) -> object:
    if name == "labels" and isinstance(value, list):
        return "".join(f":{label}" for label in value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        # Control characters from scraped text would make the file unreadable XML; they
        # become U+FFFD here only (graph.json keeps every string exactly).
        return _NOT_XML.sub("\ufffd", value)
    return value


def write_graph(graph: nx.MultiDiGraph, folder: str | Path, merge_log: Iterable[MergeRecord] = ()) -> list[str]:
    """Write graph.json, graph.graphml and merge-log.jsonl into ``folder``; returns paths."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SinkError(f"expected a writable output folder, found {out} cannot be created ({exc.strerror})") from None
    lines = "".join(json.dumps(asdict(r), ensure_ascii=False, sort_keys=True) + "\n" for r in merge_log)
    files = [
        (out / GRAPH_JSON, lambda f: f.write(dumps_node_link(graph).encode("utf-8"))),
        (out / GRAPH_GRAPHML, lambda f: nx.write_graphml(graphml_ready(graph), f, encoding="utf-8")),
        (out / MERGE_LOG, lambda f: f.write(lines.encode("utf-8"))),
    ]
    # All three are written to temporary files first and renamed only when every one is
    # complete: a failure leaves the previous set as it was, never a mix of old and new.
    done: list[tuple[str, Path]] = []
    try:
        for path, write in files:
            done.append((_write_temp(path, write), path))
    except BaseException:
        for tmp, _ in done:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, path in done:
        os.replace(tmp, path)
    return [str(path) for path, _ in files]


def atomic_write(path: Path, write) -> None:
    """Write one file atomically: ``write(handle)`` fills a temporary file in the same
    folder, which then replaces ``path``. Also used by ``graphbuild view``."""
    os.replace(_write_temp(path, write), path)


def _write_temp(path: Path, write) -> str:
    """Write to a temporary file beside ``path`` (flushed and synced); returns its name.
    On failure nothing is left behind."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
