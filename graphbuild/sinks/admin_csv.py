"""CSV files for ``neo4j-admin database import full``: the bulk path for big corpora.

One node file per label combination and one relationship file per (type, source
label, target label), headers typed from the schema (``name``, ``count:long``,
``aliases:string[]``). Ids share one global id space (they are prefixed:
``person:…``, ``event:…``). List items are joined with U+001F (unit separator),
which article text does not contain, so ``;`` in a sentence stays a ``;``. Rows that
break the schema are reported and not exported, exactly as in :mod:`load`.

The exact command is returned (and written to ``import-command.txt``)::

    neo4j-admin database import full neo4j --overwrite-destination \\
      --array-delimiter=U+001F --multiline-fields=true \\
      --nodes=/import/nodes-Article.csv … --relationships=/import/relationships-MENTIONS-Article-Person.csv …
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphbuild.errors import SinkError
from graphbuild.graph.schema import PropertySpec, Schema, load_schema
from graphbuild.sinks import cypher
from graphbuild.sinks.load import LoadPlan, Step, plan_load

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
COMMAND_FILE = "import-command.txt"
# Schema types → neo4j-admin header types. Dates stay strings, as the Cypher loader stores them.
_TYPES = {"string": "string", "date": "string", "integer": "long", "boolean": "boolean"}


@dataclass
class CsvExport:
    folder: str
    node_files: list[str] = field(default_factory=list)
    relationship_files: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    command: str = ""


def header_type(spec: PropertySpec) -> str:
    """The neo4j-admin type of a schema property (``long[]`` for ``integer[]``)."""
    base = _TYPES[spec.item_type]
    return base + "[]" if spec.is_list else base


def import_command(export: CsvExport, database: str = "neo4j", import_dir: str = "/import") -> str:
    """The ``neo4j-admin`` command that imports ``export`` (files seen under ``import_dir``)."""
    parts = [f"neo4j-admin database import full {database} --overwrite-destination",
             f"--array-delimiter={ARRAY_DELIMITER_OPTION} --multiline-fields=true"]
    parts += [f"--nodes={import_dir}/{Path(f).name}" for f in export.node_files]
    parts += [f"--relationships={import_dir}/{Path(f).name}" for f in export.relationship_files]
    return " \\\n  ".join(parts)


def export_csv(graph: nx.MultiDiGraph, folder: str | Path, *, schema: Schema | None = None,
               database: str = "neo4j") -> CsvExport:
    """Write the import CSVs for ``graph`` into ``folder``; returns the files and the command."""
    schema = schema or load_schema()
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SinkError(f"expected a writable folder for the CSV export, found {out} ({exc.strerror})") from None
    plan: LoadPlan = plan_load(graph, schema)
    export = CsvExport(str(out), violations=list(plan.violations))
    for step in plan.nodes:
        export.node_files.append(_write_nodes(out, schema, step, export.violations))
    for step in plan.relationships:
        export.relationship_files.append(_write_relationships(out, schema, step, export.violations))
    export.command = import_command(export, database)
    (out / COMMAND_FILE).write_text(export.command + "\n", "utf-8")
    return export


def _node_specs(schema: Schema, labels: list[str]) -> dict[str, PropertySpec]:
    specs: dict[str, PropertySpec] = {}
    for label in labels:
        for name, spec in schema.nodes[label].properties.items():
            if name != cypher.node_key(schema.nodes[labels[0]]):
                specs.setdefault(name, spec)
    return specs


def _write_nodes(out: Path, schema: Schema, step: Step, violations: list[str]) -> str:
    labels = step.what.split(":")
    specs = _node_specs(schema, labels)
    key = cypher.node_key(schema.nodes[labels[0]])
    header = [f"{key}:ID"] + [f"{name}:{header_type(spec)}" for name, spec in specs.items()] + [":LABEL"]
    rows = []
    for row in step.rows:
        cells = _cells(row["props"], specs, f"node {row['id']!r}", violations)
        if cells is None:
            continue
        rows.append([row["id"], *cells, ";".join(labels)])
    return _write(out / f"nodes-{'-'.join(labels)}.csv", header, rows)


def _write_relationships(out: Path, schema: Schema, step: Step, violations: list[str]) -> str:
    rel_type, ends = step.what.split(" ", 1)
    specs = schema.relationships[rel_type].properties
    header = [":START_ID"] + [f"{name}:{header_type(spec)}" for name, spec in specs.items()] + [":END_ID", ":TYPE"]
    rows = []
    for row in step.rows:
        cells = _cells(row["props"], specs, f"edge {row['source']!r} -[{rel_type}]-> {row['target']!r}",
                       violations)
        if cells is None:
            continue
        rows.append([row["source"], *cells, row["target"], rel_type])
    return _write(out / f"relationships-{rel_type}-{ends.replace('->', '-')}.csv", header, rows)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        items = [_cell(v) for v in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise ValueError("a list item contains U+001F, the array delimiter")
        return ARRAY_DELIMITER.join(items)
    return str(value)


def _cells(props: dict, names, where: str, violations: list[str]) -> list[str] | None:
    try:
        return [_cell(props.get(name)) for name in names]
    except ValueError as exc:
        violations.append(f"{where}: expected list items without U+001F, found {exc}")
        return None


def _write(path: Path, header: list[str], rows: list[list[str]]) -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return str(path)


def export_folder(folder: str, out: str | None = None, *, database: str = "neo4j") -> CsvExport:
    """Export the ``graph.json`` in ``folder`` (default output: ``folder/neo4j-import``)."""
    from graphbuild.sinks.files import read_graph

    return export_csv(read_graph(folder), out or str(Path(folder) / "neo4j-import"), database=database)
