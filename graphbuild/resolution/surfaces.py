"""One surface form with its NER label → a canonical entity (or nothing).

This is where the small model's label mistakes are repaired by data: a GPE that is a
US territory is a Place, an ORG that is a prefecture is a Place, a LOC that is a
plural demonym ("the North Koreans") is a Country, ``U.N.`` is the United Nations.
Person names are handled in :mod:`graphbuild.resolution.within_document`, which
needs the whole article.
"""
from __future__ import annotations

import functools
import re

from graphbuild.model import EntityKind, Resolved
from graphbuild.resolution.geo import Country, Gazetteer, Place
from graphbuild.resolution.normalize import clean_surface, entity_id, name_key, slug
from graphbuild.rules import EntityRule
from graphbuild.vocabulary import data_rows, head_word_label, organization_heads

PLACE_LABELS = frozenset({"GPE", "LOC", "DATELINE"})
PLACE_RULES = {"city": EntityRule.PLACE_CITY, "region": EntityRule.PLACE_REGION, "territory": EntityRule.PLACE_TERRITORY}
TAGGED_ORG_RULES = {"city": EntityRule.PLACE_CAPITAL_TAGGED_ORG, "region": EntityRule.PLACE_REGION_TAGGED_ORG,
                    "territory": EntityRule.PLACE_TERRITORY_TAGGED_ORG}


def resolve_surface(label: str, text: str, gaz: Gazetteer) -> Resolved | None:
    """Resolve a non-person mention. Returns ``None`` for what the graph does not keep
    (religions, parties, facilities, products …)."""
    surface = clean_surface(text)
    if label == "DATELINE":
        surface = surface.title()  # "TOKYO" → "Tokyo"; look-ups are case-blind anyway
    if label in PLACE_LABELS:
        country = gaz.country(surface)
        if country is not None:
            return country_entity(country, EntityRule.COUNTRY_NAME)
        place = gaz.place(surface)
        if place is not None:
            return place_entity(place, PLACE_RULES[place.kind])
        country = gaz.demonym(surface)
        if country is not None:
            return country_entity(country, EntityRule.COUNTRY_DEMONYM)
        # A known organisation the model typed as a place, and that the gazetteer does not
        # know as one: "against ISIL" (wikinews wn-trump-syria-withdrawal), "the African
        # Union" (wn-kibaki-seeks-kufuor-mediation; data/organizations.jsonl cites each).
        canonical = organization_aliases().get(name_key(_strip_leading_the(surface)))
        if canonical is not None:
            return Resolved(EntityKind.ORGANIZATION, entity_id("org", organization_key_name(canonical, gaz)), canonical,
                            EntityRule.ORG_ALIAS)
        return Resolved(EntityKind.PLACE, entity_id("place", surface), surface, EntityRule.PLACE_UNRESOLVED,
                        (("kind", "location" if label == "LOC" else "place"),))
    if label == "FAC":
        # A facility is kept when it is a place the gazetteer knows ("Ribeirão Preto", tagged FAC
        # in wn-granda-capture-crisis); named sites end in a place word and arrive as LOC.
        country = gaz.country(surface)
        if country is not None:
            return country_entity(country, EntityRule.COUNTRY_NAME)
        place = gaz.place(surface)
        if place is not None:
            return place_entity(place, PLACE_RULES[place.kind])
        canonical = organization_aliases().get(name_key(_strip_leading_the(surface)))
        if canonical is not None:  # "the White House" (data/organizations.jsonl)
            return Resolved(EntityKind.ORGANIZATION, entity_id("org", organization_key_name(canonical, gaz)), canonical,
                            EntityRule.ORG_ALIAS)
        # A named building or site says what it is by its head word (data/place_heads.jsonl):
        # "the Élysée Palace", "Buckingham Palace", "the Great Hall of the People" are places
        # (the gold of every Wikinews set types them Place); without such a word a facility
        # name is too often an event ("the Annapolis Conference") or a misspelt person to keep.
        name = _strip_leading_the(surface)
        kind = head_word_label(name)
        if not name[:1].isupper() or kind is None:
            return None
        if kind == "ORG":
            return Resolved(EntityKind.ORGANIZATION, entity_id("org", organization_key_name(name, gaz)), name,
                            EntityRule.ORG_NAME)
        return Resolved(EntityKind.PLACE, entity_id("place", name), name, EntityRule.PLACE_UNRESOLVED,
                        (("kind", "facility"),))
    if label == "NORP":
        country = gaz.demonym(surface)
        if country is not None:
            return country_entity(country, EntityRule.COUNTRY_DEMONYM)
        party = party_names().get(name_key(surface))  # "Democrats", "Republican" (data/parties.jsonl)
        return Resolved(EntityKind.ORGANIZATION, entity_id("org", party), party, EntityRule.ORG_ALIAS) if party else None
    if label == "ORG":
        # "The" kept inside a sentence ("told The Associated Press") is looked up without it.
        bare = name_key(_strip_leading_the(surface))
        canonical = organization_aliases().get(bare) or party_names().get(bare)
        if canonical is not None:
            return Resolved(EntityKind.ORGANIZATION, entity_id("org", organization_key_name(canonical, gaz)), canonical,
                            EntityRule.ORG_ALIAS)
        country = gaz.country(surface)
        if country is not None:
            return country_entity(country, EntityRule.COUNTRY_TAGGED_ORG)
        place = gaz.place(surface)
        # A capital tagged ORG is the capital used for its government ("Seoul said"):
        # still the place, linked to its country, never an organisation or a country.
        if place is not None and (place.kind in {"region", "territory"} or place.capital):
            return place_entity(place, EntityRule.PLACE_CAPITAL_TAGGED_ORG if place.capital else TAGGED_ORG_RULES[place.kind])
        name = _strip_leading_the(surface)
        if not name_key(name):
            return None
        return Resolved(EntityKind.ORGANIZATION, entity_id("org", organization_key_name(name, gaz)), name,
                        EntityRule.ORG_NAME)
    return None


_CODE_PREFIX_WORDS = 2
_CODE = re.compile(r"^(?:[A-Z]\.?){2,3}$")


def _country_code_spelled_out(name: str, gaz: Gazetteer) -> str:
    """The name an organisation named after its country is known by: a country code before
    it spelled out, so "US Geological Survey", "U. S. Geological Survey" and "United States
    Geological Survey" are one organisation (ECB+ 37_*, 38_*), as are "US Air Force" and
    "United States Air Force" (MEANTIME airbus_100911, airbus_1173). Only a code in capitals
    (US, U.S., "U. S.", UK) the gazetteer reads as a country, with a word after it: the id
    changes, the name stays as written. "America Libre" and "Republic of Korea Navy" keep
    their words."""
    words = name.split()
    for count in range(min(_CODE_PREFIX_WORDS, len(words) - 1), 0, -1):
        code = "".join(words[:count])
        if _CODE.match(code) and (country := gaz.country(code)) is not None:
            return " ".join([country.name, *words[count:]])
    return name


def organization_key_name(name: str, gaz: Gazetteer) -> str:
    """The form of an organisation's name its id is made from, so that the ways outlets
    write one body give one id (the name shown stays as written):

    * a country code, a demonym or a known organisation's acronym in front is spelled out
      as the country's or organisation's name: "U.S. State Department" and "United States
      State Department"; "Israeli Defense Forces" (wikinews wn-hamas-ends-truce, ECB+
      41_4ecb) and "Israel Defense Forces" (wn-israel-gaza-ceasefire, ECB+ 41_3ecb); "UN
      General Assembly" and "United Nations General Assembly" (wn-chavez-un-address,
      wn-rouhani-persian-gulf; https://www.devdiscourse.com/article/law-order/2493275
      writes "UN General Assembly");
    * "HEAD of [the] X" for a government head noun (data/organization_heads.jsonl) is
      "X HEAD": "Department of State" = "State Department", "Ministry of Finance" =
      "Finance Ministry" (ECB+ 8_6ecbplus / 8_3ecbplus);

    * a group named by its number of members is "G" and the number: "Group of Seven", "G-7"
      and "G7" (wn-g7-amazon-fires writes all three), "Group of 20" and "G20" (one report of
      the 2022 Bali summit writes both: https://exbulletin.com/politics/1916573/);

    * a word spelled the British way is spelled as data/spelling_variants.jsonl says:
      "Israeli Defence Forces" (ECB+ 41_4ecb) and "Israel Defense Forces" (41_3ecb), "Japan's
      Self-Defence Forces" and "Japanese Self-Defense Forces" (bench/wikinews-extra
      wnx-chinese-submarine-japan);

    "Republic of Korea Navy" and "America Libre" keep their words (no code, no demonym in
    front; "Republic" is no head)."""
    numbered = _numbered_group(name)
    if numbered is not None:
        return numbered
    spellings = _spelling_variants()
    words = ["-".join(spellings.get(part.casefold(), part) for part in word.split("-"))
             for word in _country_code_spelled_out(name, gaz).split()]
    if len(words) >= 2:
        front = _spelled_out_front(words[0], gaz)
        if front is not None:
            words = [*front.split(), *words[1:]]
    lowered = [w.casefold() for w in words]
    if "of" in lowered[1:-1]:
        at = lowered.index("of", 1)
        tail = words[at + 1:]
        if tail and tail[0].casefold() == "the":
            tail = tail[1:]
        if tail and lowered[at - 1] in organization_heads():
            words = [*words[:at - 1], *tail, words[at - 1]]
    return " ".join(words)


# Number words a group of states is named by, written out ("Group of Eight"): twenty words,
# hand-written as no number-word library is a dependency (spaCy's like_num is extraction's).
_NUMBER_WORDS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_GROUP_OF = re.compile(r"^Group of (?P<count>\w+)$")
_G_NUMBER = re.compile(r"^G-?(?P<count>\d{1,2})$")


def _numbered_group(name: str) -> str | None:
    """ "Group of Seven", "Group of 7", "G-7" → "G7"; None for any other name."""
    match = _GROUP_OF.match(name) or _G_NUMBER.match(name)
    if match is None:
        return None
    count = match["count"]
    number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count.casefold())
    return f"G{number}" if number else None


def front_spelled_out(name: str, gaz: Gazetteer) -> bool:
    """The name starts with a code, demonym or acronym its id spells out ("U.S. State
    Department", "Israeli Defense Forces"): a node prefers another of its names."""
    words = name.split()
    return len(words) >= 2 and (_country_code_spelled_out(name, gaz) != name
                                or _spelled_out_front(words[0], gaz) is not None)


def _spelled_out_front(word: str, gaz: Gazetteer) -> str | None:
    """A demonym ("Israeli") or an organisation's acronym ("UN") → its country's or
    organisation's name; None for any other word."""
    if word[:1].isupper() and gaz.country(word) is None:
        country = gaz.demonym(word)
        if country is not None:
            return country.name
    if word.isupper() and len(word.replace(".", "")) >= 2:
        canonical = organization_aliases().get(name_key(word))
        if canonical is not None and name_key(canonical) != name_key(word):
            return canonical
    return None


def country_entity(country: Country, rule: EntityRule) -> Resolved:
    return Resolved(EntityKind.COUNTRY, f"country:{country.iso3}", country.name, rule,
                    (("iso2", country.iso2), ("iso3", country.iso3)))


def place_entity(place: Place, rule: EntityRule) -> Resolved:
    place_id = f"place:{place.country}:{slug(place.name)}" if place.country else entity_id("place", place.name)
    props: list[tuple[str, object]] = [("kind", place.kind)]
    if place.code:
        props.append(("iso_code", place.code))
    if place.capital:
        props.append(("capital", True))
    return Resolved(EntityKind.PLACE, place_id, place.name, rule, tuple(props),
                    country_id=f"country:{place.country}" if place.country else None)


@functools.lru_cache(maxsize=1)
def _spelling_variants() -> dict[str, str]:
    """Lower-case word → the spelling an organisation's id is made with."""
    return {row["word"].casefold(): row["variant_of"] for row in data_rows("spelling_variants")}


@functools.lru_cache(maxsize=1)
def organization_aliases() -> dict[str, str]:
    """name key of every variant (and of the canonical name) → canonical name."""
    index: dict[str, str] = {}
    for row in data_rows("organizations"):  # graphbuild/data/organizations.jsonl
        canonical = row["name"]
        for variant in [canonical, *row["variants"]]:
            index[name_key(_strip_leading_the(variant))] = canonical
    return index


@functools.lru_cache(maxsize=1)
def party_names() -> dict[str, str]:
    """name key of a party's adjective or members ("Democrats") → the party's name."""
    index = {name_key(row["surface"]): row["party"] for row in data_rows("parties")}
    for row in data_rows("parties"):
        index.setdefault(name_key(row["party"]), row["party"])
    return index


def _strip_leading_the(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text
