"""The one place the stages are composed: documents → extraction → resolution → graph → files.

``ingest`` streams articles through the NLP pipeline and keeps only what the graph
needs (article metadata and mention offsets), never the texts.

Every per-article step is fenced (graphbuild/fence.py): reading, NLP and extraction
(in whichever process runs them), within-article resolution (entities, offices), and
each article's part in the cross-article resolution (its events and their dates). An
article that raises or runs past its time budget is reported like bad input and left
out; the others go on. An exception in a corpus-wide step (merging entities or events)
is traced by bisection to the article whose presence causes it, which is then left out
the same way. Either way the graph is exactly the graph of the batch without the
articles left out.
"""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from itertools import chain
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

import networkx as nx
from tqdm import tqdm

try:
    import resource
except ImportError:  # Windows: no peak RSS in the report
    resource = None

from graphbuild.config import ARTICLE_TIMEOUT, CROSS_ARTICLE_ISOLATIONS, NLP_BATCH_SIZE, OUT_DIR, TOP_ENTITIES
from graphbuild.documents import Reader
from graphbuild.errors import InputError, SchemaError
from graphbuild.cache import CachedStream, ExtractionCache
from graphbuild.codec import layout_fingerprint
from graphbuild.extraction.extract import EXTRACTION_VERSION, article_meta, extract, extraction_fingerprint
from graphbuild.extraction.nlp import load_pipeline, pipeline_identity
from graphbuild.fence import article_seconds, failure_error, fenced
from graphbuild.graph.build import build_graph
from graphbuild.graph.schema import load_schema
from graphbuild.graph.validate import validate_graph
from graphbuild.model import (ArticleMeta, Document, EntityNode, EventMention, EventNode, Extraction, LocalEntity,
                              LocalEvent, MergeRecord, OfficeHolding, RunReport)
from graphbuild.resolution.across_documents import join_defined_acronyms, merge_entities, retype_known_people
from graphbuild.resolution.events import resolve_events
from graphbuild.resolution.geo import Gazetteer, gazetteer, keep_gazetteer, stored_gazetteer
from graphbuild.resolution.offices import resolve_offices
from graphbuild.resolution.common_nouns import without_common_noun_names
from graphbuild.resolution.country_context import article_countries, split_by_shared_story, split_generic_names
from graphbuild.resolution.stated_places import towns_as_the_corpus_writes_them
from graphbuild.resolution.organization_forms import join_organization_forms
from graphbuild.resolution.people import resolve_people
from graphbuild.resolution.within_document import resolve_article
from graphbuild.rules import OfficeRule
from graphbuild.sinks.files import check_output_folder, write_graph

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
    # Time budget per article: seconds per 10,000 characters, at least this (fence.py);
    # None or 0: no budget.
    article_timeout: float | None = ARTICLE_TIMEOUT
    # Folder of the extraction cache (cache.py): articles seen before with the same
    # model and extraction are not parsed again. None: no cache (the CLI's default is
    # OUT/.cache; `--no-cache` gives None).
    cache: str | None = None


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    merge_log: list[MergeRecord]
    report: RunReport


@dataclass
class _Article:
    """What the run keeps of one article once its own resolution is done."""

    meta: ArticleMeta
    entities: list[LocalEntity]
    offices: list[OfficeHolding]
    events: tuple[EventMention, ...]


@dataclass
class _Across:
    """The cross-article resolution of a set of articles."""

    articles: list[ArticleMeta]
    local_entities: list[LocalEntity]
    offices: list[OfficeHolding]
    entities: dict[str, EntityNode]
    merge_log: list[MergeRecord]
    events: list[EventNode]


def build(options: IngestOptions, *, nlp=None, stdin: BinaryIO | None = None,
          on_skip: Callable[[InputError], None] | None = None) -> BuildResult:
    """Read, extract and resolve; return the graph without writing anything.

    With ``on_error="raise"`` the first bad input (or article that fails) raises its
    :class:`InputError`.
    """
    report = RunReport()
    reader = Reader(options.published_default, stdin=stdin, exclude=[options.out_dir])
    budgets: dict[str, float | None] = {}  # article id → its time budget

    def skip(error: InputError) -> None:
        if options.on_error == "raise":
            raise error
        report.skipped.append(error)
        if on_skip is not None:
            on_skip(error)

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
                skip(item)
                continue
            seen[item.id] = _without_text(item)
            budgets[item.id] = article_seconds(len(item.text), options.article_timeout)
            yield item

    def to_parse(documents: Iterator[Document]) -> Iterator[Document]:
        for document in documents:
            report.articles_parsed += 1
            yield document

    stages = _Stages()
    cache = _open_cache(options)
    local = _LocalModel(nlp, options.model)
    with stages("load model"):
        if options.dask_scheduler is None and options.workers <= 1 and cache is None:
            local.load()  # now; with a cache, only once an article needs parsing
    loaded_before = local.load_seconds

    kept: list[_Article] = []
    resolve_seconds = 0.0
    finished = False
    with stages("read + nlp + extraction") as extraction_stage:
        stream = _extractions(options, documents(), local, cache, to_parse)
        try:
            with closing(stream):  # stops worker processes however the loop ends
                # after: a process pool starts loading the model meanwhile; with a cache, the
                # gazetteer is read from beside it (stored there after the first finished run)
                gaz = stored_gazetteer(options.cache) if options.cache is not None else gazetteer()
                with tqdm(stream, desc="ingest", unit=" articles", disable=_progress_disabled(options.progress),
                          leave=False) as bar:
                    for item in bar:
                        tick = time.perf_counter()
                        if isinstance(item, InputError):
                            skip(item)
                        else:
                            try:
                                kept.append(_resolve_within(item, gaz, budgets[item.article.id]))
                            except InputError as error:
                                skip(error)
                        resolve_seconds += time.perf_counter() - tick
            finished = True
            if cache is not None:
                keep_gazetteer(options.cache)  # for the next run (resolution/geo.py)
        finally:
            if cache is not None:  # what was parsed is kept, also when the run stops here
                cache.close(finished=finished)
                report.cache_hits, report.cache = cache.hits, str(cache.path)
                log.info("extraction cache %s: %d hits, %d misses", cache.path, cache.hits, cache.misses)
        # Loaded during extraction (only with a cache, once an article needed parsing):
        # that time belongs to "load model".
        lazy_load = local.load_seconds if loaded_before is None else None
        # The model is not needed any more: let it go before the graph is built (a model
        # passed in by the caller stays alive with the caller).
        stream = nlp = bar = local = None
        extraction_stage.seconds -= resolve_seconds + (lazy_load or 0.0)
    if lazy_load is not None:
        stages.add("load model", lazy_load)
    stages.add("resolution (within articles)", resolve_seconds)
    report.files_ignored = len(reader.ignored)

    with stages("resolution (across articles)"):
        across = _resolve_across(kept, gaz, budgets, skip)
        kept = None
    report.articles_ingested = len(across.articles)
    with stages("graph"):
        graph = build_graph(across.articles, across.entities, across.local_entities, offices=across.offices,
                            events=across.events)
        merge_log, across = across.merge_log, None
        problems = validate_graph(graph, load_schema())
        if problems:
            raise SchemaError("the built graph breaks the schema:\n  " + "\n  ".join(problems[:20]))
    _summarise(graph, report)
    report.seconds_by_stage = stages.seconds
    report.peak_rss_mib_by_stage = stages.peak_rss_mib
    return BuildResult(graph, merge_log, report)


def ingest(options: IngestOptions, *, nlp=None, stdin: BinaryIO | None = None,
           on_skip: Callable[[InputError], None] | None = None) -> RunReport:
    """Build the graph and write it to ``options.out_dir``; return the run report.

    The output folder is checked first (created if needed, a probe file written), so an
    unwritable or full ``--out`` fails at once, not after the parse."""
    check_output_folder(options.out_dir)
    result = build(options, nlp=nlp, stdin=stdin, on_skip=on_skip)
    stages = _Stages(result.report.seconds_by_stage, result.report.peak_rss_mib_by_stage)
    with stages("write"):
        result.report.outputs = write_graph(result.graph, options.out_dir, result.merge_log)
    return result.report


def _extractions(options: IngestOptions, documents: Iterator[Document], local: "_LocalModel",
                 cache: ExtractionCache | None, to_parse: Callable[[Iterator[Document]], Iterator[Document]]):
    """Extraction records (or the InputError of an article that failed) in input order,
    from the cache, here, on a process pool or on Dask; closable. Reading (and so
    skipping and duplicate handling) and the cache always stay in this process: workers
    get only the articles to parse."""
    seconds = options.article_timeout

    def extract_these(misses: Iterator[Document]):
        misses = to_parse(misses)
        if options.dask_scheduler is not None:
            from graphbuild.extraction.dask_engine import extract_dask

            return extract_dask(misses, options.model, options.dask_scheduler, batch_size=options.batch_size,
                                workers=options.workers, seconds=seconds)
        if options.workers > 1:
            from graphbuild.extraction.parallel import extract_parallel

            return extract_parallel(misses, options.model, options.workers, batch_size=options.batch_size,
                                    seconds=seconds, start_now=cache is None)
        return _extract_here(misses, local, options)

    if cache is None:
        return extract_these(documents)
    return CachedStream(documents, cache, extract_these, article_meta)


class _LocalModel:
    """The pipeline for extraction in this process: the one passed in, or loaded on
    first use (never, when every article comes from the cache)."""

    def __init__(self, nlp, model: str | None):
        self.nlp, self.model, self.load_seconds = nlp, model, None

    def load(self):
        if self.nlp is None:
            started = time.perf_counter()
            self.nlp = load_pipeline(self.model)
            self.load_seconds = time.perf_counter() - started
        return self.nlp


def _extract_here(documents: Iterator[Document], local: _LocalModel, options: IngestOptions):
    documents = iter(documents)
    first = next(documents, None)
    if first is None:
        return
    yield from extract(chain([first], documents), local.load(), batch_size=options.batch_size,
                       seconds=options.article_timeout)


def _open_cache(options: IngestOptions) -> ExtractionCache | None:
    if options.cache is None:
        return None
    settings = {
        "pipeline": pipeline_identity(options.model),
        "extraction_version": EXTRACTION_VERSION,
        "extraction_code": extraction_fingerprint(),
        "records": layout_fingerprint(Extraction),
        # No option changes what extraction finds: batch size, workers and the engine
        # give the same records (tested byte for byte), and the time budget only decides
        # whether an article is kept, and failed articles are never stored.
    }
    return ExtractionCache(options.cache, settings)


def _resolve_within(extraction: Extraction, gaz: Gazetteer, budget: float | None) -> _Article:
    """One article's own resolution (entities, then offices), fenced."""
    article = extraction.article

    def resolve() -> _Article:
        entities = resolve_article(extraction, gaz)
        return _Article(article, entities, resolve_offices(extraction, entities), extraction.events)

    return fenced(resolve, step="within-article resolution", path=article.path, line=article.line, budget=budget)


def _across(kept: list[_Article], gaz: Gazetteer,
            fence: Callable[[ArticleMeta, Callable[[], list[LocalEvent]]], list[LocalEvent]]) -> _Across:
    holders = frozenset((office.article_id, office.person_id) for article in kept for office in article.offices)
    local_entities = retype_known_people([entity for article in kept for entity in article.entities], holders, gaz)
    local_entities, acronym_evidence = join_defined_acronyms(local_entities)
    local_entities, form_evidence = join_organization_forms(local_entities, gaz)
    local_entities = without_common_noun_names(local_entities)
    countries = article_countries(local_entities)  # the generic-name split moves no country: one count for both
    local_entities, generic_evidence = split_generic_names(local_entities, countries, gaz)
    local_entities, story_evidence = split_by_shared_story(local_entities)
    local_entities, town_evidence = towns_as_the_corpus_writes_them(local_entities, gaz, countries)
    stated = [office for article in kept for office in article.offices]
    # A stand-in ("North Korean leader Kim Jong-un") is no office: only the event merge reads it.
    offices = [office for office in stated if office.rule is not OfficeRule.STAND_IN]
    people = resolve_people(local_entities, offices, gaz)
    local_entities, offices = people.local_entities, people.offices(offices)
    stand_ins = people.offices([office for office in stated if office.rule is OfficeRule.STAND_IN])
    entities, merge_log = merge_entities(local_entities, gaz, {**acronym_evidence, **form_evidence, **generic_evidence, **story_evidence, **town_evidence,
                                                                   **people.evidence})
    people = None
    events = resolve_events(((article.meta, article.events) for article in kept), local_entities, entities,
                            fence=fence, offices=offices + stand_ins)
    return _Across([article.meta for article in kept], local_entities, offices, entities, merge_log, events)


def _resolve_across(kept: list[_Article], gaz: Gazetteer, budgets: dict[str, float | None],
                    skip: Callable[[InputError], None]) -> _Across:
    """The cross-article resolution of the kept articles, leaving out (and reporting)
    each article whose part fails: its events (fenced one by one), or a corpus-wide
    step that fails with it and not without it (found by bisection). Run again on the
    rest after each exclusion, so the result is exactly that of the rest."""
    isolated = 0
    for _ in range(len(kept) + 1):  # every round that does not return leaves out at least one article
        failed: dict[str, InputError] = {}
        try:
            across = _across(kept, gaz, _event_fence(budgets, failed))
        except Exception as exc:  # noqa: BLE001 -- a corpus-wide step failed: find the article
            culprit = _first_breaking(kept, lambda subset: _across(subset, gaz, _event_fence(budgets, {})))
            if culprit is None or isolated >= CROSS_ARTICLE_ISOLATIONS:
                raise  # not any one article's doing: a bug, reported as one
            isolated += 1
            failed = {culprit.meta.id: failure_error(culprit.meta.path, culprit.meta.line,
                                                     "cross-article resolution", exc)}
        else:
            if not failed:
                return across
        for error in failed.values():
            skip(error)
        kept = [article for article in kept if article.meta.id not in failed]
    raise AssertionError("unreachable: each round leaves out an article or returns")


def _event_fence(budgets: dict[str, float | None], failed: dict[str, InputError]):
    def fence(article: ArticleMeta, compute: Callable[[], list[LocalEvent]]) -> list[LocalEvent]:
        try:
            return fenced(compute, step="event resolution", path=article.path, line=article.line,
                          budget=budgets.get(article.id))
        except InputError as error:
            failed.setdefault(article.id, error)
            return []

    return fence


def _first_breaking(kept: list[_Article], run: Callable[[list[_Article]], object]) -> _Article | None:
    """The article whose addition makes ``run`` fail, by bisection over prefixes of
    ``kept`` (``run(kept)`` fails): about log2(n) runs. ``None`` if ``run`` fails even
    with no article at all."""
    def breaks(count: int) -> bool:
        try:
            run(kept[:count])
        except Exception:  # noqa: BLE001
            return True
        return False

    if breaks(0):
        return None
    good, bad = 0, len(kept)
    while bad - good > 1:
        middle = (good + bad) // 2
        if breaks(middle):
            bad = middle
        else:
            good = middle
    return kept[bad - 1]


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
