"""`--workers N`: extraction on a process pool gives the same graph, byte for byte, and
the same skipped inputs as one process (reading stays in the parent)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graphbuild import pipeline
from graphbuild.errors import InputError
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
