"""Where a trigger stands in a series of meetings of the same parties: ``their second
summit`` (ordinal 2), ``their first meeting`` (1), ``their previous summit``, ``the two
last met in 2018`` (an earlier one). Follow-up reports recall earlier meetings of the
same leaders; resolution keeps a recalled meeting apart from the story's
(``resolution/events/background.py``). The words are data
(``graphbuild/data/event_sequence.jsonl``, each with its sources).

Only the trigger's own modifiers count, read from the parse: an adjective on an event
noun (``their initial historic meeting``), an adverb on a verb (``first met``, ``last
met``) or the ``time`` of a ``for`` phrase on it (``met for the second time``). ``the
second day of meetings`` orders days, not meetings.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from graphbuild.vocabulary import data_rows

NOUN_MODIFIERS = frozenset({"amod", "nummod", "advmod"})
VERB_MODIFIERS = frozenset({"advmod", "npadvmod"})
TIME_NOUNS = frozenset({"time"})  # "met for the first time"


@dataclass(frozen=True, slots=True)
class Series:
    ordinal: int | None = None
    earlier: bool = False


@dataclass(frozen=True, slots=True)
class _Cue:
    ordinal: int | None
    earlier: bool
    on: frozenset[str]


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, _Cue]:
    return {row["word"]: _Cue(row.get("ordinal"), bool(row.get("earlier")), frozenset(row["on"]))
            for row in data_rows("event_sequence")}


def sequence_of(token: Token) -> Series:
    """The ordinal and earlier-cue of a trigger, from its own modifiers."""
    cues = _cues()
    position = "noun" if token.pos_ in {"NOUN", "PROPN"} else "verb"
    found: list[_Cue] = []
    for child in token.children:
        cue = cues.get(child.lower_)
        if cue is not None and position in cue.on and child.dep_ in (
                NOUN_MODIFIERS if position == "noun" else VERB_MODIFIERS):
            found.append(cue)
        elif position == "verb" and child.dep_ == "prep" and child.lower_ == "for":
            for time in child.children:  # "met for the first time"
                if time.dep_ == "pobj" and time.lemma_ in TIME_NOUNS:
                    found.extend(cues[m.lower_] for m in time.children
                                 if m.dep_ == "amod" and m.lower_ in cues and cues[m.lower_].ordinal is not None)
    ordinal = next((c.ordinal for c in found if c.ordinal is not None), None)
    return Series(ordinal, any(c.earlier for c in found))
