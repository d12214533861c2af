"""A place written for its team, read off the parse of a report on games between teams.

Sports reports write a team by its city or region alone: "a Chicago loss" (the Bears),
"eliminated in the first round of the playoffs by Detroit" (the Pistons), "return kicks
Saturday night against Baltimore" (the Ravens), "sidelined at New England on Sunday" (the
Patriots). :func:`place_and_org_labels.teams_named_by_place` reads the shapes with a game
word right before the place ("games against Detroit", "traded from Atlanta"); this module
reads the place as a *side* of a game: the subject of a game's verb, its agent, the
modifier of a game's result noun, the object of a preposition that sets two sides apart,
the partner of a practice ("in practices with New England").
Those shapes are only read in a text about games between teams (a word of
``data/game_sides.jsonl`` with side ``article``: "playoff", "touchdown", "coach" …): in a
text on an election or a market, "Florida lost 10,000 jobs" and "a case against Texas" keep
their place. A country never becomes a team here ("Brazil beat Argentina" says nothing of
"talks in Brazil"), nor a named site ("at Fenway Park": a place head word).
The span gets the label TEAM, which resolution keeps an organisation of its article.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from graphbuild.extraction.name_words import after_locative
from graphbuild.vocabulary import country_words, game_sides, place_heads

# The label of a team named by its place (resolution keeps it an organisation of its
# article); place_and_org_labels' place-to-team rules write the same label.
TEAM_LABEL = "TEAM"
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod"})
# Before a place something happens in: "arrested in San Diego", "a loss in Cleveland".
_WHERE = frozenset({"in", "near", "outside", "into"})


def game_article(doc: Doc) -> bool:
    """The text writes a word of games between teams ("playoff", "touchdown", "coach")."""
    words = game_sides()["article"]
    return any(token.lemma_.lower() in words or token.lower_ in words for token in doc)


def sides_of_games(doc: Doc, ents: list[Span]) -> list[Span]:
    """Relabel TEAM each GPE or LOC span that is a side of a game (see the module's
    docstring), in a text about games between teams. Not a name the text also writes as a
    place something happens in ("arrested him in San Diego" beside "San Diego's playoff
    loss", ECB+ 35_9ecb, 35_1ecbplus; "the loss in Cleveland", 5_1ecb): resolution gives
    every mention of a team's place in its article to the team (one sense per article), and
    the place of an arrest or a fire is the city. Linear in the entities: each span reads
    its root, a coordination up, and the root's head."""
    if not any(span.label_ in {"GPE", "LOC"} for span in ents) or not game_article(doc):
        return ents
    sides = game_sides()
    here = {_key(span) for span in ents if span.label_ in {"GPE", "LOC"} and span.root.dep_ in {"pobj", "conj"}
            and after_locative(doc, span.start, _WHERE)}  # not "in New Orleans' loss": a modifier
    out = []
    for span in ents:
        if span.label_ in {"GPE", "LOC"} and place_heads().get(span[-1].text) is None and _key(span) not in here \
                and span.text.casefold() not in country_words() and _a_side(_first_conjunct(span.root), sides, span.end):
            span = Span(doc, span.start, span.end, label=TEAM_LABEL)
        out.append(span)
    return out


def _key(span: Span) -> str:
    """A place's name as its mentions share it: "New Orleans'" and "New Orleans" alike."""
    return span.text.rstrip("'’").removesuffix("'s").removesuffix("’s").casefold()


def _first_conjunct(root: Token) -> Token:
    """Up a coordination ("against Detroit and Carolina"): its first member."""
    for _ in range(len(root.doc)):
        if root.dep_ != "conj" or root.head.i == root.i:
            break
        root = root.head
    return root


def _on_a_day(doc: Doc, end: int) -> bool:
    """ "on" and a date right after the place: a game's day ("at New England on Sunday")."""
    return end + 1 < len(doc) and doc[end].lower_ == "on" and doc[end + 1].ent_type_ == "DATE"


def _a_side(root: Token, sides: dict[str, frozenset[str]], end: int) -> bool:
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.pos_ == "NOUN" and head.lemma_ in sides["modifier"]:
        return True  # "a Chicago loss", "New Orleans' loss to Atlanta"
    if root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ in sides["subject"]:
        return True  # "Philadelphia won 18 of its next 23 games", "Indianapolis lost a 10 - point lead"
    if root.dep_ == "pobj" and head.lower_ == "by" and _verb_above(head).lemma_ in sides["agent"]:
        return True  # "eliminated in the first round of the playoffs by Detroit" ("by" hung on "round")
    if root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in sides["with"]:
        return True  # "in practices with New England"
    if root.dep_ == "pobj" and head.lower_ in sides["before_day"] and _on_a_day(root.doc, end):
        return True  # "sidelined at New England on Sunday", "plays at Seattle on Saturday"
    return root.dep_ == "pobj" and head.lower_ in sides["preposition"]  # "against Baltimore", "vs. Drake"


def _verb_above(token: Token) -> Token:
    """The nearest verb above ``token`` (the parse often hangs a passive's "by" on a noun
    between: "eliminated in the first round of the playoffs by Detroit", ECB+ 5_2ecbplus),
    or ``token`` itself."""
    return next((t for t in token.ancestors if t.pos_ in {"VERB", "AUX"}), token)


# A team's name of a number and "-ers": "76ers" (written "76ERS" in capitals).
_NUMBER_PLURAL = re.compile(r"\d+(?:ers|ERS)")


def teams_with_number_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A place right before a number-word plural is a team's name, not the place: "the
    Philadelphia 76ers" (ECB+ 5_10ecb, 5_2ecb, 5_5ecb: the Associated Press, dpa and other
    outlets), "PHILADELPHIA 76ERS Fired Jim O'Brien, coach" (5_3ecbplus, The New York
    Times), "Philadelphia 76ers Fire Coach Jim O'Brien" (5_4ecbplus): NER types "Philadelphia"
    GPE and the number a CARDINAL or nothing, and the city's node had taken the team's
    mentions (judged wrong twice in the round-17 merge sample). The span grows over the
    number word and becomes ORG; the number's own entity goes."""
    grown: dict[int, Span] = {}
    for span in ents:
        if span.label_ in {"GPE", "LOC"} and span.end < len(doc) and _NUMBER_PLURAL.fullmatch(doc[span.end].text):
            grown[span.end] = Span(doc, span.start, span.end + 1, label="ORG")
    if not grown:
        return ents
    out = []
    for span in ents:
        if span.start in grown and span.end == span.start + 1:
            continue  # "76ERS" (CARDINAL): now the team's last word
        out.append(grown.get(span.end, span))
    return out
