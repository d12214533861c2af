"""Lines of a JSON Lines source, each decoded and judged alone.

A line ends at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files): strict JSON cannot
hold a raw CR or LF inside a string, so splitting there never cuts a record. A line with
a NUL byte or bytes that are not UTF-8 is reported with its number and column, and the
lines around it are still read.

UTF-8 (with or without a BOM) is streamed in fixed-size chunks, so memory stays that of
the longest line. UTF-16 (which needs its BOM) is decoded whole: its line ends are two
bytes wide and its files are rare.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from itertools import chain

from graphbuild.errors import InputError

CHUNK_BYTES = 1 << 20
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

_BYTE_LINE_END = re.compile(rb"\r\n|\r|\n")
_TEXT_LINE_END = re.compile(r"\r\n|\r|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")

Line = tuple[int, "str | InputError"]  # (line number from 1, its text or why it cannot be read)


def read_chunks(handle, size: int = CHUNK_BYTES) -> Iterator[bytes]:
    """``handle.read(size)`` until the end."""
    return iter(lambda: handle.read(size), b"")


def byte_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Lines of a byte stream without their ends; a line may span chunks.

    >>> list(byte_lines([b"a\\r", b"\\nb\\rc", b"\\n\\nd"]))
    [b'a', b'b', b'c', b'', b'd']
    """
    parts: list[bytes] = []
    after_cr = False  # the last chunk ended with \r: a \n opening the next one belongs to it
    for chunk in chunks:
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        after_cr = False
        position = 0
        for end in _BYTE_LINE_END.finditer(chunk):
            parts.append(chunk[position:end.start()])
            yield b"".join(parts)
            parts = []
            position = end.end()
        if position < len(chunk):
            parts.append(chunk[position:])
        elif chunk.endswith(b"\r"):
            after_cr = True
    if parts:
        yield b"".join(parts)


def text_lines(text: str) -> Iterator[str]:
    """Lines of a decoded text, split where :func:`byte_lines` splits bytes.

    >>> list(text_lines("a\\r\\nb\\rc\\u2028d\\n"))
    ['a', 'b', 'c\\u2028d']
    """
    position = 0
    for end in _TEXT_LINE_END.finditer(text):
        yield text[position:end.start()]
        position = end.end()
    if position < len(text):
        yield text[position:]


def jsonl_lines(chunks: Iterable[bytes], where: str) -> Iterator[Line]:
    """Numbered, decoded lines of a JSON Lines source given as byte chunks."""
    chunks = iter(chunks)
    first = next(chunks, b"")
    if first.startswith(UTF16_BOMS):
        yield from _utf16_lines(first + b"".join(chunks), where)
        return
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8):]
    for number, raw in enumerate(byte_lines(chain([first], chunks)), start=1):
        nul = raw.find(b"\x00")
        if nul != -1:
            yield number, InputError(where, "JSON Lines text", f"binary data (NUL byte at column {nul + 1})",
                                     line=number)
            continue
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, InputError(where, "UTF-8 text", f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1}",
                                     line=number)


def _utf16_lines(data: bytes, where: str) -> Iterator[Line]:
    truncated = len(data) % 2 == 1
    # surrogatepass: an unpaired surrogate is reported on its own line below instead
    # of failing the whole file.
    text = data[:len(data) - truncated].decode("utf-16", "surrogatepass")
    lines = list(text_lines(text))
    if truncated and (not lines or text.endswith(("\n", "\r"))):
        lines.append("")  # the odd byte starts a line of its own
    for number, line in enumerate(lines, start=1):
        bad = _SURROGATE.search(line)
        if truncated and number == len(lines):
            yield number, InputError(where, "UTF-16 text", "an odd number of bytes (the last character is cut)",
                                     line=number)
        elif bad:
            yield number, InputError(where, "UTF-16 text", f"an unpaired surrogate at column {bad.start() + 1}",
                                     line=number)
        else:
            yield number, line
