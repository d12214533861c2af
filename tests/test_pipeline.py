"""The pipeline's run report, its memory discipline, and its fences: every article
finishes or is reported, and the graph is that of the articles that finished (real
model, real files)."""
from __future__ import annotations

import errno
import gc
import json
import os
import sys
import time
import weakref
from pathlib import Path

import pytest

from graphbuild import pipeline
from graphbuild.errors import InputError, SinkError
from graphbuild.extraction.extract import TEST_SLOW_ARTICLE
from graphbuild.extraction.nlp import load_pipeline
from graphbuild.model import RunReport
from graphbuild.pipeline import IngestOptions, ingest
from graphbuild.resolution.events import across_articles as resolution_events  # where resolve_events looks it up
from graphbuild.sinks import files
from tests.conftest import SMALL_BATCH, write_jsonl

STAGES = ["load model", "read + nlp + extraction", "resolution (within articles)",
          "resolution (across articles)", "graph", "write"]


def test_the_report_gives_seconds_and_peak_memory_for_every_stage_in_order(nlp, seeds_jsonl, tmp_path):
    report = ingest(IngestOptions(paths=[str(seeds_jsonl)], out_dir=str(tmp_path), progress=False), nlp=nlp)
    assert list(report.seconds_by_stage) == STAGES
    assert all(seconds >= 0 for seconds in report.seconds_by_stage.values())
    if sys.platform.startswith("linux"):
        peaks = [report.peak_rss_mib_by_stage[stage] for stage in STAGES]
        assert peaks == sorted(peaks) and peaks[0] > 50  # a high-water mark: never falls; the model alone is bigger


def test_a_model_the_pipeline_loaded_is_released_before_the_graph_is_built(seeds_jsonl, monkeypatch):
    loaded = []

    def load(model=None):
        nlp = load_pipeline(model)
        loaded.append(weakref.ref(nlp))
        return nlp

    alive_at_graph = []
    build_graph = pipeline.build_graph

    def watch_build_graph(*args, **kwargs):
        gc.collect()
        alive_at_graph.append(loaded[0]() is not None)
        return build_graph(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_pipeline", load)
    monkeypatch.setattr(pipeline, "build_graph", watch_build_graph)
    result = pipeline.build(IngestOptions(paths=[str(seeds_jsonl)], progress=False))
    assert result.report.articles_ingested == 2
    assert alive_at_graph == [False]


def test_a_model_passed_in_stays_usable_after_the_run(nlp, seeds_jsonl):
    pipeline.build(IngestOptions(paths=[str(seeds_jsonl)], progress=False), nlp=nlp)
    assert [ent.text for ent in nlp("Jim Mattis met Itsunori Onodera in Tokyo.").ents][:1] == ["Jim Mattis"]


# ---------------------------------------------------------------- every article finishes


def _run(batch: Path, out: Path, nlp, **options) -> RunReport:
    return ingest(IngestOptions(paths=[str(batch)], out_dir=str(out), progress=False, **options), nlp=nlp)


def _without(batch: Path, nlp, *ids: str) -> bytes:
    """graph.json of the small batch without the articles ``ids``: the same file, with
    blank lines (which readers pass over) in their place, so paths and lines are equal."""
    write_jsonl(batch, [a if a["id"] not in ids else {} for a in SMALL_BATCH])
    batch.write_text(batch.read_text("utf-8").replace("{}\n", "\n"), "utf-8")
    out = batch.parent.parent / "without-out"
    _run(batch, out, nlp)
    return (out / "graph.json").read_bytes()


def test_the_issue_article_and_its_batch_finish_with_every_article_in_the_graph(nlp, small_batch, tmp_path):
    report = _run(small_batch, tmp_path / "out", nlp)
    assert report.skipped == [] and report.articles_ingested == 4
    graph = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert {n["id"] for n in graph["nodes"] if "Article" in n["labels"]} == {f"article:{a['id']}" for a in SMALL_BATCH}


def test_an_article_over_its_budget_is_reported_and_the_graph_is_that_of_the_rest(nlp, small_batch, tmp_path,
                                                                                  monkeypatch):
    monkeypatch.setenv(TEST_SLOW_ARTICLE, "b-seoul")
    started = time.monotonic()
    report = _run(small_batch, tmp_path / "out", nlp, article_timeout=3)
    assert time.monotonic() - started < 60
    assert [str(e) for e in report.skipped] == [
        f"{small_batch}:2: expected extraction within 3 s, found it still running after 3 s"]
    monkeypatch.delenv(TEST_SLOW_ARTICLE)
    assert (tmp_path / "out" / "graph.json").read_bytes() == _without(small_batch, nlp, "b-seoul")


def test_an_exception_in_one_articles_resolution_skips_only_that_article(nlp, small_batch, tmp_path, monkeypatch):
    resolve_article = pipeline.resolve_article

    def fails_on_golf(extraction, gaz):
        if extraction.article.id == "b-golf":
            raise ValueError("expected a name, found ''")
        return resolve_article(extraction, gaz)

    monkeypatch.setattr(pipeline, "resolve_article", fails_on_golf)
    report = _run(small_batch, tmp_path / "out", nlp)
    assert [str(e) for e in report.skipped] == [
        f"{small_batch}:3: expected within-article resolution to succeed, found ValueError: expected a name, found ''"]
    monkeypatch.undo()
    assert (tmp_path / "out" / "graph.json").read_bytes() == _without(small_batch, nlp, "b-golf")


def test_an_article_whose_event_resolution_hangs_or_fails_is_left_out_of_every_stage(nlp, small_batch, tmp_path,
                                                                                       monkeypatch):
    resolve_article_events = resolution_events.resolve_article_events

    def misbehaves(article, mentions, local_entities, **options):
        if article.id == "b-tokyo":
            time.sleep(30)
        if article.id == "b-summit":
            raise RecursionError("maximum recursion depth exceeded")
        return resolve_article_events(article, mentions, local_entities, **options)

    monkeypatch.setattr(resolution_events, "resolve_article_events", misbehaves)
    report = _run(small_batch, tmp_path / "out", nlp, article_timeout=2)
    assert [str(e) for e in report.skipped] == [
        f"{small_batch}:1: expected event resolution within 2 s, found it still running after 2 s",
        f"{small_batch}:4: expected event resolution to succeed, found RecursionError: maximum recursion depth exceeded"]
    assert report.articles_ingested == 2
    monkeypatch.undo()
    # nothing of theirs stays: no mention, no entity only they named, no merge-log line
    assert (tmp_path / "out" / "graph.json").read_bytes() == _without(small_batch, nlp, "b-tokyo", "b-summit")


def test_a_corpus_wide_step_that_fails_with_one_article_is_traced_to_it_by_bisection(nlp, small_batch, tmp_path,
                                                                                     monkeypatch):
    merge_entities = pipeline.merge_entities
    calls = []

    def fails_with_seoul(local_entities, gaz, *evidence):
        local_entities = list(local_entities)
        calls.append(len(local_entities))
        if any(local.article_id == "b-seoul" for local in local_entities):
            raise KeyError("person:")
        return merge_entities(local_entities, gaz, *evidence)

    monkeypatch.setattr(pipeline, "merge_entities", fails_with_seoul)
    report = _run(small_batch, tmp_path / "out", nlp)
    assert [str(e) for e in report.skipped] == [
        f"{small_batch}:2: expected cross-article resolution to succeed, found KeyError: 'person:'"]
    assert len(calls) <= 2 + 1 + 3  # the failing run, the bisection (log2 4 + the empty check), the final run
    monkeypatch.undo()
    assert (tmp_path / "out" / "graph.json").read_bytes() == _without(small_batch, nlp, "b-seoul")


def test_a_corpus_wide_failure_that_no_article_causes_is_raised_not_hidden(nlp, small_batch, tmp_path, monkeypatch):
    def always_fails(local_entities, gaz, *evidence):
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline, "merge_entities", always_fails)
    with pytest.raises(RuntimeError, match="a bug"):
        _run(small_batch, tmp_path / "out", nlp)


def test_on_error_raise_stops_at_the_first_article_that_fails(nlp, small_batch, tmp_path, monkeypatch):
    monkeypatch.setenv(TEST_SLOW_ARTICLE, "b-golf")
    with pytest.raises(InputError, match=r"batch.jsonl:3: expected extraction within 2 s"):
        _run(small_batch, tmp_path / "out", nlp, article_timeout=2, on_error="raise")
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- the output folder


def test_an_unusable_out_is_reported_before_the_model_is_loaded_or_anything_parsed(small_batch, tmp_path,
                                                                                   monkeypatch):
    loaded = []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: loaded.append(model))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for out in (blocker, blocker / "out"):
        with pytest.raises(SinkError, match=f"expected a writable output folder, found {out}"):
            ingest(IngestOptions(paths=[str(small_batch)], out_dir=str(out), progress=False))
    assert loaded == []


def test_a_full_disk_at_the_end_is_one_clear_error_and_the_previous_set_stays(nlp, small_batch, tmp_path,
                                                                              monkeypatch):
    out = tmp_path / "out"
    _run(small_batch, out, nlp)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def disk_full(graph, handle):
        handle.write(b"<?xml version='1.0'?>")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "write_graphml", disk_full)
    with pytest.raises(SinkError, match=r"expected to write .*graph.graphml, found No space left on device"):
        _run(small_batch.parent, out, nlp)  # the folder: same articles, another path, so a new graph.json
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file, no new file
