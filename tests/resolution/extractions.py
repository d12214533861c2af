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
