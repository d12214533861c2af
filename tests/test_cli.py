"""The CLI as users run it: a real process, real files, exit codes and stderr text."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import jsonschema
import pytest

from graphbuild.extraction.extract import TEST_SLOW_ARTICLE
from tests.conftest import REPO

pytestmark = pytest.mark.model


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "graphbuild", *map(str, args)], capture_output=True,
                          text=True, input=stdin, cwd=REPO)


def test_ingest_twice_gives_byte_identical_files(tmp_path, seeds_jsonl):
    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        result = run("ingest", seeds_jsonl, "--out", out)
        assert result.returncode == 0, result.stderr
    for name in ("graph.json", "graph.graphml", "merge-log.jsonl"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_summary_on_stdout_and_export_matches_its_json_schema(tmp_path, seeds_jsonl):
    result = run("ingest", seeds_jsonl, "--out", tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("articles: 2 read, 2 ingested, 0 skipped")
    assert "Jim Mattis (Person)" in result.stdout
    exported = json.loads((tmp_path / "graph.json").read_text("utf-8"))
    schema = json.loads((REPO / "schemas" / "graph-export.schema.json").read_text("utf-8"))
    jsonschema.validate(exported, schema)


def bad_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good1.txt").write_text("TOKYO — Jim Mattis met Itsunori Onodera on Friday.", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "latin1.txt").write_bytes("Caf\xe9 society".encode("latin-1"))
    (folder / "empty.md").write_bytes(b"")
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "good2", "text": "Song Young-moo met Jim Mattis in Seoul."}) + "\n"
        + "{not json\n" + json.dumps({"id": "no-text"}) + "\n", "utf-8")
    return folder


def test_bad_inputs_are_reported_and_the_good_articles_all_land(tmp_path):
    folder = bad_batch(tmp_path)
    out = tmp_path / "out"
    result = run("ingest", folder, tmp_path / "missing.txt", "--out", out)
    assert result.returncode == 3, result.stderr
    stderr = result.stderr
    assert f"skipped {folder / 'binary.txt'}: expected text, found binary data" in stderr
    assert f"skipped {folder / 'latin1.txt'}:1: expected UTF-8 text, found byte 0xe9" in stderr
    assert f"skipped {folder / 'empty.md'}: expected article text, found an empty file" in stderr
    assert f"skipped {folder / 'batch.jsonl'}:2: expected a JSON object, found invalid JSON" in stderr
    assert f"skipped {folder / 'batch.jsonl'}:3: expected a field 'text'" in stderr
    assert f"skipped {tmp_path / 'missing.txt'}: expected a file or a folder, found no such path" in stderr
    assert "6 skipped" in result.stdout
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    articles = sorted(n["id"] for n in graph["nodes"] if "Article" in n["labels"])
    assert articles == ["article:good1", "article:good2"]


def test_on_error_raise_stops_at_the_first_bad_input_and_writes_nothing(tmp_path):
    folder = bad_batch(tmp_path)
    out = tmp_path / "out"
    result = run("ingest", folder, "--out", out, "--on-error", "raise")
    assert result.returncode == 1
    assert "error: stopped at the first bad input" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_duplicate_id_with_a_different_text_is_reported(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "One text."}) + "\n" + json.dumps({"id": "a", "text": "Another."}) + "\n", "utf-8")
    result = run("ingest", path, "--out", tmp_path / "out")
    assert result.returncode == 3
    assert f"{path}:2: expected a unique article id, found id 'a' already used by {path}:1" in result.stderr


def test_stdin_and_published_default(tmp_path):
    result = run("ingest", "-", "--out", tmp_path, "--published-default", "2018-06-29",
                 stdin="Jim Mattis met Itsunori Onodera in Tokyo.")
    assert result.returncode == 0, result.stderr
    graph = json.loads((tmp_path / "graph.json").read_text("utf-8"))
    article = next(n for n in graph["nodes"] if "Article" in n["labels"])
    assert article["published"] == "2018-06-29" and article["path"] == "<stdin>"


def test_usage_errors_exit_2_and_help_documents_exit_codes():
    assert run("ingest").returncode == 2
    bad_date = run("ingest", "x", "--published-default", "29/06/2018")
    assert bad_date.returncode == 2 and "expected a date as YYYY-MM-DD" in bad_date.stderr
    helptext = run("ingest", "--help").stdout
    assert "Exit codes:" in helptext and "3  finished, but some inputs were skipped" in helptext


def test_unknown_model_is_a_clear_error():
    result = run("ingest", "x", "--model", "no_such_model")
    assert result.returncode == 1
    assert "expected an installed spaCy pipeline 'no_such_model'" in result.stderr


def test_verbose_ingest_prints_time_and_peak_memory_per_stage_on_stderr(tmp_path, seeds_jsonl):
    result = run("-v", "ingest", seeds_jsonl, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    stages = [line for line in result.stderr.splitlines() if "MiB" in line]
    assert [line.split()[1] for line in stages] == ["load", "read", "resolution", "resolution", "graph", "write"]
    assert "read + nlp + extraction" not in result.stdout  # the summary on stdout stays as it was


def test_an_unwritable_out_is_one_line_and_exit_1_before_any_parsing(tmp_path):
    (tmp_path / "a-file").write_text("x")
    out = tmp_path / "a-file" / "out"
    result = run("ingest", tmp_path / "a-file", "--out", out)
    assert result.returncode == 1
    assert result.stderr.startswith(f"graphbuild: error: expected a writable output folder, found {out}")
    assert len(result.stderr.splitlines()) == 1


def test_an_article_over_the_budget_given_is_reported_and_exit_3(tmp_path, small_batch):
    result = subprocess.run([sys.executable, "-m", "graphbuild", "ingest", str(small_batch), "--out",
                             str(tmp_path / "out"), "--article-timeout", "3"], capture_output=True, text=True,
                            cwd=REPO, env={**os.environ, TEST_SLOW_ARTICLE: "b-summit"})
    assert result.returncode == 3, result.stderr
    assert result.stderr == (f"graphbuild: skipped {small_batch}:4: expected extraction within 3 s, "
                             "found it still running after 3 s\n")
    assert result.stdout.startswith("articles: 4 read, 3 ingested, 1 skipped")
    helptext = run("ingest", "--help").stdout
    assert "--article-timeout SECONDS" in helptext and "143" in helptext
