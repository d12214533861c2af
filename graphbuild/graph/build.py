"""Build the knowledge graph (a networkx ``MultiDiGraph``) from resolved records.

This is the only place nodes and relationships are created. Node attributes are
``labels`` (a list) plus the schema's properties; edge attributes are ``type`` plus
its properties, and the edge key is the type. Nodes and edges are added in sorted
order so every serialisation is byte-identical across runs.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from graphbuild.config import MET_MAX_PEOPLE
from graphbuild.graph.events import add_events
from graphbuild.model import ArticleMeta, EntityNode, EventNode, LocalEntity, OfficeHolding

ARTICLE_PREFIX = "article:"


def article_node_id(article_id: str) -> str:
    return ARTICLE_PREFIX + article_id


def build_graph(articles: Iterable[ArticleMeta], entities: dict[str, EntityNode],
                local_entities: Iterable[LocalEntity], offices: Iterable[OfficeHolding] = (),
                events: Iterable[EventNode] = (), met_max_people: int = MET_MAX_PEOPLE) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    nodes: dict[str, dict] = {}
    for article in articles:
        nodes[article_node_id(article.id)] = _article_props(article)
    for entity in entities.values():
        nodes[entity.id] = _entity_props(entity)
    for node_id in sorted(nodes):
        graph.add_node(node_id, **nodes[node_id])

    edges: dict[tuple[str, str, str], dict] = {}
    mentions: dict[tuple[str, str], list] = defaultdict(list)
    for local in local_entities:
        mentions[(article_node_id(local.article_id), local.resolved.id)].extend(local.mentions)
    for (source, target), found in mentions.items():
        found.sort(key=lambda m: (m.start, m.end))
        edges[(source, "MENTIONS", target)] = {
            "count": len(found),
            "starts": [m.start for m in found],
            "ends": [m.end for m in found],
            "texts": [m.text for m in found],
        }
    for entity in entities.values():
        if entity.country_id and entity.country_id in entities:
            edges[(entity.id, "IN_COUNTRY", entity.country_id)] = {}
    for (source, rel_type, target) in sorted(edges):
        graph.add_edge(source, target, key=rel_type, type=rel_type, **edges[(source, rel_type, target)])
    _add_offices(graph, offices)
    add_events(graph, events, article_node_id, met_max_people)
    return graph


def _add_offices(graph: nx.MultiDiGraph, offices: Iterable[OfficeHolding]) -> None:
    """One ``HOLDS_OFFICE`` edge per (person, title, holder), with the evidence of every
    article that states it. A person can hold two offices for one holder, so the edge
    key is ``HOLDS_OFFICE:<title>``."""
    evidence: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for holding in offices:
        if holding.person_id in graph and holding.holder_id in graph:
            span = holding.evidence
            evidence[(holding.person_id, holding.title, holding.holder_id)].add(
                f"{holding.article_id}:{span.start}-{span.end}")
    for (person, title, holder) in sorted(evidence):
        graph.add_edge(person, holder, key=f"HOLDS_OFFICE:{title}", type="HOLDS_OFFICE", title=title,
                       evidence=sorted(evidence[(person, title, holder)]))


def _article_props(article: ArticleMeta) -> dict:
    props = {
        "labels": ["Article"],
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "path": article.path,
        "line": article.line,
        "sha256": article.sha256,
        "words": article.words,
    }
    return {k: v for k, v in props.items() if v is not None}


def _entity_props(entity: EntityNode) -> dict:
    props = {"labels": [entity.kind.value], "name": entity.name, "aliases": list(entity.aliases)}
    props.update(dict(entity.props))
    return props
