"""Run the pipeline over a stream of documents and return what each article mentions.

Documents are streamed through ``nlp.pipe`` in batches; only mentions and article
metadata leave this module, never the parsed ``Doc`` or the text, so memory stays
flat however many articles go through.

Every article is fenced (graphbuild/fence.py): an article whose parse or extraction
raises or runs past its time budget comes out as an :class:`InputError` in its place
in the stream, and the others are unaffected. The NLP of a batch runs under the sum of
its articles' budgets; when the batch fails or runs over, its texts are parsed again
one by one, each under its own budget, so only the article at fault is lost.
"""
from __future__ import annotations

import hashlib
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.config import ARTICLE_TIMEOUT, NLP_BATCH_SIZE
from graphbuild.errors import InputError
from graphbuild.fence import Overrun, article_seconds, failure_error, overrun_error, time_limit
from graphbuild.text import mask, split_chunks
from graphbuild.extraction.entities import dateline_mention, mentions_from_doc
from graphbuild.extraction.events import build_matcher, events_from_doc
from graphbuild.extraction.offices import OfficeFinder
from graphbuild.model import ArticleMeta, Document, EventMention, Extraction, Mention, OfficeMention

# Articles longer than this are parsed in chunks that end at a paragraph, line or
# sentence end (graphbuild.text.split_chunks: a sentence running past a chunk is kept
# whole up to CHUNK_STRETCH times this size): spaCy's parser needs memory in proportion
# to the document and refuses texts over nlp.max_length.
# About the size of a long news story, so a batch of chunks weighs what a batch of
# articles does: with 100k-character chunks a 1 MB article peaked at 2.9 GB, with
# 10k at 0.7 GB (and ran faster); see docs/robustness.md.
CHUNK_CHARS = 10_000

STEP = "extraction"

# graphbuild's extraction version, part of the extraction cache's key (graphbuild/cache.py):
# bump it when extraction changes what it finds in a way that no code in the fingerprint
# below shows (a new model behaviour relied on, say). Any edit of the extraction code or
# data changes the fingerprint by itself.
EXTRACTION_VERSION = 1
_PACKAGE = Path(__file__).resolve().parents[1]


def extraction_fingerprint() -> str:
    """A hash of the code and data extraction runs on: every module of
    graphbuild/extraction (its sub-packages too: extraction/events/), graphbuild/text.py,
    config.py and vocabulary.py, and the files under graphbuild/data. Any change to them
    makes every cached extraction miss."""
    paths = sorted([*(_PACKAGE / "extraction").rglob("*.py"), _PACKAGE / "text.py", _PACKAGE / "config.py",
                    _PACKAGE / "vocabulary.py",
                    *(p for p in (_PACKAGE / "data").rglob("*") if p.is_file())])
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()

# Test hooks (documented in docs/robustness.md), read when extraction starts: the
# extraction of the article with this id (comma-separated ids for several) sleeps for
# an hour, as an article that hangs in Python code would; with STUCK it first blocks
# SIGALRM, as work stuck in compiled code would, so only killing its process ends it.
TEST_SLOW_ARTICLE = "GRAPHBUILD_TEST_SLOW_ARTICLE"
TEST_STUCK_ARTICLE = "GRAPHBUILD_TEST_STUCK_ARTICLE"


@dataclass
class _Article:
    """One document while its chunks go through the pipeline."""

    document: Document
    words: int
    budget: float | None
    mentions: list[Mention] = field(default_factory=list)
    offices: list[OfficeMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    failure: InputError | None = None

    def result(self) -> Extraction | InputError:
        if self.failure is not None:
            return self.failure
        document = self.document
        try:
            if document.dateline is not None:
                self.mentions.append(dateline_mention(document.text, document.dateline))
            self.mentions.sort(key=lambda m: (m.start, m.end))
            return Extraction(article=article_meta(document, self.words), mentions=tuple(self.mentions),
                              offices=tuple(self.offices), events=tuple(self.events))
        except Exception as exc:  # noqa: BLE001 -- the fence: this article only
            return failure_error(document.path, document.line, STEP, exc)


@dataclass
class _Chunk:
    text: str
    offset: int
    last: bool
    article: _Article
    budget: float | None  # this chunk's share of the article's budget


def extract(documents: Iterable[Document], nlp: Language, batch_size: int = NLP_BATCH_SIZE,
            seconds: float | None = ARTICLE_TIMEOUT) -> Iterator[Extraction | InputError]:
    """Yield one :class:`Extraction` per document, in input order, or the
    :class:`InputError` that reports why that document could not be extracted.

    ``seconds`` is the time budget per 10,000 characters (graphbuild/fence.py)."""
    hooks = _TestHooks.from_environment()

    def chunks() -> Iterator[_Chunk]:
        for document in documents:
            article = _Article(document, 0, article_seconds(len(document.text), seconds))
            try:
                content = mask(document.text, document.masked)
                article.words = len(content.split())
                parts = split_chunks(content, CHUNK_CHARS)
            except Exception as exc:  # noqa: BLE001 -- the fence: this article only
                article.failure = failure_error(document.path, document.line, STEP, exc)
                yield _Chunk("", 0, True, article, None)
                continue
            for index, (offset, piece) in enumerate(parts):
                share = None if article.budget is None else article.budget * max(len(piece), 1) / max(len(content), 1)
                yield _Chunk(piece, offset, index == len(parts) - 1, article, share)

    find_offices = OfficeFinder(nlp.vocab)
    event_matcher = build_matcher(nlp.vocab)
    for batch in _batches(chunks(), batch_size):
        to_parse = [chunk for chunk in batch if chunk.article.failure is None]
        parsed = dict(zip(map(id, to_parse), _parse(nlp, to_parse)))
        for chunk in batch:
            article, doc = chunk.article, parsed.get(id(chunk))
            if article.failure is None and isinstance(doc, InputError):
                article.failure = doc
            elif article.failure is None:
                try:
                    with time_limit(chunk.budget):
                        hooks(article.document.id)
                        _extract_chunk(doc, chunk, find_offices, event_matcher)
                except Overrun as over:
                    article.failure = _overrun(chunk, over.seconds)
                except Exception as exc:  # noqa: BLE001 -- the fence: this article only
                    article.failure = failure_error(article.document.path, article.document.line, STEP, exc)
            if chunk.last:
                yield article.result()


def _extract_chunk(doc: Doc, chunk: _Chunk, find_offices: OfficeFinder, event_matcher) -> None:
    article, text = chunk.article, chunk.article.document.text
    chunk_mentions = mentions_from_doc(doc, chunk.offset, text)
    article.mentions.extend(chunk_mentions)
    article.events.extend(events_from_doc(doc, chunk_mentions, chunk.offset, text, event_matcher))
    article.offices.extend(find_offices(doc, chunk.offset))


def _batches(chunks: Iterator[_Chunk], size: int) -> Iterator[list[_Chunk]]:
    batch: list[_Chunk] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse(nlp: Language, batch: list[_Chunk]) -> list[Doc | InputError]:
    """The parsed chunks of ``batch``, under the sum of their budgets. If the batch
    fails or runs over, each chunk is parsed alone under its own share, and a chunk that
    fails again is an :class:`InputError` in its place."""
    if not batch:
        return []
    if len(batch) > 1:
        budgets = [chunk.budget for chunk in batch]
        try:
            with time_limit(None if None in budgets else sum(budgets)):
                return list(nlp.pipe([chunk.text for chunk in batch], batch_size=len(batch)))
        except (Overrun, Exception):  # noqa: BLE001 -- find the one text at fault below
            pass
    docs: list[Doc | InputError] = []
    for chunk in batch:
        document = chunk.article.document
        try:
            with time_limit(chunk.budget):
                docs.append(nlp(chunk.text))
        except Overrun as over:
            docs.append(_overrun(chunk, over.seconds))
        except Exception as exc:  # noqa: BLE001 -- the fence: this article only
            docs.append(failure_error(document.path, document.line, STEP, exc))
    return docs


def _overrun(chunk: _Chunk, ran: float) -> InputError:
    article = chunk.article
    budget = article.budget if article.budget is not None else ran
    detail = "" if chunk.offset == 0 and chunk.last else \
        f" on characters {chunk.offset}-{chunk.offset + len(chunk.text)} of {len(article.document.text)}"
    return overrun_error(article.document.path, article.document.line, STEP, budget, ran, detail)


class _TestHooks:
    """See :data:`TEST_SLOW_ARTICLE`. Does nothing unless the variables are set."""

    def __init__(self, slow: frozenset[str], stuck: frozenset[str]):
        self.slow, self.stuck = slow, stuck

    @classmethod
    def from_environment(cls) -> "_TestHooks":
        def ids(name: str) -> frozenset[str]:
            return frozenset(filter(None, os.environ.get(name, "").split(",")))

        return cls(ids(TEST_SLOW_ARTICLE), ids(TEST_STUCK_ARTICLE))

    def __call__(self, article_id: str) -> None:
        if article_id in self.stuck:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        if article_id in self.slow or article_id in self.stuck:
            time.sleep(3600)


def article_meta(document: Document, words: int) -> ArticleMeta:
    return ArticleMeta(
        id=document.id,
        path=document.path,
        line=document.line,
        sha256=document.sha256,
        words=words,
        title=document.title,
        source=document.source,
        url=document.url,
        published=document.published,
    )
