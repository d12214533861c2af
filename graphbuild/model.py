"""Typed records passed between stages.

Stages only exchange these records: documents → extraction → resolution → graph.
Offsets are Python ``str`` indices (Unicode code points) into the article text as
decoded from its file, so ``text[start:end]`` is always the recorded surface form.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from graphbuild.rules import EntityRule, EventReference, OfficeRule, PlaceRule


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
class OfficeMention:
    """A person named with an office: "Japanese Defense Minister Itsunori Onodera",
    "Jim Mattis, the U.S. defense secretary". Spans index the article text."""

    title: TextSpan  # "Defense Minister" as written
    title_text: str
    person: TextSpan  # the person's entity mention
    holder: TextSpan | None  # the qualifying country / demonym / organisation mention, if any
    sentence: TextSpan
    rule: OfficeRule


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction found in one article."""

    article: ArticleMeta
    mentions: tuple[Mention, ...]
    offices: tuple[OfficeMention, ...] = ()
    events: tuple[EventMention, ...] = ()


class EventKind(str, enum.Enum):
    """Event kind labels; every event node also carries the label ``Event``."""

    MEETING = "Meeting"
    CONFERENCE = "Conference"
    NEGOTIATION = "Negotiation"
    VISIT = "Visit"


class EventStatus(str, enum.Enum):
    """What an article claims about an event: it took place (or is taking place), it is
    planned for later, it was called off or postponed, or it is denied ("did not meet")."""

    HELD = "held"
    PLANNED = "planned"
    CANCELLED = "cancelled"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One trigger ("met", "the Tokyo meeting", "talks") with what its sentence says
    about the event. Participant, modifier and place spans are exactly the spans of
    entity mentions of the same article; resolution maps them to entities.

    ``reference`` is set when the trigger refers back to an event told before
    ("their meeting", "the Tokyo meeting", "the two discussed", "they met"): it then
    attaches to that event instead of making a new one. ``kind`` is ``None`` only for
    references that do not say the kind ("the two discussed").
    """

    kind: EventKind | None
    trigger: TextSpan
    trigger_text: str
    sentence: TextSpan
    sentence_text: str
    participants: tuple[TextSpan, ...] = ()
    modifiers: tuple[TextSpan, ...] = ()  # proper-noun modifiers: "the Tokyo meeting", "US-Japan talks"
    place: TextSpan | None = None  # "in Tokyo", "at the summit in Singapore"
    date: TextSpan | None = None
    date_text: str | None = None
    reference: EventReference | None = None
    rule: str = ""
    # Modality of the trigger's clause (tense, modals, cue words): held unless the text says
    # otherwise. ``future`` is set when the clause speaks of a time after publication ("will
    # meet", "is to visit", "scheduled to meet"), so a weekday resolves forward.
    status: EventStatus = EventStatus.HELD
    future: bool = False
    # Proper nouns in participant positions that the NER did not tag ("Mitsotakis met
    # with ..."): resolution keeps those that name an actor of the article.
    names: tuple[TextSpan, ...] = ()
    # Wider places named with ``place`` ("Doha, Qatar", "Tbilisi, Georgia").
    place_context: tuple[TextSpan, ...] = ()
    # A visit told by going somewhere (travel, arrive, trip, tour) is a visit only to a country.
    countries_only: bool = False
    # Such going told by a noun or with what it is for ("a trip to Warsaw", "will travel on to
    # Ramallah to meet Abbas"): a city is on the way to that. Told by a verb alone ("Xi will
    # arrive in Chennai"), a city abroad is visited by an office holder (resolution decides).
    en_route: bool = False
    # The destination came in a "to"/"in" phrase ("a visit to the West Bank"): a place even
    # where the gazetteer does not know it (a direct object may be a person: "visit Piara Singh").
    destination_by_preposition: bool = False
    # The name of the gathering the trigger is ("the United Nations General Assembly",
    # "the Annapolis Conference"): reports naming the same gathering are one event.
    gathering: TextSpan | None = None
    # Its place in a series of meetings, from the trigger's own modifiers
    # (extraction/events/sequence.py): "their second summit" → 2, "their first meeting" → 1;
    # ``earlier`` for "their previous summit", "last met": a meeting recalled, not the story's.
    ordinal: int | None = None
    earlier: bool = False
    # The trigger's clause says it happened "here" and names no place ("Modi arrived here on
    # Friday", "the summit, which began here"): the article's dateline is its place (resolution).
    here: bool = False
    # The present perfect that tells the event as the news of the day where its clause gives
    # no date ("Bush has arrived in Israel", "have met at the Demilitarized Zone"): resolution
    # dates it by the article's publication (extraction/events/dates.py, recent_perfect).
    recent: TextSpan | None = None
    # An ellipsis after an event noun ("a conference on the war in Afghanistan and another on
    # security concerns in Yemen"): a second event of the noun's kind, never the event the
    # noun at this span tells (extraction/events/finder.py, _ellipses; resolution keeps them apart).
    other_than: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date expression resolved against the article's published date.

    ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` by ``precision`` (day, month,
    year); both are ``None`` when the text cannot be resolved (no published date for a
    relative expression, or an unknown form). ``text`` is always the original words.
    """

    text: str
    iso: str | None = None
    precision: str | None = None  # "day" | "weekend" | "week" | "month" | "year"
    # The interval the expression covers, as inclusive ISO days ("April 17-18" →
    # 2018-04-17 .. 2018-04-18; "June 2018" → 2018-06-01 .. 2018-06-30); None when unresolved.
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True, slots=True)
class LocalEvent:
    """One event as one article tells it, after within-article coreference."""

    article_id: str
    kind: EventKind
    participants: tuple[str, ...]  # entity ids, sorted
    date: EventDate | None
    place_id: str | None
    place_rule: PlaceRule | None
    sentences: tuple[TextSpan, ...]  # sorted, distinct
    sentence_texts: tuple[str, ...]  # parallel to ``sentences``
    evidence: tuple[tuple[str, TextSpan], ...]  # (participant id, mention span), sorted
    rules: tuple[str, ...]
    status: EventStatus = EventStatus.HELD  # this article's claim
    published: date | None = None  # the article's date: the latest claim sets the event's status
    gathering_id: str | None = None  # the entity naming the gathering ("United Nations General Assembly")
    # Its place in a series of meetings of the same parties as the article says it ("the second
    # India-China informal summit" → 2): reports giving different places are two events.
    ordinal: int | None = None


@dataclass(frozen=True, slots=True)
class EventNode:
    """One real-world event after merging the articles that report it."""

    id: str
    kind: EventKind
    name: str
    participants: tuple[str, ...]
    date: EventDate | None
    place_id: str | None
    reports: tuple[LocalEvent, ...]  # one or more per article, sorted by article id
    disputed: tuple[str, ...] = ()  # fields the reporting articles give differently: "date", "place", "status"
    status: EventStatus = EventStatus.HELD  # the latest claim by publication date


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
    rule: EntityRule
    props: tuple[tuple[str, object], ...] = ()  # e.g. (("iso2", "US"),) or (("kind", "city"),)
    country_id: str | None = None  # for places: the IN_COUNTRY target


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One entity inside one article, with all its mentions there."""

    article_id: str
    resolved: Resolved
    mentions: tuple[Mention, ...]
    rules: tuple[EntityRule, ...]  # the rule that resolved each mention, parallel to `mentions`


@dataclass(frozen=True, slots=True)
class OfficeHolding:
    """One article's statement that a person holds an office for a country or organisation."""

    article_id: str
    person_id: str
    title: str  # normalised: "Defense Minister" for "defence minister"
    holder_id: str
    evidence: TextSpan  # the whole phrase: "U.S. Defense Secretary Jim Mattis"
    rule: OfficeRule


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
    """One line of the merge log: which rule put which surface forms on which node.

    ``evidence`` says why, for decisions taken across articles: the full name a single
    name joined and the articles that spell it out, the office or co-mentions that chose
    between two candidates, the variant pair and its test."""

    rule: EntityRule
    result: str
    inputs: tuple[str, ...]
    articles: tuple[str, ...]
    evidence: tuple[str, ...] = ()


@dataclass(slots=True)
class RunReport:
    """Counts for one run; printed as the summary and returned by the pipeline."""

    inputs_read: int = 0
    articles_ingested: int = 0
    articles_parsed: int = 0  # sent to the NLP pipeline (the others came from the extraction cache)
    cache_hits: int = 0
    cache: str | None = None  # the extraction cache file used, if any
    skipped: list = field(default_factory=list)  # InputError instances, in input order
    files_ignored: int = 0
    nodes_by_label: dict[str, int] = field(default_factory=dict)
    edges_by_type: dict[str, int] = field(default_factory=dict)
    top_entities: list[tuple[str, str, int]] = field(default_factory=list)  # (label, name, articles)
    outputs: list[str] = field(default_factory=list)
    seconds_by_stage: dict[str, float] = field(default_factory=dict)
    peak_rss_mib_by_stage: dict[str, float] = field(default_factory=dict)  # process high-water mark at each stage's end
