"""Property-based tests: any text round-trips through the readers with its offsets
intact, and ids are stable and collision-free for distinct keys.

(Idempotence of name_key / slug / clean_surface is in tests/resolution/test_normalize_properties.py.)
"""
from __future__ import annotations

import json
import random
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.documents import Reader
from graphbuild.text import mask
from graphbuild.model import Document, EventKind
from graphbuild.resolution.events import event_id
from graphbuild.resolution.normalize import entity_id, name_key, slug

# Any text a UTF-8 file can hold and a reader must accept: no NUL (binary), no lone
# surrogates (not encodable), not starting with a BOM (that is encoding, not text),
# and not blank (reported, not read).
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
                max_size=300).filter(lambda t: t.strip() and not t.startswith("\ufeff"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_offsets(document: Document, text: str) -> None:
    assert document.text == text
    assert len(mask(document.text, document.masked)) == len(text)  # masking keeps every offset
    for span in document.masked:
        assert 0 <= span.start <= span.end <= len(text)
    if document.dateline is not None:
        assert 0 <= document.dateline.start <= document.dateline.end <= len(text)


@SETTINGS
@given(text=texts)
def test_any_text_round_trips_through_a_txt_file(tmp_path, text):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    items = list(Reader().read([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Document), items
    _check_offsets(items[0], text)


@SETTINGS
@given(text=texts, title=st.none() | texts, ascii_only=st.booleans())
def test_any_text_round_trips_through_a_jsonl_record(tmp_path, text, title, ascii_only):
    path = tmp_path / "a.jsonl"
    record = {"id": "x", "text": text, "title": title}
    path.write_bytes((json.dumps(record, ensure_ascii=ascii_only) + "\n").encode("utf-8"))
    items = list(Reader().read([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Document), items
    assert items[0].title == (title or None) and items[0].line == 1
    _check_offsets(items[0], text)


NAME_CHARS = "aAbBéÉß .-'’"


@given(st.text(alphabet=NAME_CHARS, max_size=10), st.text(alphabet=NAME_CHARS, max_size=10))
def test_entity_ids_are_equal_exactly_when_name_keys_are(first, second):
    """The id is a function of the name key, and distinct keys never share an id (the
    small alphabet makes equal keys from different spellings common)."""
    if name_key(first) and name_key(second):
        same_id = entity_id("person", first) == entity_id("person", second)
        assert same_id == (name_key(first) == name_key(second)), (first, second)


@given(st.text(max_size=40))
def test_case_spacing_and_periods_do_not_change_an_id(name):
    variant = "  " + name.upper().replace(" ", " . ") + " "
    if name_key(name) and name_key(variant) == name_key(name):
        assert entity_id("person", variant) == entity_id("person", name) == "person:" + slug(name)


def _names(count: int) -> list[str]:
    rng = random.Random(7)
    letters = string.ascii_letters + "ÀÉÎõüßøæŁşΩЖ李 .-'’"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(1, 14))) for _ in range(count)]


def test_entity_ids_are_collision_free_for_distinct_keys_on_a_large_set():
    names = _names(100_000)
    by_key = {name_key(n): n for n in names if name_key(n)}
    ids = {entity_id("org", n) for n in by_key.values()}
    assert len(by_key) > 50_000
    assert len(ids) == len(by_key)
    # Names with no key at all (only punctuation) get distinct hashed ids.
    blank = {"".join(random.Random(i).choice(".-'’!?") for _ in range(8)) for i in range(2_000)}
    assert len({entity_id("org", b) for b in blank}) == len(blank)


def test_event_ids_are_stable_and_collision_free_for_distinct_keys():
    rng = random.Random(11)
    people = [f"person:p{i}" for i in range(300)]
    keys = set()
    while len(keys) < 50_000:
        participants = tuple(sorted(rng.sample(people, rng.randint(1, 4))))
        date = rng.choice([None, f"2018-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
        place = rng.choice([None, "place:tokyo", "country:JPN", "place:seoul"])
        keys.add((rng.choice(list(EventKind)), participants, date, place))
    ids = {event_id(*key) for key in keys}
    assert len(ids) == len(keys)
    kind, participants, date, place = next(iter(keys))
    assert event_id(kind, list(reversed(participants)), date, place) == event_id(kind, participants, date, place)
