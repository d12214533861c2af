"""The real CLI on the generated hostile input set: every item is ingested or reported
with file, line and reason; the good articles all land; nothing partial is written."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from graphbuild.extraction.extract import CHUNK_CHARS

from .make_hostile import PARAGRAPH, Manifest, make_hostile

pytestmark = [pytest.mark.model, pytest.mark.timeout(300)]  # a hang in one input fails here, not the suite

REPO = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run([sys.executable, "-m", "graphbuild", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Manifest:
    return make_hostile(tmp_path_factory.mktemp("hostile") / "in")


@pytest.fixture(scope="module")
def skip_run(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-out")
    return run("ingest", hostile.folder, "--out", out, "--no-progress"), out


def test_every_item_is_ingested_or_reported_with_file_line_and_reason(hostile, skip_run):
    result, _ = skip_run
    assert result.returncode == 3, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    reports = [line for line in result.stderr.splitlines() if line.startswith("graphbuild: skipped ")]
    assert len(reports) == len(hostile.skipped), "\n".join(reports)
    for expected, line in zip(hostile.skipped, reports):
        assert line.startswith("graphbuild: " + expected.prefix), (expected, line)
        assert expected.reason in line, (expected, line)
    summary = result.stdout.splitlines()[0]
    assert summary == (f"articles: {hostile.read} read, {len(hostile.ingested)} ingested, "
                       f"{len(hostile.skipped)} skipped; 1 non-article files in folders ignored")


def test_all_good_articles_are_in_the_graph_with_their_strings_kept_exactly(hostile, skip_run):
    _, out = skip_run
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    nodes = {n["id"]: n for n in graph["nodes"]}
    articles = sorted(i for i, n in nodes.items() if "Article" in n["labels"])
    assert articles == sorted("article:" + a for a in hostile.ingested)
    assert nodes["article:j-controls"]["title"] == "Tab\tand\u0001SOH"
    assert nodes["article:j-control-id\u0007"]["url"] == "http://e/\u0000"
    assert nodes["article:j-rtl-emoji"]["source"] == "ﺍﻟﺠﺰﻳﺮﺓ 📰"
    assert nodes["article:a04-utf16-be"]["title"] == "Ministers meet"
    # GraphML is XML: characters XML cannot hold are replaced there, and the file parses.
    ET.parse(out / "graph.graphml")


def test_a_long_article_is_read_whole_across_chunks(hostile, skip_run):
    """The big article is parsed in chunks: every paragraph's mention of
    Jim Mattis is counted, with offsets into the whole text."""
    _, out = skip_run
    graph = json.loads((out / "graph.json").read_text("utf-8"))
    text = (hostile.folder / "a09-big.txt").read_text("utf-8")
    assert len(text) > 3 * CHUNK_CHARS
    article = next(n for n in graph["nodes"] if n["id"] == "article:a09-big")
    assert article["words"] == len(text.split()) - 2  # all but the dateline "TOKYO —", which is masked
    mentions = next(e for e in graph["edges"] if e["source"] == "article:a09-big"
                    and e["target"] == "person:jim-mattis" and e["type"] == "MENTIONS")
    assert mentions["count"] == text.count("Jim Mattis") == text.count(PARAGRAPH)
    assert all(text[s:e] == "Jim Mattis" for s, e in zip(mentions["starts"], mentions["ends"]))
    assert max(mentions["starts"]) > 3 * CHUNK_CHARS


def test_on_error_raise_stops_at_the_first_bad_item_and_writes_nothing(hostile, tmp_path):
    fresh = tmp_path / "fresh"
    result = run("ingest", hostile.folder, "--out", fresh, "--on-error", "raise", "--no-progress")
    assert result.returncode == 1
    first = hostile.skipped[0]
    assert result.stderr.strip() == (f"graphbuild: error: stopped at the first bad input (--on-error raise): "
                                     f"{first.file}: {first.reason}")
    assert not fresh.exists()
    # An earlier graph in --out is left exactly as it was.
    old = tmp_path / "old"
    old.mkdir()
    (old / "graph.json").write_text('{"old": true}\n', "utf-8")
    again = run("ingest", hostile.folder, "--out", old, "--on-error", "raise", "--no-progress")
    assert again.returncode == 1
    assert sorted(p.name for p in old.iterdir()) == ["graph.json"]
    assert (old / "graph.json").read_text("utf-8") == '{"old": true}\n'
