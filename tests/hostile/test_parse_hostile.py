"""The parse-hostile set on the real model: each shape finishes within its time limit
and its article is in the graph. A hang or a quadratic walk fails here (pytest-timeout)
instead of stalling a batch; bench/bench_scaling.py prints each shape's ratio for 4x
the text."""
from __future__ import annotations

import json
import os

import pytest

from graphbuild.pipeline import IngestOptions, build

from .parse_shapes import SHAPES

pytestmark = pytest.mark.model


def build_one(nlp, tmp_path, text: str, article_id: str = "hostile"):
    path = tmp_path / "article.jsonl"
    path.write_text(json.dumps({"id": article_id, "text": text, "published": "2018-06-29"}) + "\n", "utf-8")
    return build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp)


def article_ids(result) -> set[str]:
    return {n for n, attrs in result.graph.nodes(data=True) if "Article" in attrs["labels"]}


@pytest.mark.timeout(60)
def test_the_noun_root_sentence_that_looped_and_its_batch_are_all_in_the_graph(nlp, tmp_path):
    path = tmp_path / "batch.jsonl"
    texts = ["Jim Mattis met Itsunori Onodera in Tokyo on Friday.", "A day of talks with Abe and Trump: golf on Friday.",
             "Song Young-moo met Jim Mattis in Seoul on Thursday."]
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "text": t, "published": "2018-06-29"})
                              for i, t in enumerate(texts)) + "\n", "utf-8")
    result = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp)
    assert article_ids(result) == {"article:a0", "article:a1", "article:a2"}


# Shapes still slower than their limit on the real model, with where the time goes
# (cProfile via bench/bench_scaling.py --profile; docs/robustness.md "Parse-hostile
# text"). The code named is being made linear in the events work; until then they are
# marked and not run. GRAPHBUILD_HOSTILE_STRICT=1 runs them without the mark, to see
# which pass now; when one does, take it out of this table.
SLOW_TODAY: dict[str, str] = {
    # Linear since the events work (N -> 4N: 4.2 and 3.9, the time is the NLP's) and they pass
    # with GRAPHBUILD_HOSTILE_STRICT=1 (86 s and 88 s on two shared cores), too close to the
    # 120 s limit and too long for every `make test`.
    "10,000 one-line paragraphs": "passes in ~90 s of NLP on a loaded machine: run with GRAPHBUILD_HOSTILE_STRICT=1",
    "1 MB without punctuation": "passes in ~90 s of NLP on a loaded machine: run with GRAPHBUILD_HOSTILE_STRICT=1",
}
STRICT = os.environ.get("GRAPHBUILD_HOSTILE_STRICT") == "1"


def _cases():
    for name, (shape, _unit, size) in SHAPES.items():
        marks = [pytest.mark.timeout(120)]
        if name in SLOW_TODAY and not STRICT:
            # Not run: four expected timeouts would add 8 minutes to every `make test`.
            marks.append(pytest.mark.xfail(reason=SLOW_TODAY[name], run=False))
        yield pytest.param(name, shape, size, id=name, marks=marks)


@pytest.mark.parametrize(("name", "shape", "size"), list(_cases()))
def test_a_parse_hostile_article_finishes_and_is_in_the_graph(nlp, tmp_path, name, shape, size):
    text = shape(size)
    result = build_one(nlp, tmp_path, text)
    assert article_ids(result) == {"article:hostile"}
    assert result.report.articles_ingested == 1 and not result.report.skipped
    assert result.graph.nodes["article:hostile"]["words"] > 0
