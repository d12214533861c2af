"""Extractions built from (surface, label) pairs, for the resolution tests."""
from __future__ import annotations

from graphbuild.model import ArticleMeta, Extraction, Mention, TextSpan


def extraction(article_id, pairs):
    """An Extraction from [(surface, label)] with made-up, increasing offsets."""
    mentions, pos = [], 0
    for surface, label in pairs:
        mentions.append(Mention(pos, pos + len(surface), surface, label, TextSpan(0, 0)))
        pos += len(surface) + 1
    return Extraction(ArticleMeta(article_id, "x.jsonl", "0" * 64, 10), tuple(mentions))


def extraction_of_text(article_id, text, pairs):
    """An Extraction whose mentions sit where their surfaces occur in ``text`` (in order),
    all in one sentence: for rules that read what lies between two mentions."""
    mentions, pos = [], 0
    for surface, label in pairs:
        start = text.index(surface, pos)
        mentions.append(Mention(start, start + len(surface), surface, label, TextSpan(0, len(text))))
        pos = start + len(surface)
    return Extraction(ArticleMeta(article_id, "x.jsonl", "0" * 64, len(text.split())), tuple(mentions))
