"""Verbs that tell an event noun taking place: where and when it happened.

``The meeting of Putin and Erdogan began in Sochi``, ``the G7 summit, which began here on
Friday``, ``the negotiations that took place Thursday at Teixeira's Texas home``: the
noun's own phrase names no place or date, the verb that says the event happened does.
Such a verb is a relative clause on the event noun or the verb the noun is the subject
of, with a lemma of ``happening_verbs`` (``graphbuild/data/event_words.jsonl``, each with
its sources); ``take`` counts only with ``place`` as its object (``took place``), ``hold``
only in the passive (``the summit, which was held in Astana``).
"""
from __future__ import annotations

from spacy.tokens import Token

from graphbuild.extraction.events.lexicon import lexicon
from graphbuild.extraction.events.syntax import SUBJECT_DEPS, VERB_POS

# Verbs that tell an event happening only with this object ("took place").
WITH_OBJECT = {"take": "place"}
# Verbs that tell it only in the passive ("was held").
PASSIVE_ONLY = frozenset({"hold"})
# Verbs that tell where and when an event began: a gathering's place and day, but only the
# start of talks, a process ("peace talks they began in November in the United States",
# wikinews:wn-bush-urges-allies, are the Abbas–Olmert negotiations, neither of that month
# nor of that place alone).
START_VERBS = frozenset({"begin", "start", "open"})
# How the parser hangs a schedule word after an event noun ("due" a preposition, "scheduled"
# a participle).
POSTMODIFIER_DEPS = frozenset({"prep", "amod", "acl"})


def happening_verbs(noun: Token, process: bool = False) -> list[Token]:
    """The verbs that tell the event noun ``noun`` taking place: its relative clauses
    and the verb it is the subject of, when their lemma is a happening verb (``process``:
    the noun tells talks, which a start verb does not place or date)."""
    found = [child for child in noun.children if child.dep_ == "relcl" and _happening(child, process)]
    # "a conference …, due to take place … in London this week", "the first trial scheduled
    # to begin Jan. 24": a schedule word after the noun (``schedule_postmodifiers``) and its
    # infinitive of happening
    schedules = lexicon()["schedule_postmodifiers"]
    found.extend(verb for child in noun.children if child.dep_ in POSTMODIFIER_DEPS and child.lower_ in schedules
                 for verb in child.children if verb.dep_ == "xcomp" and _happening(verb, process))
    if noun.dep_ in SUBJECT_DEPS and noun.head.i != noun.i and _happening(noun.head, process):
        found.append(noun.head)
    return found


def _happening(verb: Token, process: bool) -> bool:
    if verb.pos_ not in VERB_POS or verb.lemma_ not in lexicon()["happening_verbs"]:
        return False
    if process and verb.lemma_ in START_VERBS:
        return False
    needed = WITH_OBJECT.get(verb.lemma_)
    if needed is not None and not any(c.dep_ == "dobj" and c.lower_ == needed for c in verb.children):
        return False
    if verb.lemma_ in PASSIVE_ONLY and not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return True
