"""Walks over the dependency parse that the event rules share.

Every walk up the tree goes through ``token.ancestors`` (spaCy ends it at the sentence
root) and is bounded; tokens are compared by index, never with ``is`` (spaCy returns a
new ``Token`` object on every access).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Token

from graphbuild.extraction.events.lexicon import lexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Clauses that share their subject with the clause they hang on: "After meeting X, Y
# said" (pcomp), "agreed to meet" (xcomp), "met and talked" (conj), "Speaking at ..., X
# said" (advcl).
# "acomp": the adjective a plan hangs on ("Lula is due to meet Milei", "The Chargers are due
# to meet Pittsburgh", ecbplus:35_9ecb; "likely to meet", "ready to hold talks")
INHERIT_SUBJECT_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "acomp"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# How far a rule may climb: a clause rarely nests deeper than this below the one it
# takes its subject from, and a bound keeps every walk linear in the text.
MAX_CLIMB = 6
CONTROLLER_POS = frozenset({"NOUN", "PROPN", "PRON"})


def is_root(token: Token) -> bool:
    """Whether ``token`` heads its sentence (spaCy makes a root its own head)."""
    return token.head.i == token.i


def path_up(token: Token, limit: int = MAX_CLIMB) -> list[tuple[Token, Token]]:
    """``(child, head)`` pairs from ``token`` up to the root, at most ``limit`` of them."""
    path = [token, *islice(token.ancestors, limit)]
    return list(zip(path, path[1:]))


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated or in apposition with it (``X, Y and Z``),
    in text order. A set of indices keeps it linear however long the list."""
    seen = {token.i}
    found = [token]
    stack = [token]
    while stack:  # each token enters the stack once: bounded by the sentence
        current = stack.pop()
        for child in current.children:
            if child.dep_ in {"conj", "appos"} and child.i not in seen:
                seen.add(child.i)
                found.append(child)
                stack.append(child)
    found.sort(key=lambda t: t.i)
    return found


def prep_objects(token: Token, prepositions: Iterable[str]) -> list[Token]:
    """Objects of ``token``'s prepositions in ``prepositions`` (``met with X``)."""
    wanted = set(prepositions)
    return [obj for child in token.children if child.dep_ == "prep" and child.lower_ in wanted
            for obj in child.children if obj.dep_ == "pobj"]


def objects_of_particle(verb: Token, preposition: str) -> list[Token]:
    """Objects of the ``preposition`` right after ``verb`` (``called on President Alvi``;
    not ``on Wednesday`` later in the clause)."""
    return [obj for child in verb.children if child.dep_ == "prep" and child.lower_ == preposition
            and child.i == verb.i + 1 for obj in child.children if obj.dep_ == "pobj"]


def partners_in_object(verb: Token) -> list[Token]:
    """Objects of ``with`` phrases on ``verb`` or inside its direct object, where the
    parser often hangs them (``discussed security issues with President Saleh``:
    ``with`` on ``issues``); only phrases after the verb."""
    found = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "dobj":
            found.extend(c for word in child.subtree if word.dep_ == "prep" and word.lower_ == "with"
                         and word.i > verb.i for c in word.children if c.dep_ == "pobj")
    return found


def subjects(verb: Token) -> list[Token]:
    """Subjects of ``verb``. A verb without one takes the subject of the clause it
    depends on (``After meeting X, Y said``: Y; ``agreed to meet``), a relative clause
    the noun it describes (``Abbas, who is to hold talks``), a participle modifying a
    noun that noun (``the Tanzanian President chairing the summit``)."""
    path = [verb, *islice(verb.ancestors, 2 * MAX_CLIMB)]
    k = 0
    while k < len(path):  # k only grows: bounded by the path
        current = path[k]
        found = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if found:
            return [antecedent_of_relative(s) or s for s in found]
        if k + 1 >= len(path):
            return []
        head = path[k + 1]
        if current.dep_ in {"acl", "relcl"} and head.pos_ in NOUN_POS:
            infinitive = current.dep_ == "acl" or any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
            if infinitive and _passive_without_agent(current) and head.dep_ == "dobj":
                k += 2  # "He announced an initiative to be unveiled at X": the announcer unveils it
                continue
            if infinitive and _intention(current):  # "Britain announced plans to hold a conference": Britain
                owners = [c for c in head.children if c.dep_ == "poss"]
                if owners:
                    return [antecedent_of_relative(o) or o for o in owners]
                step = 1  # "announced plans to join …, as well as plans to hold a conference": the first plans
                while head.dep_ == "conj" and k + step + 1 < len(path):  # bounded by the path
                    step += 1
                    head = path[k + step]
                if head.dep_ == "dobj":
                    k += step + 1
                    continue
                return []
            return [head]
        if current.dep_ not in INHERIT_SUBJECT_DEPS:
            return []
        if current.dep_ == "xcomp":
            controllers = [c for c in head.children if c.dep_ in {"dobj", "dative"} and c.pos_ in CONTROLLER_POS]
            if controllers:  # object control: "sent Pompeo to join", "encourage Olmert and Abbas to move"
                return [antecedent_of_relative(c) or c for c in controllers]
        k += 1
        # "after meeting": the preposition hangs on the clause verb; also a participle the
        # parser makes the preposition ("including meeting with Pope Francis": VBG, prep)
        if path[k].pos_ == "ADP" or (path[k].dep_ == "prep" and current.dep_ == "pcomp"):
            k += 1
    return []


def _intention(verb: Token) -> bool:
    """``verb`` is the to-infinitive of a plan (``plans to hold``: ``intention_nouns``)."""
    return verb.dep_ == "acl" and verb.head.lemma_ in lexicon()["intention_nouns"] and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _passive_without_agent(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def antecedent_of_relative(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: ``Abbas, who ...`` → Abbas."""
    if token.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = token.head
    if clause.dep_ == "relcl" and not is_root(clause):
        return clause.head
    return None


def clause_verbs(token: Token, through: frozenset[str] | None = None) -> list[Token]:
    """``token`` and the verbs that govern it without starting a new statement: the
    control verb of an infinitive (``is scheduled to meet``, ``agreed to meet``), the
    motion verb of a purpose clause (``will travel to Ramallah to meet``). A reported
    clause (``said he met``) is a new statement: its verb's date is the saying's.
    ``through``, when given, limits the climb to governing verbs of those lemmas."""
    found = [token]
    current = token
    for child, head in path_up(token, 3):
        if child.i != current.i:
            break
        if child.dep_ == "xcomp" or (child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                   for c in child.children)) or _intention(child):
            if head.pos_ not in VERB_POS and head.pos_ != "ADJ" and not _intention(child):
                break
            if through is not None and head.lemma_ not in through:
                break
            found.append(head)
            current = head
        else:
            break
    return found


def gerund_governor(verb: Token) -> Token | None:
    """The verb a subjectless gerund adjunct hangs on (``will hold talks before continuing
    on to Kuwait``, ``met Abbas after arriving in Ramallah``): the gerund tells its event
    with that verb's plan or fact. None for a gerund with its own subject or auxiliary."""
    if verb.tag_ != "VBG" or any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children):
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.dep_ == "prep" and head.head.pos_ in VERB_POS:
        return head.head
    if verb.dep_ == "advcl" and head.pos_ in VERB_POS and head.i != verb.i:
        return head
    return None


def compound_chain(token: Token) -> tuple[int, int]:
    """Token index range of a proper-noun compound ending at ``token`` (``Kyriakos
    Mitsotakis``)."""
    start = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, child.i)
    return start, token.i + 1


def descendants_within_clause(token: Token, stop: Iterable[int] = ()) -> Iterator[Token]:
    """Tokens below ``token`` that belong to its clause: the walk does not enter
    another verb's clause nor the indices in ``stop`` (other triggers)."""
    blocked = set(stop)
    stack = list(token.children)
    while stack:  # each token is visited once: bounded by the sentence
        current = stack.pop()
        if current.i in blocked or (current.pos_ in VERB_POS and current.dep_ not in {"aux", "auxpass"}):
            continue
        yield current
        stack.extend(current.children)
