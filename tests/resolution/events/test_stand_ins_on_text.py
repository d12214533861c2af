"""Stand-ins on real parses (our own sentences): "North Korean leader Kim Jong Un" in one
article lets another outlet's "summit between the United States and North Korea" join the
leaders' meeting, and the role never becomes an office."""
from __future__ import annotations

import pytest

from graphbuild import pipeline
from graphbuild.pipeline import IngestOptions
from tests.conftest import write_jsonl

ARTICLES = [
    {"id": "outlet-a", "published": "2019-02-28",
     "text": "U.S. President Donald Trump and North Korean leader Kim Jong Un met in Hanoi on Wednesday. "
             "Trump said the talks were productive."},
    {"id": "outlet-b", "published": "2019-02-28",
     "text": "The summit between the United States and North Korea took place in Hanoi on Wednesday. "
             "Donald Trump left early."},
]


@pytest.mark.model
def test_a_country_pair_summit_joins_the_leaders_meeting_and_leader_is_no_office(nlp, tmp_path):
    path = write_jsonl(tmp_path / "articles.jsonl", ARTICLES)
    graph = pipeline.build(IngestOptions(paths=[str(path)], progress=False, cache=None), nlp=nlp).graph
    events = [n for n, data in graph.nodes(data=True) if str(n).startswith("event:")]
    reports = {event: sorted(source for source, _, data in graph.in_edges(event, data=True)
                             if data.get("type") == "REPORTS") for event in events}
    assert sorted(reports.values()) == [["article:outlet-a", "article:outlet-b"]]
    offices = {(source, target) for source, target, data in graph.edges(data=True) if data.get("type") == "HOLDS_OFFICE"}
    assert ("person:donald-trump", "country:USA") in offices
    assert not any(source == "person:kim-jong-un" for source, _ in offices)
