"""The small interface the loader writes through, and the counters it sums.

Two implementations: :mod:`graphbuild.sinks.neo4j` (Bolt, the official driver) and
:mod:`graphbuild.sinks.falkordb` (FalkorDB's native protocol). Connecting is a
separate function in each module; constructors do no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Protocol


@dataclass
class Counters:
    """What a statement (or a whole load) changed."""

    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0

    def __iadd__(self, other: "Counters") -> "Counters":
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class GraphStore(Protocol):
    """A graph database the loader can write to."""

    #: "neo4j" or "falkordb": picks the schema statements.
    dialect: str
    #: Where it is, safe to print (credentials masked).
    where: str

    def schema_statements(self) -> list[str]:
        """The statements that create this database's constraints and indexes."""

    def apply_schema(self, statements: list[str]) -> int:
        """Run schema statements, tolerating ones that already exist; returns how many ran."""

    def write(self, statement: str, params: dict[str, Any]) -> Counters:
        """Run one data statement in a write transaction; returns its counters."""

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read statement; rows as dicts keyed by column."""

    def close(self) -> None:
        """Release the connection."""


def mask_uri(uri: str) -> str:
    """``uri`` with any embedded user and password replaced by ``***``.

    >>> mask_uri("bolt://neo4j:secret@localhost:7687")
    'bolt://***@localhost:7687'
    >>> mask_uri("bolt://localhost:7687")
    'bolt://localhost:7687'
    """
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        authority = "***@" + authority.rpartition("@")[2]
    return f"{scheme}://{authority}{slash}{path}"


def strip_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """Split ``scheme://user:pass@host`` into the bare URI, user and password."""
    scheme, sep, rest = uri.partition("://")
    if not sep:
        return uri, None, None
    authority, slash, path = rest.partition("/")
    if "@" not in authority:
        return uri, None, None
    userinfo, _, host = authority.rpartition("@")
    user, _, password = userinfo.partition(":")
    from urllib.parse import unquote

    return f"{scheme}://{host}{slash}{path}", unquote(user) or None, unquote(password) or None
