"""Hand-made articles for the event resolution tests: a text, entity mentions found by
surface form, and event mentions built from words of the text (no model)."""
from __future__ import annotations

import re
from datetime import date

from graphbuild.model import (
    ArticleMeta,
    EntityKind,
    EntityNode,
    EventKind,
    EventMention,
    EventStatus,
    LocalEntity,
    Mention,
    Resolved,
    TextSpan,
)
from graphbuild.resolution.events import resolve_article_events

FRIDAY = date(2018, 6, 29)
KINDS = {"person": EntityKind.PERSON, "country": EntityKind.COUNTRY, "place": EntityKind.PLACE,
         "org": EntityKind.ORGANIZATION}
LABELS = {EntityKind.PERSON: "PERSON", EntityKind.COUNTRY: "GPE", EntityKind.PLACE: "GPE",
          EntityKind.ORGANIZATION: "ORG"}


class Article:
    """An article text with entity mentions found by surface form."""

    def __init__(self, article_id: str, text: str, published: date | None = FRIDAY, dateline: str | None = None):
        self.meta = ArticleMeta(id=article_id, path="test", sha256="", words=len(text.split()), published=published)
        self.text = text
        self.mentions: dict[str, list[Mention]] = {}
        self.dateline = dateline

    def sentence(self, pos: int) -> TextSpan:
        starts = [0] + [m.end() for m in re.finditer(r"\.\s+", self.text)]
        start = max(s for s in starts if s <= pos)
        end = self.text.find(".", pos)
        return TextSpan(start, end + 1 if end != -1 else len(self.text))

    def span(self, surface: str, nth: int = 0) -> TextSpan:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(surface, start + 1)
        return TextSpan(start, start + len(surface))

    def locals(self, entities: dict[str, str], props: dict[str, tuple] | None = None) -> list[LocalEntity]:
        """``entities``: surface → entity id; every occurrence of the surface is a mention.
        ``props``: entity id → (props, country id) for places (a capital, its country)."""
        found = []
        for surface, entity in entities.items():
            kind = KINDS[entity.split(":")[0]]
            extra, country = (props or {}).get(entity, ((), None))
            mentions = tuple(
                Mention(m.start(), m.end(), surface, "DATELINE" if surface == self.dateline and m.start() == 0
                        else LABELS[kind], self.sentence(m.start()))
                for m in re.finditer(rf"\b{re.escape(surface)}\b", self.text))
            found.append(LocalEntity(self.meta.id, Resolved(kind, entity, surface, "test", extra, country), mentions,
                                     ("test",) * len(mentions)))
        return found

    def event(self, kind, trigger: str, participants=(), nth: int = 0, modifiers=(), place=None, date_text=None,
              reference=None, status=EventStatus.HELD, future=False, names=(), place_context=(),
              countries_only=False, gathering=None, recent=None) -> EventMention:
        trigger_span = self.span(trigger, nth)
        sentence = self.sentence(trigger_span.start)
        return EventMention(
            kind=kind, trigger=trigger_span, trigger_text=trigger, sentence=sentence,
            sentence_text=self.text[sentence.start:sentence.end],
            participants=tuple(self.span(*p) if isinstance(p, tuple) else self.span(p, self._nth_in(p, sentence))
                               for p in participants),
            modifiers=tuple(self.span(m, self._nth_in(m, sentence)) for m in modifiers),
            place=self.span(place, self._nth_in(place, sentence)) if place else None,
            date=None, date_text=date_text, reference=reference, rule="test", status=status, future=future,
            names=tuple(self.span(n, self._nth_in(n, sentence)) for n in names),
            place_context=tuple(self.span(c, self._nth_in(c, sentence)) for c in place_context),
            countries_only=countries_only,
            gathering=self.span(gathering, self._nth_in(gathering, sentence)) if gathering else None,
            recent=self.span(recent, self._nth_in(recent, sentence)) if recent else None)

    def _nth_in(self, surface: str, sentence: TextSpan) -> int:
        """Index of the first occurrence of ``surface`` inside ``sentence``."""
        return sum(1 for m in re.finditer(re.escape(surface), self.text[:sentence.start]))


ENTITIES = {"Mattis": "person:jim-mattis", "Onodera": "person:itsunori-onodera", "Song": "person:song-young-moo",
            "Tokyo": "place:JPN:tokyo", "TOKYO": "place:JPN:tokyo", "Seoul": "place:KOR:seoul",
            "Japan": "country:JPN", "US": "country:USA", "Singapore": "country:SGP",
            "Shangri-La Dialogue": "org:shangri-la-dialogue"}
NODES = {
    "person:jim-mattis": EntityNode("person:jim-mattis", EntityKind.PERSON, "Jim Mattis", ()),
    "person:itsunori-onodera": EntityNode("person:itsunori-onodera", EntityKind.PERSON, "Itsunori Onodera", ()),
    "person:song-young-moo": EntityNode("person:song-young-moo", EntityKind.PERSON, "Song Young-moo", ()),
    "place:JPN:tokyo": EntityNode("place:JPN:tokyo", EntityKind.PLACE, "Tokyo", (), country_id="country:JPN"),
    "country:JPN": EntityNode("country:JPN", EntityKind.COUNTRY, "Japan", ()),
}
M, C, N, V = EventKind.MEETING, EventKind.CONFERENCE, EventKind.NEGOTIATION, EventKind.VISIT


def resolve(article: Article, mentions):
    used = {k: v for k, v in ENTITIES.items() if re.search(rf"\b{re.escape(k)}\b", article.text)}
    return resolve_article_events(article.meta, mentions, article.locals(used))


