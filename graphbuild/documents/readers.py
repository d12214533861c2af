"""Read articles from folders, ``.txt``/``.md`` files, ``.jsonl`` files and stdin.

Bad input never stops the batch: each problem is yielded as an
:class:`~graphbuild.errors.InputError` (file, line, expected, found) in input
order, and the caller decides to skip or stop.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from dateutil.parser import isoparse

from graphbuild.config import INPUT_SUFFIXES, JSONL_FIELDS, NOT_ARTICLES
from graphbuild.documents.layout import analyse
from graphbuild.errors import InputError
from graphbuild.model import Document

log = logging.getLogger(__name__)

STDIN = "-"
_SURROGATE = re.compile("[\ud800-\udfff]")


class Reader:
    """Turns paths into Documents (or InputErrors), remembering what it ignored.

    ``published_default`` is the date given to articles that carry none.
    """

    def __init__(self, published_default: date | None = None, stdin: BinaryIO | None = None):
        self.published_default = published_default
        self.stdin = stdin
        self.ignored: list[str] = []  # files in folders whose suffix is not an input format

    def read(self, paths: Iterable[str]) -> Iterator[Document | InputError]:
        for raw in paths:
            if raw == STDIN:
                yield from self._read_stdin()
                continue
            path = Path(raw)
            if path.is_dir():
                for file in _walk(path):
                    if file.suffix.lower() in INPUT_SUFFIXES and file.stem.upper() not in NOT_ARTICLES:
                        yield from self._read_file(file, root=path)
                    else:
                        self.ignored.append(str(file))
            elif path.is_file():
                yield from self._read_file(path, root=None)
            elif path.exists():
                yield InputError(raw, "a file or a folder", "something else (a device or socket?)")
            else:
                yield InputError(raw, "a file or a folder", "no such path")

    # -- files ---------------------------------------------------------------------------

    def _read_file(self, path: Path, root: Path | None) -> Iterator[Document | InputError]:
        where = str(path)
        if path.suffix.lower() == ".jsonl":
            # Streamed line by line: a JSONL file may be far larger than memory.
            try:
                nul = _first_nul(path)
                with path.open("rb") as handle:
                    yield from self._read_jsonl(handle, where, nul)
            except OSError as exc:
                yield InputError(where, "a readable file", f"{type(exc).__name__}: {exc.strerror or exc}")
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(where, "a readable file", f"{type(exc).__name__}: {exc.strerror or exc}")
            return
        try:
            text = decode(data, where)
        except InputError as exc:
            yield exc
            return
        article_id = _file_article_id(path, root)
        yield self._text_document(text, article_id, where, markdown=path.suffix.lower() == ".md")

    def _read_stdin(self) -> Iterator[Document | InputError]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        data = stream.read()
        where = "<stdin>"
        if data.lstrip()[:1] == b"{":
            yield from self._read_jsonl(io.BytesIO(data), where, _nul_in(data))
            return
        try:
            text = decode(data, where)
        except InputError as exc:
            yield exc
            return
        yield self._text_document(text, "stdin-" + _sha256(text)[:12], where, markdown=False)

    def _text_document(self, text: str, article_id: str, where: str, *, markdown: bool) -> Document | InputError:
        if not text.strip():
            return InputError(where, "article text", "an empty file" if not text else "only whitespace")
        layout = analyse(text, markdown=markdown)
        return Document(
            id=article_id,
            text=text,
            path=where,
            title=layout.title,
            published=self.published_default,
            sha256=_sha256(text),
            masked=layout.masked,
            dateline=layout.dateline,
        )

    # -- JSONL -----------------------------------------------------------------------------

    def _read_jsonl(self, lines: Iterable[bytes], where: str, nul: int | None) -> Iterator[Document | InputError]:
        """Records of a JSON Lines source, one line at a time. ``nul`` is the offset of
        the first NUL byte of the source, if any: such a source is binary, not JSONL."""
        if nul is not None:
            yield InputError(where, "JSON Lines text", f"binary data (NUL byte at offset {nul})")
            return
        unknown_seen: set[str] = set()
        any_record = False
        any_byte = False
        for number, raw in enumerate(lines, start=1):
            any_byte = any_byte or bool(raw)
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            any_record = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(where, "UTF-8 text", f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1}", line=number)
                continue
            yield self._jsonl_record(line, where, number, unknown_seen)
        if not any_record:
            yield InputError(where, "at least one JSON Lines record", "only whitespace" if any_byte else "an empty file")
        if unknown_seen:
            log.warning("%s: ignored fields not in the input schema: %s", where, ", ".join(sorted(unknown_seen)))

    def _jsonl_record(self, line: str, where: str, number: int, unknown_seen: set[str]) -> Document | InputError:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            return InputError(where, "a JSON object", f"invalid JSON ({exc.msg} at column {exc.colno})", line=number)
        if not isinstance(record, dict):
            return InputError(where, "a JSON object", f"a JSON {type(record).__name__}", line=number)
        for name, value in record.items():
            # JSON can escape half a surrogate pair ("\ud800"), which no UTF-8 file can hold.
            if _SURROGATE.search(name) or (isinstance(value, str) and _SURROGATE.search(value)):
                return InputError(where, "valid Unicode text", f"a lone surrogate escape (\\ud800-\\udfff) in {name!a}",
                                  line=number)
        text = record.get("text")
        if "text" not in record:
            return InputError(where, "a field 'text'", "a record without it", line=number)
        if not isinstance(text, str):
            return InputError(where, "'text' to be a string", f"{_json_type(text)}", line=number)
        if not text.strip():
            return InputError(where, "article text in 'text'", "an empty string" if not text else "only whitespace", line=number)
        for name in ("title", "source", "url"):
            if record.get(name) is not None and not isinstance(record[name], str):
                return InputError(where, f"'{name}' to be a string", _json_type(record[name]), line=number)
        article_id = record.get("id")
        if article_id is None:
            article_id = _sha256(text)[:16]
        elif isinstance(article_id, (str, int)) and not isinstance(article_id, bool) and str(article_id).strip():
            article_id = str(article_id).strip()
        else:
            return InputError(where, "'id' to be a non-empty string or integer", _json_type(article_id), line=number)
        published = self.published_default
        if record.get("published") is not None:
            try:
                published = parse_published(record["published"])
            except ValueError as exc:
                return InputError(where, "'published' as an ISO date (YYYY-MM-DD)", str(exc), line=number)
        unknown_seen.update(set(record) - set(JSONL_FIELDS))
        title = record.get("title") or None
        layout = analyse(text, title_given=title is not None)
        return Document(
            id=article_id,
            text=text,
            path=where,
            line=number,
            title=title,
            source=record.get("source") or None,
            url=record.get("url") or None,
            published=published,
            sha256=_sha256(text),
            masked=layout.masked,
            dateline=layout.dateline,
        )


def read_documents(paths: Iterable[str], published_default: date | None = None) -> Iterator[Document | InputError]:
    """Convenience wrapper: ``Reader(published_default).read(paths)``."""
    return Reader(published_default).read(paths)


def decode(data: bytes, where: str) -> str:
    """Decode an article file: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises InputError naming the line and column of the first bad byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(where, "UTF-16 text (the file starts with a UTF-16 byte-order mark)", f"undecodable bytes at offset {exc.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError(where, "text", f"binary data (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(where, "UTF-8 text", f"byte 0x{data[exc.start]:02x} at column {column}, which is not valid UTF-8", line=line) from None


def parse_published(value: object) -> date:
    """``"2018-06-29"`` or an ISO datetime → a date.

    >>> parse_published("2018-06-29T09:00:00Z")
    datetime.date(2018, 6, 29)
    """
    if not isinstance(value, str):
        raise ValueError(_json_type(value))
    try:
        parsed = isoparse(value.strip())
    except (ValueError, OverflowError):
        raise ValueError(f"'{value}'") from None
    return parsed.date() if isinstance(parsed, datetime) else parsed


def _nul_in(data: bytes) -> int | None:
    """Offset of the first NUL byte, unless the data is UTF-16 (which is full of them)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    offset = data.find(b"\x00")
    return None if offset == -1 else offset


def _first_nul(path: Path, chunk: int = 1 << 20) -> int | None:
    """:func:`_nul_in` for a file, read in chunks so memory stays constant."""
    with path.open("rb") as handle:
        head = handle.read(chunk)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        offset = 0
        while head:
            found = head.find(b"\x00")
            if found != -1:
                return offset + found
            offset += len(head)
            head = handle.read(chunk)
    return None


def _walk(folder: Path) -> list[Path]:
    # Sorted for deterministic output; hidden files and folders are skipped.
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _file_article_id(path: Path, root: Path | None) -> str:
    """Article id of a text file: its path below the input folder, without suffix.

    A file given directly gets its stem, so ``seeds/000_x.txt`` and the JSONL record
    with id ``000_x`` are the same article.
    """
    if root is None:
        return path.stem
    return path.relative_to(root).with_suffix("").as_posix()


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean", type(None): "null"}
    return names.get(type(value), type(value).__name__)
