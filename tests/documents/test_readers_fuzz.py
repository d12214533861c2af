"""Fuzz of the readers: random bytes, JSON shapes, encodings, line endings, BOMs, NULs,
deep nesting and huge integers. Every item is a Document or an InputError that names
its file and line, never an exception, and every good line is read whatever its
neighbours hold. Deterministic (derandomize) and bounded (max_examples)."""
from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.documents import Reader
from graphbuild.errors import InputError
from graphbuild.model import Document

pytestmark = pytest.mark.timeout(300)

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text that a good record carries: any Unicode but lone surrogates, not blank.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60).filter(str.strip)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _no_line_end(data: bytes) -> bytes:
    return data.replace(b"\n", b" ").replace(b"\r", b" ")


bad_lines = st.one_of(
    st.binary(max_size=40).map(_no_line_end),  # random bytes: NULs, bad UTF-8, anything
    json_values.map(lambda v: json.dumps(v).encode()),  # any JSON shape, maybe even a record
    st.integers(min_value=1, max_value=50_000).map(lambda n: ("[" * n + "]" * n).encode()),  # deep nesting
    st.integers(min_value=4_301, max_value=20_000).map(lambda n: b'{"text": "x", "n": ' + b"7" * n + b"}"),
    texts.map(lambda t: json.dumps({"text": t}).encode().replace(b'"text"', b'"te\x00xt"')),  # a NUL in a line
    st.just(b'{"text": "half a pair \\ud800"}'),
    st.just(b'{"text": "bad \xc3\x28 utf-8"}'),
)


@st.composite
def jsonl_sources(draw):
    """(bytes of a JSONL source, {good id: its line number})."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines: list[bytes] = []
    good: dict[str, int] = {}
    for index in range(draw(st.integers(min_value=1, max_value=8))):
        if draw(st.booleans()):
            article_id = f"good-{index}"
            good[article_id] = len(lines) + 1
            lines.append(json.dumps({"id": article_id, "text": draw(texts)}, ensure_ascii=draw(st.booleans()))
                         .encode())
        else:
            lines.append(draw(bad_lines))
    data = newline.encode().join(lines) + (newline.encode() if draw(st.booleans()) else b"")
    if encoding.startswith("utf-16"):
        # Text only (UTF-16 has no way to carry the raw bytes of a bad line): decode
        # what is text, and let the rest become replacement characters.
        data = ("\ufeff" + data.decode("utf-8", "replace")).encode(encoding, "surrogatepass")
    elif encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + data
    return data, good


def _check(items, where: str, good: dict[str, int]) -> None:
    for item in items:
        assert isinstance(item, (Document, InputError)), item
        if isinstance(item, InputError):
            assert item.path == where and str(item).startswith(item.where + ": expected ")
    read = {item.id: item.line for item in items if isinstance(item, Document) and item.id.startswith("good-")}
    assert read == good


@FUZZ
@given(source=jsonl_sources())
def test_every_jsonl_line_is_a_document_or_a_report_and_good_lines_are_always_read(tmp_path, source):
    data, good = source
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(data)
    items = list(Reader().read([str(path)]))
    _check(items, str(path), good)
    assert all(item.line is not None for item in items if isinstance(item, InputError)
               and item.expected != "at least one JSON Lines record")


@FUZZ
@given(lines=st.lists(bad_lines, max_size=6), newline=st.sampled_from([b"\n", b"\r\n", b"\r"]),
       bom=st.sampled_from([b"", b"\xef\xbb\xbf"]))
def test_stdin_that_starts_with_a_record_is_jsonl_whatever_follows(lines, newline, bom):
    """stdin is JSON Lines when its first non-blank character is ``{`` (after a BOM)."""
    first = json.dumps({"id": "good-0", "text": "Jim Mattis met Itsunori Onodera."}).encode()
    last = json.dumps({"id": "good-last", "text": "Song Young-moo met Jim Mattis."}).encode()
    data = bom + newline.join([first, *lines, last])
    items = list(Reader(stdin=io.BytesIO(data)).read(["-"]))
    _check(items, "<stdin>", {"good-0": 1, "good-last": len(lines) + 2})


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_random_bytes_in_any_file_are_read_or_reported(tmp_path, data, suffix):
    path = tmp_path / ("fuzz" + suffix)
    path.write_bytes(data)
    items = list(Reader().read([str(path)]))
    assert items and all(isinstance(item, (Document, InputError)) for item in items)
    for item in items:
        if isinstance(item, InputError):
            assert item.path == str(path)
