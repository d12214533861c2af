"""Readers: every input form, and every kind of bad input reported with file and line."""
from __future__ import annotations

import io
import json
from datetime import date

from graphbuild.documents import Reader
from graphbuild.errors import InputError
from graphbuild.model import Document


def read(paths, **kwargs):
    items = list(Reader(**kwargs).read([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_and_other_suffixes(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article body.", "utf-8")
    (tmp_path / "a.md").write_text("# Headline\n\nFirst body.", "utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    reader = Reader()
    docs = list(reader.read([str(tmp_path)]))
    assert [d.id for d in docs] == ["a", "b/two"]
    assert docs[0].title == "Headline"
    assert reader.ignored == [str(tmp_path / "photo.jpg")]


def test_files_of_the_same_name_in_two_folders_given_are_two_articles(tmp_path):
    for outlet, body in (("outlet-a", "Leaders met in Oslo."), ("outlet-b", "Ministers met in Rome.")):
        (tmp_path / outlet / "world").mkdir(parents=True)
        (tmp_path / outlet / "world" / "summit.txt").write_text(body, "utf-8")
    docs, errors = read([tmp_path / "outlet-a", tmp_path / "outlet-b"])
    assert errors == []
    assert [(d.id, d.text) for d in docs] == [("world/summit", "Leaders met in Oslo."),
                                             ("outlet-b/world/summit", "Ministers met in Rome.")]


def test_the_same_text_under_the_same_name_in_two_folders_keeps_one_id(tmp_path):
    for outlet in ("outlet-a", "outlet-b"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "summit.txt").write_text("Leaders met in Oslo.", "utf-8")
    docs, errors = read([tmp_path / "outlet-a", tmp_path / "outlet-b"])
    assert errors == [] and [d.id for d in docs] == ["summit", "summit"]  # the pipeline reads it once


def test_text_file_first_line_is_a_headline_only_when_it_stands_alone(tmp_path):
    headline = tmp_path / "h.txt"
    headline.write_text("Allies Meet In Tokyo\n\nThe ministers met on Friday.", "utf-8")
    paragraph = tmp_path / "p.txt"
    paragraph.write_text("The ministers met on Friday.\n\nThey talked.", "utf-8")
    docs, errors = read([headline, paragraph])
    assert not errors
    assert [d.title for d in docs] == ["Allies Meet In Tokyo", None]


def test_jsonl_fields_and_published_default(tmp_path):
    path = tmp_path / "a.jsonl"
    lines = [
        {"id": "x1", "text": "Body one.", "title": "T", "source": "AP", "url": "http://e/1", "published": "2018-06-29T08:00:00Z"},
        {"id": 7, "text": "Body two."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", "utf-8")
    docs, errors = read([path], published_default=date(2020, 1, 2))
    assert not errors
    assert [(d.id, d.line, d.published) for d in docs] == [("x1", 1, date(2018, 6, 29)), ("7", 2, date(2020, 1, 2))]
    assert (docs[0].title, docs[0].source, docs[0].url) == ("T", "AP", "http://e/1")


def test_a_date_line_dates_the_article_unless_its_record_has_a_date(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders meet\n\nWednesday, July 10, 2019\n\nThe leaders met.\n", "utf-8")
    (tmp_path / "b.txt").write_text("The leaders met.\n", "utf-8")
    lines = [{"id": "c", "text": "July 10, 2019\n\nThe leaders met.", "published": "2019-07-11"},
             {"id": "d", "text": "July 10, 2019\n\nThe leaders met."}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n", "utf-8")
    docs, errors = read([tmp_path], published_default=date(2020, 1, 2))
    assert not errors
    assert {d.id: d.published for d in docs} == {
        "a": date(2019, 7, 10), "b": date(2020, 1, 2), "c": date(2019, 7, 11), "d": date(2019, 7, 10)}
    assert docs[0].title == "Leaders meet"


def test_jsonl_without_id_gets_a_content_derived_id(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Same body."}) + "\n", "utf-8")
    first, _ = read([path])
    second, _ = read([path])
    assert first[0].id == second[0].id and len(first[0].id) == 16


def test_bad_jsonl_lines_are_reported_with_line_numbers_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join([
            json.dumps({"id": "good1", "text": "Fine."}),
            '{"id": "broken", "text": ',
            json.dumps({"id": "notext"}),
            json.dumps({"id": "wrongtype", "text": 42}),
            json.dumps(["a", "list"]),
            json.dumps({"id": "baddate", "text": "x", "published": "yesterday"}),
            json.dumps({"id": "empty", "text": "   "}),
            json.dumps({"id": "good2", "text": "Also fine."}),
        ]) + "\n",
        "utf-8",
    )
    docs, errors = read([path])
    assert [d.id for d in docs] == ["good1", "good2"]
    assert [e.line for e in errors] == [2, 3, 4, 5, 6, 7]
    messages = [str(e) for e in errors]
    assert messages[0].startswith(f"{path}:2: expected a JSON object, found invalid JSON")
    assert "expected a field 'text'" in messages[1]
    assert "expected 'text' to be a string, found a number" in messages[2]
    assert "found a JSON list" in messages[3]
    assert "'published' as an ISO date" in messages[4]
    assert "found only whitespace" in messages[5]


def test_binary_undecodable_empty_and_missing_files_are_reported(tmp_path):
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"GIF89a\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Line one\nCaf\xe9 au lait".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\t\n", "utf-8")
    good = tmp_path / "good.txt"
    good.write_text("A good article.", "utf-8")
    docs, errors = read([binary, latin, empty, blank, tmp_path / "nope.txt", good])
    assert [d.id for d in docs] == ["good"]
    assert [str(e) for e in errors] == [
        f"{binary}: expected text, found binary data (NUL byte at offset 6)",
        f"{latin}:2: expected UTF-8 text, found byte 0xe9 at column 4, which is not valid UTF-8",
        f"{empty}: expected article text, found an empty file",
        f"{blank}: expected article text, found only whitespace",
        f"{tmp_path / 'nope.txt'}: expected a file or a folder, found no such path",
    ]


def test_utf16_with_bom_and_utf8_bom_are_decoded(tmp_path):
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes("Ünïcode body.".encode("utf-16"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfBody with BOM.")
    docs, errors = read([utf16, bom])
    assert not errors
    assert [d.text for d in docs] == ["Ünïcode body.", "Body with BOM."]


def test_stdin_plain_text_and_jsonl():
    plain = list(Reader(stdin=io.BytesIO(b"Just one article.")).read(["-"]))
    assert len(plain) == 1 and plain[0].path == "<stdin>" and plain[0].id.startswith("stdin-")
    jsonl = list(Reader(stdin=io.BytesIO(b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n')).read(["-"]))
    assert [d.id for d in jsonl] == ["a", "b"]


def test_jsonl_is_streamed_record_by_record(tmp_path):
    """A record is yielded before later lines are read, so a JSONL file larger than
    memory can be ingested."""
    def lines():
        yield json.dumps({"id": "first", "text": "Body."}).encode() + b"\n"
        raise AssertionError("read past the first record before yielding it")

    records = Reader()._read_jsonl(lines(), "stream.jsonl")
    assert next(records).id == "first"


def test_jsonl_with_bom_and_crlf_line_ends(tmp_path):
    path = tmp_path / "win.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"id": "a", "text": "One."}\r\n\r\n{"id": "b", "text": "Two."}\r\n')
    docs, errors = read([path])
    assert not errors and [(d.id, d.line) for d in docs] == [("a", 1), ("b", 3)]


GOOD = json.dumps({"id": "good", "text": "Jim Mattis met Itsunori Onodera."})
LAST = json.dumps({"id": "last", "text": "Song Young-moo met Jim Mattis."})


def test_a_nul_byte_in_one_jsonl_line_reports_that_line_and_the_others_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\n".join([GOOD.encode(), b'{"id": "n", "text": "a\x00b"}', LAST.encode()]) + b"\n")
    docs, errors = read([path])
    assert [d.id for d in docs] == ["good", "last"]
    assert [str(e) for e in errors] == [f"{path}:2: expected JSON Lines text, found binary data (NUL byte at column 23)"]


def test_bad_utf8_in_one_jsonl_line_reports_that_line_and_the_others_are_read(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\n".join([GOOD.encode(), '{"text": "Café"}'.encode("latin-1"), LAST.encode()]))
    docs, errors = read([path])
    assert [d.id for d in docs] == ["good", "last"]
    assert [str(e) for e in errors] == [f"{path}:2: expected UTF-8 text, found byte 0xe9 at column 14"]


def test_json_the_decoder_refuses_beyond_syntax_is_a_reported_line(tmp_path):
    path = tmp_path / "a.jsonl"
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    huge = '{"id": "huge", "text": "x", "extra": ' + "9" * 10_000 + "}"
    path.write_text("\n".join([GOOD, deep, huge, LAST]) + "\n", "utf-8")
    docs, errors = read([path])
    assert [d.id for d in docs] == ["good", "last"]
    assert [(e.line, e.expected) for e in errors] == [(2, "a JSON object"), (3, "a JSON object")]
    assert "RecursionError" in errors[0].found and "ValueError" in errors[1].found


def test_utf16_jsonl_files_with_a_bom_are_jsonl_with_the_right_line_numbers(tmp_path):
    lines = [GOOD, "", "not json", LAST]
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{codec}.jsonl"
        path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode(codec))
        docs, errors = read([path])
        assert [(d.id, d.line) for d in docs] == [("good", 1), ("last", 4)]
        assert [(e.line, e.expected) for e in errors] == [(3, "a JSON object")]


def test_broken_utf16_jsonl_reports_the_line_of_the_break(tmp_path):
    path = tmp_path / "a.jsonl"
    body = ("\ufeff" + GOOD + "\n" + '{"text": "x').encode("utf-16-le") + b"\x00\xd8" + '"}\n'.encode("utf-16-le")
    path.write_bytes(body + ("\n" + LAST).encode("utf-16-le") + b"\x00")
    docs, errors = read([path])
    assert [(d.id, d.line) for d in docs] == [("good", 1)]
    assert [str(e) for e in errors] == [
        f"{path}:2: expected UTF-16 text, found an unpaired surrogate at column 12",
        f"{path}:4: expected UTF-16 text, found an odd number of bytes (the last character is cut)",
    ]


def test_lone_cr_and_crlf_line_ends_in_jsonl_count_one_line_each(tmp_path):
    path = tmp_path / "mac.jsonl"
    path.write_bytes(GOOD.encode() + b"\r\r" + b"broken\r\n" + LAST.encode() + b"\r")
    docs, errors = read([path])
    assert [(d.id, d.line) for d in docs] == [("good", 1), ("last", 4)]
    assert [e.line for e in errors] == [3]


def test_a_bom_before_jsonl_on_stdin_is_jsonl():
    data = (" \n" + GOOD + "\n" + LAST + "\n").encode()
    for raw in (b"\xef\xbb\xbf" + data, ("\ufeff" + data.decode()).encode("utf-16-le"),
                ("\ufeff" + data.decode()).encode("utf-16-be")):
        items = list(Reader(stdin=io.BytesIO(raw)).read(["-"]))
        assert [(d.id, d.line) for d in items] == [("good", 2), ("last", 3)], raw[:8]


def test_stdin_jsonl_is_streamed_record_by_record():
    class Stream:
        """stdin whose second read fails: records before it must already be out."""

        def __init__(self):
            self.reads = 0

        def read(self, size=-1):
            self.reads += 1
            if self.reads == 1:
                return (GOOD + "\n").encode()
            raise AssertionError("read past the first record before yielding it")

    records = Reader(stdin=Stream()).read(["-"])
    assert next(records).id == "good"
