"""The one place the stages are composed: documents → extraction → resolution → graph → files.

``ingest`` streams articles through the NLP pipeline and keeps only what the graph
needs (article metadata and mention offsets), never the texts.
"""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import networkx as nx
from tqdm import tqdm

try:
    import resource
except ImportError:  # Windows: no peak RSS in the report
    resource = None

from graphbuild.config import NLP_BATCH_SIZE, OUT_DIR, TOP_ENTITIES
from graphbuild.documents import Reader
from graphbuild.errors import InputError, SchemaError
from graphbuild.extraction.extract import extract
from graphbuild.extraction.nlp import load_pipeline
from graphbuild.graph.build import build_graph
from graphbuild.graph.schema import load_schema
from graphbuild.graph.validate import validate_graph
from graphbuild.model import ArticleMeta, Document, Extraction, LocalEntity, MergeRecord, RunReport
from graphbuild.resolution.across_documents import join_defined_acronyms, merge_entities, retype_known_people
from graphbuild.resolution.events import resolve_events
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.offices import resolve_offices
from graphbuild.resolution.people import resolve_people
from graphbuild.resolution.within_document import resolve_article
from graphbuild.sinks.files import write_graph

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    paths: Sequence[str]
    out_dir: str = OUT_DIR
    model: str | None = None
    published_default: date | None = None
    on_error: str = "skip"  # skip | raise
    batch_size: int = NLP_BATCH_SIZE
    progress: bool | None = None  # None: only when stderr is a terminal
    # Extraction processes: 1 runs the model in this process; N > 1 uses a pool of N
    # (extraction/parallel.py). Same output either way.
    workers: int = 1
    # A Dask scheduler address (tcp://host:8786), or "local" for a LocalCluster of
    # `workers` processes: NLP + extraction run on the cluster (extraction/dask_engine.py).
    dask_scheduler: str | None = None


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    merge_log: list[MergeRecord]
    report: RunReport


def build(options: IngestOptions, *, nlp=None, stdin: BinaryIO | None = None,
          on_skip: Callable[[InputError], None] | None = None) -> BuildResult:
    """Read, extract and resolve; return the graph without writing anything.

    With ``on_error="raise"`` the first bad input raises its :class:`InputError`.
    """
    report = RunReport()
    reader = Reader(options.published_default, stdin=stdin, exclude=[options.out_dir])

    def documents() -> Iterator[Document]:
        seen: dict[str, Document] = {}
        for item in reader.read(options.paths):
            report.inputs_read += 1
            if isinstance(item, Document) and item.id in seen:
                first = seen[item.id]
                if first.sha256 == item.sha256:
                    log.info("%s: same article as %s (id %r); read once", item.where, first.where, item.id)
                    report.inputs_read -= 1
                    continue
                item = InputError(item.path, "a unique article id",
                                  f"id {item.id!r} already used by {first.where} for a different text", item.line)
            if isinstance(item, InputError):
                if options.on_error == "raise":
                    raise item
                report.skipped.append(item)
                if on_skip is not None:
                    on_skip(item)
                continue
            seen[item.id] = _without_text(item)
            yield item

    stages = _Stages()
    with stages("load model"):
        if options.dask_scheduler is None and options.workers <= 1:
            nlp = nlp if nlp is not None else load_pipeline(options.model)

    articles: list[ArticleMeta] = []
    local_entities: list[LocalEntity] = []
    offices: list = []  # OfficeHolding records
    event_mentions: list = []  # (ArticleMeta, EventMention tuple) per article
    resolve_seconds = 0.0
    with stages("read + nlp + extraction") as extraction_stage:
        stream = _extractions(options, documents(), nlp)
        gaz = gazetteer()  # after: a process pool starts loading the model meanwhile
        with tqdm(stream, desc="ingest", unit=" articles", disable=_progress_disabled(options.progress),
                  leave=False) as bar:
            for extraction in bar:
                tick = time.perf_counter()
                articles.append(extraction.article)
                article_entities = resolve_article(extraction, gaz)
                local_entities.extend(article_entities)
                offices.extend(resolve_offices(extraction, article_entities))
                event_mentions.append((extraction.article, extraction.events))
                resolve_seconds += time.perf_counter() - tick
        # The model is not needed any more: let it go before the graph is built (a model
        # passed in by the caller stays alive with the caller).
        stream = nlp = bar = None
        extraction_stage.seconds -= resolve_seconds
    stages.add("resolution (within articles)", resolve_seconds)
    report.files_ignored = len(reader.ignored)
    report.articles_ingested = len(articles)

    with stages("resolution (across articles)"):
        local_entities = retype_known_people(local_entities)
        local_entities, acronym_evidence = join_defined_acronyms(local_entities)
        people = resolve_people(local_entities, offices, gaz)
        local_entities, offices = people.local_entities, people.offices(offices)
        entities, merge_log = merge_entities(local_entities, gaz, {**acronym_evidence, **people.evidence})
        people = None
        events = resolve_events(event_mentions, local_entities, entities)
        event_mentions = None
    with stages("graph"):
        graph = build_graph(articles, entities, local_entities, offices=offices, events=events)
        articles = local_entities = offices = events = entities = None
        problems = validate_graph(graph, load_schema())
        if problems:
            raise SchemaError("the built graph breaks the schema:\n  " + "\n  ".join(problems[:20]))
    _summarise(graph, report)
    report.seconds_by_stage = stages.seconds
    report.peak_rss_mib_by_stage = stages.peak_rss_mib
    return BuildResult(graph, merge_log, report)


def ingest(options: IngestOptions, *, nlp=None, stdin: BinaryIO | None = None,
           on_skip: Callable[[InputError], None] | None = None) -> RunReport:
    """Build the graph and write it to ``options.out_dir``; return the run report."""
    result = build(options, nlp=nlp, stdin=stdin, on_skip=on_skip)
    stages = _Stages(result.report.seconds_by_stage, result.report.peak_rss_mib_by_stage)
    with stages("write"):
        result.report.outputs = write_graph(result.graph, options.out_dir, result.merge_log)
    return result.report


def _extractions(options: IngestOptions, documents: Iterator[Document], nlp) -> Iterator[Extraction]:
    """Extraction records in input order, here, on a process pool or on Dask. Reading
    (and so skipping and duplicate handling) always happens in this process."""
    if options.dask_scheduler is not None:
        from graphbuild.extraction.dask_engine import extract_dask

        return extract_dask(documents, options.model, options.dask_scheduler, batch_size=options.batch_size,
                            workers=options.workers)
    if options.workers > 1:
        from graphbuild.extraction.parallel import extract_parallel

        return extract_parallel(documents, options.model, options.workers, batch_size=options.batch_size)
    return extract(documents, nlp, batch_size=options.batch_size)


class _Stages:
    """Seconds and peak RSS (MiB, the process's high-water mark when the stage ended)
    per pipeline stage, for the run report and bench/bench_ingest.py."""

    def __init__(self, seconds: dict[str, float] | None = None, peak: dict[str, float] | None = None) -> None:
        self.seconds: dict[str, float] = seconds if seconds is not None else {}
        self.peak_rss_mib: dict[str, float] = peak if peak is not None else {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[_Stage]:
        stage = _Stage()
        started = time.perf_counter()
        yield stage
        self.add(name, time.perf_counter() - started + stage.seconds)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        peak = peak_rss_mib()
        if peak is not None:
            self.peak_rss_mib[name] = peak


@dataclass
class _Stage:
    seconds: float = 0.0  # an adjustment: time spent inside the stage that belongs to another


def peak_rss_mib() -> float | None:
    """This process's peak resident memory so far, in MiB (None where the OS cannot say)."""
    if resource is None:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def _without_text(document: Document) -> Document:
    # Keep only what duplicate detection needs; the text itself is not held on to.
    return Document(id=document.id, text="", path=document.path, line=document.line, sha256=document.sha256)


def _progress_disabled(progress: bool | None) -> bool | None:
    return None if progress is None else not progress


def _summarise(graph: nx.MultiDiGraph, report: RunReport) -> None:
    labels: Counter = Counter()
    for _, attrs in graph.nodes(data=True):
        labels.update(attrs.get("labels", []))
    report.nodes_by_label = dict(sorted(labels.items()))
    types = Counter(attrs["type"] for _, _, attrs in graph.edges(data=True))
    report.edges_by_type = dict(sorted(types.items()))
    reach: Counter = Counter()
    for source, target, attrs in graph.edges(data=True):
        if attrs["type"] == "MENTIONS":
            reach[target] += 1
    ranked = sorted(reach.items(), key=lambda item: (-item[1], graph.nodes[item[0]]["name"]))[:TOP_ENTITIES]
    report.top_entities = [(graph.nodes[n]["labels"][0], graph.nodes[n]["name"], count) for n, count in ranked]
