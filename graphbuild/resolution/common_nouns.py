"""Names that are common nouns keep to their article (issue 13, round 11).

The small model tags abbreviations of common nouns ORG ("arrested on suspicion of DUI",
"a leading global CPU maker") and the titles of awards ("National Player of the Year"),
and one id per name made one organisation node of every report that writes them: "DUI"
of a Chargers player's arrest (ECB+ 35_10ecb) and of LaSalle's convictions (21_9ecb) was
judged wrong in the round-10 merge sample ("not an entity: an offence"), as was "National
Player of the Year". ``data/common_noun_names.jsonl`` lists such names and endings, each
with its reading and its texts; an organisation named so gets an id of its article only
(``org:dui~<hash>``), as two capitals no name of their articles spells do
(:func:`graphbuild.resolution.organization_forms.scope_unspelled_pairs`). The mentions stay
(the ECB+ gold annotates them; dropping mentions of that kind cost its mentions F1 before).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from graphbuild.model import EntityKind, LocalEntity
from graphbuild.resolution.normalize import clean_surface, name_key, short_hash
from graphbuild.rules import EntityRule
from graphbuild.vocabulary import data_rows


@functools.lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = data_rows("common_noun_names")
    return (frozenset(name_key(row["name"]) for row in rows if "name" in row),
            tuple(name_key(row["ending"]) for row in rows if "ending" in row))


def is_common_noun_name(name: str) -> bool:
    """The name is one of the listed common nouns, or ends with a listed ending."""
    names, endings = _names()
    key = name_key(clean_surface(name))
    return key in names or any(key.endswith(" " + ending) for ending in endings)


def scope_common_noun_names(local_entities: Sequence[LocalEntity]) -> list[LocalEntity]:
    """Each organisation (as NER named it) whose name is a common noun gets an id of its
    article only."""
    result = []
    for local in local_entities:
        resolved = local.resolved
        if (resolved.kind is EntityKind.ORGANIZATION and resolved.rule is EntityRule.ORG_NAME
                and "~" not in resolved.id and is_common_noun_name(resolved.name)):
            local = replace(local, resolved=replace(resolved, id=f"{resolved.id}~{short_hash(local.article_id, length=8)}"))
        result.append(local)
    return result
