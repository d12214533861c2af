"""Why a node has the aliases it has: the merge-log lines that put them there.

``graphbuild explain NAME --graph DIR`` reads ``graph.json`` and ``merge-log.jsonl``
from ``DIR`` (both written by ``ingest``) and, for every entity node whose name, id
or one of whose aliases has the same name key as ``NAME``, lists each rule that
resolved surface forms to it, with the forms and the articles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graphbuild.config import MERGE_LOG
from graphbuild.errors import InputError
from graphbuild.model import MergeRecord
from graphbuild.resolution.normalize import name_key
from graphbuild.rules import EntityRule


@dataclass(frozen=True, slots=True)
class Explanation:
    node_id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    records: tuple[MergeRecord, ...]


def read_merge_log(folder: str | Path) -> list[MergeRecord]:
    """The merge log next to a graph; every line must be one :class:`MergeRecord`."""
    path = Path(folder) / MERGE_LOG
    if not path.exists():
        raise InputError(str(path), "a merge log written by `graphbuild ingest`", "no such file")
    records = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            records.append(MergeRecord(rule=EntityRule(raw["rule"]), result=raw["result"], inputs=tuple(raw["inputs"]),
                                       articles=tuple(raw["articles"]), evidence=tuple(raw.get("evidence", ()))))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise InputError(str(path), "a JSON object with rule (a graphbuild.rules.EntityRule value), result, "
                             "inputs, articles and optional evidence",
                             f"{type(exc).__name__}: {exc}", number) from None
    return records


def explain(name: str, graph: nx.MultiDiGraph, log: list[MergeRecord]) -> list[Explanation]:
    """Explanations for every entity node that ``name`` names (by name key or id)."""
    key = name_key(name)
    found = []
    for node_id, attrs in sorted(graph.nodes(data=True)):
        aliases = tuple(attrs.get("aliases") or ())
        forms = {name_key(attrs.get("name") or ""), *(name_key(a) for a in aliases)}
        if node_id != name and key not in forms:
            continue
        records = tuple(r for r in log if r.result == node_id)
        found.append(Explanation(node_id, (attrs.get("labels") or ["?"])[0], attrs.get("name", ""), aliases, records))
    return found


def format_explanations(explanations: list[Explanation]) -> str:
    """Human-readable text, one block per node."""
    blocks = []
    for item in explanations:
        lines = [f"{item.node_id} ({item.label}) {item.name!r}",
                 "  aliases: " + (", ".join(item.aliases) or "none")]
        for record in item.records:
            lines.append(f"  {record.rule}: {', '.join(record.inputs)}"
                         f"  [{len(record.articles)} article{'s' if len(record.articles) != 1 else ''}: "
                         f"{', '.join(record.articles[:5])}{' …' if len(record.articles) > 5 else ''}]")
            lines.extend(f"    because: {item}" for item in record.evidence)
        if not item.records:
            lines.append("  (no merge-log entry: added as the country of a place, or built by another stage)")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
