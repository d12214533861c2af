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


class ConfigError(GraphbuildError):
    """A bad option, a missing model, an unusable output folder."""


class SchemaError(GraphbuildError):
    """A graph element that breaks the schema in ``schemas/graph.schema.json``."""


class SinkError(GraphbuildError):
    """Writing the graph somewhere (files, a database) failed."""


class QueryError(GraphbuildError):
    """A Cypher query the in-process engine (grand-cypher) cannot parse or run."""
