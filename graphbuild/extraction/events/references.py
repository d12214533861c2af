"""Words that refer to what the article told before: pronouns and descriptions of
people (``he``, ``her``, ``the president``, ``the Chinese leader``) and references to
an event (``the two discussed``, ``their meeting``, ``the summit``).

Pronouns resolve by rules a reader applies without a coreference model (none runs with
spaCy 3.8 offline): the subject of the clause the pronoun's clause depends on (``Reyes
… said he met Lula``; ``Merkel said … during her visit``), else the one person named
before it in its sentence, else the subject of the previous sentence. A description
resolves to the nearest person named before it with that office (``President Bush`` for
``the president``; ``Chinese premier Wen Jiabao`` for ``the Chinese leader``). When the
rules cannot say, nothing is resolved.
"""
from __future__ import annotations

from itertools import islice

from spacy.attrs import LEMMA
from spacy.tokens import Token

from graphbuild.extraction.events.context import DocContext
from graphbuild.extraction.events.lexicon import lexicon
from graphbuild.extraction.events.syntax import MAX_CLIMB, NOUN_POS, SUBJECT_DEPS, VERB_POS, path_up, subjects
from graphbuild.extraction.token_search import indices_with, word_hashes
from graphbuild.model import Mention
from graphbuild.rules import EventReference

GROUP_WORDS = frozenset({"two", "both"})
PERSON = frozenset({"PERSON"})
PARTY_LABELS = frozenset({"GPE", "NORP", "ORG"})
# A pronoun with no antecedent in its sentence looks this many sentences back for the
# person who is the subject there.
PRONOUN_SENTENCES = 3
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})
# Descriptions look this far back for the person they describe.
DESCRIPTION_SENTENCES = 6
# How many people before a pronoun a subject's surname is looked up among (a bound: linear cost).
SURNAME_PEOPLE = 40
ANY_OFFICE_ROLES = frozenset({"leader", "head"})


def pronoun_antecedent(pronoun: Token, ctx: DocContext) -> Mention | None:
    """The person a singular personal pronoun refers to, or ``None`` when unsure."""
    found = _governing_subject(pronoun, ctx)
    if found is not None:
        return found
    sentence = ctx.sentence(pronoun)
    before = [(i, m) for i, m in ctx.people_before(pronoun.i)
              if i >= sentence.start and not _other_than(ctx.doc[i], pronoun)]
    if before:
        index, mention = before[0]
        return None if _objects_between(ctx, index, pronoun.i) else mention
    number = ctx.sentence_of[pronoun.i]
    for back in range(1, PRONOUN_SENTENCES + 1):
        if number - back < 0:
            return None
        previous = ctx.sentences[number - back]
        root = next((t for t in ctx.doc[previous.start:previous.end] if t.head.i == t.i), None)
        if root is not None:
            for subject in subjects(root):
                mention = ctx.mention(subject)
                if mention is not None and mention.label == "PERSON" and not _coordinated(subject):
                    return mention
                named = _person_by_surname(subject, mention, pronoun, ctx)
                if named is not None:
                    return named
        people = {m for i, m in ctx.people_before(pronoun.i)
                  if previous.start <= i < previous.end and not _other_than(ctx.doc[i], pronoun)}
        if people:  # the one person of the sentence before, or nobody can say
            return next(iter(people)) if len(people) == 1 else None
    return None


def _person_by_surname(subject: Token, mention: Mention | None, pronoun: Token, ctx: DocContext) -> Mention | None:
    """A one-word name the NER did not call a person, as a sentence's subject, that is the
    name or surname of a person named earlier is that person: "Page lived in Nashville" (Page an
    ORG there) after "Bettie Mae Page was born", so "she met" two sentences on is Page,
    not Neal of the clause beside it (``While Neal served …``, ecbplus:4_7ecb); "King said
    he didn't want to make a snap decision" (King untagged) after the story named Ed King
    (ecbplus:5_1ecbplus). Looks back over at most ``SURNAME_PEOPLE`` people."""
    if subject.pos_ != "PROPN" or _coordinated(subject) or (mention is not None and (
            mention.label != "ORG" or len(mention.text.split()) != 1)):
        return None
    for _, person in islice(ctx.people_before(pronoun.i), SURNAME_PEOPLE):
        words = person.text.split()
        if words and words[-1] == subject.text:
            return person
    return None


def plural_antecedent(pronoun: Token, ctx: DocContext) -> list[Mention]:
    """The people ``they``/``their`` refers to: the nearest coordination of two or more
    people before it in its sentence ("encourage Olmert and Abbas to move forward with
    peace talks they began"), else the coordinated subject of the previous sentence."""
    sentence = ctx.sentence(pronoun)
    number = ctx.sentence_of[pronoun.i]
    for index, _ in ctx.people_before(pronoun.i):
        if index < (ctx.sentences[number - 1].start if number else sentence.start):
            break
        people = _coordinated_people(ctx.doc[index], ctx)
        if len(people) >= 2:
            return people
    return []


def _coordinated_people(token: Token, ctx: DocContext) -> list[Mention]:
    """``Olmert and Abbas``: the people of the coordination ``token`` is in."""
    head = token
    for _ in range(8):  # to the first conjunct: a bounded climb up conj links
        if head.dep_ != "conj" or head.head.i == head.i:
            break
        head = head.head
    found = []
    for item in [head, *[c for c in head.subtree if c.dep_ == "conj"]]:
        mention = ctx.mention(item)
        if mention is not None and mention.label == "PERSON" and mention not in found:
            found.append(mention)
    return found


def party_antecedent(pronoun: Token, ctx: DocContext) -> Mention | None:
    """The country or organisation ``it``/``its`` refers to: only the subject of the
    clause its own clause depends on ("the SDF announced it had entered into an
    agreement"); ``it`` is too often a thing for a nearest-name rule."""
    return _governing_subject(pronoun, ctx, PARTY_LABELS)


def _other_than(candidate: Token, pronoun: Token) -> bool:
    """The parse says ``candidate`` is not who ``pronoun`` is: they are subject and
    object of one clause ("Alice met her at the station"), or the candidate is the object
    of a clause whose subject is the same pronoun ("after she divorced Neal in 1947 when
    she met a police officer": Neal is not she)."""
    head = candidate.head
    if candidate.dep_ in {"dobj", "dative", "pobj"} and head.pos_ in {"ADP"} and head.head.i != head.i:
        head = head.head
    if candidate.dep_ in SUBJECT_DEPS and pronoun.dep_ in OBJECT_DEPS and _clause_of(pronoun) == head.i:
        return True
    if candidate.dep_ in OBJECT_DEPS:
        return any(s.lower_ == pronoun.lower_ or (s.lower_, pronoun.lower_) in SAME_PERSON_FORMS
                   for s in head.children if s.dep_ in SUBJECT_DEPS)
    return False


def _clause_of(token: Token) -> int:
    """Index of the verb whose clause ``token`` is in, through infinitives (``arranged
    to meet her``: arranged)."""
    current = token.head
    for _ in range(4):  # a few control or coordinated verbs up at most
        shares_subject = current.dep_ == "xcomp" or (
            current.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in current.children))
        if shares_subject and current.head.i != current.i and current.head.pos_ in VERB_POS:
            current = current.head
        else:
            break
    return current.i


SAME_PERSON_FORMS = frozenset({("she", "her"), ("her", "she"), ("he", "him"), ("him", "he"), ("he", "his"),
                               ("she", "hers")})


def _governing_subject(pronoun: Token, ctx: DocContext, labels: frozenset[str] = PERSON) -> Mention | None:
    """The subject of the nearest clause above the pronoun's own (a possessive may
    also take its own clause's subject; an object pronoun never names the subject of
    its own clause or of the verbs that control it: "arranged to meet her"), not
    leaving a relative clause."""
    own = pronoun.head if pronoun.dep_ != "poss" else None
    bound = _clause_of(pronoun) if pronoun.dep_ in OBJECT_DEPS else None
    for child, head in path_up(pronoun, 8):
        if child.dep_ == "relcl":
            return _subject_of_journey(child, pronoun, ctx, labels)
        if head.pos_ not in VERB_POS or (own is not None and head.i == own.i):
            continue
        if bound is not None and head.i == bound:
            continue  # the pronoun's own clause and the verbs sharing its subject
        if bound is not None and child.dep_ in {"xcomp", "conj"} and not any(
                c.dep_ in SUBJECT_DEPS for c in child.children):
            continue
        found = [s for s in subjects(head) if s.i != pronoun.i]
        if not found:
            continue
        if len(found) == 1 and not _coordinated(found[0]):
            mention = ctx.mention(found[0])
            if mention is not None and mention.label in labels:
                return mention
        return None
    return None


def _subject_of_journey(clause: Token, pronoun: Token, ctx: DocContext, labels: frozenset[str]) -> Mention | None:
    """``Netanyahu traveled to Washington, where he met Trump``: the subject of a ``where``
    clause on the place someone went to is who went (ecbplus:18_12ecb he travelled to
    China for awhile, where he studied Mandarin; ecbplus:28_2ecbplus: LaRue … returned
    to Mississippi, where he worked). Not when the verb has an object, who may be the one
    who went (wikinews:wn-venezuela-colombia-crisis: Castro sent the chancellor … to
    Caracas where he met with Chávez: he is the chancellor). The place may be named
    inside the noun the journey went to (wikinews:wn3-lula-meets-uribe-leticia: Lula …
    travelled to the Colombian city of Leticia, where he met with … Uribe;
    https://www.shorenewsnetwork.com/2022/12/21/from-poland-to-pelosi/ (Reuters): he
    arrived in the southern Polish city of Przemysl, where he was spotted)."""
    if not any(c.lower_ == "where" for c in clause.children):
        return None
    place = _named_within(_first_conjunct(clause.head))
    if place.dep_ != "pobj" or place.head.dep_ not in {"prep", "dative"}:
        return None
    verb = place.head.head
    # an object may be who went; a for-phrase the parser calls a dative, a day it calls an
    # object, are none ("The president leaves Tuesday for Israel and the West Bank where he will hold talks")
    if verb.pos_ not in VERB_POS or any((c.dep_ == "dobj" and c.ent_type_ not in {"DATE", "TIME"})
                                        or (c.dep_ == "dative" and c.pos_ != "ADP") for c in verb.children):
        return None
    found = [s for s in subjects(verb) if s.i != pronoun.i]
    if len(found) != 1 or _coordinated(found[0]):
        return None
    mention = ctx.mention(found[0])
    if mention is None and "PERSON" in labels:
        mention = description_antecedent(found[0], ctx)  # "The president leaves … for Israel …, where he"
    return mention if mention is not None and mention.label in labels else None


def _first_conjunct(token: Token) -> Token:
    """The first item of the coordination ``token`` is in: a where-clause on the last of
    coordinated places is on all of them (wikinews:wn4-bush-urges-palestinian-state ``for
    Israel and the West Bank where he will hold``; ecbplus:26_1ecbplus ``to Philadelphia
    and New England, where he exercised``)."""
    for _ in range(MAX_CLIMB):  # a bounded climb up conj links
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token


def _named_within(place: Token) -> Token:
    """The noun ``place`` names inside ``the city of …`` (``the town of Pandeglang``):
    up through ``of`` phrases, at most ``MAX_CLIMB`` of them; else ``place`` itself."""
    steps = list(islice(place.ancestors, 2 * MAX_CLIMB))
    for preposition, noun in zip(steps[::2], steps[1::2]):
        if place.dep_ != "pobj" or preposition.lower_ != "of" or noun.pos_ not in NOUN_POS:
            break
        place = noun
    return place


def _coordinated(token: Token) -> bool:
    return any(c.dep_ == "conj" for c in token.children)


def _objects_between(ctx: DocContext, start: int, end: int) -> bool:
    """Another noun that could be the antecedent lies between: "Castro sent the
    chancellor Felipe Perez Roque to Caracas where he met …" is not sure."""
    return any(t.dep_ in OBJECT_DEPS and t.pos_ in {"NOUN", "PROPN"} for t in ctx.doc[start + 1:end])


def description_antecedent(noun: Token, ctx: DocContext) -> Mention | None:
    """The person ``the president`` / ``the Chinese leader`` describes, or ``None``."""
    roles = lexicon()["role_nouns"]
    # A capitalised title is a proper noun whose lemma keeps its case: "the Chinese Foreign
    # Minister visited …" (https://www.etvbharat.com/english/national/bharat/india-china-dispute-is-work-in-progress-eam-jaishankar-after-talks-with-chinese-fm-wang-yi/na20220325150713928),
    # "an official meeting with the Prime Minister" (wikinews:wn-matovic-covid-eu-summit), "the
    # visit will take the American President to Canada's capital" (wikinews:wnx-bush-canada-visit)
    role = noun.lemma_.lower()
    if role not in roles or noun.tag_ in {"NNS", "NNPS"}:
        return None
    children = list(noun.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return None
    if any(c.dep_ in {"appos", "compound"} and ctx.mention(c) is not None and ctx.mention(c).label == "PERSON"
           for c in children):
        return None  # a title with its name: the name is the participant
    qualifiers = {_key(ctx.mention(c).text) for c in children
                  if c.dep_ in {"amod", "compound", "nmod"} and ctx.mention(c) is not None}
    qualifiers |= {_key(ctx.mention(o).text) for c in children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj" and ctx.mention(o) is not None}
    return _office_holder(noun, role, qualifiers, ctx)


def _office_holder(noun: Token, role: str, qualifiers: set[str], ctx: DocContext) -> Mention | None:
    """The person named before ``noun`` (``DESCRIPTION_SENTENCES`` at most) who holds the
    office ``role`` of a party among ``qualifiers`` (any party when empty): the person the
    story names most, then the nearest."""
    roles = lexicon()["role_nouns"]
    first_sentence = max(0, ctx.sentence_of[noun.i] - DESCRIPTION_SENTENCES)
    limit = ctx.sentences[first_sentence].start
    before = ctx.people_before(noun.i)
    counts: dict[str, int] = {}
    for _, mention in before:
        counts[_surname(mention)] = counts.get(_surname(mention), 0) + 1
    best: tuple[int, int, Mention] | None = None
    for rank, (index, mention) in enumerate(before):
        if index < limit:
            break
        titles, holders = _titles(ctx.doc[index], ctx)
        if role in ANY_OFFICE_ROLES:
            fits = bool(titles & roles)
        else:
            fits = role in titles
        if fits and (not qualifiers or any(_same_party(q, h) for q in qualifiers for h in holders)):
            # The person the story is about (named most so far), then the nearest.
            key = (counts[_surname(mention)], -rank)
            if best is None or key > best[:2]:
                best = (*key, mention)
    return best[2] if best is not None else None


def coordinated_holders(noun: Token, ctx: DocContext) -> list[Mention]:
    """``the Israeli and Palestinian leaders``: a plural office noun qualified by two or
    more coordinated parties is one holder of the office for each — the person named
    before it who holds it for that party, as for ``the Israeli leader``. Empty unless
    every party's holder is found (the noun then stands for the parties, as before).
    Sources: wikinews:wn4-bush-urges-palestinian-state (will hold separate talks with the
    Israeli and Palestinian leaders, after Israeli Prime Minister Ehud Olmert and
    Palestinian President Mahmoud Abbas were named);
    https://www.devdiscourse.com/article/law-order/1981888-turkey-sees-meaningful-progress-in-talks
    (AP: a meeting between the Russian and Ukrainian foreign ministers; between the
    Russian and Ukrainian leaders)."""
    role = noun.lemma_.lower()
    if role not in lexicon()["role_nouns"] or noun.tag_ not in {"NNS", "NNPS"} or is_group(noun):
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return []
    qualifiers = [ctx.mention(t) for c in noun.children if c.dep_ in {"amod", "compound", "nmod"}
                  for t in ([c] + [x for x in c.subtree if x.dep_ == "conj"])]
    parties = list(dict.fromkeys(m for m in qualifiers if m is not None and m.label in {"NORP", "GPE"}))
    if len(parties) < 2:
        return []
    found: list[Mention] = []
    for party in parties:
        holder = _office_holder(noun, role, {_key(party.text)}, ctx)
        if holder is None or holder in found:
            return []
        found.append(holder)
    return found


def pair_antecedent(noun: Token, ctx: DocContext) -> list[Mention]:
    """The two people a qualified group noun (``the two Korean leaders``, ``both
    American presidents``) stands for: the last two people the article named before it
    (within ``DESCRIPTION_SENTENCES``) who hold a fitting title — ``leader`` and ``head``
    fit any office — of a party the qualifier names (``Korean`` fits ``South Korean`` and
    ``North Korean``). Empty unless such a pair is found; the mention then stays a
    back-reference (``the-two``), as ``the two leaders`` unqualified always does: on the
    probe's outlets the two people named last before it were a president and his press
    secretary (times.co.uk, Hanoi) or a guest and the chief minister who received him
    (deccanherald.com, Mamallapuram). Sources:
    https://thepropertygazette.org/2018/05/27/kim-reaffirms-korean-denuclearization-push-looks-forward-to-trump-meeting-moon-says/
    (WSJ: the two Korean leaders met for an unannounced summit … on Saturday, the first
    sentence telling that summit, after Moon and Kim were named);
    https://newnation.io/leaders-of-two-koreas-hold-surprise-meeting-as-trump-revives-hopes-of-summit-with-north
    (Reuters: the two Korean leaders are trying to keep the … summit on track, after Moon
    and Kim were named)."""
    role = noun.lemma_.lower()
    roles = lexicon()["role_nouns"]
    if role not in roles or noun.tag_ not in {"NNS", "NNPS"} or not is_group(noun):
        return []
    qualifiers = {_key(ctx.mention(c).text) for c in noun.children
                  if c.dep_ in {"amod", "compound", "nmod"} and ctx.mention(c) is not None}
    if not qualifiers:
        return []  # "the two leaders" alone: too often a press secretary or a host is nearer (a back-reference)
    first_sentence = max(0, ctx.sentence_of[noun.i] - DESCRIPTION_SENTENCES)
    limit = ctx.sentences[first_sentence].start
    seen: dict[str, Mention] = {}  # surname → the person's nearest mention
    fitting: list[str] = []
    for index, mention in ctx.people_before(noun.i):
        if index < limit:
            break
        surname = _surname(mention)
        seen.setdefault(surname, mention)
        if surname in fitting:
            continue
        titles, holders = _titles(ctx.doc[index], ctx)
        fits = bool(titles & roles) if role in ANY_OFFICE_ROLES else role in titles
        if fits and (not qualifiers or any(q in h or _same_party(q, h) for q in qualifiers for h in holders)):
            fitting.append(surname)
            if len(fitting) == 2:
                break
    return [seen[name] for name in fitting] if len(fitting) == 2 else []


def _surname(mention: Mention) -> str:
    words = mention.text.split()
    return words[-1].lower() if words else ""


def _titles(root: Token, ctx: DocContext) -> tuple[set[str], set[str]]:
    """Office words and their qualifiers around a person's name: ``Chinese premier Wen
    Jiabao``, ``Ehud Olmert, the Israeli Prime Minister``, ``President Bush``."""
    titles: set[str] = set()
    holders: set[str] = set()
    words = [c for c in root.children if c.dep_ in {"compound", "amod", "nmod", "appos"}]
    if root.dep_ == "appos":
        words.append(root.head)
    for word in words:
        if ctx.mention(word) is not None and ctx.mention(word) == ctx.mention(root):
            continue
        for token in [word, *word.children]:
            mention = ctx.mention(token)
            if mention is not None and mention != ctx.mention(root):
                holders.add(_key(mention.text))
            elif token.pos_ in {"NOUN", "PROPN"}:
                titles.add(token.lower_)
                titles.add(token.lemma_.lower())
            for inner in token.children:
                if inner.dep_ == "prep" and inner.lower_ == "of":
                    holders.update(_key(ctx.mention(o).text) for o in inner.children
                                   if o.dep_ == "pobj" and ctx.mention(o) is not None)
    return titles, holders


def _key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _same_party(a: str, b: str) -> bool:
    """Whether two qualifiers name one party: equal, or a name and its demonym
    (``China``/``Chinese``, ``Ghana``/``Ghanaian``: the first four letters). A surface
    test: extraction does not know the gazetteer."""
    return a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


def is_group(token: Token) -> bool:
    """``the two``, ``both``, ``the two men``, ``both leaders``."""
    if token.lower_ in GROUP_WORDS:
        return token.lower_ == "both" or any(c.lower_ == "the" for c in token.children)
    return token.pos_ == "NOUN" and any(c.lower_ in GROUP_WORDS and c.dep_ in {"nummod", "det", "predet", "amod"}
                                        for c in token.children)


def group_reference_verbs(ctx: DocContext, trigger_ids: set[int]) -> list[Token]:
    """``the two discussed …``, ``both agreed …``: verbs that tell more of the event
    just told."""
    verbs = lexicon()["reference_verbs"]
    found = []
    for i in indices_with(ctx.doc, LEMMA, word_hashes(verbs)):  # the tokens with such a lemma (token_search.py)
        token = ctx.doc[i]
        if token.i in trigger_ids or token.pos_ != "VERB":
            continue
        if any(c.dep_ in SUBJECT_DEPS and is_group(c) for c in token.children):
            found.append(token)
    return found


def noun_reference(trigger: Token) -> EventReference | None:
    """``their meeting`` (possessive) or ``the summit`` (definite)."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        return EventReference.POSSESSIVE
    if any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in trigger.children):
        return EventReference.DEFINITE
    return None
