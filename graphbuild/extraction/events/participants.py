"""Who took part in an event, where it was and where a visit went, read off the parse.

* verb triggers: the subject (inherited from the governing clause, a relative
  clause's noun, a participle's noun), direct objects, the agent of a passive, and the
  ``with``/``between`` phrases of the clause; a second ``with`` phrase after ``then``
  is a second meeting ("met with the IMF, then with President Trump");
* noun triggers: possessives, ``with``/``between``/``of`` phrases, proper-noun
  modifiers (``the US-Japan talks``), the agent of a participle (``a meeting chaired by
  the UK and US``), the subjects of a ``where`` clause (``a summit where Buhari and
  Talon signed``), and the subject of the support, presence or adjunct verb;
* each participant phrase with its coordinated and appositive names; a plural noun of
  people counts for the parties that qualify it (``Japanese officials``, ``Leaders from
  NATO member states``, ``his Greek, Cypriot and French counterparts`` — unless it
  names the people, as appositions do); a relative pronoun for its noun; a personal
  pronoun and a description (``the president``, ``the Chinese leader``) for the
  article's person they refer to (:mod:`graphbuild.extraction.events.references`);
  a proper noun the NER missed is kept as a name for resolution to match;
* visits: the destinations (``visited X``, ``a visit to X``, ``arrived in X``,
  ``travel to X``); each destination is one visit ("visits to Israel, Jordan and
  Egypt" are three).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Token

from graphbuild.extraction.events.context import DocContext
from graphbuild.extraction.events.happening import happening_verbs
from graphbuild.extraction.events.lexicon import lexicon
from graphbuild.extraction.events.references import (
    coordinated_holders,
    description_antecedent,
    pair_antecedent,
    party_antecedent,
    plural_antecedent,
    pronoun_antecedent,
)
from graphbuild.extraction.events.syntax import (
    MAX_CLIMB,
    NOUN_POS,
    VERB_POS,
    antecedent_of_relative,
    compound_chain,
    conjuncts,
    objects_of_particle,
    partners_in_object,
    prep_objects,
    subjects,
)
from graphbuild.extraction.events.triggers import Trigger
from graphbuild.model import EventKind, Mention, TextSpan
from graphbuild.vocabulary import head_word_label

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PARTY_LABELS = frozenset({"GPE", "NORP", "ORG"})
GROUP_WORDS = frozenset({"two", "both"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
IT_PRONOUNS = frozenset({"it", "its"})
SEQUENCE_WORDS = frozenset({"then", "later", "afterwards", "subsequently"})
DESTINATION_PREPOSITIONS = frozenset({"to", "in", "of", "into", "at"})
PLACE_PREPOSITIONS = frozenset({"in", "at"})


@dataclass
class Roles:
    """What the parse says about one trigger."""

    participants: list[Mention] = field(default_factory=list)
    modifiers: list[Mention] = field(default_factory=list)
    names: list[TextSpan] = field(default_factory=list)  # proper nouns the NER did not tag
    partner_groups: list[list[Mention]] = field(default_factory=list)  # later "then with Y" meetings
    subjects: list[Mention] = field(default_factory=list)  # who met: shared by the later meetings
    companions: list[Mention] = field(default_factory=list)  # whom a visitor went with or met there
    journey: Token | None = None  # the visit or trip the event took place during
    own: int = 0  # parties named in the trigger's own phrase or by its support verb (not an adjunct clause)
    subject_names: list[TextSpan] = field(default_factory=list)
    destinations: list[Token] = field(default_factory=list)
    by_preposition: bool = False  # the destinations came in a to/in phrase
    place: Mention | None = None
    place_context: list[Mention] = field(default_factory=list)
    here: bool = False  # no place named, but "here" (the dateline's place, resolution)
    counterparts: list[Mention] = field(default_factory=list)  # a country for its unnamed office holder
    group: bool = False  # "the two", "both"
    pronoun: bool = False  # a pronoun no antecedent was found for
    rules: list[str] = field(default_factory=list)

    def add(self, mention: Mention) -> None:
        if mention not in self.participants:
            self.participants.append(mention)


def roles(trigger: Trigger, ctx: DocContext) -> Roles:
    found = Roles()
    token = trigger.token
    heads: list[Token] = []
    if trigger.is_noun:
        _noun_children(token, trigger, ctx, found, heads)
        if trigger.kind is EventKind.VISIT:
            _copula_destinations(token, found)
        if token.dep_ == "appos" and ctx.mention(token.head) is not None:
            heads.append(token.head)  # "Ban Ki-moon, who is in Doha, Qatar meeting with ...": a misparsed -ing
        heads.extend(_journey_holder(token, ctx))  # "Zuma, whose state trip includes meetings with …"
        for head in heads:
            _expand(head, trigger, ctx, found)
        heads = []
        verb = trigger.anchor or trigger.adjunct
        owned = trigger.kind is EventKind.VISIT and any(c.dep_ == "poss" for c in token.children)
        if verb is not None and not owned:  # "his tour": his, not the subject of the clause
            heads.extend(subjects(verb))
            if trigger.anchor is not None:
                heads.extend(_prep_partners(verb, ctx))
            # the agent of a passive: "held talks were attended by X"; "In a meeting that day he was told by Zinichev"
            heads.extend(_agents(verb))
        found.own = len(found.participants) + len(found.modifiers) + (len(heads) if trigger.anchor is not None else 0)
        if trigger.kind is EventKind.VISIT and not any(c.dep_ == "poss" for c in token.children):
            heads.extend(_visitor_fallback(token, ctx, heads))  # "embarked on his mission with visits to X"
        found.place = _place(token, ctx) or (_place(trigger.anchor, ctx) if trigger.anchor is not None else None) \
            or _happening_place(token, trigger, ctx) or _partner_place(token, ctx) \
            or (_attended_place(token, trigger, ctx) if trigger.kind is EventKind.CONFERENCE else None)
    else:
        subject_roles = Roles()
        for head in subjects(token):
            _expand(head, trigger, ctx, subject_roles)
        found.subjects, found.subject_names = list(subject_roles.participants), list(subject_roles.names)
        found.participants.extend(subject_roles.participants)
        found.names.extend(subject_roles.names)
        found.rules.extend(subject_roles.rules)
        found.pronoun, found.group = subject_roles.pronoun, subject_roles.group
        for child in token.children:
            if trigger.pattern.journey and child.dep_ in {"prep", "dative"} and child.pos_ == "ADP" and (
                    child.lower_ in trigger.pattern.destination_prepositions):
                # "leaves Tuesday for Israel" (the parser calls the for-phrase a dative), "continuing on to Kuwait"
                found.destinations.extend(c for c in child.children if c.dep_ == "pobj")
                found.by_preposition = True
            elif trigger.pattern.journey and child.dep_ in {"dobj", "dative"}:
                continue  # "left Israel", "flew the plane": no destination, no party
            elif child.dep_ in {"dobj", "dative"} and trigger.kind is EventKind.VISIT:
                found.destinations.append(child)
            elif child.dep_ in {"dobj", "nsubjpass"}:
                heads.append(child)
            elif child.dep_ == "agent":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and trigger.kind is EventKind.VISIT and (
                    child.lower_ in DESTINATION_PREPOSITIONS or child.lower_ in trigger.pattern.destination_prepositions):
                found.destinations.extend(c for c in child.children if c.dep_ == "pobj")
                found.by_preposition = True
        if trigger.pattern.object_preposition is not None:  # "called on President Alvi"
            heads.extend(objects_of_particle(token, trigger.pattern.object_preposition))
        if trigger.pattern.partner_in_object:  # "discussed security issues with President Saleh"
            heads.extend(t for t in partners_in_object(token) if t.head.head.i != token.i)
        partners = _prep_partners(token, ctx)
        sequenced = _sequenced_partners(token)
        heads.extend(t for t in partners if t.i not in {s.i for group in sequenced for s in group})
        for group in sequenced:
            later = Roles()
            for head in group:
                _expand(head, trigger, ctx, later)
            if later.participants:
                found.partner_groups.append(later.participants)
        found.place = _place(token, ctx) or _purpose_destination(token, ctx) or _where_place(token, ctx)
        if trigger.absorbed is not None:  # "met ... for an AU summit where Buhari and Talon signed"
            _noun_children(trigger.absorbed, trigger, ctx, found, heads)
        for noun in ctx.phrase_nouns.get(token.i, ()):  # "hosted Macron for talks in Berlin"
            found.place = found.place or _place(noun, ctx)
        if trigger.kind is not EventKind.VISIT:
            found.place = found.place or _partner_place(token, ctx)
    for head in heads:
        _expand(head, trigger, ctx, found)
    if trigger.kind is not EventKind.VISIT:
        found.journey = _journey(token, trigger, ctx)
        if found.place is None and found.journey is not None:
            found.place = _destination(found.journey, ctx)
    if found.place is not None:
        found.participants = [m for m in found.participants if m != found.place]
        found.place_context = _place_context(found.place, ctx)
    else:
        found.here = _told_here(trigger)
    found.participants = [m for m in found.participants if not ctx.quoted(m)]
    found.modifiers = [m for m in found.modifiers if not ctx.quoted(m) and m not in found.participants]
    if trigger.is_noun:
        _one_meeting_each(token, ctx, found)
    return found


def _one_meeting_each(noun: Token, ctx: DocContext, found: Roles) -> None:
    """``meetings with A, B and C`` (plural, two or more people named in the with
    phrase) and ``separate talks with A and B`` (``separate_modifiers``, round 9) are one
    meeting with each: the others of the event meet A, and B and C in
    meetings of their own (``partner_groups``). Sources: wikinews:wn3-zuma-britain-state-visit
    (whose state trip includes meetings with Gordon Brown, David Cameron and Nick Clegg);
    https://www.pressreader.com/usa/chattanooga-times-free-press/20161111/281479275990285
    (Trump headed to Capitol Hill for meetings with House Speaker Paul Ryan … and Senate
    Majority Leader Mitch McConnell)."""
    words = lexicon()
    if noun.lower_ not in words["separate_meeting_nouns"] and not any(
            c.dep_ == "amod" and c.lower_ in words["separate_modifiers"] for c in noun.children):
        return
    people: list[Mention] = []
    for obj in prep_objects(noun, ("with",)):
        for item in conjuncts(obj):
            mention = ctx.mention(item)
            # "separate talks with the Israeli and Palestinian leaders": each party's holder
            named = [mention] if mention is not None else coordinated_holders(item, ctx) if item.pos_ == "NOUN" else []
            for one in named:
                if one.label == "PERSON" and item.dep_ != "appos" and one not in people:
                    people.append(one)
    if len(people) < 2 or any(m not in found.participants for m in people):
        return
    holders = [m for m in found.participants if m not in people]
    found.participants = [*holders, people[0]]
    found.subjects = holders
    found.partner_groups.extend([m] for m in people[1:])


def _journey_holder(noun: Token, ctx: DocContext) -> list[Token]:
    """The traveller of a journey that includes the event: ``Zuma, whose state trip
    includes meetings with …`` (wikinews:wn3-zuma-britain-state-visit); ``the Czech PM's
    three day visit to the United States, which also included a meeting with CIA
    officials`` (https://www.radio.cz/en/section/news/pm-babis-meets-with-president-trump-in-white-house):
    the journey's possessor, ``whose`` standing for the noun its clause describes."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.i == noun.i or verb.lemma_ not in lexicon()["inclusion_verbs"]:
        return []
    found = []
    for journey in subjects(verb):
        if journey.i not in ctx.journey_ids:
            continue
        for owner in (c for c in journey.children if c.dep_ == "poss"):
            if owner.lower_ == "whose":
                clause = next((a for a in islice(owner.ancestors, MAX_CLIMB) if a.dep_ == "relcl"), None)
                if clause is not None and clause.head.pos_ in NOUN_POS:
                    found.append(clause.head)
            else:
                found.append(owner)
    return found


def _second_of_between(obj: Token, ctx: DocContext) -> list[Token]:
    """"A meeting between Giuliani, claiming to represent the State Department, and Andriy
    Yermak": between takes two, and when the parser hangs the second off another verb, it
    is the next coordinated name after "and" in the sentence."""
    if len(conjuncts(obj)) > 1:
        return []
    sentence = ctx.sentence(obj)
    after_and = False
    for token in ctx.doc[obj.i + 1:sentence.end]:
        if token.lower_ == "and" and token.dep_ == "cc":
            after_and = True
        elif after_and and token.dep_ == "conj" and ctx.mention(token) is not None:
            return [token]
    return []


def _agents(verb: Token) -> list[Token]:
    """Objects of the ``by`` phrase of a participle: ``chaired by the UK and US``."""
    return [c for agent in verb.children if agent.dep_ == "agent" for c in agent.children if c.dep_ == "pobj"]


def _noun_children(noun: Token, trigger: Trigger, ctx: DocContext, found: Roles, heads: list[Token]) -> None:
    """What an event noun's own phrase says: possessor, with/between/of phrases,
    destinations, modifiers, participles and where-clauses."""
    heads.extend(_in_presence_of(noun))  # "a meeting in the presence of Moratinos"
    for child in noun.children:
            if child.dep_ == "poss":
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in DESTINATION_PREPOSITIONS and trigger.kind is EventKind.VISIT:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    mention = ctx.mention(obj)
                    if child.lower_ == "of" and (mention is None or mention.label not in PLACE_LABELS):
                        heads.append(obj)  # "the visit of the president"
                    else:
                        found.destinations.append(obj)
                        found.by_preposition = True
            elif child.dep_ == "prep" and trigger.kind is EventKind.VISIT and child.lower_ in {"with", "alongside"}:
                companions = Roles()
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    _expand(obj, trigger, ctx, companions)
                found.companions.extend(m for m in companions.participants if m not in found.companions)
            elif child.dep_ == "prep" and child.lower_ in _noun_preps():
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    heads.append(obj)
                    # "a meeting of ten countries chaired by the UK and US": the chairs take part
                    heads.extend(a for acl in obj.children if acl.dep_ == "acl" for a in _agents(acl))
                    if child.lower_ == "between":
                        heads.extend(_second_of_between(obj, ctx))
            elif child.dep_ in {"compound", "nmod", "amod"} and ctx.mention(child) is not None:
                for mention in _chain_mentions(child, ctx):
                    if mention not in found.modifiers and not _inside_trigger_name(mention, trigger, ctx):
                        found.modifiers.append(mention)
            elif child.dep_ == "acl":
                heads.extend(_agents(child))
            elif child.dep_ == "relcl" and (any(c.lower_ == "where" for c in child.children)
                                            or child.lemma_ in lexicon()["support_verbs"]):
                heads.extend(subjects(child))  # "a summit where Buhari and Talon signed", "talks they began"


def _copula_destinations(noun: Token, found: Roles) -> None:
    """A visit noun that is the subject of ``be`` names its destination in the
    complement: ``The president's first stop is Israel``, ``his first visit was to
    China``."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be" or head.i == noun.i:
        return
    for child in head.children:
        if child.dep_ == "attr":
            found.destinations.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"to", "in"}:
            found.destinations.extend(c for c in child.children if c.dep_ == "pobj")
            found.by_preposition = True


def _noun_preps() -> frozenset[str]:
    words = lexicon()
    return words["participant_prepositions"] | words["noun_participant_prepositions"]


def _prep_partners(token: Token, ctx: DocContext) -> list[Token]:
    """Objects of with/between phrases in the clause of ``token``, also where the parser
    hung the phrase on a place or a name of the clause ("meet in Damascus, Syria with
    Khaled Mashal")."""
    wanted = lexicon()["participant_prepositions"]
    found = prep_objects(token, wanted) + _in_presence_of(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            for obj in child.children:
                for item in conjuncts(obj):
                    found.extend(prep_objects(item, wanted))
    return found


def _in_presence_of(token: Token) -> list[Token]:
    """Who was present: the ``of`` objects of ``in the presence of`` on ``token``
    (``attendance_nouns``): ``will meet in the presence of Miguel Ángel Moratinos``
    (wikinews:wn3-libya-switzerland-visa-meeting); ``led a Parliament Secretariat meeting
    in the presence of deputy Speaker … Elie Ferzli`` (naharnet.com, see the data file)."""
    nouns = lexicon()["attendance_nouns"]
    return [person for holder in prep_objects(token, ("in",)) if holder.lemma_ in nouns
            for person in prep_objects(holder, ("of",))]


def _sequenced_partners(verb: Token) -> list[list[Token]]:
    """``met with X, then with Y``: the objects of each later with-phrase."""
    groups = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with" and any(
                c.dep_ == "advmod" and c.lower_ in SEQUENCE_WORDS for c in child.children):
            groups.append([c for c in child.children if c.dep_ == "pobj"])
    return groups


def _visitor_fallback(token: Token, ctx: DocContext, heads: list[Token]) -> list[Token]:
    """A visit noun that names no visitor: the person subject of the nearest clause
    above it ("Mitchell then embarked on his mission with visits to Israel …"; "In
    parting remarks made after a three-day visit to Kenya …, Kofi Annan warned"; "Johnson
    said in a video statement released in conjunction with a visit to Ireland with Taoiseach
    Leo Varadkar", wikinews:wnx-johnson-prorogation: a compound preposition and a participle
    between, so the climb allows two steps per clause)."""
    if any(ctx.mention(h) is not None and ctx.mention(h).label == "PERSON" for h in heads):
        return []
    for ancestor in islice(token.ancestors, 2 * MAX_CLIMB):
        if ancestor.pos_ not in VERB_POS:
            continue
        found = [s for s in subjects(ancestor) if s.i != token.i]
        people = [s for s in found if ctx.mention(s) is not None and ctx.mention(s).label == "PERSON"
                  or s.pos_ == "PROPN"]
        if people:
            return people
    return []


def _expand(head: Token, trigger: Trigger, ctx: DocContext, found: Roles, depth: int = 0) -> None:
    """Add what the phrase headed by ``head`` names to ``found``."""
    for token in [*conjuncts(head), *_coordinated_modifiers(head, ctx)]:
        if token.i == trigger.token.i:
            continue
        mention = ctx.mention(token)
        if mention is not None:
            if not _inside_trigger_name(mention, trigger, ctx):
                found.add(mention)
            continue
        lower = token.lower_
        holders = coordinated_holders(token, ctx) if token.pos_ == "NOUN" else []
        pair = pair_antecedent(token, ctx) if token.pos_ == "NOUN" and not holders else []
        if holders:  # "the Israeli and Palestinian leaders": each party's holder named before
            for party in holders:
                found.add(party)
            found.rules.append("holders")
        elif pair:  # "the two Korean leaders met": the last two such people named
            for party in pair:
                found.add(party)
            found.rules.append("pair")
        elif lower in GROUP_WORDS:
            found.group = True
        elif token.pos_ == "PRON":
            antecedent = antecedent_of_relative(token)
            if antecedent is not None and depth < 2:
                _expand(antecedent, trigger, ctx, found, depth + 1)
            else:
                antecedents = _pronoun_antecedents(token, lower, ctx)
                for party in antecedents:
                    found.add(party)
                if antecedents:
                    found.rules.append("pronoun")
                else:
                    found.pronoun = True
        elif token.pos_ in {"NOUN", "PROPN"} and _titled_person(token, ctx) is not None:
            found.add(_titled_person(token, ctx))  # "The President of Colombia Alvaro Uribe"
        elif token.dep_ == "appos" and _person(token.head, ctx) is not None:
            found.add(_person(token.head, ctx))  # "Jakaya Kekwete, the Tanzanian President chairing the summit"
        elif token.pos_ in {"NOUN", "PROPN"} and description_antecedent(token, ctx) is not None:
            found.add(description_antecedent(token, ctx))
            found.rules.append("description")
        elif token.pos_ == "PROPN" and token.dep_ != "compound":
            start, end = compound_chain(token)
            found.names.append(ctx.text_span(start, end))
        elif token.pos_ == "NOUN" and token.dep_ != "appos":  # "Boras, Teixeira's agent": Teixeira was not there
            for party in _parties_of_group(token, ctx, depth):
                found.add(party)
                if token.lemma_ in lexicon()["counterpart_nouns"]:
                    found.counterparts.append(party)
                    found.rules.append("counterpart")


def _pronoun_antecedents(token: Token, lower: str, ctx: DocContext) -> list[Mention]:
    """What a personal ("he"), party ("it") or plural ("they") pronoun stands for; empty
    when it is none of those or its antecedent is not found."""
    if lower in PERSONAL_PRONOUNS:
        one = pronoun_antecedent(token, ctx)
    elif lower in IT_PRONOUNS:
        one = party_antecedent(token, ctx)
    elif lower in PLURAL_PRONOUNS:
        return list(plural_antecedent(token, ctx))
    else:
        one = None
    return [one] if one is not None else []


def _coordinated_modifiers(head: Token, ctx: DocContext) -> list[Token]:
    """Names the parser hung on ``head`` as a modifier though ``and`` coordinates them with
    it: in "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol
    met", the small model makes "Kishida" an ``nmod`` of "Yeol" (with the ``and`` and the
    second title under it), so the subject seemed to be Yoon alone. The same parse of "X and
    TITLE Y" in "a call between Trump and then-newly elected President Zelensky"
    (wn-ukraine-subpoena-pompeo), "Mr. LaRue and deputy campaign manager Jeb Stuart
    Magruder" (ECB+ 28_2ecbplus), "Woodward and partner Carl Bernstein" (ECB+ 28_3ecb). A
    modifier child that is a name and carries the ``cc`` is a conjunct, with its own
    conjuncts."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in {"nmod", "compound"} and child.i < head.i and ctx.mention(child) is not None \
                and any(c.dep_ == "cc" for c in child.children):
            found.extend(t for t in conjuncts(child) if t.i != head.i)
    return found


def _person(token: Token, ctx: DocContext) -> Mention | None:
    mention = ctx.mention(token)
    return mention if mention is not None and mention.label == "PERSON" else None


def _titled_person(token: Token, ctx: DocContext) -> Mention | None:
    """``The President of Colombia Alvaro Uribe``: the person named in a title's
    of-phrase (the parser makes the title the head)."""
    if token.lemma_.lower() not in lexicon()["role_nouns"] and token.lower_ not in lexicon()["role_nouns"]:
        return None
    for obj in prep_objects(token, ("of",)):
        mention = ctx.mention(obj)
        if mention is not None and mention.label == "PERSON":
            return mention
    return None


def _parties_of_group(token: Token, ctx: DocContext, depth: int = 0) -> list[Mention]:
    """Parties that qualify a plural noun of people: ``Japanese officials``, ``NATO
    ministers``, ``Leaders from NATO member states``, ``delegates from the United
    Nations, European Union, and World Bank`` ("a Navy lieutenant" is one person, not
    the Navy). A noun that names its people in apposition is those people. A
    counterpart, singular too, is the country that qualifies it (``met his North Korean
    counterpart``: North Korea, for whoever holds the office; resolution lets an office
    holder named by another report stand for it)."""
    groups, counterparts = lexicon()["group_nouns"], lexicon()["counterpart_nouns"]
    if token.lemma_ not in groups | counterparts or any(c.dep_ == "appos" for c in token.children):
        return []
    # "met his North Korean counterpart": one office holder, unnamed, stands for the country;
    # plural counterparts are named ("his Greek, Cypriot and French counterparts, Nikos Dendias, …")
    if token.lemma_ in counterparts and token.lemma_ not in groups and _plural(token):
        return []
    if not _plural(token) and token.lemma_ not in lexicon()["party_nouns"] | counterparts:
        return []
    found: list[Mention] = []
    for child in token.children:
        if child.dep_ not in {"compound", "amod", "poss", "nmod"}:
            continue
        for item in conjuncts(child):  # "the US and Chinese governments"
            mention = ctx.mention(item)
            if mention is not None and mention.label in PARTY_LABELS and mention not in found:
                found.append(mention)
    if depth < 2:
        for obj in prep_objects(token, ("from", "of")):
            for item in conjuncts(obj):
                mention = ctx.mention(item)
                if mention is not None and mention.label in PARTY_LABELS:
                    if mention not in found:
                        found.append(mention)
                elif item.pos_ == "NOUN":  # "NATO member states"
                    found.extend(m for m in _parties_of_group(item, ctx, depth + 1) if m not in found)
    return found


def _plural(token: Token) -> bool:
    return token.pos_ == "NOUN" and (token.tag_ in {"NNS", "NNPS"} or "Plur" in token.morph.get("Number"))


def _inside_trigger_name(mention: Mention, trigger: Trigger, ctx: DocContext) -> bool:
    """The name of the event itself ("the World Social Forum") is not a participant."""
    token = trigger.token
    start = token.idx + ctx.offset
    return mention.start <= start < mention.end


def _chain_mentions(token: Token, ctx: DocContext) -> list[Mention]:
    """The mention on ``token`` and on tokens joined to it in a modifier chain
    (``U.S.-Japan``, ``Trump-Kim``)."""
    found = []
    for current in [token, *token.subtree]:
        mention = ctx.mention(current)
        if mention is not None and mention not in found:
            found.append(mention)
    return found


def _place(token: Token, ctx: DocContext) -> Mention | None:
    """``in``/``at`` + a place name on ``token``; the finest of ``Doha, Qatar``."""
    for obj in prep_objects(token, PLACE_PREPOSITIONS):
        mention = ctx.mention(obj)
        if mention is not None and (mention.label == "FAC" or _a_site(mention)):
            # A named building with its city: the city, as for a building named by a noun
            # below ("met Putin at the Presidential Palace in Helsinki, Finland",
            # https://www.upi.com/Top_News/World/Photos/President-Trump-meets-with-Russian-President-Putin-in-Helsinki/11634/,
            # "in the Presidential Palace in Helsinki", http://ovimagazine.com/toon/15;
            # ecbplus:2_1ecb "at the Kodak Theatre in Los Angeles"). The building alone stays.
            city = _place_after(obj, ("in",), ctx)
            return city if city is not None else mention
        if mention is not None and mention.label in PLACE_LABELS:
            return mention
        # "in the Egyptian city of Sharm el-Sheikh", "at the Zappeion Hall"; "at the airport in
        # Riyadh" (http://www.suchtv.pk/world/item/18456-obama-arrives-in-riyadh-for-talks-with-king-salman.html
        # greeted ... as they arrive at King Khalid International Airport in Riyadh;
        # ecbplus:4_7ecb: a session with photographer Bunny Yeager at the Africa USA wildlife
        # park in Boca Raton; ecbplus:2_1ecb: will take place at the Kodak Theatre in Los Angeles)
        if obj.pos_ in NOUN_POS:
            for inner in prep_objects(obj, ("of", "in")):
                mention = ctx.mention(inner)
                if mention is not None and mention.label in PLACE_LABELS:
                    return mention
    return _place_of_occasion(token, ctx)


def _place_of_occasion(token: Token, ctx: DocContext) -> Mention | None:
    """A place the parser hung inside an occasion phrase: ``met Lula for the first time in
    San Salvador`` (wikinews:wn-granda-capture-crisis), ``spoke for the first time in court
    on Saturday`` (ecbplus:3_1ecb, 3_9ecb; ``court`` is no place name, so there it places nothing): the ``in``/``at`` object of
    ``time`` in ``for the … time`` is where, when it is a place name (``for the first time
    in his presidency``, ``in over a year``, ``in American history`` are no places)."""
    occasions = lexicon()["occasion_nouns"]
    for obj in prep_objects(token, ("for",)):
        if obj.lemma_ not in occasions:
            continue
        for inner in prep_objects(obj, PLACE_PREPOSITIONS):
            mention = ctx.mention(inner)
            if mention is not None and mention.label in PLACE_LABELS:
                return mention
    return None


def _told_here(trigger: Trigger) -> bool:
    """Whether the trigger, its support verb or a verb of its happening says ``here``: the
    place the article is filed from, its dateline (``BIARRITZ, France — … world leaders
    meeting here this weekend``, http://www.msn.com/en-us/news/world/trump-says-world-leaders-getting-along-very-well-at-g-7-summit-despite-trade-tensions/ar-AAGibbq?li=BBnbcA1;
    ``LA MALBAIE, Quebec — … officials at the meetings here``,
    https://www.politico.eu/article/after-donald-trump-tweetstorm-no-real-big-fireworks-at-g7-emmanuel-macron/;
    ``the … summit, which began here on Friday``,
    https://www.business-standard.com/amp/article/news-ians/tensions-between-trump-allies-subside-at-g7-summit-118060900071_1.html).
    Resolution places the event there when the article has a dateline."""
    token = trigger.token
    verbs = [token, *([trigger.anchor] if trigger.anchor is not None else [])]
    if trigger.is_noun:
        verbs += happening_verbs(token, trigger.kind is EventKind.NEGOTIATION)
    return any(c.dep_ == "advmod" and c.lower_ == "here" for verb in verbs for c in verb.children)


def _happening_place(noun: Token, trigger: Trigger, ctx: DocContext) -> Mention | None:
    """The place of the verb that tells the event noun taking place: ``The meeting of …
    Putin and … Erdogan began in Sochi`` (extraction/events/happening.py)."""
    for verb in happening_verbs(noun, trigger.kind is EventKind.NEGOTIATION):
        place = _place(verb, ctx)
        if place is not None:
            return place
        # "due to take place over two one-day sessions in London": the place of the parts
        # the verb says it takes place in (``session_nouns``)
        sessions = lexicon()["session_nouns"]
        for part in (c for child in verb.children if child.dep_ == "prep" for c in child.children
                     if c.dep_ == "pobj" and c.lemma_ in sessions):
            place = _place(part, ctx)
            if place is not None:
                return place
    return None


def _journey(token: Token, trigger: Trigger, ctx: DocContext) -> Token | None:
    """The visit or trip an event took place during, or the gathering on whose sidelines
    it was held (sources in ``sideline_nouns``): ``held a meeting with Kim Jong-un
    during his trip to Pyongyang`` (https://independent.co.uk/news/world/americas/us-politics/pompeo-kim-jong-un-korea-north-meeting-pyongyang-trump-twitter-latest-a8572616.html),
    ``arrange a meeting between Zelensky and Trump himself during President Trump's
    planned trip to Warsaw, which was cancelled`` (wikinews:wn-ukraine-subpoena-pompeo;
    the parser hung the during-phrase on the last party). Its destination is the event's
    place and its date the event's, when the event's own clause gives none."""
    holders = [token, *([trigger.anchor] if trigger.anchor is not None else [])]
    holders += [item for partner in prep_objects(token, ("with", "between")) for item in conjuncts(partner)]
    sidelines = lexicon()["sideline_nouns"]
    for holder in holders:
        for obj in prep_objects(holder, ("during",)):
            if obj.i in ctx.journey_ids:
                return obj
        # "met Blinken on the sidelines of the G20 Summit": the gathering it was held at
        for obj in prep_objects(holder, ("on", "at")):
            if obj.lemma_ in sidelines:
                for gathering in prep_objects(obj, ("of",)):
                    if gathering.i in ctx.gathering_ids:
                        return gathering
    return None


def _destination(journey: Token, ctx: DocContext) -> Mention | None:
    """Where a journey went (``a trip to Pyongyang``) or a gathering was (``the BRICS
    summit in Kazan``)."""
    return _place_after(journey, ("to", "in", "at"), ctx)


def _a_site(mention: Mention) -> bool:
    """A place named by a site word (data/place_heads.jsonl: "the Presidential Palace",
    "King Khalid International Airport"): a building, which the city after it places."""
    return mention.label == "LOC" and head_word_label(mention.text) == "LOC"


def _place_after(token: Token, prepositions: Iterable[str], ctx: DocContext) -> Mention | None:
    """The first place named as the object of one of ``token``'s ``prepositions``."""
    for obj in prep_objects(token, prepositions):
        mention = ctx.mention(obj)
        if mention is not None and mention.label in PLACE_LABELS:
            return mention
    return None


def _purpose_destination(verb: Token, ctx: DocContext) -> Mention | None:
    """Where one went to meet: the destination of the motion verb whose purpose the
    trigger is (``will travel from Jerusalem on to Ramallah … to meet separately with …
    Abbas``, wikinews:wn-bush-arrives-israel; ``Moon will travel to Washington next month
    to meet Trump``, issue 14 round 4; ``arrived in Riyadh on Tuesday … to meet the new
    Saudi King Salman``, http://www.suchtv.pk/world/item/18456-obama-arrives-in-riyadh-for-talks-with-king-salman.html).
    The date already comes from that verb (``motion_verbs``, dates.py)."""
    head = verb.head
    if verb.dep_ not in {"advcl", "xcomp"} or head.i == verb.i or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    if head.lemma_ not in lexicon()["motion_verbs"] and head.lemma_ != "arrive":
        return None
    return _place_after(head, ("to", "in", "into"), ctx)


def _attended_place(noun: Token, trigger: Trigger, ctx: DocContext) -> Mention | None:
    """Where one went, or was, to attend a gathering, as for a meeting
    (``_purpose_destination``): the place of the motion verb, of ``be`` or of the ``in``
    phrase whose purpose infinitive the gathering's verb is (``gathering_verbs``) — ``While
    in New York City to attend the United Nations General Assembly``
    (wikinews:wn-ukraine-subpoena-pompeo; the parser hangs the infinitive on ``in``),
    ``President Joe Biden plans to travel to New York City in September to speak at the
    U.N. General Assembly`` (https://inkl.com/news/biden-plans-new-york-trip-to-speak-at-united-nations-general-assembly-in-september)."""
    verb = trigger.anchor
    if verb is not None and verb.dep_ in {"advcl", "xcomp"} and verb.head.i != verb.i and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        # "While in New York City to attend": the parser hangs the infinitive on "in", or
        # "in" on the subordinator before the infinitive
        ins = [head] if head.pos_ == "ADP" else []
        ins += [w for w in verb.subtree if w.i < verb.i and w.dep_ == "prep"]
        for prep in ins:
            if prep.lower_ not in {"in", "at"}:
                continue
            mention = next((m for c in prep.children if c.dep_ == "pobj"
                            and (m := ctx.mention(c)) is not None and m.label in PLACE_LABELS), None)
            if mention is not None:
                return mention
        if head.lemma_ in lexicon()["motion_verbs"] or head.lemma_ in {"arrive", "be"}:
            return _place_after(head, ("to", "in", "into"), ctx)
    return None


def _where_place(verb: Token, ctx: DocContext) -> Mention | None:
    """The place a ``where`` clause of the trigger hangs on: ``travelled to the Colombian
    city of Leticia, where he met with … Uribe`` (wikinews:wn3-lula-meets-uribe-leticia),
    ``returned to Mississippi, where he worked`` (ecbplus:28_2ecbplus: the same relative
    ``where`` naming the place of its clause); ``the city of Leticia`` names Leticia."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    place = verb.head
    mention = ctx.mention(place)
    if mention is not None and mention.label in PLACE_LABELS:
        return mention
    return _place_named_by(place, ctx)


def _partner_place(token: Token, ctx: DocContext) -> Mention | None:
    """The place the parser hung on the last party met rather than on the meeting: ``met
    on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar``
    (wikinews:wnx-maidan-wardak-attack), ``met with the Japanese ambassador to China Anami
    Koreshige in Beijing`` (wikinews:wnx-chinese-submarine-japan), ``a 1972 meeting with
    Mitchell and … Magruder in Key Biscayne`` (ecbplus:28_4ecbplus). Only the party's own
    in/at phrase (``the mayor of a town in Ohio`` is no place of the meeting)."""
    partners = prep_objects(token, ("with", "between"))
    if token.pos_ in VERB_POS:
        partners += [c for c in token.children if c.dep_ == "dobj"]
    for partner in partners:
        for item in conjuncts(partner):
            place = _place_of_party(item, ctx)
            if place is not None:
                return place
    return None


def _place_of_party(token: Token, ctx: DocContext) -> Mention | None:
    return _place_after(token, PLACE_PREPOSITIONS, ctx)


def _place_named_by(noun: Token, ctx: DocContext) -> Mention | None:
    if noun.pos_ != "NOUN":
        return None
    for child in noun.children:
        mention = ctx.mention(child)
        if child.dep_ in {"compound", "nmod"} and mention is not None and mention.label in PLACE_LABELS:
            return mention
    for obj in prep_objects(noun, ("of",)):
        mention = ctx.mention(obj)
        if mention is not None and mention.label in PLACE_LABELS:
            return mention
    return None


def _territory(noun: Token, ctx: DocContext) -> Mention | None:
    """The country whose demonym qualifies a noun for its ground (``territory_nouns``):
    ``set foot on Israeli soil`` (wikinews:wn-bush-arrives-israel), ``stepped onto North
    Korean territory``, ``will be visiting the central Chinese city`` (probe outlets in
    the data file): the demonym's mention, which resolution reads as its country."""
    if noun.pos_ != "NOUN" or noun.lemma_ not in lexicon()["territory_nouns"]:
        return None
    for child in noun.children:
        mention = ctx.mention(child)
        if child.dep_ in {"amod", "compound", "nmod"} and mention is not None and mention.label == "NORP":
            return mention
    return None


def _place_context(place: Mention, ctx: DocContext) -> list[Mention]:
    """Wider places named with the place: ``Doha, Qatar``, ``Tbilisi, Georgia``."""
    doc = ctx.doc
    span = doc.char_span(place.start - ctx.offset, place.end - ctx.offset, alignment_mode="expand")
    if span is None:
        return []
    found = []
    for token in conjuncts(span.root):
        mention = ctx.mention(token)
        if mention is not None and mention != place and mention.label in PLACE_LABELS:
            found.append(mention)
    root = span.root  # "the Colombian city of Leticia": Colombia
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        country = _territory(root.head.head, ctx)
        if country is not None:
            found.append(country)
    return found


def destination_mentions(roles_: Roles, ctx: DocContext) -> list[tuple[Mention, list[Mention]]]:
    """Each place a visit went to, with the wider places named with it; a noun for the
    place names it in a modifier or of-phrase (``the town of Pandeglang``, ``a New York
    City neighborhood which Chavez recently visited``)."""
    found: list[tuple[Mention, list[Mention]]] = []
    seen = set()
    for head in roles_.destinations:
        head = antecedent_of_relative(head) or head
        items = conjuncts(head)
        for token in items:
            mention = ctx.mention(token)
            if mention is not None and mention.label == "NORP":
                continue  # "visit Americans": people, not a place
            mention = mention or _place_named_by(token, ctx) or _territory(token, ctx)
            if mention is None or mention in seen or token.dep_ == "appos":
                continue
            seen.add(mention)
            context = [ctx.mention(c) for c in token.children if c.dep_ == "appos" and ctx.mention(c) is not None]
            context = [m for m in context if m is not None and m.label in PLACE_LABELS]
            country = _territory(token, ctx)  # "the Colombian city of Leticia": Colombia is visited
            if country is not None and country != mention:
                context.append(country)
            found.append((mention, context))
    return found
