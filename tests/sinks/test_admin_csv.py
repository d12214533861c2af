"""The neo4j-admin import CSVs: typed headers from the schema, and a round trip that
parses them the way neo4j-admin does and gets the graph back."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from graphbuild.sinks.admin_csv import ARRAY_DELIMITER, export_csv

_PARSE = {"string": str, "long": int, "boolean": lambda v: v == "true"}


def _read_back(folder: Path) -> tuple[dict, dict]:
    nodes, edges = {}, {}
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        for row in body:
            record, ids, kind = {}, {}, None
            for column, cell in zip(header, row):
                name, _, typ = column.partition(":")
                if typ in ("ID", "START_ID", "END_ID"):
                    ids[typ] = cell
                elif typ in ("LABEL", "TYPE"):
                    kind = cell.split(";") if typ == "LABEL" else cell
                elif cell != "":
                    base = typ.removesuffix("[]")
                    record[name] = ([_PARSE[base](v) for v in cell.split(ARRAY_DELIMITER)] if typ.endswith("[]")
                                    else _PARSE[base](cell))
            if "ID" in ids:
                nodes[ids["ID"]] = {"labels": kind, **record}
            else:
                edges[(ids["START_ID"], kind, ids["END_ID"])] = record
    return nodes, edges


def _expected(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    def keep(attrs):
        return {k: v for k, v in attrs.items() if v is not None and v != [] and k != "type"}

    return ({n: keep(a) for n, a in graph.nodes(data=True)},
            {(s, a["type"], t): keep({k: v for k, v in a.items() if k != "labels"})
             for s, t, a in graph.edges(data=True)})


def test_seed_graph_round_trips_through_the_csvs(seed_graph, tmp_path):
    export = export_csv(seed_graph, tmp_path)
    assert export.violations == []
    assert _read_back(tmp_path) == _expected(seed_graph)
    assert (tmp_path / "import-command.txt").read_text().startswith("neo4j-admin database import full neo4j")


def test_headers_are_typed_from_the_schema_and_tricky_text_survives(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("article:a", labels=["Article"], path="a.txt", sha256="ff", words=12)
    graph.add_node("person:x", labels=["Person"], name='Dr "X"; Jr.', aliases=["X, Jr.", "line\nbreak"])
    graph.add_edge("article:a", "person:x", key="MENTIONS", type="MENTIONS", count=2, starts=[0, 5], ends=[1, 6],
                   texts=["a;b", 'q"'])
    graph.add_node("robot:r", labels=["Robot"], name="R")
    export = export_csv(graph, tmp_path)
    assert export.violations and "robot:r" in export.violations[0]
    header = (tmp_path / "relationships-MENTIONS-Article-Person.csv").read_text().splitlines()[0]
    assert header == ":START_ID,count:long,starts:long[],ends:long[],texts:string[],:END_ID,:TYPE"
    assert (tmp_path / "nodes-Person.csv").read_text().splitlines()[0] == "id:ID,name:string,aliases:string[],:LABEL"
    nodes, edges = _read_back(tmp_path)
    graph.remove_node("robot:r")
    assert (nodes, edges) == _expected(graph)
    assert "--array-delimiter=U+001F --multiline-fields=true" in export.command
    assert "--nodes=/import/nodes-Person.csv" in export.command
