"""The pipeline's run report and its memory discipline (real model, real files)."""
from __future__ import annotations

import gc
import sys
import weakref

from graphbuild import pipeline
from graphbuild.extraction.nlp import load_pipeline
from graphbuild.pipeline import IngestOptions, ingest

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
