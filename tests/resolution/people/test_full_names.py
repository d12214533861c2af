"""The words of a full name (resolution/people/full_names.py)."""
from __future__ import annotations

from graphbuild.resolution.people import split_name


def test_split_name_keeps_the_suffix_apart():
    assert split_name("Martin Luther King Jr.") == (("martin", "luther", "king"), "jr")
    assert split_name("Henry V") == (("henry", "v"), None)  # two words: the numeral is the name
