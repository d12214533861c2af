"""People across articles on real parses: East Asian names written three ways by three
outlets are one person (real model, our own sentences)."""
from __future__ import annotations

import pytest

from graphbuild.pipeline import IngestOptions, build
from tests.conftest import write_jsonl

ARTICLES = [
    {"id": "ea-1", "title": "Summit in Tokyo", "published": "2023-03-16",
     "text": "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday. "
             "Kishida said the two leaders agreed to restart regular visits. Yoon said the meeting was a turning point."},
    {"id": "ea-2", "title": "Leaders meet", "published": "2023-03-16",
     "text": "South Korea's Yoon Suk-yeol and Japan's Kishida held their first summit in years. "
             "Yoon told reporters that ties had improved."},
    {"id": "ea-3", "title": "Visit", "published": "2023-03-17",
     "text": "President Yoon arrived in Tokyo on Thursday for talks with Prime Minister Kishida. "
             "Former president Moon Jae-in criticised the plan. Moon said it humiliated the victims."},
]


@pytest.mark.model
def test_an_east_asian_name_written_three_ways_across_articles_is_one_person(nlp, tmp_path):
    graph = build(IngestOptions(paths=[str(write_jsonl(tmp_path / "a.jsonl", ARTICLES))], progress=False),
                  nlp=nlp).graph
    people = {attrs["name"]: set(attrs.get("aliases") or ()) for _, attrs in graph.nodes(data=True)
              if "Person" in (attrs.get("labels") or ())}
    yoons = [name for name in people if name.startswith("Yoon")]
    assert yoons == ["Yoon Suk Yeol"]
    assert {"Yoon", "Yoon Suk Yeol", "Yoon Suk-yeol"} <= people["Yoon Suk Yeol"]
    assert people["Moon Jae-in"] >= {"Moon", "Moon Jae-in"}
    assert [name for name in people if "Kishida" in name] == ["Fumio Kishida"]


SPELLINGS = [
    # ECB+ 19_6ecbplus and 19_3ecbplus (two outlets): the sister's given name spelt two ways
    {"id": "gray-1", "title": "Vigil", "published": "2013-03-12",
     "text": "Both officers fired a total of 11 shots at Kimani Gray. His sister, Mahnefah Gray, told NY1 she "
             "doubted her brother was carrying a gun. The NYPD said the teen pointed a revolver at the officers."},
    {"id": "gray-2", "title": "Vigil turns violent", "published": "2013-03-12",
     "text": "A vigil for Kimani Gray, 16, killed by police on Saturday night, turned violent in Brooklyn. "
             "Gray's sister Mahnefeh was among those arrested. The NYPD said 46 people were arrested."},
]


@pytest.mark.model
def test_a_given_name_spelt_otherwise_beside_its_family_joins_the_full_name_of_another_outlet(nlp, tmp_path):
    graph = build(IngestOptions(paths=[str(write_jsonl(tmp_path / "a.jsonl", SPELLINGS))], progress=False),
                  nlp=nlp).graph
    people = {attrs["name"]: set(attrs.get("aliases") or ()) for _, attrs in graph.nodes(data=True)
              if "Person" in (attrs.get("labels") or ())}
    assert "Mahnefeh" in people["Mahnefah Gray"]
    assert not [name for name in people if name.startswith("Mahnefeh")]
