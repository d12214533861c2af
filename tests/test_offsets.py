"""Every MENTIONS offset slices the original article text to exactly the recorded form."""
from __future__ import annotations

import json

import pytest

from graphbuild.pipeline import IngestOptions, build

pytestmark = pytest.mark.model


def load_texts(jsonl_path):
    texts = {}
    with open(jsonl_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts["article:" + str(record["id"])] = record["text"]
    return texts


def assert_offsets_slice_texts(graph, texts):
    checked = 0
    for source, _, attrs in graph.edges(data=True):
        if attrs["type"] != "MENTIONS":
            continue
        assert attrs["count"] == len(attrs["starts"]) == len(attrs["ends"]) == len(attrs["texts"])
        text = texts[source]
        for start, end, surface in zip(attrs["starts"], attrs["ends"], attrs["texts"]):
            assert text[start:end] == surface, (source, start, end, surface)
            checked += 1
    return checked


def test_seed_offsets_slice_the_original_text(seed_graph, seeds_jsonl):
    assert assert_offsets_slice_texts(seed_graph, load_texts(seeds_jsonl)) > 100


@pytest.fixture(scope="session")
def ecbplus_build(nlp, ecbplus_jsonl):
    return build(IngestOptions(paths=[str(ecbplus_jsonl)], progress=False), nlp=nlp)


def test_ecbplus_offsets_slice_the_original_text(ecbplus_build, ecbplus_jsonl):
    assert ecbplus_build.report.articles_ingested == 982
    assert not ecbplus_build.report.skipped
    assert assert_offsets_slice_texts(ecbplus_build.graph, load_texts(ecbplus_jsonl)) > 10_000
