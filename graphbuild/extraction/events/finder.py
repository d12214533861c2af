"""Event mentions of one parsed chunk: triggers → participants, place, date, status.

One event mention per trigger and clause; a trigger that tells several events gives
several: ``met with the IMF, then with President Trump`` is two meetings, ``visits to
Israel, Jordan and Egypt`` three visits. A mention with too few parties is kept only
when it refers back to an event told before (``their meeting``, ``the summit``, ``the
two discussed``); resolution attaches those.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

from spacy.tokens import Doc, Token

from graphbuild.extraction.events.context import DocContext
from graphbuild.extraction.events.dates import date_of, recent_perfect
from graphbuild.extraction.events.happening import happening_verbs
from graphbuild.extraction.events.lexicon import lexicon
from graphbuild.extraction.events.modality import modality
from graphbuild.extraction.events.participants import PARTY_LABELS, PLACE_LABELS, Roles, destination_mentions, roles
from graphbuild.extraction.events.references import group_reference_verbs, noun_reference
from graphbuild.extraction.events.senses import other_sense
from graphbuild.extraction.events.sequence import sequence_of
from graphbuild.extraction.events.syntax import (
    clause_verbs,
    conjuncts,
    gerund_governor,
    objects_of_particle,
    partners_in_object,
)
from graphbuild.extraction.events.triggers import Trigger, TriggerMatcher, build_matcher, find_triggers
from graphbuild.model import EventKind, EventMention, EventStatus, Mention, TextSpan
from graphbuild.rules import EventReference

MIN_PARTICIPANTS = {EventKind.MEETING: 2, EventKind.NEGOTIATION: 2, EventKind.VISIT: 1, EventKind.CONFERENCE: 1}
# A visit is someone going somewhere: by a person, or a party through its people.
VISITOR_LABELS = frozenset({"PERSON"})
_RECEPTION_ATTRIBUTE = "_finder_reception_told"  # per-chunk memo on the DocContext


def events_from_doc(doc: Doc, mentions: Sequence[Mention], offset: int = 0, original: str | None = None,
                    matcher: TriggerMatcher | None = None) -> list[EventMention]:
    """Event mentions of ``doc`` in text order.

    ``mentions`` are the entity mentions of this ``doc`` (offsets already shifted by
    ``offset``, as :func:`graphbuild.extraction.entities.mentions_from_doc` returns
    them); ``original`` is the article text the evidence sentences are sliced from.
    """
    source = doc.text if original is None else original
    matcher = matcher if matcher is not None else build_matcher(doc.vocab)
    triggers = find_triggers(doc, matcher)
    trigger_ids = {t.token.i for t in triggers} | {t.absorbed.i for t in triggers if t.absorbed is not None}
    ctx = DocContext(doc, mentions, offset, source, trigger_ids)
    ctx.gathering_ids = {t.token.i for t in triggers if t.pattern.kind is EventKind.CONFERENCE}
    journeys = {t.token.i: t for t in triggers if t.pattern.kind is EventKind.VISIT and t.is_noun}
    ctx.journey_ids = set(journeys)
    for trigger in triggers:  # "hosted Macron for talks in Berlin on Tuesday": the talks' date and place
        if trigger.is_noun and trigger.anchor is not None and trigger.anchor.i in trigger_ids:
            ctx.phrase_nouns.setdefault(trigger.anchor.i, []).append(trigger.token)
        if trigger.absorbed is not None:
            ctx.phrase_nouns.setdefault(trigger.token.i, []).append(trigger.absorbed)
    # the settings an event may take place during or beside: journeys and gatherings
    journeys.update({t.token.i: t for t in triggers if t.pattern.kind is EventKind.CONFERENCE and t.is_noun})
    found: list[EventMention] = []
    told: set[int] = set()  # triggers that told an event ("the two discussed trade" tells none: a reference)
    for trigger in triggers:
        records = _mentions_of(trigger, ctx, journeys)
        found.extend(records)
        if records or not trigger.pattern.partner_in_object:
            told.add(trigger.token.i)
    for verb in group_reference_verbs(ctx, told):
        found.append(_record(ctx, verb, None, Roles(), rule=f"group-subject:{verb.lemma_}", reference=EventReference.THE_TWO,
                             status=EventStatus.HELD, future=False, date=None))
    found.sort(key=lambda e: (e.trigger.start, e.trigger.end))
    return found


def _mentions_of(trigger: Trigger, ctx: DocContext, journeys: dict[int, Trigger] | None = None) -> list[EventMention]:
    token = trigger.token
    if trigger.is_noun and _not_an_event(token):
        return []
    if trigger.is_noun and token.dep_ == "compound" and token.head.i not in ctx.trigger_ids:
        return []  # "a conference call", "the meeting room": the head noun is the thing
    mention_on_trigger = ctx.mention(token)
    if mention_on_trigger is not None and not _named_event(trigger, mention_on_trigger, ctx):
        return []  # part of a name: "the Eastern Conference" (a league), "Worldwide Developers Conference"
    if _not_a_meeting_of_parties(trigger) or _generic(trigger) or _no_person_object(trigger, ctx):
        return []
    if trigger.pattern.purpose and not _with_purpose(token):
        return []  # "is in Bolivia": where someone is; "is in Bolivia for the opening": a visit
    found = roles(trigger, ctx)
    if other_sense(trigger, found, ctx):  # a contest, a purchase, a supposition (extraction/events/senses.py)
        return []
    gathering = mention_on_trigger if mention_on_trigger is not None else _named_gathering(found, ctx)
    if gathering is not None:  # "the annual meeting of the United Nations General Assembly": the name, no party
        found.participants = [m for m in found.participants if m != gathering]
    elif trigger.kind is EventKind.CONFERENCE and (trigger.is_noun or trigger.absorbed is not None):
        split = _name_split_by_the_parse(token, ctx) if trigger.is_noun else None
        if split is not None and split not in found.modifiers:
            found.modifiers.append(split)  # "the Group of 20 summit": as "the G20 summit"
        gathering = _organiser(found)  # "an AU summit": the African Union's summit (and a party to it)
    kind = EventKind.CONFERENCE if gathering is not None and trigger.kind is not EventKind.VISIT \
        else _kind(trigger, found)
    verb = token if not trigger.is_noun else (trigger.anchor or trigger.adjunct)
    verbs = clause_verbs(verb) if verb is not None else []
    status, future = modality(verbs, token if trigger.is_noun else None)
    governor = gerund_governor(verbs[-1]) if verbs else None
    if governor is not None and status is EventStatus.HELD:
        # "will hold separate talks … before continuing on to Kuwait": the gerund's journey is
        # planned with the verb it hangs on (only a plan passes: "did not meet X before
        # leaving for France" did leave)
        governed, governed_future = modality(clause_verbs(governor), None)
        if governed is EventStatus.PLANNED:
            status, future = governed, governed_future
    if trigger.pattern.present_is_plan and status is EventStatus.HELD and _present(token):
        status, future = EventStatus.PLANNED, True
    if (status is EventStatus.HELD and not trigger.is_noun and trigger.kind is EventKind.VISIT
            and _scheduled_present(token, ctx)):
        status, future = EventStatus.PLANNED, True
    targets = [token, *(clause_verbs(verb, lexicon().date_carriers) if verb is not None else [])]
    if trigger.is_noun and verb is None and token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ in {"VERB", "AUX"}:
        targets.append(token.head)  # "On Friday morning, a meeting of ten countries ... agreed"
        # "The annual meeting of the United Nations General Assembly is set to open tomorrow"
        # (wikinews:wn-rouhani-persian-gulf); "The trial is scheduled to resume Monday" (ecbplus:33_1ecbplus)
        targets.extend(c for c in token.head.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"})
    targets.extend(ctx.phrase_nouns.get(token.i, ()))
    targets.extend(c for c in token.children if c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children))
    if trigger.is_noun:  # "the negotiations that took place Thursday", "the summit, which began here on Friday"
        targets.extend(happening_verbs(token, trigger.kind is EventKind.NEGOTIATION))
    date = date_of(targets, ctx)
    if found.journey is not None and journeys and found.journey.i in journeys:
        # "met Tusk during a visit to Poland on Monday": the journey's date; a meeting during a
        # trip that was called off did not take place either
        journey = journeys[found.journey.i]
        journey_verb = journey.anchor or journey.adjunct
        journey_status, _ = modality(clause_verbs(journey_verb) if journey_verb is not None else [], journey.token)
        if date is None:
            date = date_of([journey.token, *([journey_verb] if journey_verb is not None else [])], ctx)
        if journey_status in {EventStatus.CANCELLED, EventStatus.DENIED} and status is not EventStatus.DENIED:
            status = journey_status
    # the verb that tells the event: the trigger, or the support verb whose object it is
    # ("has held talks"; not "has arrived … for talks": those may come later)
    telling = token if not trigger.is_noun else (
        trigger.anchor if trigger.anchor is not None and token.dep_ == "dobj" and token.head.i == trigger.anchor.i
        else None)
    recent = recent_perfect(telling) if date is None and status is EventStatus.HELD else None
    rule = trigger.key + (f"+{trigger.anchor.lemma_}" if trigger.anchor is not None else "") \
        + (f"+adjunct:{trigger.adjunct.lemma_}" if trigger.adjunct is not None else "") \
        + "".join(f"+{r}" for r in dict.fromkeys(found.rules))
    if kind is EventKind.VISIT:
        return _visits(trigger, ctx, found, rule, status, future, date, recent)
    if trigger.pattern.agreement:
        return _agreement(trigger, ctx, found, rule, status, future, date, recent)
    records = []
    reference = _reference(trigger, found, kind)
    count = len(found.participants) + len(found.modifiers) + len(found.names)
    # A noun trigger with its place or date but no parties yet ("An international
    # conference in London on Tuesday") starts an event later mentions complete.
    waits = trigger.is_noun and (found.place is not None or date is not None)
    pending = count and (found.own or not trigger.is_noun)  # one party of its own: later mentions may add more
    waits = waits or gathering is not None  # a named gathering: reports that name it are one event
    if gathering is not None:
        rule += "+named"
        if count:  # it names who took part: its own event (a name-less one may still refer back)
            reference = None
    if reference is not None or count >= MIN_PARTICIPANTS[kind] or pending or waits:
        records.append(_record(ctx, token, kind, found, rule=rule, reference=reference, status=status, future=future,
                               date=date, gathering=gathering, recent=recent))
    if records and trigger.is_noun:  # "a conference on … and another on …": a second one
        for ellipsis in _ellipses(token):
            again = Roles(place=found.place, place_context=found.place_context)
            records.append(_record(ctx, ellipsis, kind, again, rule=rule + "+another", reference=None, status=status,
                                   future=future, date=date, recent=recent, other_than=token))
    for later in found.partner_groups:  # "met with the IMF, then with President Trump"
        again = Roles(participants=[*found.subjects, *later], names=list(found.subject_names), place=found.place,
                      place_context=found.place_context)
        records.append(_record(ctx, token, kind, again, rule=rule + "+then", reference=None, status=status,
                               future=future, date=date, recent=recent))
    return records


def _ellipses(noun: Token) -> list[Token]:
    """``another`` standing for a second event of the noun's kind, beside it
    (``ellipsis_words``): ``a conference on the war in Afghanistan and another on security
    concerns in Yemen, due to take place over two one-day sessions in London this week``
    (wikinews:wn-brown-london-conferences; the parser makes ``another`` an apposition of
    ``conference``), ``a second protest the next night; and another on Wednesday night``
    (ecbplus:19_7ecbplus). The word
    has no noun of its own (``another conference`` is a new mention of its own trigger);
    what the shared clause says of both (the place and date of ``due to take place … in
    London this week``) holds for both; its own phrase (``on security concerns in Yemen``)
    is a topic, no party."""
    words = lexicon()["ellipsis_words"]
    return [c for c in noun.children if c.dep_ in {"appos", "conj"} and c.lower_ in words
            and c.pos_ in {"DET", "PRON"} and not any(g.dep_ in {"det", "amod", "compound"} for g in c.children)]


def _present(verb: Token) -> bool:
    """``leaves``, ``travels``, ``is going``: a verb in the present, simple or progressive
    (a journey so told is on the schedule, not made)."""
    if verb.tag_ in {"VBZ", "VBP"}:
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" and "Pres" in c.morph.get("Tense")
                                      for c in verb.children)


def _scheduled_present(verb: Token, ctx: DocContext) -> bool:
    """A visit verb in the simple present with a cue of a timetable (``timetable_cues``):
    ``After Israel, the president visits Kuwait, Bahrain, …`` (an itinerary's order: ``after``
    with a place for object; wikinews:wn-bush-urges-allies), ``when … Yang Jiechi visits
    Japan later this week`` (a time to come in a modifier of the verb;
    https://jmh.usembassy.gov/20190513123024/). Such a present tells a plan, as the present
    of a journey verb does (``present_is_plan``); without a cue the present stays the news
    it tells (a headline's ``Bush visits Canada``)."""
    if verb.tag_ not in {"VBZ", "VBP"}:
        return False
    cues = lexicon()["timetable_cues"]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "after":
            if any(c.dep_ == "pobj" and (m := ctx.mention(c)) is not None and m.label in PLACE_LABELS
                   for c in child.children):
                return True
        elif child.dep_ in {"advmod", "npadvmod", "prep"} and any(
                w.lower_ in cues and w.lower_ != "after" for w in child.subtree):
            return True
    return False


def _visits(trigger: Trigger, ctx: DocContext, found: Roles, rule: str, status, future, date,
            recent=None) -> list[EventMention]:
    """One visit per destination place; the visitor a person (or a party through its
    people), never a bare demonym ("150,000 Chinese visit the UK yearly")."""
    visitors = [m for m in found.participants if m.label in VISITOR_LABELS and m not in found.companions]
    destinations = [(m, context) for m, context in destination_mentions(found, ctx)
                    if m.label in PLACE_LABELS or m.label in {"ORG", "NORP"}]  # NORP: "Israeli soil" (_territory)
    if trigger.pattern.journey and not destinations:
        return []  # "is going to meet", "flew home": no place gone to, no visit
    if not destinations and found.place is not None and trigger.pattern.id in {"arrive-verb", "arrival-noun"}:
        destinations = [(found.place, found.place_context)]
    reference = noun_reference(trigger.token) if trigger.is_noun else None
    if not destinations and (visitors or found.names) and (reference is not None or date is not None or found.here):
        destinations = [(None, [])]  # "Carter's visit"; "paid a visit to the birthplace of … on Sunday"
    records = []
    if visitors and found.companions and not trigger.pattern.journey:
        # "a visit to Ireland with Taoiseach Leo Varadkar": they met too ("flew to Utah with him": travelled together)
        together = Roles(participants=[*visitors, *[m for m in found.companions if m not in visitors]])
        records.append(_record(ctx, trigger.token, EventKind.MEETING, together, rule=rule + "+with", reference=None,
                               status=status, future=future, date=date, recent=recent))
    for place, context in destinations:
        if not visitors and not found.names and reference is None and found.pronoun is False:
            break
        one = Roles(participants=[m for m in visitors if m != place], names=list(found.names),
                    place=place, place_context=context, by_preposition=found.by_preposition,
                    here=found.here and place is None)
        records.append(_record(ctx, trigger.token, EventKind.VISIT, one, rule=rule,
                               reference=reference if not one.participants and not one.names else None,
                               status=status, future=future, date=date, recent=recent,
                               countries_only=trigger.pattern.countries_only,
                               en_route=trigger.pattern.countries_only and (
                                   trigger.is_noun or _with_purpose(trigger.token, journey=True)),
                               received=trigger.pattern.countries_only and _reception_told(ctx)))
    return records


def _reception_told(ctx: DocContext) -> bool:
    """The parsed text tells someone received: a reception verb (``reception_verbs``) in
    the passive (``The Colombian-French politician was greeted at the air base by the
    President``, wikinews:wnx-betancourt-returns-france; ``the president was greeted at
    the airport by King Salman``, clicklancashire.com). Who was received the parse does
    not say ("the politician"), so any such reception counts: a journey with a host stays
    a visit (resolution, ``_private_journey``). Found once per chunk."""
    found = getattr(ctx, _RECEPTION_ATTRIBUTE, None)
    if found is None:
        verbs = lexicon()["reception_verbs"]
        found = any(word.lemma_ in verbs and word.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in word.children)
                    for word in ctx.doc)
        setattr(ctx, _RECEPTION_ATTRIBUTE, found)
    return found


def _agreement(trigger: Trigger, ctx: DocContext, found: Roles, rule: str, status, future, date,
               recent=None) -> list[EventMention]:
    """A concluded bilateral agreement: exactly two parties, countries or organisations
    ("Turkey and Libya signed a maritime border agreement"; "the Turkish-Libyan
    agreement"); the people who sign it act for them ("Buhari and Talon signed the
    AfCFTA agreement" is no agreement between them)."""
    if _standing_agreement(trigger):
        return []
    parties = [m for m in found.participants if m.label in PARTY_LABELS]
    modifiers = [m for m in found.modifiers if m.label in PARTY_LABELS]
    found.participants, found.modifiers, found.names = parties, modifiers, []
    count = len({m.text for m in parties + modifiers})
    reference = noun_reference(trigger.token) if count < 2 else None
    if count != 2 and reference is None:
        return []
    return [_record(ctx, trigger.token, trigger.kind, found, rule=rule, reference=reference, status=status,
                    future=future, date=date, recent=recent)]


def _standing_agreement(trigger: Trigger) -> bool:
    """An agreement no verb concludes and no determiner singles out is one that stands,
    not one the text reports being made: ``part of a pact between the European Union
    and … Mercosur`` (wikinews:wn-g7-amazon-fires), ``the best way to a peace deal
    between Israel and the Palestinians`` (wikinews:wn-hamas-ends-truce), ``the trade
    agreements between Venezuela and Colombia should be paralysed``
    (wikinews:wn-granda-capture-crisis), ``under a different licensing deal with
    Intel`` (ecbplus:43_1ecb). ``the November 27 maritime border agreement between
    Turkey and Libya`` (wikinews:wn-cairo-summit-turkey-libya) is one agreement made."""
    token = trigger.token
    if not trigger.is_noun or trigger.anchor is not None or trigger.adjunct is not None:
        return False
    if any(c.dep_ == "amod" and c.lower_ in lexicon()["new_agreement_modifiers"] for c in token.children):
        return False  # "part of a new political economy agreement between Brazil and China" (wikinews:wnx-hu-lula-lunch)
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
                   for c in token.children)
    return token.tag_ in {"NNS", "NNPS"} or not definite


def _kind(trigger: Trigger, found: Roles) -> EventKind:
    """Talks or discussions among people are a meeting; peace talks and talks between
    parties a negotiation (the guidelines of the Wikinews development set)."""
    kind = trigger.kind
    people_kind = trigger.pattern.people_kind
    # Talks among people are a meeting; as soon as a country or organisation is a party
    # ("She is in China, for talks between the US and Chinese governments") they are a negotiation.
    # An unnamed counterpart is a person, though its country names it ("held talks with his Indian counterpart").
    if people_kind is not None and found.participants and all(m.label == "PERSON" or m in found.counterparts
                                                             for m in found.participants):
        manner = lexicon()["manner_modifiers"]  # "bilateral talks": how, not about what
        qualified = any(c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ"} and c.ent_type_ == ""
                        and c.lower_ not in manner for c in trigger.token.children)
        if not qualified:
            return people_kind
    return kind


def _no_person_object(trigger: Trigger, ctx: DocContext) -> bool:
    """A trigger that is a meeting only with a person received ("Biden hosted Kishida",
    "welcomed Prime Minister Modi and his wife"), whose object (or, in the passive, its
    subject) is no person's name: "hosted the Oscars", "welcomed the decision", "received
    a letter", "hosted a summit with Merkel" (the summit is the event)."""
    if not trigger.pattern.person_object:
        return False
    token = trigger.token
    if token.lemma_ in lexicon()["role_welcome_verbs"] and _into_a_role(token):
        return True  # "to welcome Peter Capaldi as the 12th Doctor": into a role, no meeting
    preposition = trigger.pattern.object_preposition
    if trigger.pattern.partner_in_object:  # "discussed trade with Saleh"; not by phone, nor with reporters
        remote = lexicon()["not_event_modifiers"]
        if any(word.lower_ in remote for word in token.subtree):
            return True
        objects = partners_in_object(token)
    elif preposition is not None:
        if any(c.dep_ in {"xcomp", "ccomp"} for c in token.children):
            return True  # "called on Italy and Egypt to join the project": urging, no meeting
        objects = objects_of_particle(token, preposition)
    else:
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    counterparts = lexicon()["counterpart_nouns"]
    for item in objects:
        for word in conjuncts(item):  # "hosted his Russian counterpart Vladimir Putin": the apposition
            mention = ctx.mention(word)
            if mention is not None and mention.label == "PERSON":
                return False
            if word.lemma_ in counterparts:  # "hosted his Russian counterpart": an office holder
                return False
    return True


def _into_a_role(verb: Token) -> bool:
    """An ``as`` phrase right after the verb's object (``welcome Peter Capaldi as the 12th
    Doctor``), wherever the parser hung it."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        after = obj.right_edge.i + 1
        if after < len(obj.doc) and obj.doc[after].lower_ == "as" and obj.doc[after].dep_ == "prep":
            return True
    return False


def _with_purpose(verb: Token, journey: bool = False) -> bool:
    """``verb`` says what for: a ``for`` phrase (``is in China, for talks``) or a purpose
    infinitive (``is in Kenya to mediate``). A journey's ``for`` phrase says what for only
    on a thing (``journey``: not a time, ``travelled to China for awhile``, ecbplus:18_12ecb;
    being somewhere for a time keeps the reading it had)."""
    return any((c.dep_ == "prep" and c.lower_ == "for" and (not journey or _for_a_thing(c))) or (
        c.dep_ in {"advcl", "xcomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for c in verb.children)


def _for_a_thing(preposition: Token) -> bool:
    """A ``for`` phrase whose object is no time: ``for talks``, ``for the opening of``; not
    ``for awhile`` (no object: the parser hangs the adverb on the preposition,
    ecbplus:18_12ecb) nor ``for two weeks`` (a DATE or TIME entity)."""
    return any(o.dep_ in {"pobj", "pcomp"} and o.ent_type_ not in {"DATE", "TIME"} for o in preposition.children)


def _not_a_meeting_of_parties(trigger: Trigger) -> bool:
    """"This update meets the quality bar", "to meet the demand": meet with a thing; "will
    meet Indiana State in the semifinals", "the second meeting between the schools this
    season": a game."""
    words = lexicon()
    token = trigger.token
    if token.lemma_ != "meet" and token.lower_ not in {"meeting", "meetings"}:
        return False
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_ in words["not_party_objects"] for c in token.children):
        return True
    games = words["competition_nouns"]
    for child in token.children:
        for item in [child, *(c for c in child.children if c.dep_ in {"pobj", "compound", "npadvmod"})]:
            if item.lemma_ in games or item.lower_.rstrip("s") in games:
                return True
    return False


def _generic(trigger: Trigger) -> bool:
    """A plural event noun with nothing that makes it particular ("during winter
    meetings", "top-level Mafia meetings", "G7 meetings usually center on politics"):
    meetings in general, not an event; also conventions ("signing memorabilia at
    conventions", ecbplus:4_8ecb, judged no event in bench/events_sample: the same plural
    of a gathering noun as conferences)."""
    token = trigger.token
    if not trigger.is_noun or token.lower_ not in {"meetings", "summits", "conferences", "conventions"}:
        return False
    return not any(c.dep_ in {"det", "poss", "nummod"} or (c.dep_ == "prep" and c.lower_ in {"with", "between"})
                   for c in token.children)


def _not_an_event(noun: Token) -> bool:
    """A press conference, a phone call (a conference or talk so qualified)."""
    words = lexicon()["not_event_modifiers"]
    return any(c.lower_ in words for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})


def _named_event(trigger: Trigger, mention: Mention, ctx: DocContext) -> bool:
    """A trigger word ending a name is the event's name when someone takes part in it
    (``During the World Social Forum in Porto Alegre, Chavez appeared …``)."""
    token = trigger.token
    last = ctx.doc.char_span(mention.start - ctx.offset, mention.end - ctx.offset, alignment_mode="expand")
    through_part = token.head.lower_ == "of" and token.head.head.lemma_ in lexicon()["event_parts"]
    taking_part = (trigger.adjunct is not None and (token.head.lower_ in {"during", "after", "following"}
                                                    or through_part)) or (
        trigger.anchor is not None and trigger.anchor.lemma_ in {"attend", "host", "chair", "join"} | lexicon()["gathering_verbs"])
    return last is not None and last[-1].i == token.i and trigger.is_noun and taking_part


def _organiser(found: Roles) -> Mention | None:
    """The one organisation a summit or conference is named by (``an AU summit``, ``the
    2010 NATO summit in Lisbon``, ``the G7 summit``): reports of that organisation's summit
    are one event whoever each says attended, as for a gathering's name. Sources:
    wikinews:wn-afcfta-niamey-summit (an AU summit where … Buhari … and … Talon signed),
    wikinews:wn-nato-wales-summit (the 2010 NATO summit in Lisbon);
    https://www.hindustantimes.com/india/terror-trade-and-transit-to-dominate-saarc-summit-next-week/story-OcUODrEhZQ6VwSBSo8aZsO.html
    (The 14th SAARC summit … Hamid Karzai will attend the summit); http://alrasub.com/muslim-leaders-gather-for-d8-summit-in-pakistan-today/
    (those attending the Developing Eight (D8) summit). Two organisations (``an EU-AU
    summit``) name no one organiser."""
    organisations = [m for m in found.modifiers if m.label == "ORG"]
    return organisations[0] if len({m.text for m in organisations}) == 1 else None


def _name_split_by_the_parse(noun: Token, ctx: DocContext) -> Mention | None:
    """An organisation named just before a summit noun that the parser hung the noun inside
    of: in ``on the sidelines of the Group of 20 summit`` the parse makes ``summit`` the
    object of the name's own ``of`` (``Group`` → ``of`` → ``summit``), so the name is no
    modifier of the noun, the summit has no organiser and the report joins no other report
    of that summit (round 10). The name ends on the word before the noun and the noun hangs
    (within three steps) on a word of the name. Sources: gulfnews.com and
    theglobalherald.com, both ``on the sidelines of the Group of 20 summit`` (Bali, 2022)."""
    if noun.i == 0 or ctx.mention(noun) is not None:
        return None
    before = ctx.mention(ctx.doc[noun.i - 1])
    if before is None or before.label != "ORG":
        return None
    if not any(ctx.mention(ancestor) == before for ancestor in islice(noun.ancestors, 3)):
        return None
    return before


def _named_gathering(found: Roles, ctx: DocContext) -> Mention | None:
    """A party whose name ends in a gathering trigger is the gathering itself, not a
    party: ``The annual meeting of the United Nations General Assembly``
    (wikinews:wn-rouhani-persian-gulf)."""
    for mention in found.participants:
        span = ctx.doc.char_span(mention.start - ctx.offset, mention.end - ctx.offset, alignment_mode="expand")
        if span is not None and span[-1].i in ctx.gathering_ids:
            return mention
    return None


def _reference(trigger: Trigger, found: Roles, kind: EventKind) -> EventReference | None:
    count = len(found.participants) + len(found.modifiers) + len(found.names)
    if trigger.is_noun:
        kind_of = noun_reference(trigger.token)
        if kind_of is not None:  # "the summit", "their meeting": told before, or starts its own
            return kind_of
    if count < MIN_PARTICIPANTS[kind]:
        if found.group:
            return EventReference.THE_TWO
        if found.pronoun:
            return EventReference.PRONOUN
        if trigger.is_noun and (trigger.adjunct is not None or trigger.anchor is not None) and found.participants:
            return EventReference.DEFINITE if noun_reference(trigger.token) else None
    return None


def _record(ctx: DocContext, token: Token, kind: EventKind | None, found: Roles, *, rule: str,
            reference: EventReference | None, status: EventStatus, future: bool, date: tuple[int, int] | None,
            countries_only: bool = False, gathering: Mention | None = None, en_route: bool = False,
            recent: tuple[int, int] | None = None, other_than: Token | None = None,
            received: bool = False) -> EventMention:
    sentence = ctx.sentence(token)
    offset = ctx.offset
    date_span = ctx.text_span(*date) if date is not None else None
    series = sequence_of(token)
    return EventMention(
        kind=kind,
        trigger=TextSpan(token.idx + offset, token.idx + len(token) + offset),
        trigger_text=token.text,
        sentence=sentence.span,
        sentence_text=sentence.text,
        participants=tuple(TextSpan(m.start, m.end) for m in found.participants),
        modifiers=tuple(TextSpan(m.start, m.end) for m in found.modifiers if m not in found.participants),
        place=TextSpan(found.place.start, found.place.end) if found.place is not None else None,
        date=date_span,
        date_text=ctx.source[date_span.start:date_span.end] if date_span is not None else None,
        reference=reference,
        rule=rule,
        status=status,
        future=future,
        names=tuple(found.names),
        place_context=tuple(TextSpan(m.start, m.end) for m in found.place_context),
        countries_only=countries_only,
        en_route=en_route,
        received=received,
        here=found.here,
        destination_by_preposition=found.by_preposition,
        gathering=TextSpan(gathering.start, gathering.end) if gathering is not None else None,
        ordinal=series.ordinal,
        earlier=series.earlier,
        recent=ctx.text_span(*recent) if recent is not None else None,
        other_than=TextSpan(other_than.idx + offset, other_than.idx + len(other_than) + offset)
        if other_than is not None else None,
    )
