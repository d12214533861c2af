"""One word, one sense: a lone word the single-name step left a person, or an
organisation its own article also types a person, takes the sense its article or the
corpus gives it — the office holder, the organisation, the place."""
from __future__ import annotations

from collections import defaultdict

from graphbuild.model import EntityKind, Resolved
from graphbuild.resolution.geo import Gazetteer
from graphbuild.resolution.normalize import name_key
from graphbuild.resolution.people.single_names import NameIndex
from graphbuild.resolution.surfaces import resolve_surface
from graphbuild.rules import EntityRule
from graphbuild.vocabulary import world_given_names

_PLACE_KINDS = frozenset({EntityKind.PLACE, EntityKind.COUNTRY})


def organizations_typed_person(local_entities, moved, rules, index: "NameIndex", evidence) -> None:
    """A single word typed as an organisation that its own article also types as a
    person, when that person sense joined the one full name of the corpus with that
    surname and that person holds an office for a country, is that person: one sense per
    article, the person's ("Trump" typed ORG three times and PERSON once in one report,
    "Trump" PERSON resolved to Donald Trump, President of the United States elsewhere:
    the multi-outlet probe's https://www.npr.org/2019/06/30/737365074/trump-to-meet-kim-jong-un-at-dmz
    and the Washington Post mirror https://familycarefoundation.biz/category/kim-jong-un/page/34,
    whose meetings split off an ``org:trump`` node). Guards: the organisation's name is
    one word as written (``Trump Organization`` is a company), exactly one person of the
    corpus bears the surname, and an office for a country (a founder's company — ``Dell``
    beside ``Dell`` the chief executive — keeps its organisation: his office is the
    company's)."""
    person_sense: dict[tuple[str, str], str] = {}  # (article, word) → the person it joined
    for local in local_entities:
        target = moved.get((local.article_id, local.resolved.id))
        if target is not None and local.resolved.rule is EntityRule.PERSON_SINGLE_NAME:
            person_sense[(local.article_id, name_key(local.resolved.name))] = target
    if not person_sense:
        return
    for local in local_entities:
        resolved = local.resolved
        key = (local.article_id, resolved.id)
        if resolved.rule is not EntityRule.ORG_NAME or key in moved or " " in resolved.name.strip():
            continue
        word = name_key(resolved.name)
        target = person_sense.get((local.article_id, word))
        if target is None or index.surname.get(word, set()) != {target}:
            continue
        countries = sorted(holder for title, holder in index.offices[target] if holder.startswith("country:"))
        if not countries:
            continue
        moved[key] = target
        rules[key] = EntityRule.PERSON_TYPED_PERSON_IN_ARTICLE
        evidence[(target, EntityRule.PERSON_TYPED_PERSON_IN_ARTICLE)].append(
            f"{resolved.name!r} (organisation) in {local.article_id}: the article also types it a person, "
            f"{index.by_id[target].name!r}, the only person of the corpus with that surname, "
            f"who holds an office for {countries[0]}")


def geocode_unknown_single_names(local_entities, moved, rules, by_id, index: "NameIndex", gaz: Gazetteer,
                                  evidence) -> None:
    for local in local_entities:
        key = (local.article_id, local.resolved.id)
        if key in moved or local.resolved.rule is not EntityRule.PERSON_SINGLE_NAME:
            continue
        word = name_key(local.resolved.name)
        if word in index.surname or word in index.family or word in index.given:
            continue  # a known person's name is never geocoded
        known = gaz.country(local.resolved.name) or gaz.place(local.resolved.name)
        if known is None or (getattr(known, "kind", None) == "city" and not known.prominent):
            continue  # a small town's name is as often a surname ("Murphy", Texas)
        place = resolve_surface("GPE", local.resolved.name, gaz)
        if place is None:
            continue
        rule = EntityRule.PLACE_NOT_A_KNOWN_PERSON
        by_id[place.id] = place
        moved[key] = place.id
        rules[key] = rule
        evidence[(place.id, rule)].append(f"{local.resolved.name!r} in {local.article_id}: {place.name} in the "
                                          f"gazetteer, and no person of the corpus bears the name")


def one_sense_per_article(local_entities, moved, rules, by_id, index: "NameIndex", evidence,
                           holdings: dict[str, dict[str, set[tuple[str, str]]]]) -> None:
    """A single name left article-scoped that the same article also names as an
    organisation, and that no person of the corpus bears, is that organisation: the
    model typed one word two ways in one text ("EastMed" PERSON and ORG in
    wn-eastmed-mitsotakis and wn-cairo-summit-turkey-libya; "Mozilla" in ECB+ 27_7ecb,
    "Xinhua" in ECB+ 37_5ecb). Likewise a place the same article names, when it names one
    place of that name ("the Bloomington man", "a Bloomington store" beside "a Sam's Club store
    in Bloomington": ECB+ 21_5ecb, 21_11ecb, two outlets), which the corpus-wide step below
    cannot choose where the corpus has two places of the name.

    Then one sense per corpus: such a name that other articles name as one organisation
    or one place (and nothing else of those kinds), that no person of the corpus bears
    and that is no given name ("Chelsea") nor holds an office in its article (a one-word
    name such as "Wiranto", typed a place elsewhere), is that organisation or place. The
    model's PERSON on a lone capitalised word it has no context for is the weakest of its
    labels: "Mozilla" (ECB+ 27_16ecb, an ORG in 27_3ecbplus), "Wasilla" (13_1ecb, a place in
    13_12ecb), "Marseilles" (30_1ecbplus), "Greenpeace" (9_8ecb): 25 words on ECB+, none on
    the Wikinews sets (where such words are never typed otherwise)."""
    orgs: dict[tuple[str, str], Resolved] = {}
    places: dict[tuple[str, str], dict[str, Resolved]] = defaultdict(dict)
    elsewhere: dict[str, dict[str, Resolved]] = defaultdict(dict)
    for local in local_entities:
        kind = local.resolved.kind
        if kind is EntityKind.ORGANIZATION:
            for mention in local.mentions:
                orgs.setdefault((local.article_id, name_key(mention.text)), local.resolved)
        if kind in _PLACE_KINDS:
            for mention in local.mentions:
                places[(local.article_id, name_key(mention.text))].setdefault(local.resolved.id, local.resolved)
        if kind is not EntityKind.PERSON and local.resolved.rule is not EntityRule.PERSON_SINGLE_NAME:
            for mention in local.mentions:
                elsewhere[name_key(mention.text)].setdefault(local.resolved.id, local.resolved)
    given = world_given_names()
    for local in local_entities:
        key = (local.article_id, local.resolved.id)
        if key in moved or local.resolved.rule is not EntityRule.PERSON_SINGLE_NAME:
            continue
        word = name_key(local.resolved.name)
        if not word or word in index.surname or word in index.family or word in index.given:
            continue
        org = orgs.get((local.article_id, word))
        here = places.get((local.article_id, word), {})
        if org is not None:
            rule, target = EntityRule.ORG_TYPED_ELSEWHERE_IN_ARTICLE, org
            why = f"also {org.name!r} (organisation) there"
        elif len(here) == 1 and word not in given and not holdings.get(local.article_id, {}).get(local.resolved.id):
            # The article's own place, where the corpus has more than one of that name
            # ("Bloomington", Minnesota and Indiana): "a Bloomington store" beside "in Bloomington".
            rule, target = EntityRule.PLACE_TYPED_ELSEWHERE_IN_ARTICLE, next(iter(here.values()))
            why = f"also {target.name!r} ({target.kind.value.lower()}) there"
        else:
            targets = elsewhere.get(word, {})
            if len(targets) != 1 or word in given or holdings.get(local.article_id, {}).get(local.resolved.id):
                continue
            target = next(iter(targets.values()))
            rule = (EntityRule.ORG_TYPED_ELSEWHERE_IN_CORPUS if target.kind is EntityKind.ORGANIZATION
                    else EntityRule.PLACE_TYPED_ELSEWHERE_IN_CORPUS)
            why = f"{target.name!r} ({target.kind.value.lower()}) in the corpus"
        by_id[target.id] = target
        moved[key] = target.id
        rules[key] = rule
        evidence[(target.id, rule)].append(f"{local.resolved.name!r} in {local.article_id}: {why}, "
                                           f"and no person of the corpus bears the name")
