"""Names that are common nouns are no entities (issue 13, round 11).

The small model tags abbreviations of common nouns ORG ("arrested on suspicion of DUI",
"a leading global CPU maker") and the titles of awards ("National Player of the Year"),
and one id per name made one organisation node of every report that writes them: "DUI"
of a Chargers player's arrest (ECB+ 35_10ecb) and of LaSalle's convictions (21_9ecb) was
judged wrong in the round-10 merge sample ("not an entity: an offence"), as was "National
Player of the Year". ``data/common_noun_names.jsonl`` lists such names and endings, each
with its reading and its texts; an organisation named so is no entity. Keeping the
mentions on a node of their article only (``org:dui~<hash>``, as two capitals no name of
their articles spells are kept) was tried first: the ECB+ gold annotates none of them, and
17 one-article nodes lowered its CoNLL F1 by 0.0003 (CEAFe counts each), while dropping
them raised it by 0.0012 and mentions F1 by 0.0018 (round 11).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence

from graphbuild.model import EntityKind, LocalEntity
from graphbuild.resolution.normalize import clean_surface, name_key
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


def without_common_noun_names(local_entities: Sequence[LocalEntity]) -> list[LocalEntity]:
    """The local entities less the organisations (as NER named them) whose name is a
    common noun."""
    return [local for local in local_entities
            if not (local.resolved.kind is EntityKind.ORGANIZATION and local.resolved.rule is EntityRule.ORG_NAME
                    and is_common_noun_name(local.resolved.name))]
