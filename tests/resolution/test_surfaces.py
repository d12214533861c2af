"""One surface with its NER label → an entity (resolution/surfaces.py)."""
from __future__ import annotations

import pytest

from graphbuild.model import EntityKind
from graphbuild.resolution.geo import gazetteer
from graphbuild.resolution.surfaces import resolve_surface


@pytest.mark.parametrize("surface, name", [
    ("the Élysée Palace", "Élysée Palace"),                           # wnx-lula-roh-meeting's kind of site
    ("Buckingham Palace", "Buckingham Palace"),                       # wn3-zuma-britain-state-visit
    ("the Great Hall of the People", "Great Hall of the People"),     # the head word comes before "of"
])
def test_a_facility_named_by_a_site_word_is_a_place(surface, name):
    resolved = resolve_surface("FAC", surface, gazetteer())
    assert (resolved.kind, resolved.name, dict(resolved.props)["kind"]) == (EntityKind.PLACE, name, "facility")


def test_a_facility_named_by_an_institution_word_is_an_organisation():
    resolved = resolve_surface("FAC", "the Kenyatta University", gazetteer())
    assert (resolved.kind, resolved.name) == (EntityKind.ORGANIZATION, "Kenyatta University")


@pytest.mark.parametrize("surface", ["the Annapolis Conference", "Sacred Defence Week", "Siniori"])
def test_a_facility_without_a_site_word_is_not_kept(surface):
    """Events and misspelt names the model typed FAC (wn-annapolis-statement, wnx, wn3)."""
    assert resolve_surface("FAC", surface, gazetteer()) is None


def test_the_white_house_typed_as_a_facility_is_the_organisation():
    assert resolve_surface("FAC", "the White House", gazetteer()).kind is EntityKind.ORGANIZATION


@pytest.mark.parametrize("label, surface, name", [
    ("GPE", "ISIL", "Islamic State"),                    # "against ISIL" (wn-trump-syria-withdrawal)
    ("GPE", "the African Union", "African Union"),       # wn-kibaki-seeks-kufuor-mediation
    ("ORG", "ISIS", "Islamic State"),                    # wn-kurds-assad-deal; wnx-iraq-expel-us-troops
    ("ORG", "Palestinian Authority", "Palestinian National Authority"),  # wn-bush-arrives-israel; ECB+ 41_6ecb
    ("ORG", "al-Qaida", "al-Qaeda"),                     # wn-brown-london-conferences
    ("GPE", "G7", "G7"),                                 # wn-g7-amazon-fires; MEANTIME stock_114719
])
def test_a_known_organisation_is_one_organisation_whatever_its_form_or_label(label, surface, name):
    resolved = resolve_surface(label, surface, gazetteer())
    assert (resolved.kind, resolved.name) == (EntityKind.ORGANIZATION, name)


def test_a_place_the_gazetteer_knows_stays_a_place_before_any_organisation():
    assert resolve_surface("GPE", "Kenya", gazetteer()).kind is EntityKind.COUNTRY
