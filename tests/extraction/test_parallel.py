"""`--workers N`: extraction on a process pool gives the same graph, byte for byte, and
the same skipped inputs as one process (reading stays in the parent); an article over
budget is reported with its line, a stuck worker is killed and replaced, and nothing
else is lost."""
from __future__ import annotations

import json
import multiprocessing
import shutil
import time
from pathlib import Path

import pytest

from graphbuild import pipeline
from graphbuild.errors import ConfigError, InputError
from graphbuild.extraction.extract import TEST_SLOW_ARTICLE, TEST_STUCK_ARTICLE
from graphbuild.pipeline import IngestOptions, ingest

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def mixed_input(folder: Path, seeds_jsonl: Path) -> Path:
    """The examples and the seeds, plus bad lines, a same-text duplicate (read once) and
    a different-text duplicate id (skipped) between good articles."""
    shutil.copytree(EXAMPLES, folder)
    shutil.copy(seeds_jsonl, folder / "seeds.jsonl")
    good = {"id": "extra-1", "text": "Jim Mattis met Itsunori Onodera in Tokyo on Friday.", "published": "2018-06-29"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "no-text"}), json.dumps(good),
             json.dumps({**good, "text": "Another text under the same id."}),
             json.dumps({"id": "extra-2", "text": "Song Young-moo visited Seoul.", "published": "2018-06-28"})]
    (folder / "zz-mixed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def test_two_workers_write_the_same_bytes_and_skip_the_same_inputs(tmp_path, nlp, seeds_jsonl, monkeypatch):
    folder = mixed_input(tmp_path / "in", seeds_jsonl)
    common = dict(paths=[str(folder)], published_default=None, progress=False)
    serial = ingest(IngestOptions(out_dir=str(tmp_path / "one"), **common), nlp=nlp)
    loaded_here = []  # with workers, the model is loaded in the workers only, never in this process
    monkeypatch.setattr(pipeline, "load_pipeline", lambda *args, **kwargs: loaded_here.append(args))
    parallel = ingest(IngestOptions(out_dir=str(tmp_path / "two"), workers=2, **common))
    assert loaded_here == []

    one = (tmp_path / "one" / "graph.json").read_bytes()
    assert one == (tmp_path / "two" / "graph.json").read_bytes()
    assert (tmp_path / "one" / "merge-log.jsonl").read_bytes() == (tmp_path / "two" / "merge-log.jsonl").read_bytes()
    assert b'"article:extra-2"' in one and b"Itsunori Onodera" in one  # the articles after the bad lines got through
    assert [str(e) for e in parallel.skipped] == [str(e) for e in serial.skipped]
    assert len(serial.skipped) == 3  # invalid JSON, no text, different text under a used id
    assert (parallel.inputs_read, parallel.articles_ingested) == (serial.inputs_read, serial.articles_ingested)


def test_two_workers_stop_at_the_first_bad_input_with_on_error_raise(tmp_path, seeds_jsonl):
    folder = mixed_input(tmp_path / "in", seeds_jsonl)
    with pytest.raises(InputError, match="expected a JSON object, found invalid JSON"):
        ingest(IngestOptions(paths=[str(folder)], out_dir=str(tmp_path / "out"), on_error="raise", workers=2,
                             progress=False))
    assert not (tmp_path / "out").exists()


def _article_ids(out: Path) -> set[str]:
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    return {n["id"].removeprefix("article:") for n in graph["nodes"] if "Article" in n["labels"]}


def test_two_workers_report_an_article_over_budget_with_its_line_and_keep_the_rest(tmp_path, small_batch, nlp,
                                                                                   monkeypatch):
    monkeypatch.setenv(TEST_SLOW_ARTICLE, "b-golf")
    common = dict(paths=[str(small_batch)], article_timeout=3, progress=False)
    parallel = ingest(IngestOptions(out_dir=str(tmp_path / "two"), workers=2, **common))
    assert [str(e) for e in parallel.skipped] == [
        f"{small_batch}:3: expected extraction within 3 s, found it still running after 3 s"]
    assert _article_ids(tmp_path / "two") == {"b-tokyo", "b-seoul", "b-summit"}
    serial = ingest(IngestOptions(out_dir=str(tmp_path / "one"), **common), nlp=nlp)
    assert [str(e) for e in serial.skipped] == [str(e) for e in parallel.skipped]
    assert (tmp_path / "one" / "graph.json").read_bytes() == (tmp_path / "two" / "graph.json").read_bytes()


def test_a_worker_stuck_where_no_signal_reaches_is_killed_and_replaced_and_nothing_else_is_lost(
        tmp_path, small_batch, monkeypatch):
    monkeypatch.setenv(TEST_STUCK_ARTICLE, "b-seoul")  # blocks the in-worker timer, as compiled code would
    # A budget of 3 s: room for an ordinary short article on a loaded machine (with 1 s, CI
    # once reported one of them too); the stuck one is given 3 × 3 + 3 s alone.
    report = ingest(IngestOptions(paths=[str(small_batch)], out_dir=str(tmp_path / "out"), workers=2,
                                  article_timeout=3, progress=False))
    assert [str(e) for e in report.skipped] == [
        f"{small_batch}:2: expected extraction within 3 s, found it still running after 12 s "
        "(its worker process was killed and replaced)"]
    assert _article_ids(tmp_path / "out") == {"b-tokyo", "b-golf", "b-summit"}
    assert multiprocessing.active_children() == []  # the pool, stuck worker included, is gone


def test_workers_that_cannot_load_the_model_fail_the_run_at_once_with_the_reason(tmp_path, small_batch):
    started = time.monotonic()
    with pytest.raises(ConfigError, match="expected an installed spaCy pipeline 'no_such_model'"):
        ingest(IngestOptions(paths=[str(small_batch)], out_dir=str(tmp_path / "out"), workers=2,
                             model="no_such_model", progress=False))
    assert time.monotonic() - started < 120  # multiprocessing.Pool used to respawn such workers for ever
    assert multiprocessing.active_children() == []
