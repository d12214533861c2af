"""Neo4j over Bolt: the only module that imports the ``neo4j`` driver.

One long-lived driver per load; every write is a managed transaction
(``session.execute_write``), so transient errors (leader switch, deadlock, lost
connection) are retried by the driver for at most ``max_retry_seconds``.

Credentials come only from the environment: ``NEO4J_USERNAME`` and ``NEO4J_PASSWORD``
(the driver's conventional names). With neither set, no authentication is sent.
A URI with embedded credentials works, but is masked in every message.

Connecting waits for the server: a Neo4j that was just started (``docker compose up``)
takes a while before Bolt answers, so the first connection is retried with backoff for
up to ``connect_timeout`` seconds (60 by default), after one progress line. What cannot
get better by waiting (a wrong password, an ``http://`` address) fails at once, in one
line that says what to do.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

from graphbuild.errors import SinkError
from graphbuild.graph.schema import Schema, load_schema
from graphbuild.sinks.cypher import neo4j_schema_statements
from graphbuild.sinks.store import Counters, mask_uri, strip_credentials

USERNAME_ENV = "NEO4J_USERNAME"
PASSWORD_ENV = "NEO4J_PASSWORD"
MAX_RETRY_SECONDS = 15.0
#: How long to wait for a server to answer at all (``--connect-timeout``).
CONNECT_TIMEOUT_SECONDS = 60.0
#: Each single attempt to open a connection gives up after this long.
ATTEMPT_TIMEOUT_SECONDS = 10.0
#: Waits between attempts: doubling from the first, never longer than the last.
BACKOFF_SECONDS = (0.25, 2.0)
#: URI schemes of the Bolt protocol the driver speaks (routing: neo4j…, direct: bolt…).
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: The password docker-compose.yml gives Neo4j when NEO4J_PASSWORD is not set.
COMPOSE_DEFAULT_PASSWORD = "graphbuild-local"


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
                  connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
                  progress: Callable[[str], None] | None = None) -> Neo4jStore:
    """Open one driver for ``uri`` with credentials from the environment and wait (up
    to ``connect_timeout`` seconds, retrying with backoff) until the server answers and
    accepts them. ``progress`` gets one line when the first attempt finds no server."""
    try:
        import neo4j
    except ImportError:
        raise SinkError("expected the neo4j driver, found it not installed (pip install neo4j)") from None

    where = mask_uri(uri)
    check_uri(uri)
    bare, uri_user, uri_password = strip_credentials(uri)
    user = os.environ.get(USERNAME_ENV) or uri_user or "neo4j"
    password = os.environ.get(PASSWORD_ENV) or uri_password
    auth = (user, password) if password else None
    try:
        driver = neo4j.GraphDatabase.driver(bare, auth=auth, max_transaction_retry_time=max_retry_seconds,
                                            connection_timeout=min(ATTEMPT_TIMEOUT_SECONDS, connect_timeout))
    except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
        raise SinkError(f"expected a Neo4j URI such as bolt://localhost:7687 or neo4j://host:7687, "
                        f"found {where} ({_first_line(str(exc))})") from None
    deadline = time.monotonic() + connect_timeout
    delay, waited = BACKOFF_SECONDS[0], False
    while True:
        try:
            driver.verify_connectivity()
            break
        except neo4j.exceptions.AuthError as exc:
            driver.close()
            raise SinkError(auth_problem(where, user, password, _first_line(exc.message or str(exc)))) from None
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired,
                neo4j.exceptions.TransientError, OSError) as exc:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                driver.close()
                raise SinkError(unreachable_problem(where, connect_timeout, password, exc)) from None
            if not waited and progress is not None:
                progress(f"waiting for Neo4j at {where} (up to {connect_timeout:g} s)")
            waited = True
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, BACKOFF_SECONDS[1])
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            driver.close()
            raise _connection_error(where, exc) from None
    db_part = f" database {database}" if database else ""
    return Neo4jStore(driver, database, where=f"neo4j {where}{db_part}")


def check_uri(uri: str) -> None:
    """A :class:`SinkError` unless ``uri`` is a Bolt URI (``bolt://…``, ``neo4j://…``).

    >>> check_uri("http://localhost:7474")
    Traceback (most recent call last):
    ...
    graphbuild.errors.SinkError: expected a Bolt URI such as bolt://localhost:7687, found http://localhost:7474: that is the address of the Neo4j Browser (HTTP, port 7474); graphbuild talks to Neo4j over Bolt: use bolt:// or neo4j:// on port 7687
    """
    scheme, sep, _ = uri.partition("://")
    if sep and scheme.lower() in BOLT_SCHEMES:
        return
    where = mask_uri(uri)
    if scheme.lower() in ("http", "https"):
        raise SinkError(f"expected a Bolt URI such as bolt://localhost:7687, found {where}: that is the address of "
                        f"the Neo4j Browser (HTTP, port 7474); graphbuild talks to Neo4j over Bolt: use bolt:// or "
                        f"neo4j:// on port 7687")
    raise SinkError(f"expected a Bolt URI such as bolt://localhost:7687 or neo4j://host:7687 "
                    f"(schemes: {', '.join(BOLT_SCHEMES)}), found {where}")


def _slash_note(password: str | None) -> str:
    if not password or "/" not in password:
        return ""
    return (f"; {PASSWORD_ENV} contains '/': docker-compose.yml hands the password to the Neo4j image as "
            f"NEO4J_AUTH=neo4j/PASSWORD, which the image splits at '/' (user/password[/true]), so the container "
            f"refuses to start (or, for a password ending '/true', keeps only the part before the '/'): choose a "
            f"password without '/', then `docker compose down -v` and `docker compose up -d --wait`")


def auth_problem(where: str, user: str, password: str | None, detail: str) -> str:
    """The one line for a server that refused the credentials."""
    if not password:
        return (f"expected to log in to Neo4j at {where}, found that the server wants a password and "
                f"{PASSWORD_ENV} is not set: export {USERNAME_ENV}=neo4j {PASSWORD_ENV}=… (the password the "
                f"database was first started with; docker-compose.yml uses {PASSWORD_ENV} as it was at the first "
                f"`docker compose up`, or {COMPOSE_DEFAULT_PASSWORD} when it was not set)")
    note = _slash_note(password) or (
        f"; the password is the one the database was first started with: docker-compose.yml keeps it in the "
        f"neo4j-data volume, so a new {PASSWORD_ENV} needs `docker compose down -v` (which deletes the data)")
    return (f"expected to log in to Neo4j at {where} as {user}, found the password refused ({detail}): "
            f"check {USERNAME_ENV} / {PASSWORD_ENV}{note}")


def unreachable_problem(where: str, waited: float, password: str | None, exc: Exception) -> str:
    """The one line for a server that did not answer in time."""
    return (f"expected a Neo4j server at {where}, found no server answering within {waited:g} s "
            f"({_first_line(str(exc))}); start it with `docker compose up -d --wait`, or wait longer with "
            f"--connect-timeout{_slash_note(password)}")


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
