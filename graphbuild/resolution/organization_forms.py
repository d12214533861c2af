"""Short forms of organisations joined across the corpus (issue 13, round 8).

Runs after :func:`graphbuild.resolution.across_documents.join_defined_acronyms` and before
the people pass, over every article's local entities. Two joins, each a look-up in an
index built once (never a comparison of all pairs), each logged with its evidence:

* **A name without its country or parent body** (``EntityRule.ORG_NAME_WITHOUT_ITS_OWNER``):
  "State Department" is the corpus's one "United States Department of State" / "U.S. State
  Department" (wikinews wn-uk-diplomat-wife-immunity, wn-ukraine-subpoena-pompeo; ECB+
  41_8ecbplus and https://www.devdiscourse.com/article/law-order/2493275 write it bare);
  "General Assembly" is the "United Nations General Assembly" (wn-cengiz-unga-khashoggi;
  the devdiscourse report). The longer name is an owner — a country the gazetteer knows, or
  an organisation of data/organizations.jsonl named in the corpus (the United Nations) —
  followed by the short form (two words at least: one word,
  "Parliament", "Army", names a body of too many countries), compared in the form ids are
  made from (:func:`graphbuild.resolution.surfaces.organization_key_name`). It joins only
  when exactly one such longer name of the corpus has an owner the short form's article
  names, and, for a country, no other country is named there more often: "Foreign
  Ministry" in a report on Israel and Turkey stays apart when the corpus holds both
  countries' ministries. Any organisation as an owner ("AMA Board of Trustees", "Microsoft
  Security Response Alliance", ECB+ 34_*, 27_*) lowered ECB+ CoNLL F1 by 0.0005: its bodies
  are named bare ("Board of Trustees") in reports that gold leaves as singletons.
* **An acronym of one name of the corpus** (``EntityRule.ORG_ACRONYM_OF_ONE_NAME``): a bare
  acronym of three letters or more, defined nowhere, whose letters spell the words of
  exactly one organisation name of the corpus, in order ("IDF" and "Israel Defense Forces",
  wikinews wn-israel-gaza-ceasefire and ECB+ 41_3ecb, both in one text without brackets;
  "VOA" in wn-kibaki-seeks-kufuor-mediation and "Voice of America" in
  wn-tsvangirai-rallies-banned). A name of the acronym's own article wins over the rest of
  the corpus; two names anywhere that it spells leave it alone.

And one guard (:func:`scope_unspelled_pairs`): **two capitals alone that no name of their
articles spells** stay in their article. The small model tags abbreviations of common nouns
ORG, and one id per name joined them across reports: "TD" (a touchdown: "returned it for a
TD", ECB+ 29_3ecbplus; "Charles' 80-yard TD run", 29_12ecbplus, another outlet), "VP" (vice
president, ECB+ 13_8ecb and 44_5ecbplus), "KO" (a knockout, 7_3ecb and 7_8ecbplus). Two
letters are initials of too many things to stand for one body without a name that spells
them in one of their articles: "HP" (Hewlett-Packard), "GM" (General Motors) still join;
the known ones of data/organizations.jsonl ("UN", "EU") are aliases, not names, and are
left alone.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from graphbuild.model import EntityKind, LocalEntity, Resolved
from graphbuild.resolution.geo import Gazetteer
from graphbuild.text import MINOR_WORDS
from graphbuild.resolution.normalize import clean_surface, entity_id, name_key, short_hash
from graphbuild.resolution.surfaces import front_spelled_out, organization_aliases, organization_key_name
from graphbuild.rules import EntityRule

# Words of an owner in front of a longer name: "United Nations", "United States", "Democratic Republic of the Congo".
_OWNER_WORDS = 5
_SHORT_FORM_WORDS = 2
_ACRONYM = re.compile(r"^[A-Z]{3,6}$")
_PAIR = re.compile(r"^[A-Z]{2}$")
# Rules of organisation nodes a short form may join: a name as NER wrote it, or a known alias.
_TARGET_RULES = frozenset({EntityRule.ORG_NAME, EntityRule.ORG_ALIAS, EntityRule.ORG_ACRONYM_IN_ARTICLE})

Evidence = dict[tuple[str, EntityRule], tuple[str, ...]]


def join_organization_forms(local_entities: Sequence[LocalEntity], gaz: Gazetteer) -> tuple[list[LocalEntity], Evidence]:
    """The local entities with short forms and acronyms joined (see the module docstring),
    and the merge-log evidence per (node id, rule)."""
    targets: dict[str, Resolved] = {}
    named: dict[str, Counter] = defaultdict(Counter)  # article → entity id → mentions
    articles: dict[str, set[str]] = defaultdict(set)  # entity id → articles
    for local in local_entities:
        named[local.article_id][local.resolved.id] += len(local.mentions)
        articles[local.resolved.id].add(local.article_id)
        if local.resolved.kind is EntityKind.ORGANIZATION and local.resolved.rule in _TARGET_RULES:
            known = targets.get(local.resolved.id)
            # The node's spelled-out name is the one a joined short form takes ("Israel
            # Defense Forces", not "Israeli Defense Forces").
            if known is None or (front_spelled_out(known.name, gaz) and not front_spelled_out(local.resolved.name, gaz)):
                targets[local.resolved.id] = local.resolved
    owned = _owned_names(targets, gaz)
    spelled = _by_first_letter(targets)
    evidence: dict[tuple[str, EntityRule], set[str]] = defaultdict(set)
    result = []
    for local in local_entities:
        resolved = local.resolved
        if resolved.kind is EntityKind.ORGANIZATION and resolved.rule is EntityRule.ORG_NAME:
            found = (_owner_named(local, owned, named[local.article_id], gaz)
                     or _one_name_spelled(local, spelled, named, articles, gaz))
            if found is not None:
                target, rule, why = found
                local = replace(local, resolved=replace(target, rule=rule), rules=(rule,) * len(local.mentions))
                evidence[(target.id, rule)].add(why)
        result.append(local)
    return scope_unspelled_pairs(result), {key: tuple(sorted(items)) for key, items in evidence.items()}


def scope_unspelled_pairs(local_entities: Sequence[LocalEntity]) -> list[LocalEntity]:
    """Each organisation named by two capitals alone gets an id of its article only unless
    one of the articles that name it also holds a name (not a person's) whose words'
    initials spell it (see the module docstring). Any name of the whole corpus is too weak
    a test for two letters: ECB+ holds "TallGrass Distribution" and "Vancouver Police",
    none of them in the reports of touchdowns or vice presidents. Linear: one pass to
    index, one to scope."""
    spelled: dict[str, set[str]] = defaultdict(set)  # article → pairs its names spell
    named: dict[str, set[str]] = defaultdict(set)  # pair → articles naming it
    for local in local_entities:
        if local.resolved.kind is EntityKind.PERSON:
            continue
        name = clean_surface(local.resolved.name)
        for surface in {name, *(clean_surface(m.text) for m in local.mentions)}:
            if _PAIR.match(surface):  # also where the article's own definition took it ("Hewlett-Packard (HP)")
                named[surface].add(local.article_id)
            words = [w for w in re.split(r"[\s\-–]+", surface) if w[:1].isalpha()]
            if len(words) >= 2:
                spelled[local.article_id].add("".join(w[0] for w in words).upper())
                spelled[local.article_id].add("".join(w[0] for w in words if w.casefold() not in MINOR_WORDS).upper())
    expanded = {pair for pair, where in named.items() if any(pair in spelled[article] for article in where)}
    result = []
    for local in local_entities:
        resolved = local.resolved
        name = clean_surface(resolved.name)
        if (resolved.kind is EntityKind.ORGANIZATION and resolved.rule is EntityRule.ORG_NAME
                and _PAIR.match(name) and name not in expanded):
            local = replace(local, resolved=replace(resolved, id=f"{resolved.id}~{short_hash(local.article_id, length=8)}"))
        result.append(local)
    return result


def _owned_names(targets: dict[str, Resolved], gaz: Gazetteer) -> dict[str, list[tuple[Resolved, str, str]]]:
    """Key of the short form → (longer organisation, owner id, owner name) for every longer
    name that is an owner followed by two words or more."""
    index: dict[str, list[tuple[Resolved, str, str]]] = defaultdict(list)
    known = {name_key(name) for name in organization_aliases().values()}
    for resolved in targets.values():
        if "," in resolved.name:
            continue  # two names NER ran together: "Macworld, Apple Inc." (ECB+ 40_7ecb)
        words = name_key(organization_key_name(resolved.name, gaz)).split()
        for count in range(1, min(_OWNER_WORDS, len(words) - _SHORT_FORM_WORDS) + 1):
            front = " ".join(words[:count])
            country = gaz.country(front)
            owner = f"country:{country.iso3}" if country is not None else entity_id("org", front)
            rest = " ".join(words[count:count + 2])
            if gaz.place(rest) is not None:
                break  # the rest is a name of its own: "San Diego Chargers" after a stray "DUI" (ECB+ 35_*)
            if country is not None or (owner in targets and owner != resolved.id and front in known):
                index[" ".join(words[count:])].append((resolved, owner, country.name if country else targets[owner].name))
                break
    return index


def _owner_named(local: LocalEntity, owned, named: Counter, gaz: Gazetteer):
    key = name_key(organization_key_name(local.resolved.name, gaz))
    candidates = {resolved.id: (resolved, owner, owner_name) for resolved, owner, owner_name in owned.get(key, ())
                  if owner in named and resolved.id != local.resolved.id}
    if len(candidates) != 1:
        return None
    resolved, owner, owner_name = next(iter(candidates.values()))
    if owner.startswith("country:"):
        most = max((count for entity, count in named.items() if entity.startswith("country:")), default=0)
        if named[owner] < most:
            return None
    why = (f"{clean_surface(local.mentions[0].text)!r} in {local.article_id} is {resolved.name!r}, "
           f"the one such name of the corpus whose owner ({owner_name}) the article names")
    return resolved, EntityRule.ORG_NAME_WITHOUT_ITS_OWNER, why


def _by_first_letter(targets: dict[str, Resolved]) -> dict[str, list[Resolved]]:
    index: dict[str, list[Resolved]] = defaultdict(list)
    for resolved in targets.values():
        name = clean_surface(resolved.name)
        if len(name.split()) >= 2 and name[:1].isalpha():
            index[name[:1].casefold()].append(resolved)
    return index


def _initials(acronym: str, name: str) -> bool:
    """The acronym's letters are the initials of the name's words, with or without its
    minor words ("VOA" = Voice of America, "IDF" = Israel Defense Forces); letters from
    inside a word are not enough across articles ("DEPA" is no "Democratic Party")."""
    words = [w for w in re.split(r"[\s\-–]+", clean_surface(name)) if w[:1].isalpha()]
    letters = acronym.casefold()
    return letters in ("".join(w[0] for w in words).casefold(),
                       "".join(w[0] for w in words if w.casefold() not in MINOR_WORDS).casefold())


def _one_name_spelled(local: LocalEntity, spelled, named: dict[str, Counter], articles: dict[str, set[str]],
                      gaz: Gazetteer):
    """See the module docstring. A name of another article needs the acronym's article to
    share with it an entity other than a country, and to name the country the name starts
    with: "SAF" (the Sudanese army in a Darfur report, wikinews-3) is no "Saudi Air Force"."""
    acronym = clean_surface(local.resolved.name)
    if not _ACRONYM.match(acronym):
        return None
    here_named = named[local.article_id]
    candidates = {r.id: r for r in spelled.get(acronym[0].casefold(), ())
                  if r.id != local.resolved.id and _initials(acronym, r.name)}
    here = {i: r for i, r in candidates.items() if i in here_named}
    if here:
        if len(here) != 1:
            return None
        target = next(iter(here.values()))
        return target, EntityRule.ORG_ACRONYM_OF_ONE_NAME, (
            f"{acronym!r} in {local.article_id} spells {target.name!r}, the one such name of its article")
    if len(candidates) != 1:
        return None
    target = next(iter(candidates.values()))
    words = name_key(organization_key_name(target.name, gaz)).split()
    front = gaz.country(" ".join(words[:2])) or gaz.country(words[0])
    if front is not None and f"country:{front.iso3}" not in here_named:
        return None
    elsewhere = articles[target.id] - {local.article_id}
    shared = sorted(entity for entity in here_named if not entity.startswith("country:")
                    and entity not in (local.resolved.id, target.id) and articles[entity] & elsewhere)
    if not shared:
        return None
    why = (f"{acronym!r} in {local.article_id} spells {target.name!r}, the one such name of the corpus; "
           f"shared with its articles: {', '.join(shared[:3])}")
    return target, EntityRule.ORG_ACRONYM_OF_ONE_NAME, why
