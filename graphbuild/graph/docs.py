"""The graph vocabulary as Markdown tables, for the README (``graphbuild schema``).

A test checks that the README holds exactly this output, so docs cannot drift from
``schemas/graph.schema.json``.
"""
from __future__ import annotations

from graphbuild.graph.schema import PropertySpec, Schema


def schema_markdown(schema: Schema) -> str:
    lines = ["| node | key | properties (* required) | what |", "|---|---|---|---|"]
    for node in schema.nodes.values():
        key = f"`{node.key}` = `{node.id_prefix}…`" if node.key else "— (kind label)"
        props = ", ".join(_prop(p) for p in node.properties.values() if p.name != "id") or "—"
        lines.append(f"| `{node.label}` | {key} | {props} | {_one_line(node.description)} |")
    lines += ["", "| relationship | from → to | properties (* required) | what |", "|---|---|---|---|"]
    for rel in schema.relationships.values():
        ends = f"{_either(rel.sources)} → {_either(rel.targets)}"
        props = ", ".join(_prop(p) for p in rel.properties.values()) or "—"
        lines.append(f"| `{rel.type}` | {ends} | {props} | {_one_line(rel.description)} |")
    return "\n".join(lines) + "\n"


def _prop(spec: PropertySpec) -> str:
    values = f": {', '.join(spec.enum)}" if spec.enum else ""
    return f"{spec.name}{'*' if spec.required else ''} ({spec.type}{values})"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _either(labels: tuple[str, ...]) -> str:
    return " \\| ".join(labels)
