"""CSV files for ``neo4j-admin database import full``: the bulk path for big corpora.

One node file per label combination and one relationship file per (type, source
label, target label), headers typed from the schema (``name:string``, ``count:long``,
``aliases:string[]``). The rows are the ones the Cypher loader writes
(:func:`~graphbuild.sinks.load.plan_load`), so an imported database holds what a
``graphbuild load`` of the same build would, and a ``load`` right after the import finds
every article unchanged (``loaded_sha256`` is written too). Rows that break the schema
are reported and not exported, exactly as in :mod:`~graphbuild.sinks.load`.

How the files follow the importer's rules (Neo4j Operations Manual, "CSV header
format" and the ``import`` options; the command sets every option it relies on):

* ``,`` between fields, one record per line; every value is quoted (``"``, a ``"``
  inside doubled), so commas, quotes and line breaks in text survive
  (``--multiline-fields=true``; ``--legacy-style-quoting=false``: a backslash is text);
  strings keep their spaces (``--trim-strings=false``).
* No value is an empty, unquoted field: the importer stores no property, as the
  loader does for null. An empty string is ``""`` (``--ignore-empty-strings=false``).
* Lists: items joined with U+001F (``--array-delimiter=U+001F``), which article text
  does not contain, so ``;`` in a sentence stays a ``;``. An empty list is written as
  no value: the importer stores no property for an empty array, and the loader
  removes the property (:func:`~graphbuild.sinks.load.row_properties`). A list whose
  only item is the empty string, or an item holding U+001F, cannot be written this
  way: such a row is reported and not exported.
* ``:LABEL`` holds every label of a node joined with the array delimiter
  (``Event`` U+001F ``Meeting``); ``id:ID`` is the node key (ids share one global id
  space: they are prefixed, ``person:…``, ``event:…``), also stored as ``id``.

The exact command is returned (and written to ``import-command.txt``)::

    neo4j-admin database import full neo4j --overwrite-destination \\
      --delimiter=, --array-delimiter=U+001F --multiline-fields=true \\
      --trim-strings=false --ignore-empty-strings=false --legacy-style-quoting=false \\
      --nodes=/import/nodes-Article.csv … --relationships=/import/relationships-MENTIONS-Article-Person.csv …
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from graphbuild.errors import SinkError
from graphbuild.graph.schema import PropertySpec, Schema, load_schema
from graphbuild.sinks import cypher
from graphbuild.sinks.load import LoadPlan, Step, plan_load

DELIMITER = ","
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"
QUOTE = '"'
COMMAND_FILE = "import-command.txt"
#: The importer options the files rely on (see the module docstring).
IMPORT_OPTIONS = (f"--delimiter={DELIMITER} --array-delimiter={ARRAY_DELIMITER_OPTION} --multiline-fields=true "
                  "--trim-strings=false --ignore-empty-strings=false --legacy-style-quoting=false")
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
    parts = [f"neo4j-admin database import full {database} --overwrite-destination", IMPORT_OPTIONS]
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
        export.node_files.append(_write_nodes(out, schema, step, plan, export.violations))
    for step in plan.relationships:
        export.relationship_files.append(_write_relationships(out, schema, step, export.violations))
    export.command = import_command(export, database)
    (out / COMMAND_FILE).write_text(export.command + "\n", "utf-8")
    return export


def _node_specs(schema: Schema, labels: list[str]) -> dict[str, PropertySpec]:
    """The properties of a node with these labels, the key left out (it is the ``:ID``)."""
    specs: dict[str, PropertySpec] = {}
    key = cypher.node_key(schema.nodes[labels[0]])
    for label in labels:
        for name, spec in schema.nodes[label].properties.items():
            if name != key:
                specs.setdefault(name, spec)
    return specs


def _write_nodes(out: Path, schema: Schema, step: Step, plan: LoadPlan, violations: list[str]) -> str:
    labels = step.what.split(":")
    specs = _node_specs(schema, labels)
    key = cypher.node_key(schema.nodes[labels[0]])
    header = [f"{key}:ID"] + [f"{name}:{header_type(spec)}" for name, spec in specs.items()] + [":LABEL"]
    rows = []
    for row in step.rows:
        props = dict(row["props"])
        if row["id"] in plan.loaded_hashes:  # what the loader stores after writing the article
            props[cypher.LOADED_HASH] = plan.loaded_hashes[row["id"]]
        cells = _cells(props, specs, f"node {row['id']!r}", violations)
        if cells is None:
            continue
        rows.append([row["id"], *cells, ARRAY_DELIMITER.join(labels)])
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


def _cell(value: object) -> str | None:
    """The text of one field, or None for no value."""
    if value is None or value == []:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        items = [_cell(v) for v in value]
        if any(item is None for item in items):
            raise ValueError("a list item with no value")
        if any(ARRAY_DELIMITER in item for item in items):
            raise ValueError("a list item holding U+001F, the array delimiter")
        if items == [""]:
            raise ValueError("a list whose only item is empty (the importer reads an empty array)")
        return ARRAY_DELIMITER.join(items)
    return str(value)


def _cells(props: dict, names, where: str, violations: list[str]) -> list[str | None] | None:
    try:
        return [_cell(props.get(name)) for name in names]
    except ValueError as exc:
        violations.append(f"{where}: expected values the importer reads back, found {exc} (not exported)")
        return None


def _field(value: str | None) -> str:
    # Written by hand: the csv module cannot quote every value but leave None unquoted
    # (QUOTE_NOTNULL needs Python 3.12), and the importer tells "" (empty string) from
    # an empty field (no value).
    if value is None:
        return ""
    return QUOTE + value.replace(QUOTE, QUOTE * 2) + QUOTE


def _write(path: Path, header: list[str], rows: list[list[str | None]]) -> str:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(DELIMITER.join(header) + "\n")
        for row in rows:
            handle.write(DELIMITER.join(_field(value) for value in row) + "\n")
    return str(path)


def export_folder(folder: str, out: str | None = None, *, database: str = "neo4j") -> CsvExport:
    """Export the ``graph.json`` in ``folder`` (default output: ``folder/neo4j-import``)."""
    from graphbuild.sinks.files import read_graph

    return export_csv(read_graph(folder), out or str(Path(folder) / "neo4j-import"), database=database)
