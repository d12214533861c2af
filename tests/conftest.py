"""Shared fixtures: the real spaCy model (loaded once), a blank pipeline with our rules,
paths to ../shared material (tests skip with a message when it is absent, and fail
under CI=true, where a missing corpus must not pass as green), and the seed graph
built once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS_JSONL = SHARED / "seeds" / "seeds.jsonl"
ECBPLUS_JSONL = SHARED / "corpus" / "ecbplus" / "articles.jsonl"
WIKINEWS = SHARED / "corpus" / "wikinews"
EXAMPLES = REPO / "examples"
DATA = Path(__file__).resolve().parent / "data"


def _require(path: Path) -> Path:
    if not path.exists():
        message = f"{path} is not there: ../shared/ must sit beside the repo for this test"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: a test that needs it fails rather than skips)", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seeds_jsonl() -> Path:
    return _require(SEEDS_JSONL)


@pytest.fixture(scope="session")
def ecbplus_jsonl() -> Path:
    return _require(ECBPLUS_JSONL)


@pytest.fixture(scope="session")
def wikinews_dir() -> Path:
    """The Wikinews development set (articles.jsonl, gold.json)."""
    return _require(WIKINEWS)


@pytest.fixture(scope="session")
def wikinews_jsonl(wikinews_dir) -> Path:
    return _require(wikinews_dir / "articles.jsonl")


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline with graphbuild's repairs (loaded once per session)."""
    from graphbuild.extraction.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture()
def blank_nlp():
    """``spacy.blank("en")`` with graphbuild's tokenizer rule and repair component."""
    import spacy

    from graphbuild.extraction.nlp import configure

    return configure(spacy.blank("en"))


@pytest.fixture(scope="session")
def seed_build(nlp, seeds_jsonl):
    """BuildResult of the two seed articles on the real model."""
    from graphbuild.pipeline import IngestOptions, build

    return build(IngestOptions(paths=[str(seeds_jsonl)], progress=False), nlp=nlp)


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    return seed_build.graph


# Four short articles (our own sentences) for runs that must be quick: the one-sentence
# article of issue 12 whose date hangs under a noun root is among them.
SMALL_BATCH = (
    {"id": "b-tokyo", "text": "Jim Mattis met Itsunori Onodera in Tokyo on Friday.", "published": "2018-06-29"},
    {"id": "b-seoul", "text": "Song Young-moo visited Seoul on Thursday.", "published": "2018-06-29"},
    {"id": "b-golf", "text": "A day of talks with Abe and Trump: golf on Friday.", "published": "2018-06-29"},
    {"id": "b-summit", "text": "Moon Jae-in met Kim Jong-un in Panmunjom on Friday.", "published": "2018-04-27"},
)


def write_jsonl(path: Path, records) -> Path:
    import json

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(record) + "\n" for record in records), "utf-8")
    return path


@pytest.fixture()
def small_batch(tmp_path) -> Path:
    """:data:`SMALL_BATCH` as a JSONL file (lines 1-4 in that order)."""
    return write_jsonl(tmp_path / "in" / "batch.jsonl", SMALL_BATCH)


def status_events_graph():
    """A graph built by ``build_graph`` from hand-made records (no model): what the event
    stage hands the graph when articles disagree about status and give date intervals.

    * ``event:held``: Ann Lee and Bo Park met (a weekend, 2020-01-04..05); article ``early``
      (published 2020-01-01) said it was planned, ``late`` (2020-01-06) that it was held;
      ``late`` tells it twice, planned first and held last. Status held, disputed status.
    * ``event:planned``: Ann Lee and Cy Diaz will meet next week (2020-01-13..19).
    * ``event:cancelled``: a Bo Park - Cy Diaz meeting that was called off.
    """
    from datetime import date

    from graphbuild.graph.build import build_graph
    from graphbuild.model import (ArticleMeta, EntityKind, EntityNode, EventDate, EventKind, EventNode,
                                  EventStatus, TextSpan)
    from graphbuild.model import LocalEvent as Local

    people = {pid: EntityNode(pid, EntityKind.PERSON, name, (name,))
              for pid, name in (("person:ann-lee", "Ann Lee"), ("person:bo-park", "Bo Park"),
                                ("person:cy-diaz", "Cy Diaz"))}
    articles = [ArticleMeta("early", "early.txt", "0" * 64, 40, title="Lee to meet Park", source="Outlet A",
                            published=date(2020, 1, 1)),
                ArticleMeta("late", "late.txt", "1" * 64, 60, title="Lee and Park met", source="Outlet B",
                            published=date(2020, 1, 6))]
    weekend = EventDate("this weekend", "2020-01-04", "weekend", "2020-01-04", "2020-01-05")
    saturday = EventDate("Saturday", "2020-01-04", "day", "2020-01-04", "2020-01-04")
    next_week = EventDate("next week", "2020-01-13", "week", "2020-01-13", "2020-01-19")
    ann, bo, cy = "person:ann-lee", "person:bo-park", "person:cy-diaz"

    def local(article, participants, when, status, start, sentence):
        span = TextSpan(start, start + len(sentence))
        return Local(article, EventKind.MEETING, participants, when, None, None, (span,), (sentence,),
                     tuple((p, TextSpan(start, start + 3)) for p in participants), ("test",), status)

    held_reports = (
        local("early", (ann, bo), weekend, EventStatus.PLANNED, 0, "Lee will meet Park this weekend."),
        local("late", (ann, bo), saturday, EventStatus.PLANNED, 0, "Lee was to meet Park on Saturday."),
        local("late", (ann, bo), saturday, EventStatus.HELD, 40, "Lee met Park on Saturday."),
    )
    events = [
        EventNode("event:held", EventKind.MEETING, "Meeting: Ann Lee, Bo Park", (ann, bo), saturday, None,
                  held_reports, ("date", "status"), EventStatus.HELD),
        EventNode("event:planned", EventKind.MEETING, "Meeting: Ann Lee, Cy Diaz", (ann, cy), next_week, None,
                  (local("early", (ann, cy), next_week, EventStatus.PLANNED, 100, "Lee meets Diaz next week."),),
                  (), EventStatus.PLANNED),
        EventNode("event:cancelled", EventKind.MEETING, "Meeting: Bo Park, Cy Diaz", (bo, cy), None, None,
                  (local("late", (bo, cy), None, EventStatus.CANCELLED, 80, "Park called off talks with Diaz."),),
                  (), EventStatus.CANCELLED),
    ]
    return build_graph(articles, people, [], events=events)


@pytest.fixture(scope="session")
def examples_graph(nlp):
    """The graph of examples/ (the README demo), on the real model."""
    from datetime import date

    from graphbuild.pipeline import IngestOptions, build

    options = IngestOptions(paths=[str(EXAMPLES)], published_default=date(2024, 3, 12), progress=False)
    return build(options, nlp=nlp).graph


@pytest.fixture(scope="session")
def wikinews_graph(nlp, wikinews_jsonl):
    """The graph of the 40 Wikinews development articles, on the real model."""
    from graphbuild.pipeline import IngestOptions, build

    return build(IngestOptions(paths=[str(wikinews_jsonl)], progress=False), nlp=nlp).graph


# --------------------------------------------------------------------------- Neo4j's Cypher front end

def _queue_known_cypher(linter) -> None:
    """Queue every statement known before any test runs (the linter answers in the background)."""
    from cypher_lint.sources import block_statements, cypher_blocks, saved_queries

    from graphbuild.graph.schema import load_schema
    from graphbuild.sinks.cypher import catalogue

    statements = catalogue(load_schema())
    for statement in statements:
        linter.submit(statement.text, statement.parameters)
    for saved in saved_queries():
        linter.submit(saved.text, saved.parameters, console=True)
        linter.submit(saved.statement, saved.parameters)
    loader_parameters = sorted({name for statement in statements for name in statement.parameters})
    for block in cypher_blocks():
        for text, parameters in block_statements(block, loader_parameters):
            linter.submit(text, parameters)


@pytest.fixture(scope="session")
def cypher_linter():
    """Neo4j's Cypher front end (tests/cypher_lint): fails under CI=true when it cannot run."""
    from cypher_lint.linter import CypherLinter, unavailable

    from graphbuild.graph.schema import load_schema

    reason = unavailable()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"expected Neo4j's Cypher front end to run, found {reason}")
        pytest.skip(reason)
    linter = CypherLinter(load_schema())
    _queue_known_cypher(linter)
    yield linter
    linter.close()


@pytest.fixture(scope="session", autouse=True)
def _start_cypher_linter_early(request):
    """When the run includes the front-end checks, start the linter before the first
    test, so it works through the queue on the second core while the others run."""
    from cypher_lint.linter import unavailable

    if unavailable() is None and any("cypher_lint" in item.nodeid for item in request.session.items):
        request.getfixturevalue("cypher_linter")


def pytest_terminal_summary(terminalreporter):
    from cypher_lint.linter import SUMMARY

    for line in SUMMARY.lines():
        terminalreporter.write_line(line)
