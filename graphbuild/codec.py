"""Records to plain data and back, generically from their dataclass definitions.

Used by the extraction cache (graphbuild/cache.py) to store per-article extraction
records. Nothing here names a record class: a dataclass becomes the list of its field
values in field order, an enum its value, a date its ISO form, a tuple a list; decoding
walks the type hints of the class asked for. So when a record gains, loses or retypes a
field, no codec changes: :func:`layout_fingerprint` changes instead, and every cache entry
written with the old layout simply misses (it is part of the cache key).

>>> from graphbuild.model import TextSpan
>>> encode(TextSpan(3, 9))
[3, 9]
>>> decode(TextSpan, [3, 9])
TextSpan(start=3, end=9)
"""
from __future__ import annotations

import enum
import hashlib
import json
import types
import typing
from dataclasses import fields, is_dataclass
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, Union

_PLAIN = (str, int, float, bool, type(None))


def encode(value: Any) -> Any:
    """Plain data (lists, dicts, str, int, float, bool, None) for ``value``."""
    if isinstance(value, enum.Enum):  # before str: our enums are str enums
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, field.name)) for field in fields(value)]
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {key: encode(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, _PLAIN):
        return value
    raise TypeError(f"expected a dataclass, enum, date, container or plain value, found {type(value).__name__}")


def decode(hint: Any, data: Any) -> Any:
    """The value of type ``hint`` that :func:`encode` turned into ``data``."""
    return _decoder(hint)(data)


@lru_cache(maxsize=None)
def _decoder(hint: Any) -> Callable[[Any], Any]:
    """A function that decodes plain data into ``hint``, built once per type from its
    hints (decoding an article's records is then a few calls per value, which is what
    makes a cache hit cheap next to parsing)."""
    origin = typing.get_origin(hint)
    if hint is Any or hint is object or hint in _PLAIN:
        return _same
    if origin is Union or origin is types.UnionType:
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        if len(options) != 1:
            raise TypeError(f"expected a union of one type and None, found {hint}")
        inner = _decoder(options[0])
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda data: tuple(map(item, data))
        items = tuple(_decoder(arg) for arg in args)
        return lambda data: tuple(decode_item(value) for decode_item, value in zip(items, data, strict=True))
    if origin is list:
        item = _decoder(typing.get_args(hint)[0])
        return lambda data: list(map(item, data))
    if origin is dict:
        item = _decoder(typing.get_args(hint)[1])
        return lambda data: {key: item(value) for key, value in data.items()}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if is_dataclass(hint):
        hints = type_hints(hint)
        items = tuple(_decoder(hints[field.name]) for field in fields(hint))
        return lambda data: hint(*[decode_item(value) for decode_item, value in zip(items, data, strict=True)])
    if hint is date:
        return date.fromisoformat
    raise TypeError(f"expected a type the codec knows, found {hint}")


def _same(data: Any) -> Any:
    return data


def layout_fingerprint(*roots: type) -> str:
    """A hash of the layout of ``roots`` and of every record and enum reachable from
    their fields: names, field names and types, enum members. Changes whenever a field
    is added, removed, renamed, reordered or retyped anywhere below."""
    layouts: dict[str, list] = {}

    def visit(hint: Any) -> None:
        for arg in typing.get_args(hint):
            visit(arg)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            layouts.setdefault(hint.__qualname__, [[member.name, member.value] for member in hint])
        elif is_dataclass(hint) and hint.__qualname__ not in layouts:
            hints = type_hints(hint)
            layouts[hint.__qualname__] = [[field.name, str(hints[field.name])] for field in fields(hint)]
            for field in fields(hint):
                visit(hints[field.name])

    for root in roots:
        visit(root)
    return hashlib.sha256(json.dumps(layouts, sort_keys=True).encode()).hexdigest()


@lru_cache(maxsize=None)
def type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
