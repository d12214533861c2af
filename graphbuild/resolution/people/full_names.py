"""The full names of the corpus: one :class:`Person` per full-name id, with its name
words (generational suffix apart), articles and offices."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from graphbuild.model import EntityKind, LocalEntity, OfficeHolding
from graphbuild.resolution.normalize import GENERATIONAL_SUFFIXES, name_key
from graphbuild.rules import EntityRule

SUFFIXES = GENERATIONAL_SUFFIXES


@dataclass
class Person:
    """One full name of the corpus (one local id) with what is known about it."""

    id: str
    name: str
    words: tuple[str, ...]  # name key words without the suffix
    suffix: str | None
    articles: set[str] = field(default_factory=set)
    offices: set[tuple[str, str]] = field(default_factory=set)  # (title, holder id)
    family_first: bool = False


def split_name(name: str) -> tuple[tuple[str, ...], str | None]:
    """Name key words and the generational suffix, if any.

    >>> split_name("Martin Luther King Jr.")
    (('martin', 'luther', 'king'), 'jr')
    """
    words = tuple(name_key(name).split())
    if len(words) > 2 and words[-1] in SUFFIXES:
        return words[:-1], words[-1]
    return words, None


def full_names(local_entities: Sequence[LocalEntity], offices: Iterable[OfficeHolding]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for local in local_entities:
        resolved = local.resolved
        if resolved.kind is not EntityKind.PERSON or "~" in resolved.id:
            continue
        words, suffix = split_name(resolved.name)
        if len(words) < 2:
            continue
        person = people.setdefault(resolved.id, Person(resolved.id, resolved.name, words, suffix))
        person.articles.add(local.article_id)
        if len(resolved.name) > len(person.name):
            person.name = resolved.name
        # The article wrote the first word alone for this person: family name first.
        if any(rule is EntityRule.PERSON_SURNAME_IN_ARTICLE and name_key(m.text) == words[0]
               for m, rule in zip(local.mentions, local.rules)):
            person.family_first = True
        if len(words) >= 2 and any("-" in w for w in resolved.name.split()[1:]):
            person.family_first = True
    for holding in offices:
        if holding.person_id in people:
            people[holding.person_id].offices.add((holding.title.casefold(), holding.holder_id))
    return people


def shown_articles(articles: set[str], limit: int = 3) -> str:
    shown = sorted(articles)
    return ", ".join(shown[:limit]) + (f" and {len(shown) - limit} more" if len(shown) > limit else "")
