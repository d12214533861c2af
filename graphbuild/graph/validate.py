"""Check a graph against the schema: labels, keys, property names and types,
relationship types and their endpoints. Returns readable problems; never mutates."""
from __future__ import annotations

import networkx as nx

from graphbuild.graph.schema import SCALAR_TYPES, PropertySpec, Schema


def validate_graph(graph: nx.MultiDiGraph, schema: Schema) -> list[str]:
    problems: list[str] = []
    for node_id, attrs in graph.nodes(data=True):
        labels = attrs.get("labels") or []
        known = [label for label in labels if label in schema.nodes]
        if not known:
            problems.append(f"node {node_id!r}: expected a label from {sorted(schema.nodes)}, found {labels}")
            continue
        keyed = [label for label in known if schema.nodes[label].key]
        node_type = schema.nodes[(keyed or known)[0]]
        if not str(node_id).startswith(node_type.id_prefix):
            problems.append(f"node {node_id!r}: expected an id starting {node_type.id_prefix!r}")
        props = {k: v for k, v in attrs.items() if k != "labels"}
        props["id"] = node_id
        problems.extend(f"node {node_id!r}: {p}" for p in check_properties(props, node_type.properties))
    for source, target, attrs in graph.edges(data=True):
        rel_type = attrs.get("type")
        spec = schema.relationships.get(rel_type)
        where = f"edge {source!r} -[{rel_type}]-> {target!r}"
        if spec is None:
            problems.append(f"{where}: expected a type from {sorted(schema.relationships)}")
            continue
        source_labels = set(graph.nodes[source].get("labels", []))
        target_labels = set(graph.nodes[target].get("labels", []))
        if not source_labels & set(spec.sources):
            problems.append(f"{where}: expected the source to be one of {list(spec.sources)}, found {sorted(source_labels)}")
        if not target_labels & set(spec.targets):
            problems.append(f"{where}: expected the target to be one of {list(spec.targets)}, found {sorted(target_labels)}")
        props = {k: v for k, v in attrs.items() if k != "type"}
        problems.extend(f"{where}: {p}" for p in check_properties(props, spec.properties))
    return problems


def check_properties(props: dict, specs: dict[str, PropertySpec]) -> list[str]:
    problems = []
    for name, spec in specs.items():
        if spec.required and props.get(name) is None:
            problems.append(f"expected property {name!r} ({spec.type}), found none")
    for name, value in props.items():
        spec = specs.get(name)
        if spec is None:
            problems.append(f"found property {name!r}, which the schema does not define")
        elif value is not None and not _has_type(value, spec):
            problems.append(f"expected {name!r} to be {spec.type}, found {type(value).__name__} {value!r:.60}")
        elif spec.enum and value is not None:
            # For a list the enum holds for each item (Event.disputed names fields).
            outside = [v for v in (value if spec.is_list else [value]) if v not in spec.enum]
            if outside:
                found = outside if spec.is_list else outside[0]
                problems.append(f"expected {name!r} to be {'items of ' if spec.is_list else ''}one of "
                                f"{list(spec.enum)}, found {found!r}")
    return problems


def _has_type(value: object, spec: PropertySpec) -> bool:
    python_type = SCALAR_TYPES[spec.item_type]
    if spec.is_list:
        return isinstance(value, list) and all(_scalar_ok(v, python_type) for v in value)
    return _scalar_ok(value, python_type)


def _scalar_ok(value: object, python_type: type) -> bool:
    if python_type is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, python_type)
