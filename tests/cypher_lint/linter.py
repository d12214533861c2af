"""Neo4j's Cypher front end as a test tool: a client for ``lint.cjs``.

``lint.cjs`` runs ``lintCypherQuery`` of the npm package
``@neo4j-cypher/language-support`` (Neo4j's parser and semantic analysis, compiled
from its Java front end) over every statement, once as Cypher 5 and once as Cypher 25.
One Node process serves the whole test session (JSON Lines over stdin/stdout).

The database schema the front end is given comes from ``schemas/graph.schema.json``
(labels, relationship types, property keys), so a label or type the schema lacks is
reported, and labels added to the schema are covered without touching this file.
Diagnostics of severity ``error`` fail the tests; warnings are listed in the summary
at the end of the run. Known false positives, each with its reason, are in
``KNOWN_FALSE_POSITIVES`` (none so far).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.graph.schema import Schema

FOLDER = Path(__file__).resolve().parent
PACKAGE = FOLDER / "node_modules" / "@neo4j-cypher" / "language-support"
SCRIPT = FOLDER / "lint.cjs"
#: Seconds to wait for one answer (queued requests before it included).
ANSWER_SECONDS = 600

#: (message substring, reason): diagnostics the front end gives for statements that are
#: right. Each needs a reason a reader can check; none is needed today.
KNOWN_FALSE_POSITIVES: list[tuple[str, str]] = []


@dataclass(frozen=True)
class Diagnostic:
    version: str  # "CYPHER 5" | "CYPHER 25"
    severity: str  # "error" | "warning" | …
    message: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.version} {self.severity} at {self.line}:{self.column}: {self.message}"


@dataclass
class Summary:
    """What the session checked, for the terminal summary."""

    statements: dict[str, set[str]] = field(default_factory=dict)  # source -> distinct texts
    warnings: dict[str, set[str]] = field(default_factory=dict)  # message -> statements
    errors: set[tuple[str, str]] = field(default_factory=set)  # (statement, diagnostic)

    def total(self) -> int:
        return len(set().union(*self.statements.values())) if self.statements else 0

    def lines(self) -> list[str]:
        if not self.statements:
            return []
        by_source = ", ".join(f"{source} {len(texts)}" for source, texts in sorted(self.statements.items()))
        lines = [f"cypher lint: {self.total()} distinct statements checked with Neo4j's Cypher front end "
                 f"(@neo4j-cypher/language-support), each as Cypher 5 and Cypher 25: {len(self.errors)} errors, "
                 f"{len(self.warnings)} distinct warnings ({by_source})"]
        lines += [f"cypher lint warning ({len(texts)} statements): {message}"
                  for message, texts in sorted(self.warnings.items())]
        return lines


SUMMARY = Summary()


def unavailable() -> str | None:
    """Why the front end cannot run here, or None."""
    if not shutil.which("node"):
        return "node is not installed"
    if not PACKAGE.exists():
        return f"{PACKAGE.relative_to(FOLDER.parents[1])} is missing: run `make test` (npm ci in tests/cypher_lint)"
    return None


def db_schema(schema: Schema) -> dict:
    """The dbSchema the front end gets: the vocabulary of our graph schema."""
    keys: set[str] = set()
    for spec in schema.nodes.values():
        keys.update(spec.properties)
        if spec.key:
            keys.add(spec.key)
    for spec in schema.relationships.values():
        keys.update(spec.properties)
    return {"labels": list(schema.nodes), "relationshipTypes": list(schema.relationships),
            "propertyKeys": sorted(keys)}


class CypherLinter:
    """One ``node lint.cjs`` process; :meth:`lint` checks a statement in both versions.

    Requests are pipelined: :meth:`submit` queues a statement and returns at once, a
    reader thread collects the answers in order. The session queues every statement it
    knows up front, so the front end works on the second core while other tests run.
    Each distinct (statement, parameters, console) is linted once per session.
    """

    def __init__(self, schema: Schema):
        self._process = subprocess.Popen(["node", str(SCRIPT)], cwd=FOLDER, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True, encoding="utf-8",
                                         env={**os.environ, "NODE_NO_WARNINGS": "1"})
        self._lock = threading.Lock()
        self._pending: deque[Future] = deque()
        self._answers: dict[str, Future] = {}
        self._reader = threading.Thread(target=self._read, name="cypher-lint-reader", daemon=True)
        self._reader.start()
        self.registry = self._send({"schema": db_schema(schema)}).result(timeout=ANSWER_SECONDS)

    def _send(self, request: dict) -> Future:
        future: Future = Future()
        line = json.dumps(request) + "\n"
        with self._lock:
            self._pending.append(future)
            assert self._process.stdin
            self._process.stdin.write(line)
            self._process.stdin.flush()
        return future

    def _read(self) -> None:
        assert self._process.stdout
        for line in self._process.stdout:
            with self._lock:
                future = self._pending.popleft()
            answer = json.loads(line)
            if "failure" in answer:
                future.set_exception(RuntimeError(f"expected {SCRIPT.name} to lint, found: {answer['failure']}"))
            else:
                future.set_result(answer)
        with self._lock:  # the process ended: nobody will answer the rest
            while self._pending:
                self._pending.popleft().set_exception(RuntimeError(
                    f"expected an answer from {SCRIPT.name}, found it exited with {self._process.poll()}"))

    def submit(self, query: str, parameters: dict | list | tuple = (), *, console: bool = False) -> Future:
        """Queue ``query`` for linting (once per distinct request); returns its future."""
        params = parameters if isinstance(parameters, dict) else {name: None for name in parameters}
        request = {"query": query, "parameters": params, "console": console}
        key = json.dumps(request, sort_keys=True, default=str)
        with self._lock:
            known = self._answers.get(key)
        if known is None:
            known = self._answers[key] = self._send(request)
        return known

    def lint(self, query: str, parameters: dict | list | tuple = (), *, source: str | None,
             console: bool = False) -> list[Diagnostic]:
        """Diagnostics for ``query`` (Cypher 5 and 25), known false positives removed.

        ``parameters``: the ``$names`` the statement is run with (a dict of values or a
        list of names); any other ``$name`` in it is an error. ``console``: the text may
        hold Browser commands (``:param x => 1;``). ``source`` names the group in the
        summary."""
        answer = self.submit(query, parameters, console=console).result(timeout=ANSWER_SECONDS)
        found = [Diagnostic(d["version"], d["severity"], d["message"], d["line"], d["column"])
                 for d in answer["diagnostics"]]
        found = [d for d in found if not any(part in d.message for part, _ in KNOWN_FALSE_POSITIVES)]
        if source is None:  # the checker's own tests: not part of the summary
            return found
        SUMMARY.statements.setdefault(source, set()).add(query)
        for d in found:
            if d.severity == "error":
                SUMMARY.errors.add((query, str(d)))
            elif d.severity == "warning":
                SUMMARY.warnings.setdefault(d.message, set()).add(query)
        return found

    def errors(self, query: str, parameters: dict | list | tuple = (), *, source: str | None,
               console: bool = False) -> list[str]:
        """Only the errors, as text (empty when the statement is valid in both versions)."""
        return [str(d) for d in self.lint(query, parameters, source=source, console=console)
                if d.severity == "error"]

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
