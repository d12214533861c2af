"""The graph vocabulary, read from ``schemas/graph.schema.json``.

Everything that names a label, a relationship type or a property (validation, Cypher
statements, docs) takes it from here, never from data.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

SCALAR_TYPES = {"string": str, "integer": int, "boolean": bool, "date": str}


@dataclass(frozen=True, slots=True)
class PropertySpec:
    name: str
    type: str  # string | integer | boolean | date | string[] | integer[]
    required: bool = False
    enum: tuple[str, ...] | None = None
    description: str = ""
    # For a list of node ids (MET.event_ids): the label of those nodes. The loader prunes
    # ids whose node is gone, with the items of the relationship's other lists.
    references: str | None = None

    @property
    def is_list(self) -> bool:
        return self.type.endswith("[]")

    @property
    def item_type(self) -> str:
        return self.type.removesuffix("[]")


@dataclass(frozen=True, slots=True)
class NodeType:
    label: str
    key: str | None  # None for a kind label (Meeting) that only qualifies a keyed label (Event)
    id_prefix: str
    description: str
    properties: dict[str, PropertySpec]
    # For a kind label: the keyed label it qualifies (Meeting -> Event).
    kind_of: str | None = None


@dataclass(frozen=True, slots=True)
class RelationshipType:
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    description: str
    properties: dict[str, PropertySpec]
    # Properties that, with type and endpoints, identify one relationship when a pair of
    # nodes can have several of this type (HOLDS_OFFICE: one per title). Loaders MERGE on them.
    key: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Schema:
    version: int
    nodes: dict[str, NodeType]
    relationships: dict[str, RelationshipType]


def _properties(raw: dict) -> dict[str, PropertySpec]:
    return {
        name: PropertySpec(name, spec["type"], spec.get("required", False),
                           tuple(spec["enum"]) if "enum" in spec else None, spec.get("description", ""),
                           spec.get("references"))
        for name, spec in raw.items()
    }


def parse_schema(raw: dict) -> Schema:
    nodes = {
        label: NodeType(label, spec.get("key"), spec.get("id_prefix", ""), spec.get("description", ""),
                        _properties(spec.get("properties", {})), spec.get("kind_of"))
        for label, spec in raw["nodes"].items()
    }
    relationships = {
        rel: RelationshipType(rel, tuple(spec["from"]), tuple(spec["to"]), spec.get("description", ""),
                              _properties(spec["properties"]), tuple(spec.get("key", ())))
        for rel, spec in raw["relationships"].items()
    }
    return Schema(raw["version"], nodes, relationships)


@functools.lru_cache(maxsize=1)
def load_schema() -> Schema:
    """The schema shipped with graphbuild (``schemas/graph.schema.json``)."""
    text = resources.files("graphbuild").joinpath("schemas/graph.schema.json").read_text("utf-8")
    return parse_schema(json.loads(text))
