"""Run the pipeline over a stream of documents and return what each article mentions.

Documents are streamed through ``nlp.pipe`` in batches; only mentions and article
metadata leave this module, never the parsed ``Doc`` or the text, so memory stays
flat however many articles go through.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from graphbuild.config import NLP_BATCH_SIZE
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


def extract(documents: Iterable[Document], nlp: Language, batch_size: int = NLP_BATCH_SIZE) -> Iterator[Extraction]:
    """Yield one :class:`Extraction` per document, in input order."""

    def chunks() -> Iterator[tuple[str, tuple[Document, int, bool, int]]]:
        for document in documents:
            content = mask(document.text, document.masked)
            words = len(content.split())
            parts = split_chunks(content, CHUNK_CHARS)
            for index, (offset, piece) in enumerate(parts):
                yield piece, (document, offset, index == len(parts) - 1, words)

    collected: list[Mention] = []
    find_offices = OfficeFinder(nlp.vocab)
    offices: list[OfficeMention] = []
    event_matcher = build_matcher(nlp.vocab)
    events: list[EventMention] = []
    for doc, (document, offset, last, words) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        chunk_mentions = mentions_from_doc(doc, offset, document.text)
        collected.extend(chunk_mentions)
        events.extend(events_from_doc(doc, chunk_mentions, offset, document.text, event_matcher))
        offices.extend(find_offices(doc, offset))
        if not last:
            continue
        if document.dateline is not None:
            collected.append(dateline_mention(document.text, document.dateline))
        collected.sort(key=lambda m: (m.start, m.end))
        yield Extraction(article=article_meta(document, words), mentions=tuple(collected), offices=tuple(offices),
                         events=tuple(events))
        collected = []
        offices = []
        events = []


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
