"""Names the sentence says are people: after an office title, coordinated with a person, in
apposition to a role word; and titles that give up their first words to a name they end.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from graphbuild.extraction.name_words import (NAME_MAX_TOKENS, PROPER_TAGS, fold_accents, is_english_word,
                                              is_title_or_honorific, is_title_word, name_like, proper_capitalised)
from graphbuild.vocabulary import (given_names, office_heads, organization_nouns, place_heads, title_words,
                                   world_given_names)

# Labels NER gives names of people it mistakes (full names tagged ORG or GPE: "President
# Thabo Mbeki" → GPE, wn-tsvangirai-rallies-banned; "Secretary Ken Salazar" → ORG, ECB+ 9_12ecbplus).
RELABELLED_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})


def person_by_context(doc: Doc, start: int, end: int, label: str, after_title: set[int], person_first: set[str],
                       place_starts: set[int] = frozenset(), lone_person_words: frozenset[str] = frozenset(),
                       english: frozenset[str] = frozenset(), thing_names: frozenset[str] = frozenset()) -> bool:
    """A name NER labelled otherwise is a person when an office title stands right before it
    ("the chancellor Felipe Perez Roque" → ORG, wn-venezuela-colombia-crisis; "President
    Thabo Mbeki" → GPE, wn-tsvangirai-rallies-banned; "Secretary Ken Salazar" → ORG,
    ECB+ 9_12ecbplus), or when it is coordinated with a person and starts with a given name
    ("Eliot Engel, Adam Schiff, and Elijah Cummings" → ORG, wn-ukraine-subpoena-pompeo;
    "Nikos Dendias, Nikos Christodoulides" → ORG, wn-cairo-summit-turkey-libya; ECB+
    3_7ecbplus). A single word after a title counts only when NER did not call it a place.
    A given name and one more word that the text writes alone as a person
    (``lone_person_words``) are that person's full name: "stunning Lennox Lewis" (ORG) beside
    "Lewis avenged the defeat" (ECB+ 7_7ecb), "Bettie Page" (ORG) beside "Page" (4_1ecb,
    4_6ecb, 4_8ecb: other outlets), "Hugh Jackman" (GPE) beside "Jackman" (2_6ecb, 2_7ecb).
    So is a first word in no list that is no common English word ("when he asked Mackenzi
    Clayton, a relative" → ORG beside "Clayton testified", ECB+ 45_1ecbplus; judged cut short
    in rounds 12 and 15), or a town's name right after a role noun that modifies the name
    ("said 32-year-old protester Paris Kyriakides" → FAC beside "Kyriakides said", 19_9ecb,
    another outlet; "Kyriakides" judged cut short in round 12): the text writes the name's
    last word alone as a person, and the two words are the person's full name. Not when the
    first word alone names a thing in the text (``thing_names``: "Intel Xeon" beside "Intel",
    ECB+ 43_*)."""
    single = end - start == 1
    if not name_like(doc, start, end) or (single and label in {"GPE", "LOC", "NORP"}):
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and (start in after_title or before.lower_ in office_heads() or is_title_word(before)):
        return not single or before.is_title  # one word only after a capitalised title ("President Bush")
    if single:
        return False
    root = doc[start:end].root
    if doc[start].lower_ in given_names() or doc[start].lower_ in person_first:
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [child for child in root.children if child.dep_ == "conj"]
        if any(token.ent_type_ == "PERSON" and not start <= token.i < end for token in linked):
            return True
    if end - start == 2 and doc[end - 1].lower_ in lone_person_words and doc[end - 1].text not in place_heads() \
            and doc[start].is_title and doc[start].is_alpha and not is_title_or_honorific(doc[start]) \
            and fold_accents(doc[start].text).casefold() not in thing_names \
            and ((start not in place_starts and english and not is_english_word(doc[start], english))
                 or _after_a_role_noun(doc, start, end)):
        return True
    if start in place_starts or (doc[start].lower_ not in world_given_names() and doc[start].lower_ not in person_first):
        return False
    if end - start == 2 and doc[start].lower_ in world_given_names() and doc[end - 1].lower_ in lone_person_words \
            and doc[end - 1].text not in place_heads():
        return True
    # In apposition to a role word or to a person: "a … spokesperson, Morgan Ortagus, indicated"
    # (ORG, wnx-iraq-expel-us-troops), "Ricardo Neiva Tavares, spokesman of the Itamaraty"
    # (ORG, wikinews-3), "Al - Sawarmi Khalid, spokesman for Sudan's armed forces" (ORG, ECB+
    # 41_5ecbplus, 41_7ecbplus), "bringing in Maurice Cheeks, the popular former Sixers player"
    # (GPE, 5_1ecbplus), "Antonio Palocci (Economy), …, Celso Amorim (Exterior Relations)" (ORG
    # in a list of ministers, wn3). A known place never ("West Virginia", 9_1ecb).
    linked = [root.head] if root.dep_ == "appos" else []
    linked += [child for child in root.children if child.dep_ == "appos"]
    return any(not start <= token.i < end and ((token.is_lower and token.lower_ in title_words())
                                                or token.ent_type_ == "PERSON")
               for token in linked)


def _after_a_role_noun(doc: Doc, start: int, end: int) -> bool:
    """A lower-case common noun right before the span modifies its last word on the parse
    ("protester Paris Kyriakides")."""
    role = doc[start - 1] if start > 0 else None
    return role is not None and role.is_lower and role.is_alpha and role.tag_ == "NN" and role.dep_ == "compound" \
        and start <= role.head.i < end and not role.ent_type_


def names_after_titles(doc: Doc, after_title: set[int], covered: set[int]) -> list[Span]:
    """Two to five capitalised proper nouns right after an office title that NER missed are a
    person: "the Minister of Foreign Relations Celso Amorim" (wn-lula-meets-chavez),
    "Secretary of Commerce Gary Locke" (ECB+ 9_11ecbplus)."""
    found = []
    for start in sorted(after_title):
        end = start
        while end < len(doc) and end - start < NAME_MAX_TOKENS and end not in covered \
                and doc[end].tag_ in {"NNP", "NNPS"} and doc[end].is_title and not is_title_word(doc[end]):
            end += 1
        if end - start >= 2 and (end == len(doc) or end not in covered):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def title_before_given_name(doc: Doc, start: int, end: int, label: str) -> bool:
    """A span NER typed as an organisation or a place that starts with an office's head word
    and goes on with a given name and at least one more word is a title and a person's name
    (:func:`person_by_context` then sees the title before the name): "Taoiseach Leo
    Varadkar" (ORG, wnx-johnson-prorogation), "Taoiseach Micheál Martin has said"
    (ORG, https://www.rte.ie/news/2025/0427/1509740-taoiseach-dublin-protest). Not when the
    last word makes the name a place or an institution ("King Abdullah University"). Any
    title word would be too many: "National Marine Fisheries Service" (ECB+ 9_3ecb)."""
    return label in RELABELLED_LABELS and end - start >= 3 and doc[start].is_title and doc[start].lower_ in office_heads() \
        and doc[start + 1].is_title \
        and fold_accents(doc[start + 1].text).casefold() in world_given_names() and doc[end - 1].text not in place_heads()


def names_after_title_words(doc: Doc, ents: list[Span], places: set[int], english: frozenset[str]) -> list[Span]:
    """Two to four capitalised proper nouns that NER missed right after a one-word title,
    also in the plural, are a person: "Cardinal Marc Ouellet of the Holy See said"
    (wnx-pope-abuse-reporting), "Presidents Muhammadu Buhari of Nigeria and …"
    (wn-afcfta-niamey-summit), "Chief Executive Hector Ruiz" (ECB+ 43_1ecb). The run stops at
    the first word that is not one (so "of Nigeria" stays out). It is no person when a
    capitalised proper noun or an entity follows it (part of a longer name), when a word of
    it is a known place, a place or institution head word ("General Electric Company") or
    an organisation noun, when its last word is a common English word ("Air Defense
    Identification Zone", wnx-abe-pacifist-constitution; "Maid Dairy
    Building", ECB+ 13_10ecbplus; "Most Wanted List", 36_7ecbplus), or when the title word ends a name that starts before
    it ("Queens Plaza North", ECB+ 21_12ecbplus)."""
    covered = {i for span in ents for i in range(span.start, span.end)}
    heads, nouns = place_heads(), organization_nouns()
    found = []
    for token in doc[:-2]:
        word = token.lower_.rstrip(".")
        if not token.is_title or token.i + 1 in covered \
                or not (is_title_word(token) or (word.endswith("s") and word[:-1] in title_words())):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and proper_capitalised(before) and not is_title_word(before) \
                and before.ent_type_ not in {"DATE", "TIME"}:  # "on Sunday Presidents …"
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < 4 and end not in covered and end not in places \
                and doc[end].tag_ in PROPER_TAGS and doc[end].is_title and doc[end].is_alpha and not is_title_word(doc[end]):
            end += 1
        if end < len(doc) and (end in covered or proper_capitalised(doc[end])):
            continue
        while start < end and is_english_word(doc[start], english) and doc[start].lower_ not in world_given_names():
            start += 1  # a rank the title list lacks: "Police Constable Tim Fanning" (ECB+ 18_7ecb)
        if end - start < 2 or any(t.text in heads or t.lower_ in nouns for t in doc[start:end]) \
                or is_english_word(doc[end - 1], english):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
        covered.update(range(start, end))
    return found


def _only_determiners_before(doc: Doc, index: int) -> bool:
    """The entity running into token ``index`` has only determiners before it."""
    i = index - 1
    while i >= 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return all(t.pos_ == "DET" or t.lower_ == "the" for t in doc[max(i, 0):index])


def yield_to_names(doc: Doc, title: Span) -> tuple[Span | None, Span | None]:
    """A title whose leading modifiers are the end of a name gives them up; returns the
    title left and, when NER missed the name, the name as a new ORG span.

    "Associated Press writer": ``press`` is an office modifier ("press secretary"),
    but here it ends the name *Associated Press*, so the title is ``writer``. The
    name is an ORG entity that starts before the title, or, when NER missed it, a
    capitalised proper noun attached (``compound``) to the title's first word on the
    dependency parse. In the second case the name becomes an ORG entity (collected by
    the caller and set once: setting ``doc.ents`` per title would be quadratic).
    """
    if doc[title.start].ent_type_ == "ORG" and doc[title.start].ent_iob_ == "I" \
            and not _only_determiners_before(doc, title.start):
        # An ORG entity starts before the title and runs into it (token tags, not Doc.ents:
        # that would build every entity for every title, quadratic on long articles).
        # Not when only "the" comes first: "the Minister of Foreign Relations Celso Amorim"
        # is one ORG span in wn-lula-meets-chavez.
        end = title.start + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return (Span(doc, end, title.end, label="TITLE") if end < title.end else None), None
    first = doc[title.start]
    if title.start == 0 or len(title) < 2 or not first.is_title or not doc.has_annotation("DEP"):
        return title, None
    before = doc[title.start - 1]
    if before.ent_type_ or not before.is_title or before.tag_ not in {"NNP", "NNPS"} \
            or before.dep_ != "compound" or before.head.i != first.i:
        return title, None
    start = title.start - 1
    while start > 0 and doc[start - 1].tag_ in {"NNP", "NNPS"} and not doc[start - 1].ent_type_ \
            and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == start:
        start -= 1
    end = title.start + 1
    while end < title.end - 1 and doc[end].is_title and doc[end - 1].head.i == end:
        end += 1
    return Span(doc, end, title.end, label="TITLE"), Span(doc, start, end, label="ORG")


def sentence_opening_given_names(doc: Doc, ents: list[Span], places: set[int]) -> list[Span]:
    """A capitalised word that opens a sentence right before a PERSON is the person's given
    name when the context proves it a name (any word is capitalised there, so
    :func:`~graphbuild.extraction.name_boundaries.joined_names` never takes it on its own):
    the text writes the word and the PERSON's first word as one PERSON elsewhere. "Lindsay"
    before "Lohan" (NER) opening a sentence, beside "Lindsay Lohan" further on (ECB+
    1_8ecbplus), "Pierre" before "Thomas" beside "Pierre Thomas" (25_13ecbplus: another
    outlet and story).

    A word in no dictionary hung on a one-word PERSON ("Olivio Dutra, Minister of Cities of
    Lula", wikinews:wn-granda-capture-crisis) was tried in round 15 and left out: on the 982
    ECB+ articles and both Wikinews development sets it fired on that one text only.

    ``places``: tokens of known place names, never taken."""
    pairs = {(ent[k].lower_, ent[k + 1].lower_) for ent in ents if ent.label_ == "PERSON" for k in range(len(ent) - 1)}
    covered = {i for span in ents for i in range(span.start, span.end)}
    out: list[Span] = []
    for span in ents:
        start = span.start
        if span.label_ == "PERSON" and start > 0 and start - 1 not in covered and start - 1 not in places \
                and span.end - start < NAME_MAX_TOKENS:
            before = doc[start - 1]
            if before.is_sent_start and before.is_title and before.is_alpha and len(before) > 1 \
                    and before.tag_ in PROPER_TAGS and not is_title_or_honorific(before) \
                    and (before.lower_, span[0].lower_) in pairs:
                start -= 1
        out.append(span if start == span.start else Span(doc, start, span.end, label="PERSON"))
    return out


# Words that join an office to what it is for ("Ambassador to the United Nations").
_COMPLEMENT_WORDS = frozenset({"to", "for", "of"})
# A list of departments: "Minister of Development, Industry, and External Trade".
_LIST_JOINS = frozenset({",", "and", "&"})
# The most words a title's complement and the name after it run over together.
_COMPLEMENT_MAX_TOKENS = 10


def names_after_title_complements(doc: Doc, titles: list[Span], places: set[int], english: frozenset[str]) -> set[int]:
    """Where a name starts after an office title whose complement with "to", "for" or "of" runs on
    in capitals right up to the name: "Former US Ambassador to the United Nations Nikki Haley
    wrote" (NER: ORG, wikinews wn-trump-syria-withdrawal), "US Assistant Secretary of State
    for African Affairs Jendayi Frazer called" (missed, wn-tsvangirai-rallies-banned),
    "European Commissioner for Competition Neelie Kroes said" (missed, MEANTIME
    corpus_apple/89284). The title ends in an office head or title word (capitalised) or is
    a title span; after "to"/"for"/"of" (and "the") the capitalised words run on, a list of
    departments joined by commas and "and" among them ("Minister of Development, Industry, and
    External Trade Luiz Fernando Furlan", wn-lula-meets-chavez); the name starts at the
    first of them, after one complement word at least, that is a given name or no common
    English word, and no word of the name is a known place wherever it stands ("Zimbabwe"; a
    town's name that is also a given name, "Nikki", does not count) or in an entity of a place. The
    indices join ``after_title``: an entity running over the complement into the name is cut
    there ("the United Nations Nikki Haley", one ORG), :func:`person_by_context` then types the
    name a person and :func:`names_after_titles` adds it when NER missed it. Linear: each title looks at ten
    tokens at most."""
    ends = {span.end - 1 for span in titles}
    heads = frozenset(office_heads())  # a tuple: one set per doc, not a scan per token
    ends.update(t.i for t in doc if t.is_title and (t.lower_ in heads or is_title_word(t)))
    starts: set[int] = set()
    for i in sorted(ends):
        j = i + 1
        if j >= len(doc) or doc[j].lower_ not in _COMPLEMENT_WORDS:
            continue
        j += 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        first, end = j, j
        while end < len(doc) and end - first < _COMPLEMENT_MAX_TOKENS and (
                (doc[end].is_title and doc[end].is_alpha)
                or (doc[end].lower_ in _LIST_JOINS and end + 1 < len(doc)
                    and (doc[end + 1].is_title or doc[end + 1].lower_ in _LIST_JOINS))):
            end += 1
        start = next((k for k in range(first + 1, end) if doc[k].is_alpha and doc[k].lower_ not in _LIST_JOINS
                      and (doc[k].lower_ in world_given_names() or not is_english_word(doc[k], english))), None)
        if start is None or end - start < 2 or end - start > NAME_MAX_TOKENS \
                or any(not doc[k].is_title for k in range(start, end)) \
                or any(k in places or doc[k].ent_type_ in {"GPE", "LOC", "NORP"} for k in range(start, end)):
            continue
        starts.add(start)
    return starts
