"""Mention boundaries repaired with the article's own evidence and the gazetteer (pure functions).

The small model joins names that the text keeps apart, and the parse alone cannot
tell them apart; the gazetteer and the article's other mentions can:

* ``Long Name (ACR)`` in one span becomes two mentions, and an acronym written in
  parentheses right after a name is that name's alias in the article
  ("Revolutionary Armed Forces of Colombia (FARC)", wn-granda-capture-crisis;
  "Movement for Democratic Change (MDC)", wn-tsvangirai-rallies-banned; "National
  Transportation Safety Board (NTSB)", ECB+ 35_2ecbplus);
* a hyphen pair of two names becomes two mentions with exact offsets when each half is a
  country, a demonym or a known place, or the surname of a person of the article
  ("Abbas-Olmert talks", "Trump-Kim summit"); a hyphenated name whose halves are not
  known apart stays whole ("Akwasi Osei-Adjei", "Stratford-upon-Avon");
* a dash between two full names, each a given name and at least one more word, is two
  people: "The main cast; - Jennifer Lawrence - Liam Hemsworth - and Josh Hutcherson"
  (ECB+ 6_11ecbplus), "Esther Williams - Esther Williams: \"Million Dollar Mermaid\" …"
  (4_4ecbplus, contactmusic.com: a headline that repeats the name);
* a country or demonym glued before a person's name is its own mention: "the President
  of Venezuela Hugo Chávez" (one ORG span, wn-venezuela-colombia-crisis), "Georgian
  Kaspi" (one PERSON span, wn-merkel-georgia-nato).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from graphbuild.model import Mention
from graphbuild.resolution.geo import Gazetteer
from graphbuild.resolution.normalize import clean_surface, name_key
from graphbuild.text import MINOR_WORDS, abbreviates
from graphbuild.vocabulary import given_names, world_given_names, world_surnames

# The closing parenthesis may fall outside the entity: "the Movement for Democratic Change (MDC" (NER span).
_PARENTHESIS = re.compile(r"^(?P<long>[^()]+?)\s*\((?P<short>[^()]+)\)?$")
_HYPHEN_PAIR = re.compile(r"^(?P<a>[A-Z][\w.']+)[-–](?P<b>[A-Z][\w.']+)$")
# Two names of two words or more joined by a hyphen or dash, spaced (as ECB+ writes every
# hyphen) or not: "Jennifer Lawrence - Liam Hemsworth".
_DASH_PAIR = re.compile(r"^(?P<a>[A-Z][\w.']*(?: [A-Z][\w.']*)+) ?[-–—] ?(?P<b>[A-Z][\w.']*(?: [A-Z][\w.']*)+)$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Z]+)?$")


def split_mentions(mentions: Sequence[Mention], gaz: Gazetteer, surnames: frozenset[str]) -> list[Mention]:
    """Mentions with glued names split apart (see the module docstring), in text order.
    ``surnames`` are the name keys of the last and first words of the article's full names."""
    out: list[Mention] = []
    for mention in mentions:
        out.extend(_split_one(mention, gaz, surnames))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _split_one(mention: Mention, gaz: Gazetteer, surnames: frozenset[str]) -> list[Mention]:
    text = mention.text
    bracketed = _BRACKETED.match(text) or _BRACKETED_NAME.match(text)
    if bracketed:  # "(PKK)": the acronym, its brackets left out (see bracketed_definitions)
        return [_part(mention, bracketed.start("acronym"), bracketed.end("acronym"), mention.label)]
    match = _PARENTHESIS.match(text)
    if match and _ACRONYM.match(match["long"].strip()) and len(match["short"].split()) >= 2 \
            and abbreviates(match["long"].strip(), match["short"], in_order=True):
        # "SADC (Southern African Development Community)" in one span: the acronym first.
        return [_part(mention, 0, match.end("long"), "ORG"),
                _part(mention, match.start("short"), match.end("short"), mention.label)]
    if match and _ACRONYM.match(match["short"].strip()):
        long_end = match.end("long")
        short_start = match.start("short")
        return [_part(mention, 0, long_end, mention.label), _part(mention, short_start, match.end("short"), "ORG")]
    match = _HYPHEN_PAIR.match(text)
    if match and all(_known_alone(match[side], gaz, surnames) for side in ("a", "b")):
        return [_part(mention, 0, match.end("a"), _label_alone(match["a"], gaz, mention.label)),
                _part(mention, match.start("b"), len(text), _label_alone(match["b"], gaz, mention.label))]
    match = _DASH_PAIR.match(text) if mention.label == "PERSON" else None
    if match and all(match[side].split()[0].casefold() in world_given_names() for side in ("a", "b")):
        return [_part(mention, 0, match.end("a"), "PERSON"), _part(mention, match.start("b"), len(text), "PERSON")]
    if mention.label in {"PERSON", "ORG"}:
        words = text.split()
        if len(words) >= 2 and words[0].casefold() not in given_names() and not _given_name_alias(words[0], gaz) \
                and not _given_name_of_a_country(words, gaz) \
                and (gaz.country(words[0]) is not None or gaz.demonym(words[0]) is not None):
            rest_start = len(text) - len(text[len(words[0]):].lstrip())
            rest = text[rest_start:]
            # PERSON: the rest is the name. ORG: only when the rest is a person of the article.
            if mention.label == "PERSON" or (len(rest.split()) >= 2 and name_key(rest.split()[-1]) in surnames):
                label = "GPE" if gaz.country(words[0]) is not None else "NORP"
                return [_part(mention, 0, len(words[0]), label), _part(mention, rest_start, len(text), "PERSON")]
    return [mention]


def bracketed_definitions(mentions: Sequence[Mention], gaz: Gazetteer, surnames: frozenset[str]) -> dict[str, Mention]:
    """Acronym name key → the ORG mention right before it, for an acronym extraction kept in
    its brackets ("(PKK)", extraction/bracketed_acronyms.py, which cites its texts) —
    whatever language the acronym was made in: "Kurdistan Workers' Party (PKK)", "Federal
    Security Service (FSB)". The brackets are the evidence; the guards: the acronym is no
    country or demonym ("Reuters (UK)"), and at least one of its letters starts a word of the
    name (a stray capital word in brackets spells nothing of it). An acronym whose letters
    are initials of the name's words in order, some words left out, is an English acronym,
    which :func:`acronym_definitions` reads or deliberately leaves alone: "General Motors
    Corporation (GM)" (MEANTIME; taken here it defined "GM" two ways across the corpus and
    undid MEANTIME's one General Motors), "Fundamentalist Church of Jesus Christ of
    Latter-Day Saints (FLDS)" (ECB+ 36_*; taken here it cost ECB+ CoNLL F1 0.00015, its
    gold keeping the two apart). This rule is for the letters the English words cannot
    spell. ``mentions`` as extraction
    gave them (before :func:`split_mentions`); the name is returned as that function keeps it."""
    found: dict[str, Mention] = {}
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for before, after in zip(ordered, ordered[1:]):
        match = _BRACKETED.match(after.text)
        if match is None or before.label != "ORG" or not 0 <= after.start - before.end <= 1:
            continue
        parts = _split_one(before, gaz, surnames)
        if len(parts) == 1 and _defines(match["acronym"], before.text, gaz):
            found.setdefault(name_key(match["acronym"]), parts[0])
    # The other order (round 15): "PDVSA (Venezuelan Petroleum S.A.)" (wn-lula-meets-chavez),
    # "NORAD (North American Aerospace Defence Command)" (wnx-bush-canada-visit): the
    # bracketed name, which the acronym's letters do not spell in order (extraction kept its
    # brackets only then), is another name of the acronym's organisation, which keeps the
    # acronym's name.
    for before, after in zip(ordered, ordered[1:]):
        match = _BRACKETED_NAME.match(after.text)
        if match is None or before.label != "ORG" or not _ACRONYM.match(clean_surface(before.text)) \
                or not 0 <= after.start - before.end <= 1:
            continue
        found.setdefault(name_key(match["acronym"]), before)
    # The same brackets inside one NER span (round 11): "the Self-Defense Forces of Colombia
    # (AUC" (wn-granda-capture-crisis), "the Party of Industrialists and Entrepreneurs (PPPT"
    # (ECB+ 11_3ecbplus): split_mentions cuts it in two, the brackets are the evidence.
    for mention in ordered:
        match = _PARENTHESIS.match(mention.text)
        if mention.label != "ORG" or match is None or not _ACRONYM.match(match["short"].strip()):
            continue
        parts = _split_one(mention, gaz, surnames)
        if len(parts) == 2 and _defines(match["short"].strip(), match["long"], gaz):
            found.setdefault(name_key(match["short"].strip()), parts[0])
    return found


def _defines(short: str, long: str, gaz: Gazetteer) -> bool:
    """Brackets after ``long`` define ``short`` in a way the English words cannot spell (see
    :func:`bracketed_definitions`)."""
    if gaz.country(short) is not None or gaz.demonym(short) is not None:
        return False
    words = [w.casefold() for w in re.split(r"[\s\-–]+", clean_surface(long)) if w[:1].isalpha()]
    initials = "".join(w[0] for w in words if w not in MINOR_WORDS)
    letters = "".join(c.casefold() for c in short if c.isalpha())
    return bool(set(initials) & set(letters)) and not _in_order(letters, initials)


def _in_order(letters: str, initials: str) -> bool:
    """Each letter is a later initial than the one before (a subsequence)."""
    rest = iter(initials)
    return all(letter in rest for letter in letters)


_BRACKETED = re.compile(r"^\(\s*(?P<acronym>[^()\s]+)\s*\)$")
# A name of two words or more kept in its brackets after an acronym (extraction/bracketed_acronyms.py).
_BRACKETED_NAME = re.compile(r"^\(\s*(?P<acronym>[^()\s]+(?:\s+[^()\s]+)+)\s*\)$")


def acronym_definitions(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Acronym name key → the mention it abbreviates, from "Long Name (ACR)": the acronym
    mention starts at most two characters after the name ends and its letters are the
    initials of the name's words, in order (minor words may be skipped). Two more shapes:
    the acronym first, the name in brackets after it ("SADC (Southern African Development
    Community)", wn-mugabe-au-suspension; "IRTC (Internationally Recognised Transit
    Corridor)", ECB+ 12_6ecbplus), and ", or ACR" ("The National Memorial Institute for the
    Prevention of Terrorism, or MIPT", wn-granda-capture-crisis; "the UN Relief and Works
    Agency, or UNRWA", ECB+ 41_7ecb): at most five characters between, and the letters in
    the name's order (the gap text is not kept after extraction, the spelling is the guard)."""
    found: dict[str, Mention] = {}
    for before, after in zip(mentions, mentions[1:]):
        gap = after.start - before.end
        short, first = clean_surface(after.text), clean_surface(before.text)
        if 0 < gap <= 2 and _ACRONYM.match(short) and abbreviates(short, before.text):
            found.setdefault(name_key(short), before)
        elif 0 < gap <= 2 and _ACRONYM.match(first) and len(after.text.split()) >= 2 \
                and abbreviates(first, after.text, in_order=True):
            found.setdefault(name_key(first), after)
        elif 2 < gap <= _OR_GAP and _ACRONYM.match(short) and abbreviates(short, before.text, in_order=True):
            found.setdefault(name_key(short), before)
    return found


_OR_GAP = len(", or ")


def _given_name_alias(word: str, gaz: Gazetteer) -> bool:
    """A given name (faker's lists of every locale) that names a country only as one of its
    spellings in another language is the person's given name: "Dominique" (French for
    Dominica) of "Dominique Strauss-Kahn" (ECB+ 8_3ecbplus and 8_9ecbplus, two outlets,
    where it was split off as the country). A country's own name stays a country glued
    before a name ("Venezuela Hugo Chávez")."""
    country = gaz.country(word)
    return (country is not None and word.casefold() in world_given_names()
            and name_key(word) != name_key(country.name))


def _given_name_of_a_country(words: list[str], gaz: Gazetteer) -> bool:
    """A country's name that is a given name too (faker's lists of every locale), before one
    family name and nothing more, is the person's given name: "Jordan Clarke" (ECB+
    31_11ecbplus, sports.yahoo.com; 31_5ecbplus, mvc-sports.com), "Chad Gallagher"
    (31_2ecbplus, whiteandbluereview.com) were split into the country and a bare surname.
    A country glued before a full name stays a country ("Venezuela Hugo Chávez")."""
    return len(words) == 2 and gaz.country(words[0]) is not None and words[0].casefold() in world_given_names() \
        and words[1].casefold() in world_surnames()


def _known_alone(word: str, gaz: Gazetteer, surnames: frozenset[str]) -> bool:
    return (gaz.country(word) is not None or gaz.demonym(word) is not None or gaz.place(word) is not None
            or name_key(word) in surnames)


def demonym_in_front(mention: Mention, gaz: Gazetteer) -> Mention | None:
    """The country demonym that starts an organisation's name, as a mention of its own nested
    inside the organisation's: "the Bolivian Senate" (wn-chavez-un-address), "outside of
    the Swedish Parliament" (wnx-thunberg-person-of-year), "the Indian Ministry of External
    Affairs" (wn4-india-china-boundary-talks),
    "the Indian Navy" (ECB+ 12_15ecb, 12_17ecb, other outlets): the text names the
    country as well as the body (the Wikinews golds list the demonym as the country's
    alias). Only an ORG mention of two words or more whose first word (after "the") is a
    demonym the gazetteer knows as a whole word, not a country's name ("Israel Defense
    Forces" already names Israel by its name) and no English given name ("Georgian" is a
    given name too, and "Georgian Kaspi" a person). An adjective in front of a thing is
    no ORG mention ("Chinese food"), so it is never taken."""
    if mention.label != "ORG":
        return None
    words = mention.text.split()
    first = 1 if words and words[0].casefold() == "the" else 0
    if len(words) - first < 2:
        return None
    word = words[first]
    if gaz.demonym(word) is None or gaz.country(word) is not None or word.casefold() in given_names():
        return None
    start = mention.text.index(word, len(" ".join(words[:first])))
    return _part(mention, start, start + len(word), "NORP")


def _label_alone(word: str, gaz: Gazetteer, label: str) -> str:
    if gaz.country(word) is not None or gaz.place(word) is not None:
        return "GPE"
    if gaz.demonym(word) is not None:
        return "NORP"
    return "PERSON"


def _part(mention: Mention, start: int, end: int, label: str) -> Mention:
    """The sub-mention ``mention.text[start:end]`` (stripped), with exact offsets."""
    piece = mention.text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    return Mention(mention.start + start + left, mention.start + start + right, piece[left:right], label, mention.sentence)
