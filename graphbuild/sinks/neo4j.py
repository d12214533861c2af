"""Neo4j over Bolt: the only module that imports the ``neo4j`` driver.

One long-lived driver per load; every write is a managed transaction
(``session.execute_write``), so transient errors (leader switch, deadlock, lost
connection) are retried by the driver for at most ``max_retry_seconds``.

Credentials come only from the environment: ``NEO4J_USERNAME`` and ``NEO4J_PASSWORD``
(the driver's conventional names). With neither set, no authentication is sent.
A URI with embedded credentials works, but is masked in every message.
"""
from __future__ import annotations

import os
from typing import Any

from graphbuild.errors import SinkError
from graphbuild.graph.schema import Schema, load_schema
from graphbuild.sinks.cypher import neo4j_schema_statements
from graphbuild.sinks.store import Counters, mask_uri, strip_credentials

USERNAME_ENV = "NEO4J_USERNAME"
PASSWORD_ENV = "NEO4J_PASSWORD"
MAX_RETRY_SECONDS = 15.0
CONNECT_TIMEOUT_SECONDS = 10.0


class Neo4jStore:
    """A :class:`~graphbuild.sinks.store.GraphStore` on one Neo4j database."""

    dialect = "neo4j"

    def __init__(self, driver: Any, database: str | None = None, *, where: str = "neo4j",
                 schema: Schema | None = None):
        self._driver = driver
        self.database = database
        self.where = where
        self._schema = schema or load_schema()

    def schema_statements(self) -> list[str]:
        return neo4j_schema_statements(self._schema)

    def apply_schema(self, statements: list[str]) -> int:
        for statement in statements:
            self._transact("write", statement, {}, lambda result: result.consume())
        return len(statements)

    def write(self, statement: str, params: dict[str, Any]) -> Counters:
        c = self._transact("write", statement, params, lambda result: result.consume().counters)
        return Counters(nodes_created=c.nodes_created, nodes_deleted=c.nodes_deleted,
                        relationships_created=c.relationships_created,
                        relationships_deleted=c.relationships_deleted,
                        properties_set=c.properties_set, labels_added=c.labels_added)

    def read(self, statement: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._transact("read", statement, params or {}, lambda result: [r.data() for r in result])

    def close(self) -> None:
        self._driver.close()

    def _transact(self, mode: str, statement: str, params: dict[str, Any], collect):
        import neo4j

        def work(tx):
            return collect(tx.run(statement, params))

        try:
            with self._driver.session(database=self.database) as session:
                run = session.execute_write if mode == "write" else session.execute_read
                return run(work)
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.AuthError,
                neo4j.exceptions.SessionExpired) as exc:
            raise _connection_error(self.where, exc) from None
        except neo4j.exceptions.Neo4jError as exc:
            raise SinkError(f"{self.where}: expected the statement to run, found {exc.code}: "
                            f"{_first_line(exc.message or str(exc))} (statement: {statement})") from None
        except neo4j.exceptions.DriverError as exc:
            raise SinkError(f"{self.where}: expected the statement to run, found {type(exc).__name__}: "
                            f"{_first_line(str(exc))}") from None


def connect_neo4j(uri: str, database: str | None = None, *, max_retry_seconds: float = MAX_RETRY_SECONDS,
                  connect_timeout: float = CONNECT_TIMEOUT_SECONDS) -> Neo4jStore:
    """Open one driver for ``uri`` with credentials from the environment and check
    that the server answers (and accepts them)."""
    try:
        import neo4j
    except ImportError:
        raise SinkError("expected the neo4j driver, found it not installed (pip install 'graphbuild[neo4j]')") from None

    where = mask_uri(uri)
    bare, uri_user, uri_password = strip_credentials(uri)
    user = os.environ.get(USERNAME_ENV) or uri_user
    password = os.environ.get(PASSWORD_ENV) or uri_password
    auth = (user or "neo4j", password) if password else None
    try:
        driver = neo4j.GraphDatabase.driver(bare, auth=auth, max_transaction_retry_time=max_retry_seconds,
                                            connection_timeout=connect_timeout)
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise SinkError(f"expected a Neo4j URI such as bolt://localhost:7687 or neo4j://host:7687, "
                        f"found {where} ({_first_line(str(exc))})") from None
    try:
        driver.verify_connectivity()
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as exc:
        driver.close()
        raise _connection_error(where, exc) from None
    db_part = f" database {database}" if database else ""
    return Neo4jStore(driver, database, where=f"neo4j {where}{db_part}")


def _connection_error(where: str, exc: Exception) -> SinkError:
    import neo4j

    if isinstance(exc, neo4j.exceptions.AuthError):
        found = f"authentication failed (check {USERNAME_ENV} / {PASSWORD_ENV})"
    elif isinstance(exc, neo4j.exceptions.ServiceUnavailable):
        found = f"no server answering ({_first_line(str(exc))})"
    else:
        found = f"{type(exc).__name__}: {_first_line(str(exc))}"
    return SinkError(f"expected a Neo4j server at {where}, found {found}")


def _first_line(text: str) -> str:
    return (text.splitlines() or [""])[0]
