"""Cypher over a saved graph, with no database server.

The query runs on the networkx graph read from ``graph.json`` through
`grand-cypher <https://pypi.org/project/grand-cypher/>`_ (a Cypher interpreter for
networkx graphs). grand-cypher matches node labels and relationship types on a
``__labels__`` set attribute, so :func:`queryable` makes an in-memory copy with
``__labels__`` = the node's ``labels`` (the relationship's ``type``) and ``id`` set
back as a property; the file format is untouched.

Two small rewrites make common Neo4j habits work (both skip string literals):
single-quoted strings become double-quoted ones, and aggregation function names are
upper-cased (grand-cypher only knows ``COUNT(…)``, not ``count(…)``).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("person:a", labels=["Person"], name="A")
>>> run_query(g, "MATCH (p:Person) RETURN p.name").rows
[['A']]
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from graphbuild.errors import QueryError

FORMATS = ("table", "json", "csv")

_AGGREGATES = ("count", "sum", "avg", "max", "min", "collect")
# Cypher that grand-cypher's grammar has no rule for, named in the error message: word → (feature, tip).
_READ_ONLY = "the graph file is read-only"
_UNSUPPORTED = {
    "OPTIONAL": ("OPTIONAL MATCH", "use a second query"),
    "WITH": ("WITH", "use one MATCH … WHERE … RETURN"),
    "UNWIND": ("UNWIND", ""), "UNION": ("UNION", "run two queries"), "CALL": ("CALL", ""),
    "CREATE": ("CREATE", _READ_ONLY), "MERGE": ("MERGE", _READ_ONLY), "SET": ("SET", _READ_ONLY),
    "DELETE": ("DELETE", _READ_ONLY), "DETACH": ("DETACH DELETE", _READ_ONLY), "REMOVE": ("REMOVE", _READ_ONLY),
    "$": ("a query parameter ($name)", "write the value into the query"),
    "LABELS": ("labels(n)", "return n.labels"),
    "KEYS": ("keys(n)", "return n"), "PROPERTIES": ("properties(n)", "return n"),
    "EXISTS": ("exists(n.prop)", "use n.prop IS NOT NULL"),
}


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]


def queryable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` that grand-cypher can match labels and types on."""
    host = nx.MultiDiGraph()
    for node_id, attrs in graph.nodes(data=True):
        host.add_node(node_id, **attrs, id=node_id, __labels__=set(attrs.get("labels") or ()))
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        edge_type = attrs.get("type")
        host.add_edge(source, target, key=key, **attrs, __labels__={edge_type} if edge_type else set())
    return host


def normalize(cypher: str) -> str:
    """Single-quoted strings → double-quoted; ``count(`` → ``COUNT(`` (outside strings).

    >>> normalize("MATCH (p {name: 'Jim'}) RETURN count(p)")
    'MATCH (p {name: "Jim"}) RETURN COUNT(p)'
    """
    out, i = [], 0
    aggregate = re.compile(r"\b(" + "|".join(_AGGREGATES) + r")(\s*\()", re.IGNORECASE)
    while i < len(cypher):
        quote = cypher[i]
        if quote in "'\"":
            j, chars = i + 1, []
            while j < len(cypher) and cypher[j] != quote:
                if cypher[j] == "\\" and j + 1 < len(cypher):
                    chars.append(cypher[j:j + 2])
                    j += 2
                    continue
                chars.append(cypher[j])
                j += 1
            body = "".join(chars)
            if quote == "'":
                body = body.replace("\\'", "'").replace('"', '\\"')
            out.append('"' + body + '"')
            i = j + 1
            continue
        j = i
        while j < len(cypher) and cypher[j] not in "'\"":
            j += 1
        out.append(aggregate.sub(lambda m: m.group(1).upper() + m.group(2), cypher[i:j]))
        i = j
    return "".join(out)


def run_query(graph: nx.MultiDiGraph | str | Path, cypher: str) -> QueryResult:
    """Run ``cypher`` on a graph (or a folder / ``graph.json`` path); rows in RETURN order."""
    from grandcypher import GrandCypher
    from lark.exceptions import UnexpectedEOF, UnexpectedInput, UnexpectedToken

    if not isinstance(graph, nx.Graph):
        from graphbuild.sinks.files import read_graph

        graph = read_graph(graph)
    text = normalize(cypher)
    _check_directed(text)
    try:
        raw = GrandCypher(queryable(graph)).run(text)
    except UnexpectedInput as exc:
        raise QueryError(_parse_message(text, exc, UnexpectedToken, UnexpectedEOF)) from None
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
        raise QueryError(f"query: expected Cypher that grand-cypher can run (see docs/query-and-view.md), "
                         f"found an error while running it: {type(exc).__name__}: {exc}") from None
    columns = _return_order([str(key) for key in raw], text)
    by_name = {str(key): values for key, values in raw.items()}
    length = max((len(v) for v in by_name.values()), default=0)
    rows = [[_clean(by_name[c][i]) if i < len(by_name[c]) else None for c in columns] for i in range(length)]
    return QueryResult(columns, rows)


def _check_directed(text: str) -> None:
    """grand-cypher reads ``(a)-[r]-(b)`` as "edges both ways", which silently finds
    nothing on our graph (every relationship has one direction): refuse it."""
    stripped = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    for match in re.finditer(r"(<?)-(\[[^\]]*\])?-(>?)", stripped):
        left, right = match.group(1), match.group(3)
        if not left and not right or left and right:
            line, column = _position(stripped, match.start())
            raise QueryError(f"query:{line}:{column}: expected a relationship with a direction (-[…]-> or <-[…]-), "
                             f"found {match.group(0)!r}: grand-cypher matches an undirected pattern only where "
                             f"edges run both ways")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _parse_message(text, exc, token_cls, eof_cls) -> str:
    """One line: where, what the grammar expected there, what it found."""
    if isinstance(exc, eof_cls):
        offset, expected = len(text), sorted(getattr(exc, "expected", None) or ())
    elif isinstance(exc, token_cls):
        offset, expected = exc.token.start_pos or 0, sorted(exc.expected or ())
    else:
        offset, expected = exc.pos_in_stream, sorted(exc.allowed or ())
    line, column = _position(text, offset)
    rest = text[offset:]
    found = repr(rest.split()[0][:24]) if rest.split() else "the end of the query"
    word = re.match(r"\$|[A-Za-z_]+", rest)
    before = re.search(r"([A-Za-z_]+)\s*$", text[:offset]) if rest.startswith("(") else None
    hint = None
    for candidate in (word, before):
        hint = hint or (_UNSUPPORTED.get(candidate.group(1 if candidate is before else 0).upper())
                        if candidate else None)
    if hint is None and rest.startswith(":"):
        hint = ("a label test in WHERE (n:Label) or two labels in a pattern (n:A:B)",
                "put one label in the pattern, (n:A|B) for either")
    unsupported = ""
    if hint:
        unsupported = f"; {hint[0]} is not supported by grand-cypher" + (f" ({hint[1]})" if hint[1] else "")
    names = dict.fromkeys(_pretty_terminal(e) for e in expected if "ANON" not in e)
    expected_text = " or ".join(list(names)[:8]) or "valid Cypher"
    return f"query:{line}:{column}: expected {expected_text}, found {found}{unsupported} (see docs/query-and-view.md)"


def _pretty_terminal(name: str) -> str:
    names = {"LPAR": "(", "RPAR": ")", "COMMA": ",", "DOT": ".", "COLON": ":", "LSQB": "[", "RSQB": "]",
             "LBRACE": "{", "RBRACE": "}", "MINUS": "-", "PLUS": "+", "STAR": "*", "SLASH": "/",
             "PERCENT": "%", "CNAME": "a name", "EQUAL": "=", "LEFT_ANGLE": "<", "RIGHT_ANGLE": ">",
             "VBAR": "|", "AGGREGATE_FUNC": "COUNT/SUM/AVG/MAX/MIN/COLLECT", "ESTRING": "a string", "NUMBER": "a number"}
    return names.get(name, name.lstrip("_"))


def _return_order(keys: list[str], text: str) -> list[str]:
    """grand-cypher's result dict is not in RETURN order (aliases and aggregates come
    first): order columns by where they appear after the last RETURN."""
    position = text.upper().rfind("RETURN")
    tail = text[position:] if position >= 0 else text

    def where(key: str) -> int:
        alias = re.search(r"\bAS\s+" + re.escape(key) + r"\b", tail, re.IGNORECASE)
        if alias:
            return alias.start()
        found = tail.upper().find(key.upper())
        return found if found >= 0 else len(tail)

    return sorted(keys, key=where)


def _clean(value):
    """Drop the in-memory ``__labels__`` from returned nodes and relationships."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != "__labels__"}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as an aligned text table, JSON (a list of objects) or CSV."""
    if fmt == "json":
        records = [dict(zip(result.columns, row)) for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_cell(v) for v in row] for row in result.rows])
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise QueryError(f"expected a format among {', '.join(FORMATS)}, found {fmt!r}")
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    line = lambda values: " | ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(result.columns), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
