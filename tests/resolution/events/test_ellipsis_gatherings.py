"""Two gatherings announced in one phrase (``a conference on … and another on …``): the
ellipsis is its own event, the noun's event takes the parties a later sentence names,
and the ellipsis joins another outlet's report of that gathering — real sentences of
wikinews:wn-brown-london-conferences and wn-london-yemen-conference (the London meeting on
Yemen, a multi-article event of the development gold), on the real model."""
from __future__ import annotations

import pytest

from graphbuild.pipeline import IngestOptions, build
from tests.conftest import write_jsonl

pytestmark = pytest.mark.model

ANNOUNCED = {"id": "wn-brown-london-conferences", "published": "2010-01-25",
             "text": "British prime minister Gordon Brown said in his monthly news conference today that a conference "
                     "on the war in Afghanistan and another on security concerns in Yemen, due to take place over two "
                     "one-day sessions in London this week, will announce an expansion of the British military "
                     "presence in Afghanistan.\n\nBrown says that the conference on Thursday will outline projections "
                     "on forces and training for Afghan soldiers and military police. He said that \"[t]he London "
                     "conference will be attended by President Karzai, the U.N. Secretary General Ban, 60 nations "
                     "will be represented.\""}
HELD = {"id": "wn-london-yemen-conference", "published": "2010-01-28",
        "text": "An international conference in London on Tuesday came up with a plan to fight al-Qaeda's presence in "
                "Yemen. Delegates present at the conference were from twenty countries, including Yemen, the United "
                "Kingdom, and the United States.\n\nThe United Kingdom's Foreign Secretary David Miliband chaired the "
                "talks. Yemen's Foreign Minister, Abu Bakr al-Qirbi, asked the delegates at the conference for "
                "\"international support to build infrastructure, combat poverty and create jobs\"."}


def _events(nlp, tmp_path, records):
    graph = build(IngestOptions(paths=[str(write_jsonl(tmp_path / "in.jsonl", records))], progress=False),
                  nlp=nlp).graph
    found = {}
    for node, attrs in graph.nodes(data=True):
        if "Event" in attrs.get("labels", ()):
            found[attrs["name"]] = sorted(s for s, _, d in graph.in_edges(node, data=True) if d.get("type") == "REPORTS")
    return found


def test_the_announced_conference_takes_the_parties_named_later_and_the_other_stays_apart(nlp, tmp_path):
    found = _events(nlp, tmp_path, [ANNOUNCED])
    # the party-less Yemen conference is no node alone; the Afghanistan one has Karzai and Ban
    assert len(found) == 1, found
    (name, reports), = found.items()
    assert "Karzai" in name and "London" in name and reports == ["article:wn-brown-london-conferences"]


def test_the_conference_the_ellipsis_announced_joins_the_report_that_it_was_held(nlp, tmp_path):
    found = _events(nlp, tmp_path, [ANNOUNCED, HELD])
    both = [name for name, reports in found.items()
            if reports == ["article:wn-brown-london-conferences", "article:wn-london-yemen-conference"]]
    assert len(both) == 1 and "al-Qirbi" in both[0], found
    assert any("Karzai" in name and "al-Qirbi" not in name for name in found), found
