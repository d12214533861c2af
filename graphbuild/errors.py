"""One exception hierarchy for graphbuild.

Every message says what was expected, what was found, and where (``file:line``,
lines counted from 1), so a user can fix the input without reading code.
"""
from __future__ import annotations


class GraphbuildError(Exception):
    """Base of every error graphbuild raises on purpose."""


class InputError(GraphbuildError):
    """An article (or a whole input file) that cannot be read.

    ``where`` is ``path`` or ``path:line``; the message names what was expected
    and what was found.
    """

    def __init__(self, path: str, expected: str, found: str, line: int | None = None):
        self.path = path
        self.line = line
        self.expected = expected
        self.found = found
        super().__init__(f"{self.where}: expected {expected}, found {found}")

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __reduce__(self):
        # Rebuilt from its parts when it crosses a process boundary (a worker's report
        # of an article it could not extract).
        return type(self), (self.path, self.expected, self.found, self.line)


class ConfigError(GraphbuildError):
    """A bad option, a missing model, an unusable output folder."""


class SchemaError(GraphbuildError):
    """A graph element that breaks the schema in ``schemas/graph.schema.json``."""


class SinkError(GraphbuildError):
    """Writing the graph somewhere (files, a database) failed."""


class WorkerError(GraphbuildError):
    """The extraction workers (a process pool, a Dask cluster) cannot run at all."""


class QueryError(GraphbuildError):
    """A Cypher query the in-process engine (grand-cypher) cannot parse or run."""


class Stopped(BaseException):
    """The run was asked to stop (SIGINT or SIGTERM). Not an ``Exception``: nothing that
    catches failures of one article may swallow it; it unwinds the whole run, which ends
    its workers and removes its temporary files on the way out."""

    def __init__(self, signum: int, name: str):
        self.signum = signum
        self.name = name
        self.published = False  # True when it came right after the new output files were in place
        super().__init__(f"stopped by {name}")
