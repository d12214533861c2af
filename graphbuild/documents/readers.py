"""Read articles from folders, ``.txt``/``.md`` files, ``.jsonl`` files and stdin.

Bad input never stops the batch: each problem is yielded as an
:class:`~graphbuild.errors.InputError` (file, line, expected, found) in input
order, and the caller decides to skip or stop.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from dateutil.parser import isoparse

from graphbuild.config import INPUT_SUFFIXES, JSONL_FIELDS, NOT_ARTICLES
from graphbuild.documents.folders import FileKey, entry_kind, file_key, stat_entry, walk_folder
from graphbuild.documents.layout import analyse
from graphbuild.documents.lines import UTF16_BOMS, jsonl_lines, read_chunks
from graphbuild.errors import InputError
from graphbuild.model import Document

log = logging.getLogger(__name__)

STDIN = "-"
_SURROGATE = re.compile("[\ud800-\udfff]")


class Reader:
    """Turns paths into Documents (or InputErrors), remembering what it ignored.

    ``published_default`` is the date given to articles that carry none. Folders in
    ``exclude`` (the ``--out`` folder) are never read from when walking a folder.
    Each real file is read once however many paths reach it (a folder and a file in
    it, a link and its target): the first path on the command line that reaches it,
    in walking order, gives its id.
    """

    def __init__(self, published_default: date | None = None, stdin: BinaryIO | None = None,
                 exclude: Iterable[str | Path] = ()):
        self.published_default = published_default
        self.stdin = stdin
        self.exclude = tuple(Path(p) for p in exclude)
        self.ignored: list[str] = []  # files in folders whose suffix is not an input format
        self._files: dict[FileKey, str] = {}  # real files read so far → the path they were read by
        self._file_ids: dict[str, tuple[Path | None, str]] = {}  # id given to a file → (its folder, text hash)
        self._stdin_read = False

    def read(self, paths: Iterable[str]) -> Iterator[Document | InputError]:
        excluded = self._excluded_keys()
        for raw in paths:
            if raw == STDIN:
                if self._stdin_read:
                    log.info("-: stdin given again; read once")
                    continue
                self._stdin_read = True
                yield from self._read_stdin()
                continue
            path = Path(raw)
            status = stat_entry(path)
            if isinstance(status, InputError):
                yield status
            elif stat.S_ISDIR(status.st_mode):
                if file_key(status) in excluded:
                    yield InputError(raw, "a folder of articles", "the --out folder (its files are outputs, not articles)")
                    continue
                for item in walk_folder(path, excluded):
                    if isinstance(item, InputError):
                        yield item
                    elif item.suffix.lower() in INPUT_SUFFIXES and item.stem.upper() not in NOT_ARTICLES:
                        yield from self._read_once(item, root=path)
                    else:
                        self.ignored.append(str(item))
            elif stat.S_ISREG(status.st_mode):
                yield from self._read_once(path, root=None)
            else:
                yield InputError(raw, "a file or a folder", entry_kind(status.st_mode))

    def _excluded_keys(self) -> set[FileKey]:
        keys = set()
        for folder in self.exclude:
            status = stat_entry(folder)
            if not isinstance(status, InputError):
                keys.add(file_key(status))
        return keys

    # -- files ---------------------------------------------------------------------------

    def _read_once(self, path: Path, root: Path | None) -> Iterator[Document | InputError]:
        status = stat_entry(path)
        if isinstance(status, InputError):
            yield status
            return
        key = file_key(status)
        if key in self._files:
            log.info("%s: the same file as %s; read once", path, self._files[key])
            return
        self._files[key] = str(path)
        yield from self._read_file(path, root)

    def _read_file(self, path: Path, root: Path | None) -> Iterator[Document | InputError]:
        where = str(path)
        if path.suffix.lower() == ".jsonl":
            # Streamed line by line: a JSONL file may be far larger than memory.
            try:
                with path.open("rb") as handle:
                    yield from self._read_jsonl(read_chunks(handle), where)
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
        article_id = self._unique_file_id(path, root, _sha256(text))
        yield self._text_document(text, article_id, where, markdown=path.suffix.lower() == ".md")

    def _unique_file_id(self, path: Path, root: Path | None, sha256: str) -> str:
        """The file's id (:func:`_file_article_id`), made unique across the folders given.

        ``graphbuild ingest outlet-a/ outlet-b/`` with ``summit.txt`` in both: two articles,
        not one id used twice (which would skip the second as a bad input). The first file
        keeps the plain id; a later file from another folder with another text gets the
        folder's own name in front (``outlet-b/summit``), or, when that is taken too, the
        path as given. The same text under the same id is still one article.
        """
        candidates = [_file_article_id(path, root)]
        if root is not None:
            relative = path.relative_to(root).with_suffix("").as_posix()
            candidates += [f"{root.resolve().name}/{relative}", path.with_suffix("").as_posix()]
        for candidate in candidates:
            taken = self._file_ids.get(candidate)
            if taken is None or taken == (root, sha256) or taken[1] == sha256:
                self._file_ids.setdefault(candidate, (root, sha256))
                return candidate
            if taken[0] == root:
                break  # the same folder: a real clash (reported by the caller)
        return candidates[0]

    def _read_stdin(self) -> Iterator[Document | InputError]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        where = "<stdin>"
        head = _head(stream)
        if _starts_like_jsonl(head):
            yield from self._read_jsonl(chain([head], read_chunks(stream)), where)
            return
        data = head + stream.read()
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
            published=layout.published or self.published_default,
            sha256=_sha256(text),
            masked=layout.masked,
            dateline=layout.dateline,
        )

    # -- JSONL -----------------------------------------------------------------------------

    def _read_jsonl(self, chunks: Iterable[bytes], where: str) -> Iterator[Document | InputError]:
        """Records of a JSON Lines source given as byte chunks, each line judged alone."""
        unknown_seen: set[str] = set()
        any_record = False
        any_byte = False
        for number, line in jsonl_lines(chunks, where):
            any_byte = True
            if isinstance(line, InputError):
                any_record = True
                yield line
                continue
            if not line.strip():
                continue
            any_record = True
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
        except (ValueError, RecursionError, MemoryError) as exc:
            # Valid syntax the decoder still refuses: nesting deeper than the interpreter's
            # stack, an integer longer than sys.get_int_max_str_digits(), ...
            return InputError(where, "a JSON object", f"JSON the decoder refuses ({type(exc).__name__}: "
                              f"{str(exc)[:120]})", line=number)
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
        published = None
        if record.get("published") is not None:
            try:
                published = parse_published(record["published"])
            except ValueError as exc:
                return InputError(where, "'published' as an ISO date (YYYY-MM-DD)", str(exc), line=number)
        unknown_seen.update(set(record) - set(JSONL_FIELDS))
        title = record.get("title") or None
        layout = analyse(text, title_given=title is not None)
        # The record's own date, else a date line at the head of the text, else the default.
        published = published or layout.published or self.published_default
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


def _head(stream: BinaryIO, size: int = 1 << 16) -> bytes:
    """The first bytes of a stream, at least up to its first non-blank byte (or the end)."""
    head = stream.read(size)
    while head and not head.lstrip(b" \t\r\n\x00" + codecs.BOM_UTF8 + codecs.BOM_UTF16_LE):
        more = stream.read(size)
        if not more:
            break
        head += more
    return head


def _starts_like_jsonl(head: bytes) -> bool:
    """JSON Lines if the first non-blank character is ``{``, after a BOM in any encoding.

    >>> _starts_like_jsonl(codecs.BOM_UTF8 + b' {"text": "x"}'), _starts_like_jsonl('{'.encode("utf-16"))
    (True, True)
    """
    if head.startswith(UTF16_BOMS):
        text = head[:len(head) - len(head) % 2].decode("utf-16", "replace")
        return text.lstrip()[:1] == "{"
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8):]
    return head.lstrip()[:1] == b"{"


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
