"""Load a built graph into a graph database: schema first, then nodes, then relationships.

graph → rows (each checked against the schema; violations reported, never written)
→ batches (``UNWIND $rows``) → counters summed into a :class:`LoadReport`.

Incremental by article content hash: an Article whose ``sha256`` is already stored
is skipped with everything it owns; one whose hash changed first loses its old
evidence relationships (MENTIONS, REPORTS, … every type the schema lets an Article
own), and entities left without evidence afterwards are deleted. :func:`delete_articles`
removes articles and then the entities and events nothing else gives evidence for.
Everything here is generic over the schema.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphbuild.graph.schema import PropertySpec, Schema, load_schema
from graphbuild.graph.validate import check_properties
from graphbuild.sinks import cypher
from graphbuild.sinks.store import Counters, GraphStore

DEFAULT_BATCH_SIZE = 1000


@dataclass
class Step:
    """One data statement and the rows it is run with (in batches)."""

    statement: str
    rows: list[dict[str, Any]]
    kind: str  # "node" | "relationship"
    what: str  # e.g. "Person" or "MENTIONS Article->Person", for progress and reports
    rel_type: str = ""  # for relationship steps


@dataclass
class LoadPlan:
    """Everything to write, before any database is involved."""

    nodes: list[Step]
    relationships: list[Step]
    violations: list[str]
    #: Article key → content hash, for the incremental check.
    article_hashes: dict[str, str]
    #: Article key → hash of the article's owned relationship rows (MENTIONS, REPORTS).
    loaded_hashes: dict[str, str] = field(default_factory=dict)


@dataclass
class LoadReport:
    """What a load (or a delete) did."""

    target: str = ""
    counters: Counters = field(default_factory=Counters)
    schema_statements: int = 0
    statements: int = 0
    batches: int = 0
    node_rows: int = 0
    relationship_rows: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    articles_deleted: int = 0
    articles_not_found: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)


Progress = Callable[[str], None]


# --------------------------------------------------------------------------- planning

def plan_load(graph: nx.MultiDiGraph, schema: Schema | None = None) -> LoadPlan:
    """Turn a graph into validated rows grouped by statement. Pure."""
    schema = schema or load_schema()
    violations: list[str] = []
    node_groups: dict[tuple[str, tuple[str, ...]], list[dict]] = defaultdict(list)
    merge_labels: dict[str, str] = {}
    hashes: dict[str, str] = {}
    for node_id, attrs in graph.nodes(data=True):
        labels = list(attrs.get("labels") or [])
        problems, label = _check_node(schema, node_id, labels, attrs)
        if problems:
            violations.extend(f"node {node_id!r}: {p}" for p in problems)
            continue
        props = row_properties(attrs, _node_specs(schema, labels), skip=(cypher.node_key(schema.nodes[label]),))
        extra = tuple(x for x in labels if x != label)
        node_groups[(label, extra)].append({"id": node_id, "props": props})
        merge_labels[node_id] = label
        if label == cypher.ARTICLE_LABEL and isinstance(props.get(cypher.CONTENT_HASH), str):
            hashes[node_id] = props[cypher.CONTENT_HASH]

    rel_groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    identities: dict[tuple, int] = defaultdict(int)
    for source, target, attrs in graph.edges(data=True):
        spec = schema.relationships.get(attrs.get("type"))
        if spec is not None:
            identities[(source, spec.type, target) + tuple(attrs.get(k) for k in cypher.relationship_key(spec))] += 1
    for source, target, attrs in graph.edges(data=True):
        rel_type = attrs.get("type")
        where = f"edge {source!r} -[{rel_type}]-> {target!r}"
        problems = _check_edge(schema, graph, source, target, rel_type, attrs, merge_labels)
        if not problems:
            spec = schema.relationships[rel_type]
            key = cypher.relationship_key(spec)
            missing = [k for k in key if attrs.get(k) is None]
            if missing:
                problems.append(f"expected the key properties {list(key)}, found {missing} missing")
            elif identities[(source, rel_type, target) + tuple(attrs.get(k) for k in key)] > 1:
                problems.append(f"expected one {rel_type} per pair of nodes"
                                + (f" and {list(key)}" if key else " (the schema gives it no key)")
                                + ", found several: none written")
        if problems:
            violations.extend(f"{where}: {p}" for p in problems)
            continue
        props = row_properties(attrs, schema.relationships[rel_type].properties)
        rel_groups[(rel_type, merge_labels[source], merge_labels[target])].append(
            {"source": source, "target": target, "props": props})

    nodes = [Step(cypher.node_upsert(schema, label, extra), rows, "node", ":".join((label,) + extra))
             for (label, extra), rows in sorted(node_groups.items())]
    loaded = _loaded_hashes(rel_groups, set(hashes), set(cypher.evidence_types(schema)))
    relationships = [Step(cypher.relationship_upsert(schema, t, s, d), rows, "relationship", f"{t} {s}->{d}", t)
                     for (t, s, d), rows in sorted(rel_groups.items())]
    return LoadPlan(nodes, relationships, violations, hashes, loaded)


def row_properties(attrs: dict, specs: dict[str, PropertySpec], skip: Sequence[str] = ()) -> dict[str, Any]:
    """The properties a row writes: every property the schema gives the node or
    relationship, ``None`` (null) when the build has no value for it or an empty list.

    A property whose value is null or an empty list is not stored: ``SET n += props``
    removes it, so a value an earlier build left behind goes too, and the database
    holds what Neo4j's bulk importer makes of the same build (it stores no property for
    an empty field or an empty array). The loader's own :data:`~graphbuild.sinks.cypher.LOADED_HASH`
    is left out (it is written last, by the loader)."""
    props: dict[str, Any] = {}
    for name in specs:
        if name in skip or name == cypher.LOADED_HASH:
            continue
        value = attrs.get(name)
        props[name] = None if value is None or (isinstance(value, list) and not value) else value
    return props


def _node_specs(schema: Schema, labels: Sequence[str]) -> dict[str, PropertySpec]:
    specs: dict[str, PropertySpec] = {}
    for label in labels:
        specs.update(schema.nodes[label].properties)
    return specs


def _loaded_hashes(rel_groups: dict, articles: set[str], owned: set[str]) -> dict[str, str]:
    """Per article: sha256 over the rows of the relationships it owns, in a canonical
    order. Equal only if loading the article again would write the same evidence."""
    parts: dict[str, list[str]] = {article: [] for article in articles}
    for (rel_type, _, _), rows in rel_groups.items():
        if rel_type in owned:
            for row in rows:
                if row["source"] in parts:
                    stored = {k: v for k, v in row["props"].items() if v is not None}
                    parts[row["source"]].append(
                        json.dumps([rel_type, row["target"], stored], sort_keys=True, default=str))
    return {article: hashlib.sha256("\n".join(sorted(items)).encode("utf-8")).hexdigest()
            for article, items in parts.items()}


def _check_node(schema: Schema, node_id: Any, labels: list[str], attrs: dict) -> tuple[list[str], str | None]:
    unknown = [x for x in labels if x not in schema.nodes]
    if unknown:
        return [f"expected labels from {sorted(schema.nodes)}, found {unknown}"], None
    label = cypher.merge_label(schema, labels)
    if label is None:
        return [f"expected one of the keyed labels {cypher.keyed_labels(schema)}, found {labels}"], None
    if not isinstance(node_id, str) or not node_id:
        return [f"expected a non-empty string id, found {node_id!r}"], None
    prefix = getattr(schema.nodes[label], "id_prefix", "")
    if prefix and not node_id.startswith(prefix):
        return [f"expected an id starting {prefix!r}"], label
    specs = _node_specs(schema, labels)
    props = {k: v for k, v in attrs.items() if k != "labels"}
    props[cypher.node_key(schema.nodes[label])] = node_id
    return check_properties(props, specs), label


def _check_edge(schema: Schema, graph: nx.MultiDiGraph, source: Any, target: Any, rel_type: Any,
                attrs: dict, merge_labels: dict[str, str]) -> list[str]:
    spec = schema.relationships.get(rel_type)
    if spec is None:
        return [f"expected a type from {sorted(schema.relationships)}"]
    problems = []
    for end, node, allowed in (("source", source, spec.sources), ("target", target, spec.targets)):
        if node not in merge_labels:
            problems.append(f"expected a valid {end} node, found {node!r} missing or invalid (not written)")
            continue
        labels = set(graph.nodes[node].get("labels", []))
        if not labels & set(allowed):
            problems.append(f"expected the {end} to be one of {list(allowed)}, found {sorted(labels)}")
    props = {k: v for k, v in attrs.items() if k != "type"}
    return problems + check_properties(props, spec.properties)


def plan_statements(plan: LoadPlan, schema_statements: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE
                    ) -> list[tuple[str, str]]:
    """``(statement, comment)`` pairs in the order a load runs them, for ``--dry-run``."""
    out = [(s, "schema") for s in schema_statements]
    for step in plan.nodes + plan.relationships:
        batches = -(-len(step.rows) // batch_size)
        out.append((step.statement, f"{step.what}: {len(step.rows)} rows in {batches} batch(es)"))
    return out


# --------------------------------------------------------------------------- writing

def load_graph(store: GraphStore, graph: nx.MultiDiGraph, *, schema: Schema | None = None,
               batch_size: int = DEFAULT_BATCH_SIZE, create_schema: bool = True, incremental: bool = True,
               progress: Progress | None = None) -> LoadReport:
    """Write ``graph`` into ``store``; returns the summed counters and what was skipped.

    Rows that break the schema are listed in ``report.violations`` and not written.
    """
    if batch_size < 1:
        raise ValueError(f"expected a batch size of at least 1, found {batch_size}")
    schema = schema or load_schema()
    say = progress or (lambda message: None)
    report = LoadReport(target=store.where)
    if create_schema:
        report.schema_statements = store.apply_schema(store.schema_statements())
        say(f"schema: {report.schema_statements} statements")
    plan = plan_load(graph, schema)
    report.violations = plan.violations

    touched: list[dict] = []
    if incremental and plan.article_hashes:
        unchanged, changed = _compare_articles(store, schema, plan, batch_size)
        report.articles_unchanged = len(unchanged)
        report.articles_changed = len(changed)
        report.articles_new = len(plan.article_hashes) - len(unchanged) - len(changed)
        if unchanged:
            _drop_owned_rows(plan, schema, unchanged)
            say(f"articles: {len(unchanged)} unchanged (skipped)")
        if changed:
            ids = sorted(changed)
            touched = _read_batched(store, cypher.article_evidence_targets(schema), ids, batch_size)
            _write_batched(store, cypher.delete_article_evidence(schema), ids, batch_size, report, param="ids")
            _strip_evidence(store, schema, ids, batch_size, report)
            say(f"articles: {len(changed)} changed (old evidence removed)")
    else:
        report.articles_new = len(plan.article_hashes)

    # The content hash is written after everything else: if the load stops half way,
    # the article still looks changed next time and is redone.
    hashes = []
    for step in plan.nodes:
        for row in step.rows:
            if row["id"] in plan.article_hashes and cypher.CONTENT_HASH in row["props"]:
                hashes.append({"id": row["id"], cypher.CONTENT_HASH: row["props"][cypher.CONTENT_HASH],
                               cypher.LOADED_HASH: plan.loaded_hashes.get(row["id"])})
                row["props"] = {k: v for k, v in row["props"].items() if k != cypher.CONTENT_HASH}
    for step in plan.nodes + plan.relationships:
        if step.kind == "node":
            report.node_rows += len(step.rows)
        else:
            report.relationship_rows += len(step.rows)
        if step.rows:
            _write_batched(store, step.statement, step.rows, batch_size, report)
            say(f"{step.kind}s {step.what}: {len(step.rows)} rows")
    if report.articles_changed:
        _delete_orphans(store, schema, report)
    loaded = [{"labels": [step.what.split(":")[0]], "id": row["id"]} for step in plan.nodes for row in step.rows]
    _recount_sources(store, schema, touched + loaded, batch_size, report)
    if hashes:
        _write_batched(store, cypher.set_content_hash(schema), hashes, batch_size, report)
    return report


def delete_articles(store: GraphStore, article_ids: Iterable[str], *, schema: Schema | None = None,
                    batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None) -> LoadReport:
    """Delete articles (ids with or without the ``article:`` prefix), then every node
    they gave evidence for that no other article does."""
    schema = schema or load_schema()
    say = progress or (lambda message: None)
    report = LoadReport(target=store.where)
    ids = sorted({article_key(schema, a) for a in article_ids})
    found = {row["id"] for row in _read_batched(store, cypher.article_hashes(schema), ids, batch_size)}
    report.articles_not_found = [a for a in ids if a not in found]
    present = [a for a in ids if a in found]
    touched = _read_batched(store, cypher.article_evidence_targets(schema), present, batch_size)
    if present:
        _write_batched(store, cypher.delete_articles(schema), present, batch_size, report, param="ids")
        report.articles_deleted = len(present)
        say(f"articles: {len(present)} deleted")
    # Also for ids not found: a delete that was interrupted is finished by running it again.
    _strip_evidence(store, schema, ids, batch_size, report)
    _delete_orphans(store, schema, report)
    _recount_sources(store, schema, touched, batch_size, report)
    return report


def article_key(schema: Schema, article_id: str) -> str:
    """The stored key of an article given as ``ID`` or ``article:ID``."""
    prefix = getattr(schema.nodes[cypher.ARTICLE_LABEL], "id_prefix", "")
    return article_id if article_id.startswith(prefix) else prefix + article_id


def _compare_articles(store: GraphStore, schema: Schema, plan: LoadPlan, batch_size: int
                      ) -> tuple[set[str], set[str]]:
    """Stored articles that would load the same (same text, same owned relationships)
    and those that would not."""
    stored = {row["id"]: (row["sha256"], row["loaded"])
              for row in _read_batched(store, cypher.article_hashes(schema), sorted(plan.article_hashes), batch_size)}
    unchanged = {a for a, h in stored.items() if h == (plan.article_hashes[a], plan.loaded_hashes.get(a))}
    changed = {a for a in stored if a not in unchanged}
    return unchanged, changed


def _drop_owned_rows(plan: LoadPlan, schema: Schema, articles: set[str]) -> None:
    """Leave out the relationships of articles whose evidence is already stored. Their
    node rows stay: one row each, and a moved file or a new title is still updated."""
    owned = set(cypher.evidence_types(schema))
    for step in plan.relationships:
        if step.rel_type in owned:
            step.rows = [r for r in step.rows if r["source"] not in articles]


def _delete_orphans(store: GraphStore, schema: Schema, report: LoadReport) -> None:
    """Delete nodes no article gives evidence for any more, then take their ids out of
    the lists that refer to them (MET.event_ids), deleting relationships left with none."""
    for label in cypher.evidence_target_labels(schema):
        report.counters += store.write(cypher.delete_orphans(schema, label), {})
        report.statements += 1
        report.batches += 1
    for rel_type, prop, label, parallel in cypher.reference_lists(schema):
        # Two statements: FalkorDB drops a SET followed by WITH … DELETE in one query.
        report.counters += store.write(cypher.prune_references(schema, rel_type, prop, label, parallel), {})
        report.counters += store.write(cypher.delete_emptied(rel_type, prop), {})
        report.statements += 2
        report.batches += 2


def _strip_evidence(store: GraphStore, schema: Schema, articles: Sequence[str], batch_size: int,
                    report: LoadReport) -> None:
    """Take the given articles' items out of derived relationships' evidence; delete
    those relationships left with none. One read of each type and one set lookup per
    item: linear in the evidence, whatever the number of articles."""
    prefix = getattr(schema.nodes[cypher.ARTICLE_LABEL], "id_prefix", "")
    gone = {a.removeprefix(prefix) for a in articles}
    for rel_type in cypher.evidence_carrying_types(schema):
        keys = cypher.relationship_key(schema.relationships[rel_type])
        updates: dict[tuple[str, str], list[dict]] = defaultdict(list)
        report.statements += 1
        report.batches += 1
        for row in store.read(cypher.evidence_lists(schema, rel_type)):
            evidence = list(row["evidence"] or [])
            kept = [item for item in evidence if evidence_article(item) not in gone]
            if len(kept) < len(evidence):
                spec = schema.relationships[rel_type]
                ends = (cypher.label_of(schema, row["source"], spec.sources),
                        cypher.label_of(schema, row["target"], spec.targets))
                if None in ends:  # not a node the loader wrote: nothing to match it by
                    continue
                updates[ends].append({"source": row["source"], "target": row["target"],
                                      "key": {name: row[name] for name in keys}, "evidence": kept})
        for (source_label, target_label), rows in sorted(updates.items()):
            _write_batched(store, cypher.set_evidence(schema, rel_type, source_label, target_label), rows,
                           batch_size, report)
        report.counters += store.write(cypher.delete_unevidenced(schema, rel_type), {})
        report.statements += 1
        report.batches += 1


def evidence_article(item: str) -> str:
    """The article id of an evidence item ``article_id:start-end`` (ids may hold ``:``).

    >>> evidence_article("wn:2018:12-40")
    'wn:2018'
    """
    return item.rpartition(":")[0]


def _recount_sources(store: GraphStore, schema: Schema, nodes: list[dict], batch_size: int,
                     report: LoadReport) -> None:
    """Recompute source counts of the given nodes (deleted ones simply do not match)."""
    counted = cypher.source_counted_labels(schema)
    by_label: dict[str, set[str]] = defaultdict(set)
    for row in nodes:
        label = cypher.merge_label(schema, row["labels"])
        if label in counted:
            by_label[label].add(row["id"])
    for label, ids in sorted(by_label.items()):
        _write_batched(store, cypher.recount_sources(schema, label), sorted(ids), batch_size, report, param="ids")


def _chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _write_batched(store: GraphStore, statement: str, rows: Sequence, batch_size: int, report: LoadReport,
                   *, param: str = "rows") -> None:
    report.statements += 1
    for chunk in _chunks(rows, batch_size):
        report.counters += store.write(statement, {param: list(chunk)})
        report.batches += 1


def _read_batched(store: GraphStore, statement: str, ids: Sequence[str], batch_size: int) -> list[dict]:
    rows: list[dict] = []
    for chunk in _chunks(ids, batch_size):
        rows.extend(store.read(statement, {"ids": list(chunk)}))
    return rows


# --------------------------------------------------------------------------- entry points for the CLI

def open_store(*, neo4j_uri: str | None = None, falkordb: str | None = None, database: str | None = None,
               graph_name: str | None = None, connect_timeout: float | None = None,
               progress: Progress | None = None) -> GraphStore:
    """Connect to exactly one of Neo4j (``neo4j_uri``; waits up to ``connect_timeout``
    seconds for it to answer) or FalkorDB (``falkordb``)."""
    from graphbuild.errors import ConfigError

    if bool(neo4j_uri) == bool(falkordb):
        raise ConfigError("expected exactly one of --neo4j-uri or --falkordb, found "
                          + ("both" if neo4j_uri else "neither"))
    if neo4j_uri:
        from graphbuild.sinks.neo4j import CONNECT_TIMEOUT_SECONDS, connect_neo4j

        return connect_neo4j(neo4j_uri, database, progress=progress,
                             connect_timeout=CONNECT_TIMEOUT_SECONDS if connect_timeout is None else connect_timeout)
    from graphbuild.sinks.falkordb import DEFAULT_GRAPH, connect_falkordb

    return connect_falkordb(falkordb, graph_name or DEFAULT_GRAPH)


def load_folder(folder: str, store: GraphStore, *, batch_size: int = DEFAULT_BATCH_SIZE,
                create_schema: bool = True, progress: Progress | None = None) -> LoadReport:
    """Load the ``graph.json`` written by ``graphbuild ingest`` into ``store`` and close it."""
    from graphbuild.sinks.files import read_graph

    graph = read_graph(folder)
    try:
        return load_graph(store, graph, batch_size=batch_size, create_schema=create_schema, progress=progress)
    finally:
        store.close()


def dry_run_text(folder: str, *, dialect: str = "neo4j", graph_name: str | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> str:
    """The statements a load of ``folder`` would run, without connecting anywhere."""
    from graphbuild.sinks.files import read_graph

    schema = load_schema()
    plan = plan_load(read_graph(folder), schema)
    if dialect == "falkordb":
        from graphbuild.sinks.falkordb import DEFAULT_GRAPH

        ddl = cypher.falkordb_schema_statements(schema, graph_name or DEFAULT_GRAPH)
    else:
        ddl = cypher.neo4j_schema_statements(schema)
    lines = [f"// {dialect}: schema, then nodes, then relationships; data goes in $rows"]
    for statement, comment in plan_statements(plan, ddl, batch_size):
        lines.append(f"// {comment}" if comment != "schema" else "")
        lines.append(statement + ";")
    lines = [line for line in lines if line]
    lines.extend(f"// not written (breaks the schema): {v}" for v in plan.violations)
    return "\n".join(lines)


def summary(report: LoadReport) -> str:
    """A few lines for stdout."""
    c = report.counters
    lines = [f"target: {report.target}"]
    if report.articles_deleted or report.articles_not_found:
        lines.append(f"articles: {report.articles_deleted} deleted, {len(report.articles_not_found)} not found"
                     + (f" ({', '.join(report.articles_not_found)})" if report.articles_not_found else ""))
    else:
        lines.append(f"articles: {report.articles_new} new, {report.articles_changed} changed, "
                     f"{report.articles_unchanged} unchanged (skipped)")
        lines.append(f"rows: {report.node_rows} nodes, {report.relationship_rows} relationships in "
                     f"{report.batches} batches; {len(report.violations)} not written (schema violations)")
    lines.append(f"created: {c.nodes_created} nodes, {c.relationships_created} relationships; "
                 f"properties set: {c.properties_set}; deleted: {c.nodes_deleted} nodes, "
                 f"{c.relationships_deleted} relationships")
    return "\n".join(lines)
