"""A store that records every statement the loader sends, in the Neo4j dialect.

It wraps a real store (the test FalkorDB): every ``write`` and ``read`` goes through
to it unchanged and is recorded with the names of its parameters. Schema statements
differ per database: the wrapped store applies its own, and the recording holds what
:class:`~graphbuild.sinks.neo4j.Neo4jStore` sends for the same step (its
``schema_statements()``; the class does no I/O before it is used).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphbuild.graph.schema import Schema
from graphbuild.sinks.neo4j import Neo4jStore


@dataclass
class Recording:
    #: statement -> names of the parameters it was sent with (every call's, merged)
    statements: dict[str, set[str]] = field(default_factory=dict)
    calls: int = 0

    def add(self, statement: str, params: dict | None) -> None:
        self.statements.setdefault(statement, set()).update(params or {})
        self.calls += 1


class RecordingStore:
    """A :class:`~graphbuild.sinks.store.GraphStore` that records what passes through."""

    def __init__(self, inner: Any, schema: Schema, recording: Recording):
        self._inner = inner
        self._neo4j = Neo4jStore(driver=None, schema=schema)
        self.recording = recording
        self.dialect = inner.dialect
        self.where = inner.where

    def schema_statements(self) -> list[str]:
        for statement in self._neo4j.schema_statements():
            self.recording.add(statement, {})
        return self._inner.schema_statements()

    def apply_schema(self, statements: list[str]) -> int:
        return self._inner.apply_schema(statements)

    def write(self, statement: str, params: dict[str, Any]):
        self.recording.add(statement, params)
        return self._inner.write(statement, params)

    def read(self, statement: str, params: dict[str, Any] | None = None):
        self.recording.add(statement, params)
        return self._inner.read(statement, params)

    def close(self) -> None:
        self._inner.close()
