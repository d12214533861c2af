"""Write (and read back) the graph as node-link JSON and GraphML, plus the merge log.

Files are written atomically: to a temporary file in the same folder, then renamed,
so an interrupted run never leaves a half-written ``graph.json``; the three files are
published as one set under a lock (:func:`write_graph`).
"""
from __future__ import annotations

import errno
import json
import os
import re
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import XMLGenerator

import networkx as nx

try:
    import fcntl
except ImportError:  # Windows: no lock; the set is still renamed only when complete
    fcntl = None

from graphbuild.config import GRAPH_GRAPHML, GRAPH_JSON, MERGE_LOG
from graphbuild.errors import SinkError, Stopped
from graphbuild.model import MergeRecord
from graphbuild.signals import signals_held


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """networkx node-link data with the edge list under ``edges`` (the whole graph as one
    dict: for small graphs and tests; files are written by :func:`write_node_link`)."""
    return nx.node_link_data(graph, edges="edges")


def write_node_link(graph: nx.MultiDiGraph, handle: BinaryIO) -> None:
    """Write ``graph.json``: exactly the bytes of ``json.dumps(to_node_link(graph),
    ensure_ascii=False, sort_keys=True, indent=1) + "\n"``, but one node or edge at a
    time, so writing costs no second copy of the graph (a 10x ECB+ graph took 300 MiB
    more to serialise whole). The record for each element is the one networkx's
    ``node_link_data`` makes; only the streaming is ours, because neither json nor
    networkx can encode a list lazily."""
    edges = ({**attrs, "source": u, "target": v, "key": k} for u, v, k, attrs in graph.edges(keys=True, data=True))
    nodes = ({**attrs, "id": n} for n, attrs in graph.nodes(data=True))
    handle.write(b"{\n")
    # Top-level keys in sorted order, as sort_keys=True puts them.
    handle.write(f' "directed": {_json(graph.is_directed(), 1)},\n "edges": '.encode())
    _write_json_list(edges, handle)
    handle.write(f',\n "graph": {_json(graph.graph, 1)},\n "multigraph": {_json(graph.is_multigraph(), 1)},'
                 f'\n "nodes": '.encode("utf-8"))
    _write_json_list(nodes, handle)
    handle.write(b"\n}\n")


def _json(value: object, level: int) -> str:
    # With indent=1 a value nested `level` deep has every line after its first shifted
    # by `level` spaces; JSON strings never hold a raw newline, so this is exact.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", "\n" + " " * level)


def _write_json_list(items: Iterable[dict], handle: BinaryIO) -> None:
    first = True
    for item in items:
        handle.write(("[\n  " if first else ",\n  ").encode() + _json(item, 2).encode("utf-8"))
        first = False
    handle.write(b"[]" if first else b"\n ]")


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


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_GRAPHML_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def write_graphml(graph: nx.MultiDiGraph, handle: BinaryIO) -> None:
    """Write ``graph.graphml``: lists become JSON strings, labels become ``:Person`` (the
    form Neo4j's GraphML importers read), one ``<key>`` per (domain, property).

    Streamed element by element with the standard library's ``XMLGenerator``: networkx's
    GraphML writers need a converted copy of the whole graph (lists are not GraphML
    types) and, without lxml, build the whole document as an ElementTree first; on a 10x
    ECB+ graph that was most of the run's peak memory. ``nx.read_graphml`` reads the file
    back (tests/sinks/test_files.py)."""
    keys = _graphml_keys(graph)
    ids = {domain_name: f"d{index}" for index, domain_name in enumerate(keys)}
    out = XMLGenerator(handle, encoding="utf-8", short_empty_elements=True)
    out.startDocument()
    out.startElement("graphml", {"xmlns": GRAPHML_NS})
    for (domain, name), xml_type in keys.items():
        out.ignorableWhitespace("\n  ")
        out.startElement("key", {"id": ids[(domain, name)], "for": domain, "attr.name": name,
                                 "attr.type": xml_type})
        out.endElement("key")
    out.ignorableWhitespace("\n  ")
    out.startElement("graph", {"edgedefault": "directed" if graph.is_directed() else "undirected"})

    def element(tag: str, attributes: dict[str, str], domain: str, data: dict) -> None:
        out.ignorableWhitespace("\n    ")
        out.startElement(tag, attributes)
        for name, value in data.items():
            if value is None:
                continue
            out.ignorableWhitespace("\n      ")
            out.startElement("data", {"key": ids[(domain, name)]})
            out.characters(_graphml_text(name, value))
            out.endElement("data")
        out.ignorableWhitespace("\n    ")
        out.endElement(tag)

    for node, attrs in graph.nodes(data=True):
        element("node", {"id": _graphml_text("id", node)}, "node", attrs)
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        element("edge", {"source": _graphml_text("id", source), "target": _graphml_text("id", target),
                         "id": _graphml_text("id", key)}, "edge", attrs)
    out.ignorableWhitespace("\n  ")
    out.endElement("graph")
    out.ignorableWhitespace("\n")
    out.endElement("graphml")
    out.ignorableWhitespace("\n")
    out.endDocument()


def _graphml_keys(graph: nx.MultiDiGraph) -> dict[tuple[str, str], str]:
    """(domain, property) → GraphML type, sorted, from one pass over the attributes (no
    copy). A property whose values differ in type, or are lists, is a string."""
    found: dict[tuple[str, str], str] = {}

    def note(domain: str, attrs: dict) -> None:
        for name, value in attrs.items():
            if value is None:
                continue
            xml_type = next((t for python, t in _GRAPHML_TYPES if isinstance(value, python)), "string")
            if found.setdefault((domain, name), xml_type) != xml_type:
                found[(domain, name)] = "string"

    for _, attrs in graph.nodes(data=True):
        note("node", attrs)
    for _, _, attrs in graph.edges(data=True):
        note("edge", attrs)
    return dict(sorted(found.items()))


# Characters XML 1.0 cannot hold at all (not even as &#…; references).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _graphml_text(name: str, value: object) -> str:
    """The text of one GraphML value: labels as ``:Person:Meeting``, lists and mappings
    as JSON, booleans as XML Schema writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "labels" and isinstance(value, list):
        text = "".join(f":{label}" for label in value)
    elif isinstance(value, (list, tuple, dict)):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    # Control characters from scraped text would make the file unreadable XML; they
    # become U+FFFD here only (graph.json keeps every string exactly).
    return _NOT_XML.sub("\ufffd", text)


def write_graph(graph: nx.MultiDiGraph, folder: str | Path, merge_log: Iterable[MergeRecord] = ()) -> list[str]:
    """Write graph.json, graph.graphml and merge-log.jsonl into ``folder``; returns paths.

    The three are published as one set: each is written to a temporary file first, and
    only when all are complete are they renamed over the old ones, under an exclusive
    lock on ``folder/.graphbuild.lock`` and with SIGINT and SIGTERM held back for those
    three renames. A failure (a full disk) or a stop leaves the previous set as it was,
    and two runs writing to one folder at once leave one run's set, never a mix.
    Files get the usual modes (0666 less the umask), like any file the user creates."""
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SinkError(f"expected a writable output folder, found {out} cannot be created ({exc.strerror})") from None
    files = [
        (out / GRAPH_JSON, lambda f: write_node_link(graph, f)),
        (out / GRAPH_GRAPHML, lambda f: write_graphml(graph, f)),
        (out / MERGE_LOG, lambda f: write_merge_log(merge_log, f)),
    ]
    done: list[tuple[str, Path]] = []
    try:
        for path, write in files:
            try:
                done.append((_write_temp(path, write), path))
            except OSError as exc:
                raise SinkError(f"expected to write {path}, found {_os_reason(exc)}; the previous graph files in "
                                f"{out} are unchanged") from None
        renamed = False
        try:
            with _publishing(out):
                for tmp, path in done:
                    os.replace(tmp, path)
                renamed = True
        except Stopped as stop:  # held back during the renames, delivered right after them
            stop.published = renamed
            raise
    except BaseException:
        for tmp, _ in done:
            Path(tmp).unlink(missing_ok=True)
        raise
    return [str(path) for path, _ in files]


LOCK_FILE = ".graphbuild.lock"


@contextmanager
def _publishing(out: Path) -> Iterator[None]:
    """The exclusive lock on the output folder, with SIGINT and SIGTERM held back until
    the set is published (a held-back signal is delivered right after)."""
    fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits while another run publishes its set
        with signals_held():
            yield
    finally:
        os.close(fd)  # releases the lock


def check_output_folder(folder: str | Path) -> None:
    """Fail early, before any parsing, if ``folder`` cannot take the output files: create
    it (and its parents) if needed, write and sync a small probe file, and remove what
    was created. Raises :class:`SinkError` with the reason (not a folder, read-only,
    no space left …)."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise SinkError(f"expected a writable output folder, found {out} is a file")
    missing = [p for p in (out, *out.parents) if not p.exists()]
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = _write_temp(out / ".probe", lambda handle: handle.write(b"\0" * _PROBE_BYTES))
        os.unlink(probe)
    except OSError as exc:
        raise SinkError(f"expected a writable output folder, found {out}: {_os_reason(exc)}") from None
    finally:
        for created in missing:  # deepest first: leave no trace of the check
            try:
                created.rmdir()
            except OSError:
                break


_PROBE_BYTES = 64 * 1024  # enough to meet a full disk, which often still takes an empty file


def _os_reason(exc: OSError) -> str:
    return f"{exc.strerror or exc} (errno {exc.errno})" if exc.errno else str(exc)


def write_merge_log(records: Iterable[MergeRecord], handle: BinaryIO) -> None:
    """One JSON object per line, in the order given (the merge step sorts them); a record
    without evidence has no ``evidence`` key."""
    for record in records:
        row = asdict(record)
        if not row.get("evidence"):
            row.pop("evidence", None)
        handle.write((json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))


def atomic_write(path: Path, write) -> None:
    """Write one file atomically: ``write(handle)`` fills a temporary file in the same
    folder, which then replaces ``path``. Also used by ``graphbuild view``."""
    os.replace(_write_temp(path, write), path)


def _write_temp(path: Path, write) -> str:
    """Write to a temporary file beside ``path`` (flushed and synced); returns its name.
    On failure nothing is left behind. Created with mode 0666 less the umask (what the
    user's other files get), not ``mkstemp``'s 0600: a Neo4j container or another user
    must be able to read the graph files."""
    fd, tmp = _create_temp(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _create_temp(path: Path) -> tuple[int, str]:
    # tempfile.mkstemp has no mode argument; this is its loop with one.
    for _ in range(100):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(path.parent))
