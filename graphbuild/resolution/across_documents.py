"""Merge the local entities of all articles into graph entities, with a merge log.

Local ids are already content-derived from normalised names, so merging is grouping
by id: an index by key, never a pairwise comparison (linear in mentions). Single
names that matched no full name carry an article-scoped id and so never merge.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from graphbuild.model import EntityKind, EntityNode, LocalEntity, MergeRecord
from graphbuild.resolution.geo import Gazetteer
from graphbuild.resolution.normalize import clean_surface
from graphbuild.resolution.surfaces import country_entity


def merge_entities(local_entities: Iterable[LocalEntity], gaz: Gazetteer) -> tuple[dict[str, EntityNode], list[MergeRecord]]:
    """Graph entities by id (plus the countries places lie in) and the merge log."""
    names: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    first: dict[str, LocalEntity] = {}
    by_rule: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
    for local in local_entities:
        node_id = local.resolved.id
        first.setdefault(node_id, local)
        names[node_id][local.resolved.name] += 1
        for mention, rule in zip(local.mentions, local.rules):
            surface = clean_surface(mention.text)
            aliases[node_id].add(surface)
            inputs, articles = by_rule.setdefault((node_id, rule), (set(), set()))
            inputs.add(surface)
            articles.add(local.article_id)

    nodes: dict[str, EntityNode] = {}
    for node_id, local in first.items():
        resolved = local.resolved
        nodes[node_id] = EntityNode(
            id=node_id,
            kind=resolved.kind,
            name=_pick_name(names[node_id]),
            aliases=tuple(sorted(aliases[node_id])),
            props=resolved.props,
            country_id=resolved.country_id,
        )
    for node in list(nodes.values()):
        if node.country_id and node.country_id not in nodes:
            country = gaz.country_by_code(node.country_id.removeprefix("country:"))
            if country is not None:
                resolved = country_entity(country, "country:contains-place")
                nodes[resolved.id] = EntityNode(resolved.id, EntityKind.COUNTRY, resolved.name, (), resolved.props)

    log = [
        MergeRecord(rule=rule, result=node_id, inputs=tuple(sorted(inputs)), articles=tuple(sorted(articles)))
        for (node_id, rule), (inputs, articles) in sorted(by_rule.items())
    ]
    return nodes, log


def _pick_name(counts: Counter) -> str:
    """Most articles first, then the longest, then alphabetical: deterministic."""
    return sorted(counts.items(), key=lambda item: (-item[1], -len(item[0]), item[0]))[0][0]
