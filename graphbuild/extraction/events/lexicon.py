"""The event vocabulary, read from ``graphbuild/data/`` with
:func:`graphbuild.vocabulary.data_rows`: trigger patterns (``event_triggers.jsonl``,
spaCy ``Matcher`` patterns), word lists (``event_words.jsonl``, one word of one list a
line) and modality cues (``event_modality.jsonl``). Each row says in ``source`` which
texts it came from; code here holds no words.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from graphbuild.errors import ConfigError
from graphbuild.model import EventKind, EventStatus
from graphbuild.vocabulary import data_rows


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    id: str
    kind: EventKind
    pattern: tuple  # spaCy Matcher token patterns
    people_kind: EventKind | None = None  # "talks with <person>" is a Meeting
    countries_only: bool = False  # a visit only to a country: "travel to Kenya", not "travel to Ramallah"
    agreement: bool = False  # a concluded bilateral agreement: two parties, countries or organisations
    person_object: bool = False  # an event only with a named person as its object: "hosted Kishida", not "hosted the Oscars"
    object_preposition: str | None = None  # the object comes in this preposition's phrase: "called on President Alvi"
    partner_in_object: bool = False  # the person met is a with-phrase on the verb or its object: "discussed trade with Saleh"
    purpose: bool = False  # an event only with a purpose phrase: "is in Bolivia for the opening", not "is in Bolivia"
    # further prepositions that bring a visit's destination: "set foot on Israeli soil", "stepped onto ... territory"
    destination_prepositions: tuple[str, ...] = ()
    # a verb of going somewhere: a visit only to what its to/for phrase names, never its object
    # ("left Israel" is leaving it) and no visit without one ("is going to meet": no journey)
    journey: bool = False
    # a journey told in the present ("leaves Tuesday for Israel", "is going to Kenya") is scheduled: planned
    present_is_plan: bool = False


@dataclass(frozen=True, slots=True)
class ModalityCue:
    cue: str  # a lemma ("schedule"), a word ("planned") or "call off"
    relation: str  # aux | be-to | be-going-to | governor | present-governor | modifier | negation
    status: EventStatus
    future: bool | None  # None: future when the cue verb is in the present tense ("is scheduled")


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[TriggerPattern, ...]
    words: dict[str, frozenset[str]]
    cues: tuple[ModalityCue, ...]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.words[name]

    @functools.cached_property
    def date_carriers(self) -> frozenset[str]:
        """Verbs whose date is that of the event they govern: scheduling (``Friday, Carter
        is scheduled to meet``), ``be to``, going somewhere to do it. Not ``agreed``,
        ``said``: their date is the agreeing, the saying."""
        scheduling = {c.cue for c in self.cues if c.relation == "governor" and c.future is None}
        return frozenset(scheduling | {"be"} | self.words["motion_verbs"])


# The lists of ``event_words.jsonl`` (its ``list`` column) and what each holds.
WORD_LISTS: dict[str, str] = {
    'reception_verbs': (
        "Verbs of receiving someone who arrives, told in the passive ('was greeted at the air base by the President'): a journey with a host stays a visit (extraction/events/finder.py, _reception_told)."),
    'support_verbs': (
        "Verbs whose object is an event the subject takes part in: 'held talks', 'attended a summit'."),
    'presence_verbs': (
        "Verbs whose at/in/to/for phrase is an event the subject takes part in: 'speaking at a conference', 'is in negotiations with'."),
    'presence_prepositions': (
        "Prepositions of presence verbs that take an event."),
    'adjunct_prepositions': (
        "An event noun in such a phrase on a clause: the clause's subject took part ('At the summit, Uribe charged ...', 'During a visit to the West Bank, Carter laid a wreath', 'After their meeting, Onodera said')."),
    'determined_adjunct_prepositions': (
        "Adjunct prepositions that make an event noun the setting of its clause only when it is one determined gathering: singular, with a determiner or possessor, not an agreement ('In a meeting with X, Y said'; not 'involved in discussions', 'involved in a final peace agreement')."),
    'manner_modifiers': (
        "How talks were held, not what about: 'held bilateral talks with his Mauritian counterpart' are talks among people, a Meeting, as unqualified talks are; 'peace talks', 'trade talks' stay a Negotiation."),
    'sideline_nouns': (
        "'on the sidelines of <a gathering>': a meeting held there, at the gathering's place and (when its own clause gives none) date."),
    'event_parts': (
        "Parts of an event in an adjunct: 'At the opening of the AU summit, el-Sisi said' (the speaker was at the summit)."),
    'participant_prepositions': (
        "Prepositions that bring in the other parties of an event."),
    'noun_participant_prepositions': (
        "Prepositions on an event noun that name its parties ('the trilateral meeting of Cyprus, Greece and Israel')."),
    'group_nouns': (
        "Nouns for people acting for a party: a plural of them qualified by a party ('Japanese officials', 'NATO ministers') or with a from/of phrase ('Leaders from NATO member states met', 'delegates from the United Nations') counts for it. Other nouns do not: 'other Palestinian factions' (wikinews:wn-hamas-ends-truce) are not the State of Palestine. Unnamed officials are not a party: 'President Bush will meet with U.S. officials from Iraq' (wikinews:wn-bush-urges-allies) is no meeting (the development set's guidelines: meetings whose only other party is unnamed officials are not events); ecbplus:6_4ecbplus ('to meet with Lionsgate officials') likewise names Lionsgate only through them."),
    'party_nouns': (
        "Group nouns that stand for their party in the singular too: 'the government of Syria', 'the Chinese government'."),
    'counterpart_nouns': (
        "A noun for the holder of the same office in another country: 'met his North Korean counterpart' names no person, and the country that qualifies it takes part for its office holder (docs/events.md); with a name in apposition ('his Russian counterpart Vladimir Putin') the name is the party."),
    'not_event_modifiers': (
        "A conference or talk so qualified is not a meeting of parties: press conferences, phone calls (wikinews README guidelines)."),
    'reference_verbs': (
        "Verbs that tell more of an event already told when their subject is 'the two' / 'both'."),
    'role_nouns': (
        "Nouns that describe a person by office ('the president', 'the Chinese leader'); a description names the article's person with that office, nearest before it. 'leader' and 'head' fit any office."),
    'gathering_verbs': (
        "Verbs by which someone takes part in a gathering named by its name ('to attend the United Nations General Assembly', 'to be unveiled at the United Nations General Assembly'); besides attend, host, chair and join."),
    'frequency_words': (
        "How often, not when: a DATE the NER finds that is only such a word ('The annual meeting ... is set to open tomorrow') dates nothing."),
    'new_agreement_modifiers': (
        "An agreement so qualified was just made, with or without a verb that concludes it ('part of a new political economy agreement between Brazil and China'): an event, unlike 'part of a pact between the European Union and ... Mercosur'."),
    'motion_verbs': (
        "Verbs of going somewhere: the date and place of 'will travel to Ramallah to meet Abbas' are those of the meeting they serve."),
    'competition_nouns': (
        "A meeting in such a setting is a game, not a meeting of parties ('will meet Indiana State in the semifinals', 'due to meet Pittsburgh Steelers in a playoff match', 'the second meeting between the schools this season')."),
    'contest_rounds': (
        "Counted parts of a fight or a game: a 'meet' in a sentence with one numbered from three up and no 'of' phrase ('ended in the 11th round') is a contest (extraction/events/senses.py)."),
    'condition_marks': (
        "Subordinators of a condition: a trigger in such a clause is only supposed ('if he needed to meet Felt'), no event (extraction/events/senses.py)."),
    'intention_nouns': (
        "Nouns of a plan with a to-infinitive ('announced plans to hold an international conference'): the infinitive's subject is the one who has the plan (the noun's possessor, else the subject of the verb the noun is the object of), and the event is planned as under the verb 'plan' (syntax.py, modality.py)."),
    'attendance_nouns': (
        "'in the <noun> of X' on an event: X was there and takes part ('will meet in the presence of Miguel Angel Moratinos')."),
    'separate_meeting_nouns': (
        "Plural event nouns that, with two or more people named in their with-phrase, are one meeting with each ('meetings with Gordon Brown, David Cameron and Nick Clegg')."),
    'separate_modifiers': (
        "Modifiers by which an event noun with two or more people in its with-phrase is one meeting with each ('held separate talks with the Israeli and Palestinian leaders', 'held separate pull-aside meetings with … Trump and … Li Keqiang')."),
    'inclusion_verbs': (
        "Verbs by which a journey contains an event ('whose state trip includes meetings with ...'): the journey's traveller takes part."),
    'role_welcome_verbs': (
        "Host verbs that, with an 'as' phrase, greet someone into a role, not at a meeting ('so excited to welcome Peter Capaldi as the 12th incarnation of the Doctor', 'I warmly welcome Theresa May as the new Leader')."),
    'not_when_prepositions': (
        "A date in such a phrase is a starting point, not when the event was: 'the first secretary of state to visit China since 2018' (extraction/events/context.py)."),
    'territory_nouns': (
        "Common nouns for the ground of a country: a visit's destination so named and qualified by a demonym is that country ('set foot on Israeli soil', 'stepped onto North Korean territory', 'will be visiting the central Chinese city')."),
    'sitting_bodies': (
        "Legislatures: such a body meeting alone ('Parliament is to convene next week', 'Parliament would meet briefly in early September') is a sitting, no meeting of parties (extraction/events/senses.py)."),
    'happening_verbs': (
        "Verbs that tell an event noun taking place, in a relative clause on it or with it as their subject: their in/at phrase is the event's place and their date its date ('The meeting of Putin and Erdogan began in Sochi', 'the negotiations that took place Thursday at Teixeira's Texas home'; extraction/events/happening.py)."),
    'attempt_verbs': (
        "Verbs of trying: a meeting, visit or negotiation one only tries to have ('has tried to meet with Oppal …, but the attorney general has refused') is neither held nor agreed, no event (extraction/events/senses.py)."),
    'collecting_verbs': (
        "Trigger verbs that also mean collecting: with a thing for object, or as the participle of a thing ('evidence gathered by … experts', 'gathering statements from witnesses'), no one meets (extraction/events/senses.py); people gather ('counterparts … gathered in Cairo')."),
    'introduction_nouns': (
        "People (or a circle of them) through whom one comes to know someone: 'meet' with a 'through' phrase on such a noun tells how people became acquainted, no meeting ('he met Ben and the other children through their parents'; extraction/events/senses.py). Not a go-between at a meeting ('met Erdogan through an interpreter') nor a time ('talks through the night')."),
    'chance_activities': (
        "Everyday doings during which people come across each other: 'meet' with a 'while' clause of such a verb ('while walking on Coney Island, she met police officer Jerry Tibbs') tells a chance acquaintance, no meeting (extraction/events/senses.py). Not a journey or an event ('While visiting Tokyo, Moreno met Abe' stays)."),
    'arrival_points': (
        "Places where travellers arrive: someone who actively 'meets' a person at such a place ('Alice met her at the station', 'they met him upon his arrival at Narita Airport') picks them up, no meeting of parties (extraction/events/senses.py). The passive welcome of a guest ('was met by … al-Muhandis', 'was met upon his arrival at Stratford-upon-Avon by dozens') is left alone."),
    'violence_verbs': (
        "Verbs of an attack: a 'meet' whose party is, in the same sentence, the one such a verb is done to ('arranged to meet her on a rural road, then shot her') is the setting of a crime, a lure, no meeting of parties (extraction/events/senses.py)."),
    'repetition_words': (
        "Words by which a present perfect counts or spans occasions instead of telling the news of the day: 'has hosted the Tonys several times', 'the third time the two leaders have met', 'has held … since 2006'. A clause in the present perfect with such a word, or a relative clause on such a noun, is not dated by publication (extraction/events/dates.py, recent_perfect)."),
    'schedule_postmodifiers': (
        "Words after an event noun that, with an infinitive of happening, say when and where it is to take place ('a conference ... due to take place ... in London this week', 'the first trial scheduled to begin Jan. 24'; extraction/events/happening.py)."),
    'session_nouns': (
        "The parts a gathering is held in: where a verb of happening says the event takes place over or in such parts, their place is the event's ('due to take place over two one-day sessions in London'; extraction/events/participants.py, _happening_place)."),
    'ellipsis_words': (
        "A word that, beside an event noun and with no noun of its own, stands for a second event of that kind ('a conference on the war in Afghanistan and another on security concerns in Yemen'; extraction/events/finder.py, _ellipses)."),
    'occasion_nouns': (
        "The noun of 'for the first time in X': a place name X in that phrase is where the event happened ('met Lula for the first time in San Salvador'; extraction/events/participants.py, _place_of_occasion)."),
    'timetable_cues': (
        "Words by which a visit told in the simple present is on a schedule, not made: an itinerary's order ('After Israel, the president visits Kuwait') or a time to come ('when … Yang Jiechi visits Japan later this week'), as a preposition or adverb on the verb or a word of its date phrase (finder.py, _scheduled_present)."),
    'not_party_objects': (
        "What 'meet' takes when it is not meeting someone: a demand, a deadline, a standard ('This update meets the quality ...'). A meet verb whose object is such a thing is no meeting."),
}


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The vocabulary (read once per process)."""
    triggers = tuple(
        TriggerPattern(row["id"], EventKind(row["kind"]), tuple(row["pattern"]),
                       EventKind(row["people_kind"]) if row.get("people_kind") else None,
                       bool(row.get("countries_only")), bool(row.get("agreement")), bool(row.get("person_object")),
                       row.get("object_preposition"), bool(row.get("partner_in_object")),
                       bool(row.get("purpose")), tuple(row.get("destination_prepositions", ())),
                       bool(row.get("journey")), bool(row.get("present_is_plan")))
        for row in data_rows("event_triggers"))
    words: dict[str, set[str]] = {name: set() for name in WORD_LISTS}
    for number, row in enumerate(data_rows("event_words"), start=1):
        if row.get("list") not in words:
            raise ConfigError(f"graphbuild/data/event_words.jsonl:{number}: expected a list among "
                              f"{sorted(WORD_LISTS)}, found {row.get('list')!r}")
        words[row["list"]].add(row["word"])
    cues = tuple(
        ModalityCue(row["cue"], row["relation"], EventStatus(row["status"]),
                    None if row["future"] == "tense" else bool(row["future"]))
        for row in data_rows("event_modality"))
    return Lexicon(triggers, {name: frozenset(found) for name, found in words.items()}, cues)
