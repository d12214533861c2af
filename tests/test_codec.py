"""The generic record codec: every record class of graphbuild/model.py survives encode →
msgpack → decode unchanged, without a line of codec per class; the layout fingerprint
moves whenever a record's fields do."""
from __future__ import annotations

import dataclasses
import enum
import inspect
import types
import typing
from datetime import date

import pytest
import srsly

from graphbuild import model
from graphbuild.codec import decode, encode, layout_fingerprint, type_hints

# Every record passed between stages; RunReport is the run's summary (it holds the
# InputErrors of skipped inputs), never stored.
RECORDS = [cls for _, cls in inspect.getmembers(model, inspect.isclass)
           if dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__ and cls is not model.RunReport]


def example(hint, depth: int = 0):
    """A value of type ``hint`` with nothing default about it (built from the hints alone,
    so a field added to model.py is covered here without a change)."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return example(next(arg for arg in typing.get_args(hint) if arg is not type(None)), depth)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return (example(args[0], depth + 1), example(args[0], depth + 1))
        return tuple(example(arg, depth + 1) for arg in args)
    if origin is list:
        return [example(typing.get_args(hint)[0], depth + 1)]
    if origin is dict:
        return {"k\u00e9y": example(typing.get_args(hint)[1], depth + 1)}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return list(hint)[-1]
    if dataclasses.is_dataclass(hint):
        hints = type_hints(hint)
        return hint(**{field.name: example(hints[field.name], depth + 1) for field in dataclasses.fields(hint)})
    if hint is date:
        return date(2018, 6, 29)
    if hint is object:
        return "any"
    return {str: "Zoë \u202e\U0001f600 \"q\" \\", int: 12345678901234, float: 0.1, bool: True}[hint]


def test_there_are_records_to_check():
    names = {cls.__name__ for cls in RECORDS}
    assert {"Extraction", "Mention", "OfficeMention", "EventMention", "ArticleMeta", "TextSpan"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_every_record_round_trips_through_msgpack(cls):
    record = example(cls)
    stored = srsly.msgpack_dumps(encode(record))
    assert decode(cls, srsly.msgpack_loads(stored)) == record


def test_a_real_extraction_round_trips(seed_build, nlp, seeds_jsonl):
    from graphbuild.documents import Reader
    from graphbuild.extraction.extract import extract

    extractions = list(extract(Reader(None).read([str(seeds_jsonl)]), nlp))
    assert extractions and all(e.mentions and e.events for e in extractions)
    for extraction in extractions:
        assert decode(model.Extraction, srsly.msgpack_loads(srsly.msgpack_dumps(encode(extraction)))) == extraction


def test_the_layout_fingerprint_moves_when_a_field_is_added_renamed_or_retyped():
    def record(*fields):
        return dataclasses.make_dataclass("Span", fields, frozen=True)

    base = layout_fingerprint(record(("start", int), ("end", int)))
    assert layout_fingerprint(record(("start", int), ("end", int))) == base
    assert layout_fingerprint(record(("start", int), ("end", int), ("label", str))) != base
    assert layout_fingerprint(record(("start", int), ("stop", int))) != base
    assert layout_fingerprint(record(("start", int), ("end", str))) != base
    # and for a record nested below the root: the Extraction's changes with its Mention's
    assert layout_fingerprint(model.Extraction) != layout_fingerprint(model.ArticleMeta)


def test_what_the_codec_cannot_store_is_refused_not_guessed():
    with pytest.raises(TypeError, match="expected a dataclass, enum, date, container or plain value, found set"):
        encode({1, 2})
