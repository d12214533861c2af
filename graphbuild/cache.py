"""The extraction cache: each article's extraction records, kept so that an article seen
before is not parsed again (issue 16).

An entry is keyed by a hash of what extraction reads from the article (its text and
its layout: masked regions and dateline, :func:`input_hash`) and of the *settings*:
everything else that changes extraction, as the pipeline gives it (the spaCy package,
its version and spaCy's, graphbuild's extraction version and a hash of the extraction
code and data, and the layout of the record classes, graphbuild/codec.py). Change any of
them and the old entries simply miss. An entry holds the records extraction returned
for the article (mentions, offices, event mentions: offsets and surface forms, never
the text), encoded generically from the dataclasses (graphbuild/codec.py) as msgpack
(srsly, which spaCy ships); never pickle.

The store is one SQLite file (standard library) in WAL mode: readers never wait for a
writer, and two runs may share a cache (writes wait for each other through SQLite's
lock, ``timeout`` below). Writes are buffered and committed in transactions every
:data:`COMMIT_EVERY` entries and when the cache is closed, so a run that is killed
leaves every committed entry usable by the next run, and nothing half-written. A
``meta`` table holds the schema version; a cache of another schema version is emptied
and rebuilt (it is only a cache). Tables:

``entries``   key, settings id, record (msgpack), created, used (UTC ISO times), run
``articles``  article id + settings id → the key of its current entry: when an
              article's text changes, its new entry replaces the old one (the old one
              is deleted unless another article has the same text)
``settings``  settings id → the settings, as JSON (for ``graphbuild cache stats``)
``runs``      one row per run: settings, started, finished, hits, misses

``graphbuild cache prune`` deletes entries of other settings (they can never be used
again) and entries the last finished run did not use, or with ``--older-than DAYS``,
entries no run used for that long (for a cache shared by runs over different corpora).
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path

import srsly

from graphbuild.codec import decode, encode, type_hints
from graphbuild.errors import ConfigError, InputError
from graphbuild.model import ArticleMeta, Document, Extraction

log = logging.getLogger(__name__)

CACHE_FILE = "extraction.sqlite"
SCHEMA_VERSION = 1
COMMIT_EVERY = 256  # entries (or seconds, see COMMIT_SECONDS) between commits
COMMIT_SECONDS = 5.0
BUSY_SECONDS = 60.0  # how long a write waits for another run's transaction

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (id TEXT PRIMARY KEY, description TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    key TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    record BLOB NOT NULL,
    created TEXT NOT NULL,
    used TEXT NOT NULL,
    run INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    article TEXT NOT NULL,
    settings TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (article, settings)
);
CREATE INDEX IF NOT EXISTS articles_key ON articles (key);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    settings TEXT NOT NULL,
    started TEXT NOT NULL,
    finished TEXT,
    hits INTEGER NOT NULL DEFAULT 0,
    misses INTEGER NOT NULL DEFAULT 0
);
"""
_TABLES = ("meta", "settings", "entries", "articles", "runs")

# The fields of an Extraction that are stored: all but the article's metadata, which is
# rebuilt from the document read in this run (the same text may come under another id).
_STORED = tuple(field.name for field in fields(Extraction) if field.name != "article")


def input_hash(document: Document) -> str:
    """A hash of everything extraction reads from ``document``: its text and layout."""
    layout = encode([document.masked, document.dateline])
    digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass"))
    digest.update(b"\0" + json.dumps(layout).encode())
    return digest.hexdigest()


def settings_id(settings: dict) -> str:
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]


def cache_path(folder: str | Path) -> Path:
    return Path(folder) / CACHE_FILE


class ExtractionCache:
    """One run's view of the cache in ``folder`` for ``settings``. The file is created
    on the first entry written, so a run that writes nothing leaves no trace."""

    def __init__(self, folder: str | Path, settings: dict):
        self.path = cache_path(folder)
        self.settings = settings
        self.settings_id = settings_id(settings)
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._run: int | None = None
        self._pending: list[tuple[str, str, bytes | None]] = []  # (key, article id, record or None for a hit)
        self._last_commit = time.monotonic()
        self._unusable = False
        if self.path.exists():
            self._connect()

    # -- lookups and writes -----------------------------------------------------------

    def key(self, document: Document) -> str:
        return hashlib.sha256(f"{self.settings_id}\0{input_hash(document)}".encode()).hexdigest()

    def get(self, document: Document, key: str,
            article_meta: Callable[[Document, int], ArticleMeta]) -> Extraction | None:
        """The cached extraction of ``document`` (stored under ``key``), with its article
        metadata made by ``article_meta(document, words)``; None on a miss."""
        extraction = None
        if self._db is not None:
            try:
                row = self._db.execute("SELECT record FROM entries WHERE key = ?", (key,)).fetchone()
                if row is not None:
                    words, *values = srsly.msgpack_loads(row[0])
                    hints = type_hints(Extraction)
                    extraction = Extraction(article=article_meta(document, words), **{
                        name: decode(hints[name], value) for name, value in zip(_STORED, values, strict=True)})
            except (sqlite3.Error, ValueError, TypeError) as exc:  # a damaged entry is a miss
                log.warning("extraction cache %s: the entry for %s is unreadable (%s); parsing it again", self.path,
                            document.where, exc)
                extraction = None
        if extraction is None:
            self.misses += 1
            return None
        self.hits += 1
        self._queue(key, document.id, None)
        return extraction

    def put(self, key: str, article_id: str, extraction: Extraction) -> None:
        """Store the extraction of a parsed article (committed in batches)."""
        try:
            record = srsly.msgpack_dumps([extraction.article.words,
                                          *(encode(getattr(extraction, name)) for name in _STORED)])
        except (TypeError, ValueError, UnicodeError) as exc:
            log.warning("extraction cache: not storing %s (%s)", article_id, exc)
            return
        if self._db is None and not self._connect():
            return
        self._queue(key, article_id, record)

    def close(self, finished: bool = True) -> None:
        """Commit what is pending; record the run as finished (or not)."""
        if self._db is None:
            return
        try:
            self._commit()
            if finished and self._run is not None:
                self._write(lambda db: db.execute("UPDATE runs SET finished = ?, hits = ?, misses = ? WHERE id = ?",
                                                  (_now(), self.hits, self.misses, self._run)))
        except sqlite3.Error as exc:  # the graph does not depend on it: say so and go on
            log.warning("extraction cache %s: could not record the run (%s)", self.path, exc)
        finally:
            self._db.close()
            self._db = None

    # -- internals --------------------------------------------------------------------

    def _connect(self) -> bool:
        if self._unusable:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = connect(self.path)
            self._write(self._start_run)
            return True
        except (OSError, sqlite3.Error) as exc:
            log.warning("extraction cache %s is unusable (%s); this run goes without it (delete the file to start "
                        "a new cache)", self.path, exc)
            self._unusable = True
            if self._db is not None:
                self._db.close()
            self._db = None
            return False

    def _start_run(self, db: sqlite3.Connection) -> None:
        db.execute("INSERT OR IGNORE INTO settings (id, description) VALUES (?, ?)",
                   (self.settings_id, json.dumps(self.settings, sort_keys=True)))
        self._run = db.execute("INSERT INTO runs (settings, started) VALUES (?, ?)",
                               (self.settings_id, _now())).lastrowid

    def _queue(self, key: str, article_id: str, record: bytes | None) -> None:
        self._pending.append((key, article_id, record))
        if len(self._pending) >= COMMIT_EVERY or time.monotonic() - self._last_commit > COMMIT_SECONDS:
            self._commit()

    def _commit(self) -> None:
        pending, self._pending = self._pending, []
        self._last_commit = time.monotonic()
        if not pending or self._db is None:
            return
        now = _now()

        def apply(db: sqlite3.Connection) -> None:
            for key, article_id, record in pending:
                if record is None:
                    db.execute("UPDATE entries SET used = ?, run = ? WHERE key = ?", (now, self._run, key))
                else:
                    db.execute("INSERT OR REPLACE INTO entries (key, settings, record, created, used, run) "
                               "VALUES (?, ?, ?, ?, ?, ?)", (key, self.settings_id, record, now, now, self._run))
                old = db.execute("SELECT key FROM articles WHERE article = ? AND settings = ?",
                                 (article_id, self.settings_id)).fetchone()
                if old is None or old[0] != key:
                    db.execute("INSERT OR REPLACE INTO articles (article, settings, key) VALUES (?, ?, ?)",
                               (article_id, self.settings_id, key))
                    if old is not None:  # the article's text changed: its old entry goes, unless shared
                        db.execute("DELETE FROM entries WHERE key = ? AND NOT EXISTS "
                                   "(SELECT 1 FROM articles WHERE key = ?)", (old[0], old[0]))

        try:
            self._write(apply)
        except sqlite3.Error as exc:
            log.warning("extraction cache %s: could not store %d entries (%s)", self.path, len(pending), exc)

    def _write(self, change) -> None:
        """Run ``change(db)`` in one write transaction."""
        assert self._db is not None
        self._db.execute("BEGIN IMMEDIATE")
        try:
            change(self._db)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


@dataclass(frozen=True)
class _Miss:
    key: str
    article_id: str


class CachedStream:
    """Extraction results in input order: hits from the cache, misses from ``extract``
    (called once with an iterator of the documents to parse, which it may consume
    lazily: on worker processes, in batches). Each article parsed is stored as its
    result comes back; an article that failed is not. Closable: closes ``extract``'s
    stream (which stops its workers)."""

    def __init__(self, documents: Iterable[Document], cache: ExtractionCache,
                 extract: Callable[[Iterator[Document]], Iterable[Extraction | InputError]],
                 article_meta: Callable[[Document, int], ArticleMeta]):
        self._cache = cache
        self._article_meta = article_meta
        self._slots: deque[Extraction | _Miss] = deque()  # hits, and the misses still being parsed, in input order
        self._results = extract(self._misses(iter(documents)))

    def _misses(self, documents: Iterator[Document]) -> Iterator[Document]:
        for document in documents:
            key = self._cache.key(document)
            hit = self._cache.get(document, key, self._article_meta)
            if hit is not None:
                self._slots.append(hit)
            else:
                self._slots.append(_Miss(key, document.id))
                yield document

    def __iter__(self) -> Iterator[Extraction | InputError]:
        for result in self._results:
            while not isinstance(self._slots[0], _Miss):
                yield self._slots.popleft()
            miss = self._slots.popleft()
            if isinstance(result, Extraction):
                self._cache.put(miss.key, miss.article_id, result)
            yield result
        while self._slots:  # the hits after the last article parsed
            yield self._slots.popleft()

    def close(self) -> None:
        close = getattr(self._results, "close", None)
        if close is not None:
            close()


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the cache at ``path`` in WAL mode, with the schema in place
    (a cache of another schema version is emptied first)."""
    db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)  # transactions are explicit
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # with WAL: a crash of the process loses nothing committed
        db.execute("BEGIN IMMEDIATE")
        try:
            version = None
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone():
                row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = row[0] if row else None
            if version is not None and version != str(SCHEMA_VERSION):
                log.warning("extraction cache %s has schema version %s, this graphbuild uses %s: emptied", path,
                            version, SCHEMA_VERSION)
                for table in _TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")  # names from _TABLES only
            for statement in filter(str.strip, _SCHEMA.split(";")):  # executescript() would commit
                db.execute(statement)
            db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    except BaseException:
        db.close()
        raise
    return db


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- stats and prune (graphbuild cache stats | prune) -------------------------------------


@dataclass
class CacheStats:
    path: str
    bytes: int
    entries: int
    by_settings: list[tuple[str, int]]  # (settings description, entries)
    last_run: dict | None  # started, finished, hits, misses


@dataclass
class PruneReport:
    path: str
    removed_other_settings: int
    removed_unused: int
    kept: int
    bytes_before: int
    bytes_after: int


def cache_stats(folder: str | Path) -> CacheStats:
    db = _open_existing(folder)
    try:
        entries = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        by_settings = [(_describe(description), count) for description, count in db.execute(
            "SELECT s.description, COUNT(e.key) FROM settings s JOIN entries e ON e.settings = s.id "
            "GROUP BY s.id ORDER BY COUNT(e.key) DESC")]
        row = db.execute("SELECT started, finished, hits, misses FROM runs WHERE finished IS NOT NULL "
                         "ORDER BY id DESC LIMIT 1").fetchone()
        last = dict(zip(("started", "finished", "hits", "misses"), row)) if row else None
    finally:
        db.close()
    return CacheStats(str(cache_path(folder)), _size(cache_path(folder)), entries, by_settings, last)


def prune(folder: str | Path, older_than: timedelta | None = None) -> PruneReport:
    """Delete entries of settings other than the last finished run's, and entries that
    run did not use (or, with ``older_than``, entries no run used for that long); and the
    stored gazetteer copies beside the cache."""
    path = cache_path(folder)
    before = _size(path)
    db = _open_existing(folder)
    try:
        db.execute("BEGIN IMMEDIATE")
        last = db.execute("SELECT id, settings FROM runs WHERE finished IS NOT NULL ORDER BY id DESC LIMIT 1").fetchone()
        if last is None:
            db.execute("ROLLBACK")
            raise ConfigError(f"expected a finished run in the extraction cache {path} to prune against, found none")
        run, current = last
        other = db.execute("DELETE FROM entries WHERE settings != ?", (current,)).rowcount
        if older_than is None:
            unused = db.execute("DELETE FROM entries WHERE run != ?", (run,)).rowcount
        else:
            cutoff = (datetime.now(timezone.utc) - older_than).isoformat(timespec="seconds")
            unused = db.execute("DELETE FROM entries WHERE used < ?", (cutoff,)).rowcount
        db.execute("DELETE FROM articles WHERE key NOT IN (SELECT key FROM entries)")
        db.execute("DELETE FROM settings WHERE id NOT IN (SELECT settings FROM entries) AND id != ?", (current,))
        kept = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        db.execute("COMMIT")
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    # Copies of the gazetteer stored beside the cache (resolution/geo.py): one per set of
    # sources; the next run stores the one it needs again (about a second).
    for copy in [*path.parent.glob("gazetteer-*.msgpack"), *path.parent.glob(".gazetteer-*.tmp")]:
        copy.unlink(missing_ok=True)
    return PruneReport(str(path), other, unused, kept, before, _size(path))


def _open_existing(folder: str | Path) -> sqlite3.Connection:
    path = cache_path(folder)
    if not path.is_file():
        raise ConfigError(f"expected an extraction cache at {path}, found none")
    try:
        return connect(path)
    except sqlite3.Error as exc:
        raise ConfigError(f"expected an extraction cache at {path}, found an unreadable file ({exc})") from None


def _describe(description: str) -> str:
    settings = json.loads(description)
    pipeline = settings.get("pipeline", {})
    return (f"{pipeline.get('package', '?')} {pipeline.get('version', '?')} (spaCy {pipeline.get('spacy', '?')}), "
            f"extraction v{settings.get('extraction_version', '?')} code {str(settings.get('extraction_code', '?'))[:8]}")


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
