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
