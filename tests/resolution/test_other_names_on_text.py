"""Other names of one entity inside an article, on real parses of Wikinews sentences: a name
without its kind word."""
from __future__ import annotations

import pytest

from graphbuild.pipeline import IngestOptions, build
from tests.conftest import write_jsonl

ARTICLES = [
    # wn-ukraine-subpoena-pompeo
    {"id": "burisma", "published": "2019-09-30",
     "text": "Biden pressured the government of Ukraine to reduce corruption but at the same time interfered with an "
             "investigation into Burisma Holdings; Hunter Biden was on the board of the company at the time. An "
             "investigation by PolitiFact found no such action, and the investigation into Burisma had already been "
             "inactive for more than a year."},
]


@pytest.fixture(scope="module")
def nodes(nlp, tmp_path_factory):
    path = write_jsonl(tmp_path_factory.mktemp("other-names") / "a.jsonl", ARTICLES)
    graph = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp).graph
    return {attrs["name"]: (set(attrs.get("labels") or ()), set(attrs.get("aliases") or ()))
            for _, attrs in graph.nodes(data=True) if attrs.get("name")}


@pytest.mark.model
def test_a_company_without_its_kind_word_is_the_company(nodes):
    labels, aliases = nodes["Burisma Holdings"]
    assert "Organization" in labels and aliases == {"Burisma Holdings", "Burisma"}
    assert "Burisma" not in nodes
