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


# Every eighth ECB+ article (123 of 982, every topic, many outlets): the offsets are a
# property of each article alone, so a sample across all topics finds what the whole would.
ECBPLUS_STRIDE = 8


@pytest.fixture(scope="session")
def ecbplus_sample(ecbplus_jsonl, tmp_path_factory):
    lines = ecbplus_jsonl.read_text("utf-8").splitlines(keepends=True)[::ECBPLUS_STRIDE]
    path = tmp_path_factory.mktemp("ecbplus") / "sample.jsonl"
    path.write_text("".join(lines), "utf-8")
    return path, len(lines)


def test_ecbplus_offsets_slice_the_original_text(nlp, ecbplus_sample):
    path, count = ecbplus_sample
    built = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp)
    assert built.report.articles_ingested == count > 100
    assert not built.report.skipped
    assert assert_offsets_slice_texts(built.graph, load_texts(path)) > 1_200
