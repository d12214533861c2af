"""Generate the hostile input set: every kind of bad or awkward input a scraped
folder can hold, plus the good articles that must all land in the graph.

    python tests/hostile/make_hostile.py OUT_FOLDER [--big-mb 50]

Importable: :func:`make_hostile` writes the files and returns a :class:`Manifest`
of what a correct ``graphbuild ingest`` must do with each of them (ingest it, or
report it with file, line and reason). The big article is small by default so the
test suite stays fast; ``--big-mb`` or ``GRAPHBUILD_HOSTILE_BIG_MB`` sets its size
(the issue's 50 MB run: ``bench/bench_hostile.py``).
"""
from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

BIG_MB_ENV = "GRAPHBUILD_HOSTILE_BIG_MB"
DEFAULT_BIG_MB = 0.05  # ~52k characters: parsed in several chunks (extract.CHUNK_CHARS)

PARAGRAPH = ("TOKYO — U.S. Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori Onodera "
             "in Tokyo on Friday. The two discussed North Korea and the alliance between the United "
             "States and Japan.\n\n")


@dataclass
class Expected:
    """One report a correct run prints on stderr: ``skipped FILE[:LINE]: … REASON``."""

    file: str
    line: int | None
    reason: str  # a substring of the message

    @property
    def prefix(self) -> str:
        return f"skipped {self.file}" + (f":{self.line}" if self.line else "") + ": "


@dataclass
class Manifest:
    folder: Path
    #: Article ids that must be in the graph (as ``article:ID``).
    ingested: list[str] = field(default_factory=list)
    #: Reports in the order a run gives them.
    skipped: list[Expected] = field(default_factory=list)
    #: Inputs the reader counts (ingested + skipped; same-text duplicates are read once).
    @property
    def read(self) -> int:
        return len(self.ingested) + len(self.skipped)


def big_size(big_mb: float | None = None) -> int:
    if big_mb is None:
        big_mb = float(os.environ.get(BIG_MB_ENV) or DEFAULT_BIG_MB)
    return int(big_mb * 1024 * 1024)


def big_article(size: int) -> str:
    """About ``size`` bytes of article text in paragraphs (ASCII but for the dash)."""
    count = max(1, size // len(PARAGRAPH.encode("utf-8")))
    return PARAGRAPH * count


def make_hostile(folder: str | Path, *, big_mb: float | None = None) -> Manifest:
    """Write the hostile set into ``folder`` (created); return what a run must do with it."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    m = Manifest(root)

    def text_file(name: str, data: bytes, *, article_id: str | None = None,
                  line: int | None = None, reason: str | None = None) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if reason is None:
            m.ingested.append(article_id or Path(name).with_suffix("").as_posix())
        else:
            m.skipped.append(Expected(str(path), line, reason))

    # Files are read in sorted path order; the manifest lists them in that order.
    text_file("a01-good.txt", PARAGRAPH.encode("utf-8"))
    text_file("a02-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
              reason="expected text, found binary data (NUL byte at offset 8)")
    text_file("a03-utf16-le.txt", ("\ufeff" + PARAGRAPH).encode("utf-16-le"))
    text_file("a04-utf16-be.md", ("\ufeff# Ministers meet\n\n" + PARAGRAPH).encode("utf-16-be"))
    # Latin-1 is reported, not guessed: see docs/robustness.md.
    text_file("a05-latin1.txt", ("First line.\nCafé society in Séoul: " + PARAGRAPH.replace("—", "-")).encode("latin-1"),
              line=2, reason="expected UTF-8 text, found byte 0xe9 at column 4, which is not valid UTF-8")
    text_file("a06-bad-utf8-middle.txt",
              PARAGRAPH.encode("utf-8") + b"Line three is fine until \xff\xfe here.\n" + PARAGRAPH.encode("utf-8"),
              line=3, reason="expected UTF-8 text, found byte 0xff at column 26, which is not valid UTF-8")
    text_file("a07-empty.txt", b"", reason="expected article text, found an empty file")
    text_file("a08-whitespace.md", b" \n\t\r\n  \n", reason="expected article text, found only whitespace")
    text_file("a09-big.txt", big_article(big_size(big_mb)).encode("utf-8"))
    long_line = ("Jim Mattis spoke at length " * 1_500).strip() + ".\n"  # one 40k-character line: split at spaces
    text_file("a10-long-line.txt", long_line.encode("utf-8"))
    controls = "Bell\x07 escape\x1b[31m red\x1b[0m, form feed\x0c, vertical tab\x0b and DEL\x7f. "
    text_file("a11-control-chars.txt", (controls + PARAGRAPH).encode("utf-8"))
    rtl = ("القدس — التقى وزير الدفاع الأمريكي جيم ماتيس بنظيره الياباني في طوكيو.\n\n"
           "שר ההגנה נפגש עם עמיתו. \u202eevil override\u202c and \u200fRLM marks.\n\n" + PARAGRAPH)
    text_file("a12-rtl.txt", rtl.encode("utf-8"))
    emoji = "🇺🇸🤝🇯🇵 " + PARAGRAPH.replace("Friday", "Friday 🎉👨‍👩‍👧‍👦") + "Skin tones: 👍🏽 ZWJ: 🏳️‍🌈\n"
    text_file("a13-emoji.txt", emoji.encode("utf-8"))
    # A JSONL line is judged alone: the good line is read, the binary one reported.
    binary_lines = root / "a14-binary.jsonl"
    binary_lines.write_bytes(b'{"id": "x", "text": "Jim Mattis met Itsunori Onodera."}\n\x00\x01\x02\x03')
    m.ingested.append("x")
    m.skipped.append(Expected(str(binary_lines), 2, "expected JSON Lines text, found binary data (NUL byte at column 1)"))

    jsonl = root / "b-records.jsonl"
    records: list[tuple[str, str | None, str | None]] = []  # (raw line, id if ingested, reason if skipped)

    def record(raw: str, article_id: str | None = None, reason: str | None = None) -> None:
        records.append((raw, article_id, reason))

    record(json.dumps({"id": "j-good", "text": PARAGRAPH, "title": "Allies meet"}), "j-good")
    record('{"id": "j-broken", "text": "unterminated', reason="expected a JSON object, found invalid JSON")
    record(json.dumps({"id": "j-notext", "title": "No text"}), reason="expected a field 'text', found a record without it")
    record(json.dumps({"id": "j-int-text", "text": 42}), reason="expected 'text' to be a string, found a number")
    record(json.dumps({"id": "j-null-text", "text": None}), reason="expected 'text' to be a string, found null")
    record(json.dumps({"id": "j-list-title", "text": PARAGRAPH, "title": ["x"]}),
           reason="expected 'title' to be a string, found an array")
    record(json.dumps({"id": True, "text": PARAGRAPH}),
           reason="expected 'id' to be a non-empty string or integer, found a boolean")
    record(json.dumps({"id": "j-bad-date", "text": PARAGRAPH, "published": 20180629}),
           reason="expected 'published' as an ISO date (YYYY-MM-DD), found a number")
    record(json.dumps(["not", "an", "object"]), reason="expected a JSON object, found a JSON list")
    record(json.dumps({"id": "j-empty", "text": ""}), reason="expected article text in 'text', found an empty string")
    record("", None, None)  # blank lines are not records
    record(json.dumps({"id": "j-dup", "text": "Jim Mattis met Itsunori Onodera in Tokyo."}), "j-dup")
    record(json.dumps({"id": "j-dup", "text": "A different text under the same id."}),
           reason="expected a unique article id, found id 'j-dup' already used by")
    record(json.dumps({"id": "j-same", "text": "Song Young-moo met Jim Mattis in Seoul."}), "j-same")
    record(json.dumps({"id": "j-same", "text": "Song Young-moo met Jim Mattis in Seoul."}), None, None)  # read once
    record(json.dumps({"id": "j-long", "text": "Onodera said " + "very " * 8_000 + "much."}), "j-long")
    record(json.dumps({"id": "j-controls", "text": "NUL\u0000 and bell\u0007 in " + PARAGRAPH,
                       "title": "Tab\tand\u0001SOH"}), "j-controls")
    record(json.dumps({"id": "j-rtl-emoji", "text": "مرحبا 🌍 " + PARAGRAPH, "source": "ﺍﻟﺠﺰﻳﺮﺓ 📰"},
                      ensure_ascii=False), "j-rtl-emoji")
    record(json.dumps({"id": "j-surrogate", "text": "Half a pair \ud800 " + PARAGRAPH}),
           reason="expected valid Unicode text, found a lone surrogate escape (\\ud800-\\udfff) in 'text'")
    record(json.dumps({"id": "j-control-id\u0007", "text": PARAGRAPH, "url": "http://e/\u0000"}), "j-control-id\u0007")
    record(b"\xc3\x28 not utf-8".decode("latin-1"), reason="expected UTF-8 text, found byte 0xc3 at column 1")
    lines = []
    for number, (raw, article_id, reason) in enumerate(records, start=1):
        lines.append(raw)
        if article_id is not None:
            m.ingested.append(article_id)
        elif reason is not None:
            m.skipped.append(Expected(str(jsonl), number, reason))
    data = "\n".join(lines).encode("utf-8") + b"\n"
    # The last line must hold the raw invalid bytes, not their UTF-8 encoding.
    data = data.replace(b"\xc3\x83\x28 not utf-8", b"\xc3\x28 not utf-8")
    jsonl.write_bytes(data)

    notes = root / "c-notes.csv"  # a non-article suffix: ignored, counted, never read
    notes.write_bytes(b"\x00\x01 not an input format")
    return m


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--big-mb", type=float, default=None,
                        help=f"size of the big article (default: ${BIG_MB_ENV} or {DEFAULT_BIG_MB})")
    args = parser.parse_args(argv)
    manifest = make_hostile(args.folder, big_mb=args.big_mb)
    print(f"wrote {manifest.folder}: {len(manifest.ingested)} articles to ingest, "
          f"{len(manifest.skipped)} items to report")


if __name__ == "__main__":
    main()
