"""The event vocabulary, read from ``graphbuild/data/``: trigger patterns
(``event_triggers.jsonl``, spaCy ``Matcher`` patterns), word lists
(``event_words.json``) and modality cues (``event_modality.jsonl``). Each entry there
says which texts it came from; code here holds no words.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

from graphbuild.errors import ConfigError
from graphbuild.model import EventKind, EventStatus

DATA = "data"


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    id: str
    kind: EventKind
    pattern: tuple  # spaCy Matcher token patterns
    people_kind: EventKind | None = None  # "talks with <person>" is a Meeting
    countries_only: bool = False  # a visit only to a country: "travel to Kenya", not "travel to Ramallah"
    agreement: bool = False  # a concluded bilateral agreement: two parties, countries or organisations


@dataclass(frozen=True, slots=True)
class ModalityCue:
    cue: str  # a lemma ("schedule"), a word ("planned") or "call off"
    relation: str  # aux | be-to | governor | modifier | negation
    status: EventStatus
    future: bool | None  # None: future when the cue verb is in the present tense ("is scheduled")


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[TriggerPattern, ...]
    words: dict[str, frozenset[str]]
    cues: tuple[ModalityCue, ...]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.words[name]

    @functools.cached_property
    def date_carriers(self) -> frozenset[str]:
        """Verbs whose date is that of the event they govern: scheduling (``Friday, Carter
        is scheduled to meet``), ``be to``, going somewhere to do it. Not ``agreed``,
        ``said``: their date is the agreeing, the saying."""
        scheduling = {c.cue for c in self.cues if c.relation == "governor" and c.future is None}
        return frozenset(scheduling | {"be"} | self.words["motion_verbs"])


def _read(name: str) -> str:
    return resources.files("graphbuild").joinpath(DATA, name).read_text("utf-8")


def _jsonl(name: str) -> list[dict]:
    rows = []
    for number, line in enumerate(_read(name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"graphbuild/data/{name}:{number}: expected a JSON object, found {exc.msg}") from None
        if not row.get("sources"):
            raise ConfigError(f"graphbuild/data/{name}:{number}: expected 'sources' (the texts that need the entry)")
        rows.append(row)
    return rows


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The vocabulary (read once per process)."""
    triggers = tuple(
        TriggerPattern(row["id"], EventKind(row["kind"]), tuple(row["pattern"]),
                       EventKind(row["people_kind"]) if row.get("people_kind") else None,
                       bool(row.get("countries_only")), bool(row.get("agreement")))
        for row in _jsonl("event_triggers.jsonl"))
    raw = json.loads(_read("event_words.json"))
    words = {name: frozenset(section["entries"]) for name, section in raw.items() if isinstance(section, dict)}
    cues = tuple(
        ModalityCue(row["cue"], row["relation"], EventStatus(row["status"]),
                    None if row["future"] == "tense" else bool(row["future"]))
        for row in _jsonl("event_modality.jsonl"))
    return Lexicon(triggers, words, cues)
