"""Shared fixtures: the real spaCy model (loaded once), a blank pipeline with our rules,
paths to ../shared material (tests skip with a message when it is absent), and the
seed graph built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS_JSONL = SHARED / "seeds" / "seeds.jsonl"
ECBPLUS_JSONL = SHARED / "corpus" / "ecbplus" / "articles.jsonl"
WIKINEWS_JSONL = SHARED / "corpus" / "wikinews" / "articles.jsonl"
EXAMPLES = REPO / "examples"
DATA = Path(__file__).resolve().parent / "data"


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not there: ../shared/ must sit beside the repo for this test")
    return path


@pytest.fixture(scope="session")
def seeds_jsonl() -> Path:
    return _require(SEEDS_JSONL)


@pytest.fixture(scope="session")
def ecbplus_jsonl() -> Path:
    return _require(ECBPLUS_JSONL)


@pytest.fixture(scope="session")
def wikinews_jsonl() -> Path:
    return _require(WIKINEWS_JSONL)


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
    import os

    from cypher_lint.linter import CypherLinter, unavailable

    from graphbuild.graph.schema import load_schema

    reason = unavailable()
    if reason:
        if os.environ.get("CI") == "true":
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
