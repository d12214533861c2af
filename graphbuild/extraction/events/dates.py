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
