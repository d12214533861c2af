"""Offices: normalise titles and tie office mentions to the article's resolved entities.

A title is normalised across spelling and case ("defence minister", "Defense
Minister" → ``Defense Minister``). The person span must resolve to a Person and the
holder span to a Country (a demonym counts: "Japanese" → Japan) or an Organization;
an office whose holder is missing, a place or unresolved gives no holding (the graph
only has ``(Person)-[:HOLDS_OFFICE]->(Country|Organization)``).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable

from graphbuild.model import EntityKind, Extraction, LocalEntity, OfficeHolding, Resolved, TextSpan
from graphbuild.resolution.normalize import clean_surface
from graphbuild.rules import OfficeRule

# British spellings found in office titles → the American form used as canonical.
SPELLING = {
    "defence": "defense", "labour": "labor", "organisation": "organization",
    "programme": "program", "centre": "center", "councillor": "councilor",
}
# Words kept lower-case inside a title ("Secretary of State").
MINOR_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to"})
HOLDER_KINDS = frozenset({EntityKind.COUNTRY, EntityKind.ORGANIZATION})


def normalize_title(text: str) -> str:
    """One spelling and capitalisation per office.

    >>> normalize_title("defence  minister")
    'Defense Minister'
    >>> normalize_title("Secretary of State")
    'Secretary of State'
    >>> normalize_title("CEO")
    'CEO'
    """
    words = re.split(r"\s+", clean_surface(unicodedata.normalize("NFKC", text)))
    out = []
    for index, word in enumerate(w for w in words if w):
        lower = word.lower()
        lower = SPELLING.get(lower, lower)
        if index and lower in MINOR_WORDS:
            out.append(lower)
        elif word.isupper() and 1 < len(word) <= 4:
            out.append(word)  # an acronym stays as written (CEO); a shouted word does not
        else:
            out.append("-".join(_capitalised(part) for part in lower.split("-")))
    return " ".join(out)


def resolve_offices(extraction: Extraction, local_entities: Iterable[LocalEntity]) -> list[OfficeHolding]:
    """Holdings stated in one article, in text order."""
    spans = _Spans([
        (mention.start, mention.end, local.resolved)
        for local in local_entities if local.article_id == extraction.article.id
        for mention in local.mentions
    ])
    holdings: list[OfficeHolding] = []
    for office in extraction.offices:
        if office.holder is None or office.rule is OfficeRule.KIN:  # a relative holds no office
            continue
        person = _resolved_at(spans, office.person, {EntityKind.PERSON})
        holder = _resolved_at(spans, office.holder, HOLDER_KINDS)
        if person is None or holder is None:
            continue
        start = min(office.title.start, office.person.start, office.holder.start)
        end = max(office.title.end, office.person.end, office.holder.end)
        holdings.append(OfficeHolding(extraction.article.id, person.id, normalize_title(office.title_text),
                                      holder.id, TextSpan(start, end), office.rule))
    return holdings


def _capitalised(word: str) -> str:
    """First letter upper-cased, unless that changes its length ("ß" → "SS"), which
    would make normalisation not idempotent."""
    first = word[:1].upper()
    return first + word[1:] if len(first) == len(word[:1]) else word


class _Spans:
    """Mention spans sorted by start: the ones over a span are found by bisection, so a
    long article costs offices × log(mentions), not offices × mentions."""

    def __init__(self, spans: list[tuple[int, int, Resolved]]):
        self.items = sorted((start, order, end, resolved) for order, (start, end, resolved) in enumerate(spans))
        self.starts = [item[0] for item in self.items]
        self.longest = max((end - start for start, _, end, _ in self.items), default=0)


def _resolved_at(spans: _Spans, span: TextSpan, kinds: frozenset | set) -> Resolved | None:
    """The entity of the mention that overlaps ``span`` most (the first in mention
    order on a tie), if it is of one of ``kinds``."""
    best: tuple[int, int, Resolved] | None = None
    low = bisect_left(spans.starts, span.start - spans.longest)
    high = bisect_left(spans.starts, span.end)
    for start, order, end, resolved in spans.items[low:high]:
        overlap = min(end, span.end) - max(start, span.start)
        if overlap > 0 and (best is None or overlap > best[0] or (overlap == best[0] and order < best[1])):
            best = (overlap, order, resolved)
    return best[2] if best is not None and best[2].kind in kinds else None
