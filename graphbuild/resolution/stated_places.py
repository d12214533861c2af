"""A town as the corpus writes it with its state or country: one sense per corpus.

Within an article, "Bountiful, British Columbia" is the Canadian town
(``within_document._places_written_with_their_region``). Another report of the same story
writes "Bountiful" alone, and the gazetteer's guess for the bare name is a town of another
country (Bountiful, Utah). When the corpus writes the name with a region or country in one
way only, the bare name of an article that names that country is that town: ECB+ 36_1ecb,
36_8ecb, 36_9ecb (polygamy reports of several outlets that name Canada; 36_2ecb and 36_4ecb
write "Bountiful, British Columbia"), and "Eldorado" (the Texas ranch; the gazetteer's
Eldorado is Argentina's) in the reports of 36_*ecbplus that write "Eldorado, Texas".
Guards: the gazetteer's town lies in another country than the written one (a bare "Troy" is
never moved between two US states), is no capital and not prominent, and the article names
the written town's country.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from graphbuild.model import EntityKind, LocalEntity, Resolved
from graphbuild.resolution.geo import Gazetteer
from graphbuild.resolution.normalize import name_key
from graphbuild.rules import EntityRule

Evidence = dict[tuple[str, EntityRule], tuple[str, ...]]

_GUESSES = frozenset({EntityRule.PLACE_CITY, EntityRule.PLACE_UNRESOLVED})


def towns_as_the_corpus_writes_them(local_entities: Sequence[LocalEntity], gaz: Gazetteer,
                                    countries: dict[str, Counter]) -> tuple[list[LocalEntity], Evidence]:
    """The local entities with bare town names moved to the one town the corpus writes
    with its region or country (module docstring), and the merge-log evidence. Linear.
    ``countries``: :func:`~graphbuild.resolution.country_context.article_countries` of
    ``local_entities``."""
    written: dict[str, dict[str, Resolved]] = defaultdict(dict)
    for local in local_entities:
        if local.resolved.rule is EntityRule.PLACE_WRITTEN_WITH_ITS_REGION and local.resolved.country_id:
            written[name_key(local.resolved.name)][local.resolved.id] = local.resolved
    if not written:
        return list(local_entities), {}
    rule = EntityRule.PLACE_AS_WRITTEN_WITH_ITS_REGION_ELSEWHERE
    evidence: dict[tuple[str, EntityRule], set[str]] = defaultdict(set)
    result = []
    for local in local_entities:
        resolved = local.resolved
        readings = written.get(name_key(resolved.name), {})
        if resolved.kind is EntityKind.PLACE and resolved.rule in _GUESSES and len(readings) == 1:
            town = next(iter(readings.values()))
            guess = gaz.place(resolved.name)
            if (town.id != resolved.id and town.country_id in countries.get(local.article_id, {})
                    and (guess is None or (f"country:{guess.country}" != town.country_id
                                           and not guess.capital and not guess.prominent))):
                local = replace(local, resolved=replace(town, rule=rule), rules=(rule,) * len(local.mentions))
                evidence[(town.id, rule)].add(f"{resolved.name!r} in {local.article_id}: the corpus writes it "
                                              f"with its region or country one way, in {town.country_id}, "
                                              f"which the article names")
        result.append(local)
    return result, {key: tuple(sorted(items)) for key, items in evidence.items()}
