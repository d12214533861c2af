"""The gazetteer: countries, territories, regions, cities and demonyms from the libraries."""
from __future__ import annotations

import pytest

from graphbuild.resolution.geo import gazetteer


@pytest.mark.parametrize("surface", ["U.S.", "US", "USA", "America", "United States", "the United States"])
def test_all_forms_of_the_united_states_are_one_country(surface):
    assert gazetteer().country(surface).iso3 == "USA"


def test_lowercase_us_is_a_pronoun_not_a_country():
    assert gazetteer().country("us") is None


@pytest.mark.parametrize(("surface", "iso3"), [("South Korea", "KOR"), ("North Korea", "PRK"), ("Britain", "GBR"), ("Russia", "RUS")])
def test_common_country_names(surface, iso3):
    assert gazetteer().country(surface).iso3 == iso3


@pytest.mark.parametrize(("surface", "kind", "country"), [
    ("Guam", "territory", "USA"), ("Puerto Rico", "territory", "USA"), ("Hong Kong", "territory", "CHN"),
    ("Okinawa", "region", "JPN"), ("California", "region", "USA"),
    ("Tokyo", "city", "JPN"), ("Seoul", "city", "KOR"), ("Pyongyang", "city", "PRK"), ("Washington", "city", "USA"),
])
def test_places_are_not_countries_and_know_their_country(surface, kind, country):
    gaz = gazetteer()
    assert gaz.country(surface) is None
    place = gaz.place(surface)
    assert (place.kind, place.country) == (kind, country)


@pytest.mark.parametrize(("surface", "iso3"), [
    ("Japanese", "JPN"), ("South Korean", "KOR"), ("the North Koreans", "PRK"), ("American", "USA"), ("Chinese", "CHN"),
])
def test_demonyms_point_to_their_country(surface, iso3):
    assert gazetteer().demonym(surface).iso3 == iso3


@pytest.mark.parametrize("surface", ["Asian", "Marines", "Republicans"])
def test_words_that_are_not_demonyms_of_a_country(surface):
    assert gazetteer().demonym(surface) is None


def test_a_partial_name_of_a_territory_is_no_name():
    # "Guiana" in wn-lula-meets-chavez means Guyana; French Guiana only when the text says French.
    from graphbuild.resolution.geo import gazetteer

    gaz = gazetteer()
    assert gaz.country("Guiana") is None
    assert gaz.country("French Guiana").iso3 == "GUF"
    assert gaz.country("Guinea").iso3 == "GIN"  # an official name stays


def test_a_city_is_never_a_country():
    from graphbuild.resolution.geo import gazetteer

    gaz = gazetteer()
    assert gaz.country("San Salvador") is None
    assert gaz.place("San Salvador").kind == "city" and gaz.place("San Salvador").country == "SLV"


def test_a_stored_gazetteer_reads_back_with_the_same_tables_and_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch, caplog):
    from graphbuild.resolution import geo

    built = geo.gazetteer()
    monkeypatch.setattr(geo, "_shared", [])
    stored = geo.stored_gazetteer(tmp_path)  # builds
    assert not list(tmp_path.iterdir())  # stored only after a finished run
    geo.keep_gazetteer(tmp_path)
    [copy] = tmp_path.glob("gazetteer-*.msgpack")
    assert copy.name == f"gazetteer-{geo.gazetteer_fingerprint()}.msgpack"
    monkeypatch.setattr(geo, "_shared", [])
    read = geo.stored_gazetteer(tmp_path)  # reads the copy
    assert read is not stored and read.state() == stored.state() == built.state()
    assert geo.gazetteer() is read
    assert read.place("Tokyo") == built.place("Tokyo") and read.country("U.S.").iso3 == "USA"

    copy.write_bytes(b"\x92not msgpack of a gazetteer")
    monkeypatch.setattr(geo, "_shared", [])
    with caplog.at_level("WARNING"):
        again = geo.stored_gazetteer(tmp_path)
    assert "unreadable" in caplog.text and again.state() == built.state() and not copy.exists()
    geo.keep_gazetteer(tmp_path)
    assert geo.Gazetteer.from_state(__import__("srsly").msgpack_loads(copy.read_bytes())).state() == built.state()


@pytest.mark.parametrize("surface", ["Soviet Union", "the Soviet Union", "USSR", "Union of Soviet Socialist Republics"])
def test_a_former_country_the_news_names_is_a_country(surface):
    # data/historic_countries.jsonl: pycountry's historic record, under the name the news uses.
    country = gazetteer().country(surface)
    assert country is not None and (country.iso3, country.name) == ("SUN", "Soviet Union")


def test_a_former_countrys_demonym_names_it_and_other_former_countries_are_not_added():
    gaz = gazetteer()
    assert gaz.demonym("the Soviets").iso3 == "SUN"
    assert gaz.country("Russia").iso3 == "RUS"
    assert gaz.country("Czechoslovakia") is None  # no text of ours needs it yet
