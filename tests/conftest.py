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
WIKINEWS = SHARED / "corpus" / "wikinews"
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
def wikinews_dir() -> Path:
    """The Wikinews development set (articles.jsonl, gold.json)."""
    return _require(WIKINEWS)


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
