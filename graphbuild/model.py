"""Typed records passed between stages.

Stages only exchange these records: documents → extraction → resolution → graph.
Offsets are Python ``str`` indices (Unicode code points) into the article text as
decoded from its file, so ``text[start:end]`` is always the recorded surface form.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class TextSpan:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from the input, with its layout analysed."""

    id: str
    text: str
    path: str
    line: int | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    sha256: str = ""
    # Layout: regions that are not article content (boilerplate lines, photo credits,
    # the dateline itself). They are masked for extraction; offsets still index `text`.
    masked: tuple[TextSpan, ...] = ()
    dateline: TextSpan | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the graph keeps of an article: no text, so memory stays flat."""

    id: str
    path: str
    sha256: str
    words: int
    line: int | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found by the NLP pipeline (after rule repairs)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label after repair: PERSON, GPE, LOC, NORP, ORG, FAC, DATELINE …
    sentence: TextSpan


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction found in one article."""

    article: ArticleMeta
    mentions: tuple[Mention, ...]


class EntityKind(str, enum.Enum):
    """Entity node labels. Values are the graph labels from the schema."""

    PERSON = "Person"
    COUNTRY = "Country"
    ORGANIZATION = "Organization"
    PLACE = "Place"


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a surface form resolves to, before it is tied to an article."""

    kind: EntityKind
    id: str
    name: str
    rule: str
    props: tuple[tuple[str, object], ...] = ()  # e.g. (("iso2", "US"),) or (("kind", "city"),)
    country_id: str | None = None  # for places: the IN_COUNTRY target


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One entity inside one article, with all its mentions there."""

    article_id: str
    resolved: Resolved
    mentions: tuple[Mention, ...]
    rules: tuple[str, ...]  # the rule that resolved each mention, parallel to `mentions`


@dataclass(frozen=True, slots=True)
class EntityNode:
    """One entity of the graph after merging across articles."""

    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...]
    props: tuple[tuple[str, object], ...] = ()
    country_id: str | None = None


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """One line of the merge log: which rule put which surface forms on which node."""

    rule: str
    result: str
    inputs: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(slots=True)
class RunReport:
    """Counts for one run; printed as the summary and returned by the pipeline."""

    inputs_read: int = 0
    articles_ingested: int = 0
    skipped: list = field(default_factory=list)  # InputError instances, in input order
    files_ignored: int = 0
    nodes_by_label: dict[str, int] = field(default_factory=dict)
    edges_by_type: dict[str, int] = field(default_factory=dict)
    top_entities: list[tuple[str, str, int]] = field(default_factory=list)  # (label, name, articles)
    outputs: list[str] = field(default_factory=list)
    seconds_by_stage: dict[str, float] = field(default_factory=dict)
