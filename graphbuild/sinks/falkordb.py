"""FalkorDB over its native protocol (the ``falkordb`` client, TCP or a unix socket).

FalkorDB speaks openCypher: the shared data statements run unchanged. Its schema is
a range index plus a ``GRAPH.CONSTRAINT`` command per keyed label. Each query is
atomic on the server, so a failed batch leaves nothing half-written.

Credentials, when the server wants them: ``FALKORDB_USERNAME`` / ``FALKORDB_PASSWORD``.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from graphbuild.errors import SinkError
from graphbuild.graph.schema import Schema, load_schema
from graphbuild.sinks.cypher import FALKORDB_COMMAND_PREFIX, falkordb_schema_statements
from graphbuild.sinks.store import Counters, mask_uri

DEFAULT_GRAPH = "graphbuild"
# Answers to schema statements that mean "it is already there".
_ALREADY = ("already indexed", "already exists")
#: What a NUL character is stored as: FalkorDB reads the query (parameters included) as
#: a C string, so a NUL would cut it short. A private-use character stands in for it and
#: :meth:`FalkorDBStore.read` turns it back, so values round-trip exactly through the
#: store. Everything else is stored as it is.
NUL_STAND_IN = "\U000f0000"

log = logging.getLogger(__name__)


class FalkorDBStore:
    """A :class:`~graphbuild.sinks.store.GraphStore` on one FalkorDB graph."""

    dialect = "falkordb"

    def __init__(self, db: Any, graph_name: str = DEFAULT_GRAPH, *, where: str = "falkordb",
                 schema: Schema | None = None):
        self._db = db
        self._graph = db.select_graph(graph_name)
        self.graph_name = graph_name
        self.where = where
        self._schema = schema or load_schema()

    def schema_statements(self) -> list[str]:
        return falkordb_schema_statements(self._schema, self.graph_name)

    def apply_schema(self, statements: list[str]) -> int:
        import redis

        for statement in statements:
            try:
                if statement.startswith(FALKORDB_COMMAND_PREFIX):
                    self._db.connection.execute_command(*statement.split())
                else:
                    self._graph.query(statement)
            except redis.exceptions.ResponseError as exc:
                if not any(marker in str(exc) for marker in _ALREADY):
                    raise SinkError(f"{self.where}: expected schema statement to succeed, found {exc} "
                                    f"(statement: {statement})") from None
            except redis.exceptions.RedisError as exc:
                raise _connection_error(self.where, exc, connected=True) from None
        return len(statements)

    def write(self, statement: str, params: dict[str, Any]) -> Counters:
        result = self._run(statement, params)
        return Counters(
            nodes_created=int(result.nodes_created),
            nodes_deleted=int(result.nodes_deleted),
            relationships_created=int(result.relationships_created),
            relationships_deleted=int(result.relationships_deleted),
            properties_set=int(result.properties_set),
            labels_added=int(result.labels_added),
        )

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._run(statement, params or {})
        columns = [column[1] if isinstance(column, (list, tuple)) else column for column in result.header]
        return [dict(zip(columns, (_restore_nul(value) for value in row))) for row in result.result_set]

    def close(self) -> None:
        self._db.connection.close()

    def _run(self, statement: str, params: dict[str, Any]):
        import redis

        if _has_nul(params):
            if not getattr(self, "_warned_nul", False):
                log.warning("%s: FalkorDB cannot store the NUL character; it is stored as U+F0000", self.where)
                self._warned_nul = True
            params = _replace_nul(params)
        try:
            return self._graph.query(statement, params)
        except redis.exceptions.ResponseError as exc:
            raise SinkError(f"{self.where}: expected the statement to run, found: {exc} "
                            f"(statement: {statement})") from None
        except redis.exceptions.RedisError as exc:
            raise _connection_error(self.where, exc, connected=True) from None


TIMEOUT_ENV = "GRAPHBUILD_DB_TIMEOUT"


def connect_falkordb(target: str, graph_name: str = DEFAULT_GRAPH, *, timeout: float | None = None) -> FalkorDBStore:
    """Connect to FalkorDB at ``target``: a unix socket path (or ``unix://path``)
    or a ``redis://host:port`` / ``falkor://host:port`` URL. Checks the server answers.

    ``timeout`` (seconds, for connecting and for each answer): default
    ``$GRAPHBUILD_DB_TIMEOUT`` or 10."""
    if timeout is None:
        timeout = float(os.environ.get(TIMEOUT_ENV) or 10.0)
    try:
        from falkordb import FalkorDB
    except ImportError:
        raise SinkError("expected the falkordb package, found it not installed "
                        "(pip install 'graphbuild[falkordb]')") from None
    import redis

    where = mask_uri(target)
    username = os.environ.get("FALKORDB_USERNAME") or None
    password = os.environ.get("FALKORDB_PASSWORD") or None
    socket_path = target.removeprefix("unix://")
    try:
        if target.startswith("unix://") or "://" not in target or Path(target).exists():
            db = FalkorDB(unix_socket_path=socket_path, username=username, password=password,
                          socket_timeout=timeout, socket_connect_timeout=timeout)
        else:
            extra = {k: v for k, v in (("username", username), ("password", password)) if v}
            db = FalkorDB.from_url(target, socket_timeout=timeout, socket_connect_timeout=timeout, **extra)
        db.connection.ping()
    except redis.exceptions.RedisError as exc:
        raise _connection_error(where, exc) from None
    return FalkorDBStore(db, graph_name, where=f"falkordb {where} graph {graph_name}")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
    return False


def _replace_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", NUL_STAND_IN)
    if isinstance(value, dict):
        return {_replace_nul(k): _replace_nul(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_replace_nul(v) for v in value]
    return value


def _restore_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(NUL_STAND_IN, "\x00") if NUL_STAND_IN in value else value
    if isinstance(value, dict):
        return {_restore_nul(k): _restore_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_restore_nul(v) for v in value]
    return value


def _connection_error(where: str, exc: Exception, *, connected: bool = False) -> SinkError:
    import redis

    if isinstance(exc, redis.exceptions.AuthenticationError):
        found = "authentication failed (set FALKORDB_USERNAME / FALKORDB_PASSWORD)"
    elif isinstance(exc, redis.exceptions.TimeoutError):
        found = "no answer before the timeout"
    elif isinstance(exc, redis.exceptions.ConnectionError):
        found = f"no connection ({_first_line(exc)})"
    else:
        found = _first_line(exc)
    if connected:  # lost after connecting: say what that means for the data
        return SinkError(f"{where}: expected the server to answer, found {found}; stopped part way "
                         f"(nothing is lost: run the same command again to finish)")
    return SinkError(f"expected a FalkorDB server at {where}, found {found}")


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
