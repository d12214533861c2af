"""Property tests: the name normalisers are idempotent and agree with each other."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graphbuild.resolution.normalize import clean_surface, entity_id, name_key, slug
from graphbuild.resolution.offices import normalize_title

names = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(names)
def test_name_key_is_idempotent(text):
    assert name_key(name_key(text)) == name_key(text)


@given(st.from_regex(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*", fullmatch=True))
def test_a_plain_ascii_name_gets_the_key_the_full_normalisation_gives(text):
    # name_key's shortcut for such names: " Name." takes every step of the normalisation
    assert name_key(text) == name_key(f" {text}.") == text.lower()


@given(names)
def test_slug_is_idempotent_and_a_function_of_the_key(text):
    assert slug(slug(text)) == slug(text)
    assert slug(name_key(text)) == slug(text)


@given(names)
def test_clean_surface_is_idempotent(text):
    assert clean_surface(clean_surface(text)) == clean_surface(text)


@given(names)
def test_entity_id_depends_only_on_the_name_key(text):
    if name_key(text):
        assert entity_id("person", text) == entity_id("person", name_key(text)) == entity_id("person", f" {text}. ")


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Pd")), max_size=30))
def test_title_normalisation_is_idempotent(text):
    assert normalize_title(normalize_title(text)) == normalize_title(text)
