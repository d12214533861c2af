"""Event mentions (meetings, conferences, negotiations, visits) from a parsed ``Doc``.

Triggers are found with spaCy's ``Matcher`` on lemmas and parts of speech; who took
part, where and when are read off the dependency parse:

* verb triggers (``met``, ``meets``, ``visited``, ``negotiated``): the subject (also the
  subject of the governing clause for ``After meeting X, Y said …``, ``agreed to
  meet``), direct objects, and ``with``/``between`` phrases, each with its
  coordinated names (``X and Y met``);
* noun triggers (``meeting``, ``talks``, ``summit``, ``conference``, ``visit``,
  ``negotiations``): possessives (``Mattis's meeting``), ``with``/``between``/``of``
  phrases, proper-noun modifiers (``the US-Japan talks``, ``the Tokyo meeting``),
  and the subject of a support verb (``held talks``, ``attended a summit``,
  ``speaking at a conference``, ``is in negotiations with``);
* the place: ``in``/``at`` + a place name on the trigger or its support verb;
* the date: a date expression (NER ``DATE`` or a weekday name) whose head path
  reaches the trigger or its support verb without passing another verb;
* back-references (``their meeting``, ``the Tokyo meeting``, ``the two discussed``,
  ``they met``) are kept with ``reference`` set, for resolution to attach.

Participants are spans of the article's entity mentions; a trigger with too few of
them and no back-reference is dropped (two for meetings and negotiations, one for a
conference; a visit needs a visitor and a destination place name). Negated triggers
(``did not meet``) and triggers inside a name (``the Eastern Conference``, a league)
are dropped.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from graphbuild.model import EventKind, EventMention, Mention, TextSpan

# (matcher key, kind, pattern) — lemmas for verbs, word forms for nouns (the lemma of
# "talks" is "talk", which as a singular noun is a lecture).
TRIGGERS: tuple[tuple[str, EventKind, list[dict]], ...] = (
    ("MEET_VERB", EventKind.MEETING, [{"LEMMA": "meet", "POS": "VERB"}]),
    ("MEETING_NOUN", EventKind.MEETING, [{"LOWER": {"IN": ["meeting", "meetings"]}, "POS": "NOUN"}]),
    ("TALKS_NOUN", EventKind.NEGOTIATION, [{"LOWER": "talks", "POS": "NOUN"}]),
    ("NEGOTIATION_NOUN", EventKind.NEGOTIATION, [{"LOWER": {"IN": ["negotiation", "negotiations"]}, "POS": "NOUN"}]),
    ("NEGOTIATE_VERB", EventKind.NEGOTIATION, [{"LEMMA": "negotiate", "POS": "VERB"}]),
    ("CONFERENCE_NOUN", EventKind.CONFERENCE,
     [{"LOWER": {"IN": ["conference", "conferences", "summit", "summits", "forum", "symposium", "dialogue"]},
       "POS": {"IN": ["NOUN", "PROPN"]}}]),
    ("VISIT_VERB", EventKind.VISIT, [{"LEMMA": "visit", "POS": "VERB"}]),
    ("VISIT_NOUN", EventKind.VISIT, [{"LOWER": {"IN": ["visit", "visits"]}, "POS": "NOUN"}]),
)
# Verbs that report on an event already told when their subject is "the two" / "both".
REFERENCE_VERBS = frozenset({"discuss", "agree", "talk", "meet", "shake", "exchange", "sign", "pledge", "vow"})
# Verbs whose object is an event the subject takes part in: "held talks", "attended a summit".
SUPPORT_VERBS = frozenset({
    "hold", "have", "attend", "host", "join", "conduct", "begin", "start", "open", "resume", "chair",
    "convene", "enter", "pay", "make", "conclude", "organize", "organise", "lead", "co-host", "cohost",
})
# Verbs whose ``at``/``in``/``to`` phrase is an event the subject takes part in:
# "speaking at a conference", "is in negotiations with", "took part in talks".
PRESENCE_VERBS = frozenset({
    "be", "speak", "participate", "take", "attend", "arrive", "gather", "travel", "go", "come",
    "engage", "address", "sit", "present", "deliver",
})
PRESENCE_PREPOSITIONS = frozenset({"at", "in", "into", "to", "for"})
PARTICIPANT_PREPOSITIONS = frozenset({"with", "between", "among", "alongside"})
NOUN_PARTICIPANT_PREPOSITIONS = PARTICIPANT_PREPOSITIONS | {"of", "involving"}
PLACE_PREPOSITIONS = frozenset({"in", "at"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Nominal modifiers that make a conference something else: "press conference".
NOT_EVENT_MODIFIERS = frozenset({"press", "news", "video", "phone", "telephone", "teleconference", "peace"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
GROUP_WORDS = frozenset({"two", "both"})
SUBJECT_DEPS = frozenset({"nsubj"})
INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp"})
QUOTES = frozenset("'\"‘’“”")
WEEKDAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

MIN_PARTICIPANTS = {EventKind.MEETING: 2, EventKind.NEGOTIATION: 2, EventKind.VISIT: 1, EventKind.CONFERENCE: 1}


def build_matcher(vocab) -> Matcher:
    """The trigger matcher (one per vocabulary)."""
    matcher = Matcher(vocab)
    for key, _, pattern in TRIGGERS:
        matcher.add(key, [pattern])
    return matcher


_KIND_BY_KEY = {key: kind for key, kind, _ in TRIGGERS}


def events_from_doc(doc: Doc, mentions: Sequence[Mention], offset: int = 0, original: str | None = None,
                    matcher: Matcher | None = None) -> list[EventMention]:
    """Event mentions of ``doc`` in text order.

    ``mentions`` are the entity mentions of this ``doc`` (offsets already shifted by
    ``offset``, as :func:`graphbuild.extraction.entities.mentions_from_doc` returns
    them); ``original`` is the article text the evidence sentences are sliced from.
    """
    source = doc.text if original is None else original
    matcher = matcher if matcher is not None else build_matcher(doc.vocab)
    by_token = _mentions_by_token(doc, mentions, offset)
    found: list[EventMention] = []
    triggers = sorted({(start, doc.vocab.strings[key]) for key, start, _ in matcher(doc)})
    for index, key in triggers:
        event = _event(doc[index], _KIND_BY_KEY[key], key, by_token, offset, source)
        if event is not None:
            found.append(event)
    found.extend(_group_references(doc, {i for i, _ in triggers}, offset, source))
    found.sort(key=lambda e: (e.trigger.start, e.trigger.end))
    return found


def _event(trigger: Token, kind: EventKind, key: str, by_token: dict[int, Mention], offset: int,
           source: str) -> EventMention | None:
    if any(child.dep_ == "neg" for child in trigger.children):
        return None
    if trigger.i in by_token:
        return None  # part of a name: "the Eastern Conference" (a league), "Worldwide Developers Conference"
    is_noun = trigger.pos_ in {"NOUN", "PROPN"}
    if is_noun and any(c.lower_ in NOT_EVENT_MODIFIERS for c in trigger.children if c.dep_ in {"compound", "amod"}):
        return None
    anchor = _support_verb(trigger) if is_noun else None
    if is_noun and anchor is not None and anchor.lemma_ in {"meet", "visit", "negotiate"}:
        return None  # "met for talks": the verb is the trigger already
    heads: list[Token] = []
    destinations: list[Token] = []  # where a visit goes: "visited Japan", "a visit to Tokyo"
    modifiers: list[Mention] = []
    place: Mention | None = None
    if is_noun:
        for child in trigger.children:
            if child.dep_ == "poss":
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in NOUN_PARTICIPANT_PREPOSITIONS:
                heads.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "to" and kind is EventKind.VISIT:
                destinations.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in {"compound", "nmod", "amod"} and child.i in by_token:
                modifiers.extend(m for m in _expand(child, by_token) if m not in modifiers)
        if anchor is not None:
            heads.extend(_subjects(anchor))
            heads.extend(_prep_objects(anchor, PARTICIPANT_PREPOSITIONS))
        place = _place(trigger, by_token) or (_place(anchor, by_token) if anchor is not None else None)
    else:
        heads.extend(_subjects(trigger))
        for child in trigger.children:
            if child.dep_ == "dobj" and kind is EventKind.VISIT:
                destinations.append(child)
            elif child.dep_ in {"dobj", "nsubjpass"}:
                heads.append(child)
            elif child.dep_ == "agent":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
        heads.extend(_prep_objects(trigger, PARTICIPANT_PREPOSITIONS))
        place = _place(trigger, by_token)

    participants: list[Mention] = []
    pronoun = group = False
    for head in heads:
        for token in _conjuncts(head):
            mention = by_token.get(token.i)
            if mention is not None:
                if mention not in participants:
                    participants.append(mention)
            elif token.lower_ in GROUP_WORDS:
                group = True
            elif token.pos_ == "PRON":
                pronoun = True
            elif token.dep_ != "appos":  # "Boras, Teixeira's agent": Teixeira was not there
                for mod in _entity_modifiers(token, by_token):
                    if mod not in participants:
                        participants.append(mod)
    if place is not None and place in participants:
        participants.remove(place)
    participants = [m for m in participants if not _quoted(m, trigger.doc, offset)]
    modifiers = [m for m in modifiers if not _quoted(m, trigger.doc, offset)]
    if kind is EventKind.VISIT:
        # A visit is someone going somewhere: the destination must be a place name.
        target = next((by_token[t.i] for d in destinations for t in _conjuncts(d)
                       if t.i in by_token and by_token[t.i].label in PLACE_LABELS), None)
        place = place or target
        if place is None:
            return None

    reference = None
    if is_noun and not participants:
        determiners = {c.lower_ for c in trigger.children if c.dep_ == "det"}
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
            reference = "possessive"
        elif determiners & DEFINITE_DETERMINERS:
            reference = "definite"
    if reference is None and len(participants) + len(modifiers) < MIN_PARTICIPANTS[kind]:
        if group:
            reference = "the-two"
        elif pronoun:
            reference = "pronoun"
    if reference is None and len(participants) + len(modifiers) < MIN_PARTICIPANTS[kind]:
        return None

    anchor_tokens = [trigger] if anchor is None else [trigger, anchor]
    date_span = _date(trigger.sent, anchor_tokens)
    sentence = trigger.sent
    return EventMention(
        kind=kind,
        trigger=TextSpan(trigger.idx + offset, trigger.idx + len(trigger) + offset),
        trigger_text=trigger.text,
        sentence=_span_of(sentence, offset),
        sentence_text=source[sentence.start_char + offset:_sentence_end(sentence) + offset],
        participants=tuple(TextSpan(m.start, m.end) for m in participants),
        modifiers=tuple(TextSpan(m.start, m.end) for m in modifiers if m not in participants),
        place=TextSpan(place.start, place.end) if place is not None else None,
        date=TextSpan(date_span.start_char + offset, date_span.end_char + offset) if date_span is not None else None,
        date_text=source[date_span.start_char + offset:date_span.end_char + offset] if date_span is not None else None,
        reference=reference,
        rule=f"{key.lower()}" + (f"+{anchor.lemma_}" if anchor is not None else ""),
    )


def _group_references(doc: Doc, trigger_indexes: set[int], offset: int, source: str) -> list[EventMention]:
    """``the two discussed …``, ``both agreed …``: a reference to the event just told."""
    found = []
    for token in doc:
        if token.i in trigger_indexes or token.lemma_ not in REFERENCE_VERBS or token.pos_ != "VERB":
            continue
        for subject in (c for c in token.children if c.dep_ in SUBJECT_DEPS):
            if _is_group(subject):
                sentence = token.sent
                found.append(EventMention(
                    kind=None,
                    trigger=TextSpan(token.idx + offset, token.idx + len(token) + offset),
                    trigger_text=token.text,
                    sentence=_span_of(sentence, offset),
                    sentence_text=source[sentence.start_char + offset:_sentence_end(sentence) + offset],
                    reference="the-two",
                    rule=f"group-subject:{token.lemma_}",
                ))
                break
    return found


def _is_group(token: Token) -> bool:
    """``the two``, ``both``, ``the two men``, ``both leaders``."""
    if token.lower_ in GROUP_WORDS:
        return token.lower_ == "both" or any(c.lower_ == "the" for c in token.children)
    return token.pos_ == "NOUN" and any(c.lower_ in GROUP_WORDS and c.dep_ in {"nummod", "det", "predet", "amod"}
                                        for c in token.children)


def _support_verb(trigger: Token) -> Token | None:
    """The verb through which a noun trigger gets its subject, if any."""
    head = trigger.head
    if trigger.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in SUPPORT_VERBS:
        return head
    if trigger.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in PRESENCE_PREPOSITIONS:
        verb = head.head
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_ in PRESENCE_VERBS | SUPPORT_VERBS | {"meet", "visit", "negotiate"}:
            return verb
    return None


def _subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``; a verb without one takes the subject of the clause it
    depends on (``After meeting X, Y said``: Y; ``agreed to meet``)."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        if current.dep_ not in INHERIT_SUBJECT_DEPS or is_root(current):
            return []
        current = current.head
        if current.pos_ == "ADP":  # "after meeting": the preposition hangs on the clause verb
            if is_root(current):
                return []
            current = current.head
    return []


def is_root(token: Token) -> bool:
    """Whether ``token`` heads its sentence (spaCy makes a root its own head). Compares
    indices: spaCy returns a new ``Token`` object on every access, so ``is`` never holds."""
    return token.head.i == token.i


def _prep_objects(token: Token, prepositions: Iterable[str]) -> list[Token]:
    wanted = set(prepositions)
    return [obj for child in token.children if child.dep_ == "prep" and child.lower_ in wanted
            for obj in child.children if obj.dep_ == "pobj"]


def _conjuncts(token: Token) -> list[Token]:
    """``token`` and the names coordinated with it (``X, Y and Z``)."""
    found = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in {"conj", "appos"} and child not in found:
                found.append(child)
                stack.append(child)
    return found


def _entity_modifiers(token: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """Entities that qualify a plural common noun: ``Japanese officials``, ``NATO
    ministers`` (a group acting for them; "a Navy lieutenant" is one person, not the Navy)."""
    if token.pos_ != "NOUN" or not (token.tag_ in {"NNS", "NNPS"} or "Plur" in token.morph.get("Number")):
        return []
    found = []
    for child in token.children:
        if child.dep_ in {"compound", "amod", "poss", "nmod"} and child.i in by_token:
            mention = by_token[child.i]
            if mention.label in {"GPE", "NORP", "ORG"} and mention not in found:
                found.append(mention)
    return found


def _quoted(mention: Mention, doc: Doc, offset: int) -> bool:
    """A name between quotation marks is the title of a work: "'Catching Fire' talks"."""
    text = _doc_text(doc)
    before = mention.start - offset
    while before > 0 and text[before - 1] == " ":
        before -= 1
    after = mention.end - offset
    while after < len(text) and text[after] == " ":
        after += 1
    return before > 0 and after < len(text) and text[before - 1] in QUOTES and text[after] in QUOTES


def _doc_text(doc: Doc) -> str:
    # Doc.text joins every token on each access: cached, so long articles stay linear.
    cached = doc.user_data.get("graphbuild:text")
    if cached is None:
        cached = doc.user_data["graphbuild:text"] = doc.text
    return cached


def _expand(token: Token, by_token: dict[int, Mention]) -> list[Mention]:
    """The mention on ``token`` and on tokens joined to it in a modifier chain
    (``U.S.-Japan``, ``Trump-Kim``)."""
    found = []
    for current in [token, *token.subtree]:
        mention = by_token.get(current.i)
        if mention is not None and mention not in found:
            found.append(mention)
    return found


def _place(token: Token, by_token: dict[int, Mention]) -> Mention | None:
    for obj in _prep_objects(token, PLACE_PREPOSITIONS):
        mention = by_token.get(obj.i)
        if mention is not None and mention.label in PLACE_LABELS:
            return mention
    return None


def _dates_in(sentence: Span) -> list[Span]:
    """DATE entities wholly inside ``sentence``, read from token tags (Span.ents walks
    every entity of the Doc: quadratic on long articles)."""
    doc = sentence.doc
    found = []
    for token in sentence:
        if token.ent_iob_ == "B" and token.ent_type_ == "DATE":
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= sentence.end:
                found.append(Span(doc, token.i, end, label="DATE"))
    return found


def _date(sentence: Span, targets: list[Token]) -> Span | None:
    """The date expression of the sentence that hangs on one of ``targets``."""
    candidates: list[Span] = _dates_in(sentence)
    covered = {t.i for ent in candidates for t in ent}
    candidates += [sentence.doc[t.i:t.i + 1] for t in sentence if t.lower_ in WEEKDAY_WORDS and t.i not in covered]
    best: tuple[int, int, Span] | None = None
    target_ids = {t.i for t in targets}
    for candidate in candidates:
        steps = _steps_to(candidate.root, target_ids)
        if steps is None:
            continue
        distance = min(abs(candidate.start - t.i) for t in targets)
        key = (steps, distance, candidate)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def _steps_to(token: Token, target_ids: set[int]) -> int | None:
    """Head steps from ``token`` to a target, not passing through another verb.

    Walks ``token.ancestors`` (spaCy ends it at the sentence root), never a loop over
    ``.head``: each ``Token`` is a new object, so ``token.head is token`` is never true.
    """
    if token.i in target_ids:
        return 0
    for steps, ancestor in enumerate(token.ancestors, start=1):
        if ancestor.i in target_ids:
            return steps
        if ancestor.pos_ in {"VERB", "AUX"}:
            return None
    return None


def _mentions_by_token(doc: Doc, mentions: Sequence[Mention], offset: int) -> dict[int, Mention]:
    found: dict[int, Mention] = {}
    for mention in mentions:
        span = doc.char_span(mention.start - offset, mention.end - offset, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            found.setdefault(token.i, mention)
    return found


def _span_of(sentence: Span, offset: int) -> TextSpan:
    return TextSpan(sentence.start_char + offset, _sentence_end(sentence) + offset)


def _sentence_end(sentence: Span) -> int:
    """End of the sentence without trailing whitespace (paragraph breaks)."""
    return sentence.start_char + len(sentence.text.rstrip())  # Span.text: not the whole Doc.text
