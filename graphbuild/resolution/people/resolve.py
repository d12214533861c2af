"""People across the corpus, step by step: common names in unrelated stories apart,
full-name variants joined, single names joined, lone words given their sense; the
result re-points local entities and office holdings (see :mod:`graphbuild.resolution.people`)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from graphbuild.model import EntityKind, LocalEntity, OfficeHolding, Resolved
from graphbuild.resolution.geo import Gazetteer
from graphbuild.resolution.people.common_names import separate_common_names
from graphbuild.resolution.people.full_names import full_names
from graphbuild.resolution.people.senses import (geocode_unknown_single_names, one_sense_per_article,
                                                 organizations_typed_person)
from graphbuild.resolution.people.single_names import NameIndex, article_context, article_given_names, holdings_by_article
from graphbuild.resolution.people.variants import canonical_form, join_variants, names_of_others
from graphbuild.rules import EntityRule


@dataclass(frozen=True)
class PeopleResolution:
    """The local entities with people re-pointed, how to re-point other records, and
    the evidence of every corpus-level decision."""

    local_entities: list[LocalEntity]
    moved: dict[tuple[str, str], str]  # (article id, old person id) → new person id
    evidence: dict[tuple[str, EntityRule], tuple[str, ...]]  # (node id, rule) → why

    def person_id(self, article_id: str, old_id: str) -> str:
        return self.moved.get((article_id, old_id), old_id)

    def offices(self, holdings: Iterable[OfficeHolding]) -> list[OfficeHolding]:
        """Office holdings with their person ids re-pointed."""
        return [replace(h, person_id=self.person_id(h.article_id, h.person_id)) for h in holdings]


def resolve_people(local_entities: Sequence[LocalEntity], offices: Iterable[OfficeHolding] = (),
                   gaz: Gazetteer | None = None) -> PeopleResolution:
    """Join name variants and single names across articles; see the module docstring.
    With a gazetteer, a single name that joined nobody, that no person of the corpus bears
    and that the gazetteer knows is that place ("in Annapolis", tagged PERSON in
    wn-annapolis-statement; "Tbilisi" in wn-merkel-georgia-nato)."""
    offices = list(offices)
    local_entities, separated, evidence = separate_common_names(local_entities)
    offices = [replace(h, person_id=separated.get((h.article_id, h.person_id), h.person_id)) for h in offices]
    people = full_names(local_entities, offices)
    context = article_context(local_entities)
    clusters, variant_evidence = join_variants(people, context)
    canonical: dict[str, Resolved] = {}
    groups = clusters.groups()
    other_names = names_of_others(local_entities, people, groups)
    for members in groups:
        chosen = canonical_form(members, people, other_names)
        canonical.update((pid, chosen) for pid in members)
    by_id = {resolved.id: resolved for resolved in canonical.values()}

    moved: dict[tuple[str, str], str] = {}
    rules: dict[tuple[str, str], EntityRule] = {}
    for local in local_entities:
        pid = local.resolved.id
        if pid in people and canonical[pid].id != pid:
            rule, why = variant_evidence.get(pid, (EntityRule.PERSON_SHORTER_NAME, f"{pid} joined {canonical[pid].name!r}"))
            moved[(local.article_id, pid)] = canonical[pid].id
            rules[(local.article_id, pid)] = rule
            evidence[(canonical[pid].id, rule)].append(why)

    index = NameIndex(canonical, people)
    holdings = holdings_by_article(offices)
    given = article_given_names(local_entities)
    for local in local_entities:
        if local.resolved.kind is not EntityKind.PERSON or local.resolved.rule is not EntityRule.PERSON_SINGLE_NAME:
            continue
        choice = index.choose(local, context, holdings.get(local.article_id, {}), given)
        if choice is None:
            continue
        person, rule, why = choice
        moved[(local.article_id, local.resolved.id)] = person.id
        rules[(local.article_id, local.resolved.id)] = rule
        evidence[(person.id, rule)].append(f"{local.resolved.name!r} in {local.article_id}: {why}")

    organizations_typed_person(local_entities, moved, rules, index, evidence)
    if gaz is not None:
        geocode_unknown_single_names(local_entities, moved, rules, by_id, index, gaz, evidence)
    one_sense_per_article(local_entities, moved, rules, by_id, index, evidence, holdings)
    result = []
    for local in local_entities:
        key = (local.article_id, local.resolved.id)
        if key not in moved:
            result.append(local)
            continue
        target = by_id[moved[key]]
        rule = rules[key]
        result.append(replace(local, resolved=replace(target, rule=rule), rules=(rule,) * len(local.mentions)))
    # Callers re-point records by the ids the within-article pass gave them.
    for (article_id, old_id), new_id in separated.items():
        moved[(article_id, old_id)] = moved.get((article_id, new_id), new_id)
    return PeopleResolution(_merge_same_ids(result), moved,
                            {key: tuple(sorted(set(items))) for key, items in evidence.items()})


def _merge_same_ids(local_entities: list[LocalEntity]) -> list[LocalEntity]:
    """One local entity per (article, id), mentions in text order, first-seen order kept."""
    merged: dict[tuple[str, str], LocalEntity] = {}
    for local in local_entities:
        key = (local.article_id, local.resolved.id)
        if key not in merged:
            merged[key] = local
            continue
        first = merged[key]
        pairs = sorted(zip(first.mentions + local.mentions, first.rules + local.rules),
                       key=lambda pair: (pair[0].start, pair[0].end))
        merged[key] = replace(first, mentions=tuple(m for m, _ in pairs), rules=tuple(r for _, r in pairs))
    return list(merged.values())
