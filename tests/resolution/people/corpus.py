"""Small corpora through the within-article and people passes, shared by the people tests."""
from __future__ import annotations

from graphbuild.model import EntityKind
from graphbuild.resolution.across_documents import merge_entities
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.people import resolve_people
from graphbuild.resolution.within_document import resolve_article
from tests.resolution.extractions import extraction


def corpus(*articles, offices=()):
    """Nodes and merge log of articles [(id, [(surface, label)])] through the corpus pass."""
    gaz = gazetteer()
    local = [e for article_id, pairs in articles for e in resolve_article(extraction(article_id, pairs), gaz)]
    people = resolve_people(local, offices)
    nodes, log = merge_entities(people.local_entities, gaz, people.evidence)
    return nodes, log, people


def person_names(nodes):
    return sorted(n.name for n in nodes.values() if n.kind is EntityKind.PERSON)
