"""Which date expression of a sentence belongs to a trigger: the one that hangs on the
trigger's own clause — the trigger, its support or adjunct verb, the control verbs
above it (``Friday, Carter is scheduled to meet``), the motion verb of a purpose clause
(``Thursday, President Bush will travel … to meet``), a ``where`` clause on an event
noun (``a summit where on Sunday …``). A date on another clause of the sentence
(``met Onodera and spoke on Friday``; ``said Friday that he met``) is that clause's.
Two dates of one clause joined by ``to``/``through``/``until`` are a range
(``over Thursday to Friday``).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graphbuild.extraction.events.context import WEEKDAY_WORDS, DateCandidate, DocContext
from graphbuild.extraction.events.lexicon import lexicon

RANGE_WORDS = frozenset({"to", "through", "until", "till", "-", "–", "and"})


def date_of(targets: Iterable[Token], ctx: DocContext) -> tuple[int, int] | None:
    """Token range of the date expression that belongs to the clause of ``targets``
    (the first is the trigger), or ``None``."""
    targets = list(targets)
    if not targets:
        return None
    trigger = targets[0]
    best: tuple[int, int, DateCandidate] | None = None
    for target in targets:
        for candidate in ctx.dates_by_anchor.get(target.i, ()):
            if ctx.sentence_of[candidate.start] != ctx.sentence_of[trigger.i]:
                continue
            key = (candidate.steps, abs(candidate.start - trigger.i))
            if best is None or key < best[:2]:
                best = (*key, candidate)
    if best is None:
        return None
    chosen = best[2]
    start, end = chosen.start, chosen.end
    siblings = sorted(ctx.dates_by_anchor.get(chosen.anchor, ()), key=lambda c: c.start)
    for other in siblings:  # "Thursday to Friday": a range
        gap = ctx.doc[end:other.start]
        if other.start >= end and len(gap) <= 2 and gap and all(t.lower_ in RANGE_WORDS or t.is_punct for t in gap) \
                and any(t.lower_ in RANGE_WORDS for t in gap):
            end = other.end
    for other in reversed(siblings):  # "Sunday, 14 December": the weekday names the same day
        gap = ctx.doc[other.end:start]
        if other.end <= start and len(gap) <= 1 and all(t.is_punct for t in gap) and other.end - other.start == 1 \
                and ctx.doc[other.start].lower_ in WEEKDAY_WORDS:
            start = other.start
            break
    return start, end


# Auxiliaries of the present perfect ("has met", "have arrived"); "'s" is left out (it is
# also "is").
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})


def recent_perfect(verb: Token | None) -> tuple[int, int] | None:
    """Token range of a present perfect that tells an event as the news of the day when
    its clause gives no date: ``Bush has arrived in Israel`` (wikinews:wn-bush-arrives-israel,
    gold: the published day), ``Prime Minister Narendra Modi … has met Chinese President Xi
    Jinping in Wuhan`` (ndtv.com, https://www.ndtv.com/india-news/pm-modi-holds-informal-talks-with-chinese-president-boat-ride-tomorrow-1843822),
    ``Trump and North Korean leaders have met at the heavily fortified Demilitarized Zone``
    (newsflash.one, https://newsflash.one/2019/06/30/trump-meets-kim-jong-un-steps-into-north-korea/):
    resolution dates such an event by the article's publication. Not when the clause counts
    or spans occasions (``repetition_words``: ``has hosted the Tonys several times``, ``the
    third time the two leaders have met``, ``has held … since 2006``), nor a perfect in the
    past (``had met``) or the passive (``has been held``: its date is the verb's)."""
    if verb is None or verb.tag_ != "VBN":
        return None
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if len(auxiliaries) != 1 or auxiliaries[0].lower_ not in PERFECT_AUXILIARIES or auxiliaries[0].i > verb.i:
        return None
    words = lexicon()["repetition_words"]
    if verb.dep_ == "relcl" and verb.head.lemma_ in words:
        return None  # "the third time the two leaders have met"
    if any(t.lemma_.lower() in words for c in verb.children if c.dep_ not in {"nsubj", "dobj", "aux"}
           for t in c.subtree):
        return None  # "several times", "since beating Chris Byrd"
    return auxiliaries[0].i, verb.i + 1
