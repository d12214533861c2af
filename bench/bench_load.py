"""Load the ECB+ graph into a FalkorDB server this script starts: batched
(``UNWIND`` over 1,000 rows) vs one row per statement. Prints both and the ratio.

    python bench/bench_load.py                      # builds /tmp/graphbuild-bench/ecb once, then reuses it
    python bench/bench_load.py --graph-dir out/     # any folder written by `graphbuild ingest`
    python bench/bench_load.py --incremental 90     # reload N and 10N changed articles: time ratio
    python bench/bench_load.py --incremental 300 --synthetic   # the same on a corpus heavy in evidence lists

Target: batched ≥ 20× faster. ``--incremental N``: the graph of the first N articles
(and of the first 10N) is loaded, then loaded again with every article changed (the
clean-up path: evidence replaced, whole-database sweeps for orphans, evidence lists and
MET); the ratio of the two reload times is ≈ 10 when the clean-up is linear in the
corpus, ≈ 100 when it is quadratic. The slowest statements are listed.
Wall-clock numbers for information only; no assertion.
"""
from __future__ import annotations

import argparse
import shutil
from collections import defaultdict
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for tests.integration.server

from graphbuild.sinks.falkordb import connect_falkordb  # noqa: E402
from graphbuild.sinks.files import read_graph  # noqa: E402
from graphbuild.sinks.load import load_graph, plan_load  # noqa: E402
from tests.integration.server import start_falkordb  # noqa: E402

ECBPLUS = REPO.parent / "shared" / "corpus" / "ecbplus" / "articles.jsonl"
CACHE = Path(tempfile.gettempdir()) / "graphbuild-bench" / "ecb"
#: The slowest statements listed per reload with --incremental.
TOP = 4


def ensure_graph(folder: Path, source: Path) -> Path:
    """Ingest ``source`` into ``folder`` unless a graph.json is already there."""
    if (folder / "graph.json").exists():
        return folder
    from graphbuild.pipeline import IngestOptions, ingest

    print(f"building the graph of {source} into {folder} (once; takes a minute or two)…", file=sys.stderr)
    ingest(IngestOptions(paths=[str(source)], out_dir=str(folder), progress=False))
    return folder


class TimedStore:
    """Wraps a store and adds up the time spent in its write/read calls (client
    encoding + round trip + server), apart from planning and validation."""

    def __init__(self, store):
        self._store = store
        self.dialect, self.where = store.dialect, store.where
        self.seconds = 0.0
        self.by_statement: dict[str, float] = defaultdict(float)

    def __getattr__(self, name):
        return getattr(self._store, name)

    def write(self, statement, params):
        started = time.perf_counter()
        try:
            return self._store.write(statement, params)
        finally:
            self.seconds += time.perf_counter() - started
            self.by_statement[statement] += time.perf_counter() - started

    def read(self, statement, params=None):
        started = time.perf_counter()
        try:
            return self._store.read(statement, params)
        finally:
            self.seconds += time.perf_counter() - started
            self.by_statement[statement] += time.perf_counter() - started


def timed_load(socket: Path, graph, batch_size: int, name: str) -> tuple[float, float, object]:
    """(end-to-end seconds, seconds in database calls, report) of one load into an empty graph."""
    store = TimedStore(connect_falkordb(str(socket), name))
    try:
        store.apply_schema(store.schema_statements())  # same for both: not timed
        started = time.perf_counter()
        report = load_graph(store, graph, batch_size=batch_size, create_schema=False)
        return time.perf_counter() - started, store.seconds, report
    finally:
        store.close()


def first_articles(graph, count: int):
    """The subgraph of the first ``count`` articles (sorted by id): them, every node they
    give evidence for, and every relationship among those nodes."""
    articles = sorted(n for n, a in graph.nodes(data=True) if "Article" in a["labels"])[:count]
    keep = set(articles)
    for article in articles:
        keep.update(graph.successors(article))
    places = [n for n in keep if "Place" in graph.nodes[n]["labels"]]
    for place in places:  # IN_COUNTRY targets
        keep.update(graph.successors(place))
    return graph.subgraph(keep).copy()


def synthetic(count: int):
    """``count`` articles, each reporting a meeting of its own person with the next
    article's, both mentioned, each person holding an office for one of 50 countries:
    every derived relationship carries evidence from two articles (the clean-up's
    evidence lists grow with the corpus, unlike in ECB+, which has few)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for c in range(50):
        graph.add_node(f"country:C{c:02d}", labels=["Country"], name=f"C{c}", iso2=f"C{c % 10}", iso3=f"C{c:02d}",
                       aliases=[f"C{c}"])
    for i in range(count):
        graph.add_node(f"article:a{i}", labels=["Article"], path=f"a{i}.txt", sha256=f"{i:064x}", words=10)
        graph.add_node(f"person:p{i}", labels=["Person"], name=f"P {i}", aliases=[f"P {i}"])
        graph.add_node(f"event:e{i}", labels=["Event", "Meeting"], name=f"meeting {i}", source_count=1)
    for i in range(count):
        article, person, other = f"article:a{i}", f"person:p{i}", f"person:p{(i + 1) % count}"
        country = f"country:C{i % 50:02d}"
        for target in (person, other, country):
            graph.add_edge(article, target, key="MENTIONS", type="MENTIONS", count=1, starts=[0], ends=[3],
                           texts=["abc"])
        graph.add_edge(article, f"event:e{i}", key="REPORTS", type="REPORTS", sentences=["s."], starts=[0], ends=[2])
        for who in (person, other):
            graph.add_edge(who, f"event:e{i}", key="PARTICIPATED_IN", type="PARTICIPATED_IN",
                           evidence=[f"a{i}:0-3", f"a{(i + 1) % count}:4-7"])
        graph.add_edge(person, country, key="HOLDS_OFFICE", type="HOLDS_OFFICE", title="Minister",
                       evidence=[f"a{i}:0-3", f"a{(i + count - 1) % count}:8-9"])
    return graph


def changed(graph):
    """The same graph with every article's text hash changed: a reload redoes them all."""
    graph = graph.copy()
    for node, attrs in graph.nodes(data=True):
        if "Article" in attrs["labels"]:
            attrs["sha256"] = ("1" if attrs["sha256"].startswith("0") else "0") + attrs["sha256"][1:]
    return graph


def incremental(socket: Path, graph, count: int) -> None:
    """Reload N and 10N changed articles; print the times and their ratio. ``graph``
    None: the synthetic graph of N (and 10N) articles."""
    results = {}
    for n in (count, 10 * count):
        sub = synthetic(n) if graph is None else first_articles(graph, n)
        store = TimedStore(connect_falkordb(str(socket), f"incr{n}"))
        try:
            load_graph(store, sub)
            store.seconds, store.by_statement = 0.0, defaultdict(float)
            started = time.perf_counter()
            report = load_graph(store, changed(sub))
            total = time.perf_counter() - started
        finally:
            store.close()
        results[n] = total
        print(f"{n:>6} articles ({sub.number_of_nodes()} nodes, {sub.number_of_edges()} relationships), all "
              f"changed: reload {total:6.2f} s ({store.seconds:6.2f} s in database calls; "
              f"{report.articles_changed} changed)")
        for statement, seconds in sorted(store.by_statement.items(), key=lambda kv: -kv[1])[:TOP]:
            print(f"        {seconds:6.2f} s  {statement[:110]}")
    print(f"ratio (10N / N): {results[10 * count] / results[count]:.1f}x  (10 when linear, 100 when quadratic)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph-dir", type=Path, default=None, help=f"default: build {CACHE} from ECB+")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--incremental", type=int, default=None, metavar="N",
                        help="instead: reload N and 10N changed articles and print the time ratio")
    parser.add_argument("--synthetic", action="store_true",
                        help="with --incremental: a synthetic corpus whose derived relationships all carry evidence")
    args = parser.parse_args()
    if args.incremental and args.synthetic:
        workdir = Path(tempfile.mkdtemp(prefix="graphbuild-bench-"))
        server = start_falkordb(workdir)
        try:
            incremental(server.socket, None, args.incremental)
        finally:
            server.stop()
            shutil.rmtree(workdir, ignore_errors=True)
        return
    folder = args.graph_dir or ensure_graph(CACHE, ECBPLUS)
    graph = read_graph(folder)
    plan = plan_load(graph)
    rows = sum(len(step.rows) for step in plan.nodes + plan.relationships)
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships ({folder}); "
          f"{rows} rows to write, {len(plan.violations)} rows break the schema (not written)")

    workdir = Path(tempfile.mkdtemp(prefix="graphbuild-bench-"))
    server = start_falkordb(workdir)
    if args.incremental:
        try:
            incremental(server.socket, graph, args.incremental)
        finally:
            server.stop()
            shutil.rmtree(workdir, ignore_errors=True)
        return
    try:
        results = {}
        for label, batch_size in ((f"batched ({args.batch_size} rows/statement)", args.batch_size),
                                  ("one row per statement", 1)):
            total, in_db, report = timed_load(server.socket, graph, batch_size, f"bench{batch_size}")
            created = report.counters.nodes_created + report.counters.relationships_created
            if created != rows:
                raise SystemExit(f"expected {rows} nodes and relationships created, found {created}")
            results[batch_size] = (total, in_db)
            print(f"{label:>34}: {total:7.2f} s end to end ({rows / total:7.0f} rows/s), "
                  f"{in_db:7.2f} s in database calls ({report.batches} batches)")
        (batched, batched_db), (single, single_db) = results[args.batch_size], results[1]
        print(f"{'ratio (one row / batched)':>34}: {single / batched:7.1f}x end to end, "
              f"{single_db / batched_db:7.1f}x in database calls  (target >= 20x)")
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
