"""Pure Cypher statement builders, driven by the graph schema.

Nothing here talks to a database. Every label, relationship type and property name
comes from :class:`~graphbuild.graph.schema.Schema` (checked to be a plain identifier),
and every data value travels in the ``$rows`` / ``$ids`` parameters, never in the text.

Schema statements differ per database (Neo4j 5 DDL vs FalkorDB's index + constraint
commands); data statements are shared.

>>> from graphbuild.graph.schema import load_schema
>>> print(node_upsert(load_schema(), "Person"))
UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET n += row.props
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graphbuild.errors import ConfigError
from graphbuild.graph.schema import NodeType, Schema

#: The label of the documents that own evidence relationships (MENTIONS, REPORTS, …).
ARTICLE_LABEL = "Article"
#: The property that recognises an unchanged article.
CONTENT_HASH = "sha256"
#: Article property the loader sets: a hash of every relationship the article owns
#: (MENTIONS, REPORTS), as last loaded. Cross-article resolution can change an
#: article's evidence while its text stays the same (another outlet gives the meeting a
#: place, so the event gets a new id); such an article is reloaded too.
LOADED_HASH = "loaded_sha256"
#: A node property that counts the distinct articles giving evidence for the node;
#: recomputed in the database after every load or delete (labels that have it).
SOURCE_COUNT = "source_count"
#: A relationship property listing the text that supports it, ``article_id:start-end``.
EVIDENCE = "evidence"
#: Properties that get a (non-unique) index when a label has them: Browser queries
#: look people up by name and events by date.
INDEXED_PROPERTIES = ("name", "date")
#: FalkorDB's schema statements that are commands rather than Cypher start with this.
FALKORDB_COMMAND_PREFIX = "GRAPH."

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def identifier(name: str, what: str = "identifier") -> str:
    """``name`` if it is a plain Cypher identifier, else :class:`ConfigError`.

    Labels, types and property names are written into statements unquoted, so the
    schema is held to letters, digits and underscores.
    """
    if not isinstance(name, str) or not _IDENTIFIER.match(name):
        raise ConfigError(f"schemas/graph.schema.json: expected a {what} of letters, digits and _, found {name!r}")
    return name


def node_key(node_type: NodeType) -> str | None:
    """The key property of a node type (``id``), or None for a type without one
    (a kind label such as ``Meeting`` that only qualifies another label)."""
    key = getattr(node_type, "key", None)
    return identifier(key, "key property") if key else None


def keyed_labels(schema: Schema) -> list[str]:
    """Labels that carry a key, in schema order: each gets a uniqueness constraint."""
    return [identifier(label, "label") for label, spec in schema.nodes.items() if node_key(spec)]


def merge_label(schema: Schema, labels: Sequence[str]) -> str | None:
    """The label a node is MERGEd on: the first of ``labels`` that the schema keys."""
    for label in labels:
        spec = schema.nodes.get(label)
        if spec is not None and node_key(spec):
            return label
    return None


def constraint_name(label: str, key: str) -> str:
    return f"{label.lower()}_{key}_unique"


def index_name(label: str, prop: str) -> str:
    return f"{label.lower()}_{prop}_index"


def _indexed(schema: Schema) -> list[tuple[str, str]]:
    pairs = []
    for label in keyed_labels(schema):
        for prop in INDEXED_PROPERTIES:
            if prop in schema.nodes[label].properties and prop != node_key(schema.nodes[label]):
                pairs.append((label, identifier(prop, "property name")))
    return pairs


def neo4j_schema_statements(schema: Schema) -> list[str]:
    """Neo4j 5 DDL: a uniqueness constraint on every keyed label, then indexes.

    Every statement is idempotent (``IF NOT EXISTS``).
    """
    statements = []
    for label in keyed_labels(schema):
        key = node_key(schema.nodes[label])
        statements.append(f"CREATE CONSTRAINT {constraint_name(label, key)} IF NOT EXISTS "
                          f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE")
    for label, prop in _indexed(schema):
        statements.append(f"CREATE INDEX {index_name(label, prop)} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return statements


def falkordb_schema_statements(schema: Schema, graph_name: str) -> list[str]:
    """FalkorDB's schema: a range index on each key, then the unique constraint
    (a ``GRAPH.CONSTRAINT`` command, which needs the index first), then indexes.

    FalkorDB has no ``IF NOT EXISTS``: the store treats "already indexed" and
    "already exists" answers as success.
    """
    graph_name = identifier(graph_name, "graph name")
    statements = []
    for label in keyed_labels(schema):
        key = node_key(schema.nodes[label])
        statements.append(f"CREATE INDEX FOR (n:{label}) ON (n.{key})")
        statements.append(f"{FALKORDB_COMMAND_PREFIX}CONSTRAINT CREATE {graph_name} UNIQUE NODE {label} PROPERTIES 1 {key}")
    for label, prop in _indexed(schema):
        statements.append(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
    return statements


def node_upsert(schema: Schema, label: str, extra_labels: Iterable[str] = ()) -> str:
    """MERGE nodes of ``label`` on their key; add ``extra_labels``; set properties.

    Rows are ``{"id": key value, "props": {…}}``.
    """
    spec = schema.nodes.get(label)
    if spec is None or not node_key(spec):
        raise ConfigError(f"expected a keyed label from {keyed_labels(schema)}, found {label!r}")
    key = node_key(spec)
    extra = [identifier(x, "label") for x in extra_labels if x != label]
    for x in extra:
        if x not in schema.nodes:
            raise ConfigError(f"expected labels from {sorted(schema.nodes)}, found {x!r}")
    text = f"UNWIND $rows AS row MERGE (n:{identifier(label, 'label')} {{{key}: row.id}})"
    if extra:
        text += " SET " + ", ".join(f"n:{x}" for x in extra)
    return text + " SET n += row.props"


def relationship_upsert(schema: Schema, rel_type: str, source_label: str, target_label: str) -> str:
    """MERGE relationships of ``rel_type`` between nodes matched by label and key.

    Rows are ``{"source": key, "target": key, "props": {…}}``. A type whose schema
    entry has a ``key`` (HOLDS_OFFICE: ``["title"]``) is merged on those properties
    too, so one pair of nodes can hold several of them.
    """
    spec = schema.relationships.get(rel_type)
    if spec is None:
        raise ConfigError(f"expected a relationship type from {sorted(schema.relationships)}, found {rel_type!r}")
    source_key = node_key(schema.nodes[source_label]) if source_label in schema.nodes else None
    target_key = node_key(schema.nodes[target_label]) if target_label in schema.nodes else None
    if not source_key or not target_key:
        raise ConfigError(f"expected keyed labels for {rel_type} endpoints, found {source_label!r} -> {target_label!r}")
    return (f"UNWIND $rows AS row "
            f"MATCH (a:{identifier(source_label, 'label')} {{{source_key}: row.source}}) "
            f"MATCH (b:{identifier(target_label, 'label')} {{{target_key}: row.target}}) "
            f"MERGE (a)-[r:{identifier(rel_type, 'relationship type')}{_merge_map(relationship_key(spec))}]->(b) "
            f"SET r += row.props")


def relationship_key(spec) -> tuple[str, ...]:
    """The properties that identify a relationship of this type beyond its endpoints."""
    return tuple(identifier(name, "property name") for name in getattr(spec, "key", ()) or ())


def _merge_map(names: tuple[str, ...]) -> str:
    if not names:
        return ""
    return " {" + ", ".join(f"{name}: row.props.{name}" for name in names) + "}"


def evidence_types(schema: Schema) -> list[str]:
    """Relationship types an article owns (those whose source is ``Article``):
    replaced when the article changes, and the evidence that keeps entities alive."""
    return [identifier(t, "relationship type") for t, spec in schema.relationships.items()
            if ARTICLE_LABEL in spec.sources]


def evidence_target_labels(schema: Schema) -> list[str]:
    """Keyed labels that can lose their evidence (targets of the evidence types)."""
    targets: list[str] = []
    for rel_type in evidence_types(schema):
        for label in schema.relationships[rel_type].targets:
            if label not in targets and label in schema.nodes and node_key(schema.nodes[label]):
                targets.append(label)
    return targets


def _article_key(schema: Schema) -> str:
    spec = schema.nodes.get(ARTICLE_LABEL)
    if spec is None or not node_key(spec):
        raise ConfigError(f"expected a keyed {ARTICLE_LABEL!r} label in the schema, found {sorted(schema.nodes)}")
    return node_key(spec)


def article_hashes(schema: Schema) -> str:
    """Read the stored content hash of the given articles (``$ids``)."""
    key = _article_key(schema)
    return (f"UNWIND $ids AS item MATCH (a:{ARTICLE_LABEL} {{{key}: item}}) "
            f"RETURN a.{key} AS id, a.{CONTENT_HASH} AS sha256, a.{LOADED_HASH} AS loaded")


def set_content_hash(schema: Schema) -> str:
    """Store the articles' content and loaded hashes (rows ``{"id", "sha256",
    "loaded_sha256"}``). Run last, so an interrupted load leaves the old hashes and the
    next load redoes the article."""
    key = _article_key(schema)
    return (f"UNWIND $rows AS row MATCH (a:{ARTICLE_LABEL} {{{key}: row.id}}) "
            f"SET a.{CONTENT_HASH} = row.{CONTENT_HASH}, a.{LOADED_HASH} = row.{LOADED_HASH}")


def article_evidence_targets(schema: Schema) -> str:
    """The nodes the given articles (``$ids``) hold evidence for, with their labels."""
    key = _article_key(schema)
    types = "|".join(evidence_types(schema))
    return (f"UNWIND $ids AS item MATCH (a:{ARTICLE_LABEL} {{{key}: item}})-[:{types}]->(n) "
            f"RETURN DISTINCT labels(n) AS labels, n.id AS id")


def delete_article_evidence(schema: Schema) -> str:
    """Delete every relationship the given articles (``$ids``) own."""
    key = _article_key(schema)
    types = "|".join(evidence_types(schema))
    return f"UNWIND $ids AS item MATCH (a:{ARTICLE_LABEL} {{{key}: item}})-[r:{types}]->() DELETE r"


def delete_articles(schema: Schema) -> str:
    """Delete the given articles (``$ids``) and all their relationships."""
    key = _article_key(schema)
    return f"UNWIND $ids AS item MATCH (a:{ARTICLE_LABEL} {{{key}: item}}) DETACH DELETE a"


def delete_orphans(schema: Schema, label: str) -> str:
    """Delete every node of ``label`` that no article holds evidence for.

    A scan of the label, on purpose: it also catches what an interrupted earlier load
    or delete left behind (nodes that lost their evidence but were not yet swept).
    """
    types = "|".join(evidence_types(schema))
    return (f"MATCH (n:{identifier(label, 'label')}) "
            f"OPTIONAL MATCH (n)<-[e:{types}]-() WITH n, count(e) AS evidence "
            f"WHERE evidence = 0 DETACH DELETE n")


def evidence_carrying_types(schema: Schema) -> list[str]:
    """Derived relationship types (not owned by an article) that list their evidence
    as ``article_id:start-end`` strings in :data:`EVIDENCE` (HOLDS_OFFICE, PARTICIPATED_IN)."""
    owned = set(evidence_types(schema))
    return [identifier(t, "relationship type") for t, spec in schema.relationships.items()
            if t not in owned and EVIDENCE in spec.properties and spec.properties[EVIDENCE].type == "string[]"]


def evidence_lists(schema: Schema, rel_type: str) -> str:
    """Every ``rel_type`` relationship: the keys of its ends, its key properties and its
    :data:`EVIDENCE` list (the ends' labels follow from their id prefixes, which the
    loader checks on every node it writes: :func:`label_of`).

    The loader takes the items of changed or deleted articles out of these lists in
    Python, with a set, and writes back only the lists that changed
    (:func:`set_evidence`): one pass over the type per load, however many articles
    changed (a test per item against a list of articles in Cypher would cost items ×
    articles)."""
    spec = _relationship_spec(schema, rel_type)
    source_key, target_key = _endpoint_key(schema, spec.sources), _endpoint_key(schema, spec.targets)
    keys = "".join(f", r.{name} AS {name}" for name in relationship_key(spec))
    return (f"MATCH (a)-[r:{identifier(rel_type, 'relationship type')}]->(b) "
            f"RETURN a.{source_key} AS source, b.{target_key} AS target{keys}, r.{EVIDENCE} AS evidence")


def label_of(schema: Schema, node_id: str, labels: Sequence[str]) -> str | None:
    """The one of ``labels`` (keyed labels of the schema) whose id prefix ``node_id``
    has, or None."""
    found = [label for label in labels if label in schema.nodes and node_key(schema.nodes[label])
             and schema.nodes[label].id_prefix and node_id.startswith(schema.nodes[label].id_prefix)]
    return max(found, key=lambda label: len(schema.nodes[label].id_prefix)) if found else None


def set_evidence(schema: Schema, rel_type: str, source_label: str, target_label: str) -> str:
    """Replace the :data:`EVIDENCE` list of given ``rel_type`` relationships (rows
    ``{"source", "target", "key": {…}, "evidence": [...]}``), matched by their ends'
    label and key and by the type's key properties."""
    spec = _relationship_spec(schema, rel_type)
    source_key, target_key = node_key(schema.nodes[source_label]), node_key(schema.nodes[target_label])
    keys = relationship_key(spec)
    pattern = " {" + ", ".join(f"{name}: row.key.{name}" for name in keys) + "}" if keys else ""
    return (f"UNWIND $rows AS row MATCH (a:{identifier(source_label, 'label')} {{{source_key}: row.source}})"
            f"-[r:{identifier(rel_type, 'relationship type')}{pattern}]->"
            f"(b:{identifier(target_label, 'label')} {{{target_key}: row.target}}) SET r.{EVIDENCE} = row.evidence")


def _relationship_spec(schema: Schema, rel_type: str):
    spec = schema.relationships.get(rel_type)
    if spec is None:
        raise ConfigError(f"expected a relationship type from {sorted(schema.relationships)}, found {rel_type!r}")
    return spec


def _endpoint_key(schema: Schema, labels: Sequence[str]) -> str:
    keys = {node_key(schema.nodes[label]) for label in labels if label in schema.nodes}
    keys.discard(None)
    if len(keys) != 1:
        raise ConfigError(f"expected one key property for the labels {list(labels)}, found {sorted(keys)}")
    return keys.pop()


def delete_unevidenced(schema: Schema, rel_type: str) -> str:
    """Delete ``rel_type`` relationships left with an empty evidence list."""
    return delete_emptied(rel_type, EVIDENCE)


def delete_emptied(rel_type: str, prop: str) -> str:
    """Delete ``rel_type`` relationships whose list ``prop`` is empty."""
    return (f"MATCH ()-[r:{identifier(rel_type, 'relationship type')}]->() "
            f"WHERE size(r.{identifier(prop, 'property')}) = 0 DELETE r")


def reference_lists(schema: Schema) -> list[tuple[str, str, str, list[str]]]:
    """(relationship type, list property, referenced label, parallel list properties) for
    every relationship property the schema marks as a list of node ids (MET.event_ids
    → Event, with dates parallel to it)."""
    found = []
    for rel_type, spec in schema.relationships.items():
        for name, prop in spec.properties.items():
            if prop.references is not None and prop.is_list:
                parallel = [other for other, p in spec.properties.items() if other != name and p.is_list]
                found.append((identifier(rel_type, "relationship type"), identifier(name, "property"),
                              identifier(prop.references, "label"),
                              [identifier(other, "property") for other in parallel]))
    return found


def prune_references(schema: Schema, rel_type: str, prop: str, label: str, parallel: Sequence[str]) -> str:
    """Drop from ``rel_type``'s ``prop`` list the ids of ``label`` nodes that no longer
    exist, and the items at the same positions of the ``parallel`` lists."""
    key = node_key(schema.nodes[label])
    sets = ", ".join(f"r.{name} = [i IN kept | r.{name}[i]]" for name in (prop, *parallel))
    return (f"MATCH ()-[r:{rel_type}]->() "
            f"OPTIONAL MATCH (n:{label}) WHERE n.{key} IN r.{prop} "
            f"WITH r, collect(n.{key}) AS alive WHERE size(alive) < size(r.{prop}) "
            f"WITH r, [i IN range(0, size(r.{prop}) - 1) WHERE r.{prop}[i] IN alive] AS kept "
            f"SET {sets}")



def source_counted_labels(schema: Schema) -> list[str]:
    """Keyed labels whose nodes carry :data:`SOURCE_COUNT`."""
    return [label for label in keyed_labels(schema) if SOURCE_COUNT in schema.nodes[label].properties]


def recount_sources(schema: Schema, label: str) -> str:
    """Set :data:`SOURCE_COUNT` of the given nodes (``$ids``) to the number of distinct
    articles that hold evidence for them."""
    key = node_key(schema.nodes[label])
    types = "|".join(evidence_types(schema))
    return (f"UNWIND $ids AS item MATCH (n:{identifier(label, 'label')} {{{key}: item}}) "
            f"OPTIONAL MATCH (a:{ARTICLE_LABEL})-[:{types}]->(n) "
            f"WITH n, count(DISTINCT a) AS sources SET n.{SOURCE_COUNT} = sources")


def count_nodes(label: str) -> str:
    """Count the nodes of one label (used by tests and the report)."""
    return f"MATCH (n:{identifier(label, 'label')}) RETURN count(n) AS count"


def count_relationships(rel_type: str) -> str:
    """Count the relationships of one type."""
    return f"MATCH ()-[r:{identifier(rel_type, 'relationship type')}]->() RETURN count(r) AS count"


# --------------------------------------------------------------------------- the catalogue

@dataclass(frozen=True)
class Statement:
    """One statement a builder produces, with the parameters it is run with."""

    builder: str  # the function of this module that builds it
    text: str
    parameters: tuple[str, ...]  # names of its ``$parameters``
    what: str  # the label, type or endpoints it is for


def catalogue(schema: Schema) -> list[Statement]:
    """Every statement the builders of this module can produce for ``schema`` (Neo4j
    dialect): each schema statement, each upsert for every keyed label (with every kind
    label) and every (type, source, target) the schema allows, and each incremental and
    delete statement for every label or type it applies to. Deduplicated, in a stable
    order. The Cypher front-end check (tests/cypher_lint) lints all of them, and a test
    there holds this list to every public builder of the module.
    """
    out: dict[str, Statement] = {}

    def add(builder, text: str, parameters: tuple[str, ...], what: str) -> None:
        out.setdefault(text, Statement(builder.__name__, text, parameters, what))

    for text in neo4j_schema_statements(schema):
        add(neo4j_schema_statements, text, (), "schema")
    kind_labels = [label for label, spec in schema.nodes.items() if not node_key(spec)]
    for label in keyed_labels(schema):
        add(node_upsert, node_upsert(schema, label), ("rows",), label)
        for kind in kind_labels:  # a kind label with the label it qualifies (any, if the schema does not say)
            if schema.nodes[kind].kind_of in (None, label):
                add(node_upsert, node_upsert(schema, label, [kind]), ("rows",), f"{label}:{kind}")
        add(count_nodes, count_nodes(label), (), label)
    for label in kind_labels:
        add(count_nodes, count_nodes(identifier(label, "label")), (), label)
    for rel_type, spec in schema.relationships.items():
        for source in spec.sources:
            for target in spec.targets:
                if merge_label(schema, [source]) and merge_label(schema, [target]):
                    add(relationship_upsert, relationship_upsert(schema, rel_type, source, target), ("rows",),
                        f"{rel_type} {source}->{target}")
        add(count_relationships, count_relationships(rel_type), (), rel_type)
    add(article_hashes, article_hashes(schema), ("ids",), ARTICLE_LABEL)
    add(set_content_hash, set_content_hash(schema), ("rows",), ARTICLE_LABEL)
    add(article_evidence_targets, article_evidence_targets(schema), ("ids",), ARTICLE_LABEL)
    add(delete_article_evidence, delete_article_evidence(schema), ("ids",), ARTICLE_LABEL)
    add(delete_articles, delete_articles(schema), ("ids",), ARTICLE_LABEL)
    for label in evidence_target_labels(schema):
        add(delete_orphans, delete_orphans(schema, label), (), label)
    for rel_type in evidence_carrying_types(schema):
        add(evidence_lists, evidence_lists(schema, rel_type), (), rel_type)
        spec = schema.relationships[rel_type]
        for source in spec.sources:
            for target in spec.targets:
                if merge_label(schema, [source]) and merge_label(schema, [target]):
                    add(set_evidence, set_evidence(schema, rel_type, source, target), ("rows",),
                        f"{rel_type} {source}->{target}")
        add(delete_unevidenced, delete_unevidenced(schema, rel_type), (), rel_type)
    for rel_type, prop, label, parallel in reference_lists(schema):
        add(prune_references, prune_references(schema, rel_type, prop, label, parallel), (), f"{rel_type}.{prop}")
        add(delete_emptied, delete_emptied(rel_type, prop), (), f"{rel_type}.{prop}")
    for label in source_counted_labels(schema):
        add(recount_sources, recount_sources(schema, label), ("ids",), label)
    return list(out.values())


def catalogue_text(schema: Schema) -> str:
    """:func:`catalogue` as one Cypher script: each builder's statements after a
    ``// builder ($parameters)`` line, each ended by ``;``. What ``graphbuild schema
    --cypher`` prints and docs/neo4j.md quotes."""
    lines, builder = [], None
    for statement in sorted(catalogue(schema), key=lambda s: _BUILDER_ORDER.get(s.builder, len(_BUILDER_ORDER))):
        if statement.builder != builder:
            builder = statement.builder
            parameters = ", ".join(f"${name}" for name in statement.parameters)
            lines.append(f"// {builder}" + (f" ({parameters})" if parameters else ""))
        lines.append(statement.text + ";")
    return "\n".join(lines) + "\n"


# The order a load or delete runs them in (sorted() keeps the catalogue order within one).
_BUILDER_ORDER = {name: i for i, name in enumerate([
    "neo4j_schema_statements", "article_hashes", "article_evidence_targets", "delete_article_evidence",
    "evidence_lists", "set_evidence", "delete_unevidenced", "node_upsert", "relationship_upsert", "delete_orphans",
    "prune_references", "delete_emptied", "recount_sources", "set_content_hash", "delete_articles",
    "count_nodes", "count_relationships"])}
