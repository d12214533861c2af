"""Where a name starts and ends: headline words and job abbreviations glued to a name, given
names NER cut off or left out, hyphenated given names, a country run into the name after
"TITLE of". Each rule takes and returns the list of entity spans (or says where to cut one).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from graphbuild.extraction.name_words import (CALENDAR_WORDS, HYPHENS, NAME_MAX_TOKENS, POSSESSIVES,
                                              PROPER_TAGS, fold_accents, is_english_word,
                                              is_title_or_honorific, is_title_word, name_word_count,
                                              proper_capitalised)
from graphbuild.vocabulary import (given_names, job_abbreviations, known_organization_names, office_heads,
                                   organization_nouns, place_heads, surname_particles, world_given_names,
                                   world_surnames)

_HEADLINE_RUN = 6  # capitalised words in a row, no punctuation between: a headline, not a sentence
_HEADLINE_FREE_WORDS = 2
_HEADLINE_GLUE = frozenset({"a", "an", "the", "of", "to", "in", "into", "on", "at", "for", "with", "and", "over", "by"})


def without_headline_fragments(doc: Doc, ents: list[Span], title_tokens: set[int]) -> list[Span]:
    """A PERSON inside a long run of capitalised words (a headline kept in the text) that
    starts with no given name and that the rest of the document never names is a fragment
    of the headline, not a person: "Texas Lifer Escapes Prison Van Near Houston" (ECB+
    3_7ecbplus), "Creighton Returns to MVC Semis With Win Over Drake" (ECB+ 31_2ecbplus, another outlet);
    "Lohan Checks into Betty Ford" keeps Betty Ford (a given name). A list of names is
    no run: commas stand between them."""
    in_run = [False] * len(doc)
    heads = set(office_heads())
    start = capitalised = free = 0
    verb = of = False
    for token in [*doc, None]:  # one pass; a run ends at the first word that cannot be in a headline
        if token is not None and token.is_alpha and (token.is_title or token.is_upper
                                                     or (token.lower_ in _HEADLINE_GLUE and token.i > start)):
            if (token.is_title or token.is_upper) and token.lower_ not in _HEADLINE_GLUE:
                capitalised += 1
                # ... and words that are neither a name nor a title: "British Prime Minister Boris
                # Johnson" (wn-g7-amazon-fires), "Turkish President Recep Tayyip Erdoğan"
                # (wn-kurds-assad-deal) are no headlines.
                if not token.ent_type_ and token.i not in title_tokens and token.lower_ not in heads \
                        and not is_title_word(token):
                    free += 1
            verb = verb or token.tag_.startswith("VB")
            of = of or token.lower_ == "of"
            continue
        # A headline has a verb ("Returns", "Placed"), or is long and no "X of the Y" name (the
        # parser tags "Escapes" NNP); a long name has neither ("Sutopo Purwo Nugroho of the
        # National Disaster Mitigation Agency", ECB+ 37_3ecbplus).
        end = token.i if token is not None else len(doc)
        if free >= _HEADLINE_FREE_WORDS and capitalised >= _HEADLINE_RUN \
                and (verb or (capitalised > _HEADLINE_RUN and not of)):
            in_run[start:end] = [True] * (end - start)
        start, capitalised, free, verb, of = end + 1, 0, 0, False, False
    if not any(in_run):
        return ents
    named_elsewhere = {e.text for e in ents if not in_run[e.start]}
    return [e for e in ents if not (e.label_ == "PERSON" and in_run[e.start] and e.text not in named_elsewhere
                                    and e[0].lower_ not in given_names())]


def given_name_cut(doc: Doc, start: int, end: int, label: str, person_first: set[str],
                    other_names: set[str], place_starts: set[int]) -> tuple[int, bool] | None:
    """Where a person's name starts inside a longer PERSON or ORG span, and whether the
    words before it are an organisation's name to keep. The name starts at the first
    given name (:func:`world_given_names`, or the first word of another person of the
    text) that leaves at least two words: "the President of Petrobras José Eduardo Dutra"
    (one PERSON span, wn-lula-meets-chavez), "Speaker of the House Nancy Pelosi" (one ORG
    span), "the President of Eletrobrás Silas Rondeau" (ORG), "director of Amnesty
    International Man-kei Tam" (ORG). A span is cut only when the words before the name are
    known as no person: after "TITLE of (the)", ending in a title ("Crown Prince Mohammad bin
    Salman", wn-cengiz-unga-khashoggi; ECB+ 3_2ecb "Unabomber Ted Kaczynski" is not: no title),
    or named as an organisation or place elsewhere in the text ("New York Times" is no "New" +
    "York Times"). An organisation span is cut only after "TITLE of (the)": NER saw one name
    ("the National Marine Fisheries Service", ECB+ 9_1ecb; "Air France Flight 447", MEANTIME
    airbus_129865; "EADS North America", MEANTIME airbus_108294). Never at a word that begins
    a known place or a word the text names as a place or organisation ("the State of Alabama
    Medical Association", ECB+ 34_6ecbplus, that also says "Bayou La Batre, Alabama"; ``place_starts``
    are the starts of names that are places wherever they stand: a town's name only after a
    preposition is a given name here, "Speaker of the House Nancy Pelosi" (wnx-thunberg-person-of-year)
    and "director of Amnesty International Man-kei Tam" (wnx-hk-bill-withdrawal) are no Nancy,
    France, nor Man, Côte d'Ivoire), nor before a
    possessive ("Lockheed Martin's Atlas V", MEANTIME airbus_5403; "Bloomington Sam's Club",
    ECB+ 21_2ecb); an initial is part of the name ("W. Mark Felt", ECB+ 28_9ecb; "J. James
    Rohack", ECB+ 34_12ecbplus)."""
    if end - start < 3:
        return None
    names = world_given_names()
    cut = next((i for i in range(start + 1, end - 1)
                if doc[i].is_title and not is_title_or_honorific(doc[i]) and (doc[i].lower_ in names or doc[i].lower_ in person_first)),
               None)
    if cut is None or cut in place_starts or fold_accents(doc[cut].text).casefold() in other_names or any(t.lower_ in names and not is_title_or_honorific(t) for t in doc[start:cut]):
        return None
    if not all(t.is_title or t.is_upper or not t.is_alpha or t.lower_ in surname_particles()
               or doc[t.i - 1].text == "-" for t in doc[cut:end]):  # "Man-kei Tam"
        return None
    if any(t.tag_ == "POS" or t.lower_ in POSSESSIVES for t in doc[cut:end - 1]):
        return None
    rest = [t for t in doc[cut:end] if t.is_alpha]
    if len(rest) < 2 or any(t.is_stop and t.lower_ not in surname_particles() for t in rest):
        # A name of two words at least, with no function word: "the Natural Resources Defense
        # Council's" (ECB+ 9_4ecb) is no "Council" + "'s"; "Altering Destiny Through Education"
        # (ECB+ 36_5ecb) no "Destiny Through Education".
        return None
    left = doc[start:cut]
    before = start - 2 if start >= 2 and doc[start - 1].lower_ == "the" else start - 1
    after_title_of = before >= 1 and doc[before].lower_ == "of" and (
        doc[before - 1].lower_ in office_heads() or is_title_word(doc[before - 1]))
    if not after_title_of and (label == "ORG" or not (is_title_or_honorific(doc[cut - 1])
                                                      or fold_accents(left.text).casefold() in other_names)):
        return None
    return cut, not is_title_or_honorific(doc[cut - 1])
# One romanised syllable: up to three consonants, one to three vowels, an optional final
# consonant or "ng" ("in", "un", "bak", "soo", "hyun", "kyung", "jeou", "shek"); no English
# word that makes a compound adjective out of a name is one ("-led", "-era", "-style",
# "-backed", "-based", "-like", "-born", "-wide").
_SYLLABLE = re.compile(r"[b-df-hj-np-tv-z]{0,3}[aeiouy]{1,3}(?:ng|[nlkmpth])?")


# Labels NER gives the family name before a hyphenated given name it left out: "Han" (NORP,
# the name of the Chinese people) or "Han Duck" (LOC) of "Han Duck-soo".
_FAMILY_NAME_LABELS = frozenset({"NORP", "ORG", "GPE", "LOC"})


def _glued_given_name(doc: Doc, end: int) -> bool:
    """After a one-word name ending at ``end``, a space, then a capitalised proper noun
    glued to a hyphen ("Moon" + "Jae-in")."""
    return end + 2 < len(doc) and bool(doc[end - 1].whitespace_) and not doc[end].whitespace_ \
        and doc[end].is_title and doc[end].is_alpha and not is_title_or_honorific(doc[end]) \
        and (doc[end].tag_ in PROPER_TAGS or not doc.has_annotation("TAG"))


def hyphenated_given_names(doc: Doc, ents: list[Span], english: frozenset[str]) -> list[Span]:
    """A person's name followed, with no space, by a hyphen and one lower-case romanised
    syllable takes the syllable in: the second half of a hyphenated given name that NER
    left out because it reads as an English word or no word at all.

    Seen on news of different outlets: "President Moon Jae-in said" gives "Moon Jae"
    (https://www.newsy.com/stories/s-korea-willing-to-participate-in-another-summit-with-north/),
    "Mr. Moon Jae-in left open" gives "Moon" (https://baonghean.vn/en/print/10164817.html),
    "Prime Minister Han Duck-soo stated" gives "Han Duck"
    (https://cm.asiae.co.kr/en/article/2023053117344672426), "Han Duck-soo nominated by
    Yoon" gives "Han" as a NORP
    (https://koreajoongangdaily.joins.com/2022/04/03/national/politics/korea-prime-minister-nominated/20220403185015429.html)
    and "… in which Han Duck-soo, the chief of …" "Han Duck" as a LOC
    (https://www.donga.com/en/article/all/20050314/240252/1). The tests use sentences of our own.

    Three shapes: the name ends before the hyphen ("Moon Jae" + "-in"), on it ("Choi
    Jong-" + "an"), or one word earlier ("Moon" + "Jae-in": the glued word a capitalised
    proper noun and no title). A name of one or two words NER typed as a group, an
    organisation or a place (:data:`_FAMILY_NAME_LABELS`) becomes the person when the
    syllable is no English word ("North Korea-run" stays). The name before the hyphen has
    two words, so "Obama-led" stays as it is; a word another entity holds is never taken."""
    covered = {i for span in ents for i in range(span.start, span.end)}
    out = []
    for span in ents:
        end = span.end
        short_name = len(span) <= 2 and all(t.is_title and t.is_alpha for t in span)
        if span.label_ == "PERSON" or (short_name and span.label_ in _FAMILY_NAME_LABELS):
            if span.label_ != "PERSON":
                if len(span) == 1 and _glued_given_name(doc, end):
                    glue = end + 1  # "Han" (NORP) + "Duck-soo"
                elif len(span) == 2 and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                        and not is_english_word(doc[end + 1], english):
                    glue = end  # "Han Duck" (LOC) + "-soo"; not "North Korea-run"
                else:
                    glue = None
            elif doc[end - 1].text in HYPHENS and len(span) >= 3:
                glue = end - 1  # "Choi Jong-" + "an"
            elif end + 1 < len(doc) and not doc[end - 1].whitespace_:
                glue = end  # "Moon Jae" + "-in"
            elif _glued_given_name(doc, end):
                glue = end + 1  # "Moon" + "Jae-in"
            else:
                glue = None
            if glue is not None and glue + 1 < len(doc) and doc[glue].text in HYPHENS and not doc[glue].whitespace_ \
                    and glue + 1 not in covered and (glue not in covered or span.start <= glue < span.end):
                syllable = doc[glue + 1]
                words = sum(1 for t in doc[span.start:glue] if t.is_alpha and t.text not in HYPHENS)
                if syllable.is_lower and syllable.is_alpha and _SYLLABLE.fullmatch(syllable.text) and words >= 2 \
                        and not any(i in covered for i in range(span.end, glue)):
                    end = glue + 2
        out.append(span if end == span.end else Span(doc, span.start, end, label="PERSON"))
    return out


def last_word_left_out(doc: Doc, ents: list[Span], english: frozenset[str], place_starts: set[int],
                       lower_words: frozenset[str] = frozenset()) -> list[Span]:
    """The last word of a name of three that NER left out: "President Yoon Suk Yeol over
    his …" gives "Yoon Suk" (https://en.inform.kz/news/south-koreas-national-assembly-votes-to-impeach-president-yoon-suk-yeol-5c42d9;
    "President Yoon Seok Yeol met", http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=177739).
    A PERSON of two words takes the next word when it is one capitalised proper noun that
    no entity holds, no title, month or weekday, no common English word ("Bush
    Administration") nor a word the text writes in lower case (``lower_words``: "Betty Ford
    Rehab" beside "in rehab", ECB+ 1_14ecbplus), no given name (a second person: "Moon Jae Kim"), no known place, and
    the word after it is no capitalised proper noun (the run of names ends there)."""
    covered = {i for span in ents for i in range(span.start, span.end)}
    out = []
    for span in ents:
        end = span.end
        if span.label_ == "PERSON" and len(span) == 2 and all(t.is_title and t.is_alpha for t in span) \
                and end < len(doc) and span[-1].whitespace_ and end not in covered and end not in place_starts:
            word = doc[end]
            if word.is_title and word.is_alpha and word.tag_ in PROPER_TAGS and not is_title_or_honorific(word) \
                    and word.lower_ not in CALENDAR_WORDS and not is_english_word(word, english) \
                    and word.lower_ not in lower_words \
                    and word.lower_ not in world_given_names() \
                    and not (end + 1 < len(doc) and proper_capitalised(doc[end + 1])):
                end += 1
        out.append(span if end == span.end else Span(doc, span.start, end, label="PERSON"))
    return out


def country_then_name_after_title_of(doc: Doc, ents: list[Span], places, english: frozenset[str]) -> list[Span]:
    """"TITLE of COUNTRY Given Surname": the country and the person's name that NER ran into
    one span or cut apart are a place and a person. "President of Ukraine Volodymyr
    Zelenskyy said" gives one ORG (wnx-iran-downs-ukrainian-jet; the same on
    https://unn.ua/en/news/no-specific-date-for-meeting-with-trump-yet-zelenskyy and
    https://antikor.info/en/articles/786604-zelenskij_pribyl_v_belyj_dom_dlja_vstrechi_s_trampom/print),
    a NORP on https://promoteukraine.org/president-of-ukraine-following-meeting-with-u-s-president-in-washington-we-are-given-powerful-package-of-assistance;
    "the President of Venezuela Hugo Chávez" one ORG (wn-venezuela-colombia-crisis). The
    place is one the gazetteer knows (:class:`~graphbuild.extraction.place_and_org_labels.PlaceIndex`: a country or a big city, or a
    town NER calls a place) right after "of" (or "of the")
    after a title word; the name is two to five capitalised words after it (surname
    particles and hyphenated parts inside) up to an entity of another kind or a weekday,
    none a title, an organisation noun or a place or institution head
    word, and its first word a given name or no common English word ("President of
    Ukraine Airlines" is no person)."""
    starts = {start: end for start, end, _ in places}
    alone = {start: flag for start, _, flag in places}
    titles_before = [i for i in starts if i >= 2 and (doc[i - 1].lower_ == "of" or (
        i >= 3 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of"))]
    if not titles_before:
        return ents
    label_at = {i: span for span in ents for i in range(span.start, span.end)}
    heads, nouns = place_heads(), organization_nouns()
    replaced: dict[int, tuple[int, int]] = {}  # place start → (place end, name end)
    for start in titles_before:
        of = start - 1 if doc[start - 1].lower_ == "of" else start - 2
        title = doc[of - 1]
        if not (title.lower_ in office_heads() or is_title_word(title)):
            continue
        place_end = starts[start]
        if not alone[start] and not (start in label_at and label_at[start].label_ in {"GPE", "LOC"}):
            continue  # "Chief of Police Thomas …" (ECB+ 8_3ecb): a small town's name only where NER says so
        end = place_end
        while end < len(doc) and end - place_end < NAME_MAX_TOKENS and doc[end].lower_ not in CALENDAR_WORDS \
                and not (end in label_at and label_at[end].start >= place_end and label_at[end].label_ != "PERSON") and (
                (doc[end].is_title and doc[end].is_alpha and not is_title_word(doc[end]))
                or doc[end].lower_ in surname_particles()
                or (doc[end].text in HYPHENS and not doc[end - 1].whitespace_ and not doc[end].whitespace_)
                or (doc[end - 1].text in HYPHENS and doc[end].is_alpha)):
            end += 1
        while end > place_end and not (doc[end - 1].is_title and doc[end - 1].is_alpha):
            end -= 1  # a name ends in a capitalised word
        name = doc[place_end:end]
        if name_word_count(name) < 2 if len(name) else True:
            continue
        if any(t.text in heads or t.lower_ in nouns for t in name) \
                or (is_english_word(name[0], english) and name[0].lower_ not in world_given_names()):
            continue
        glued = {label_at[i].start for i in range(start, end) if i in label_at}
        if any(label_at[i].end > end for i in range(place_end, end) if i in label_at) or len(glued) > 2:
            continue
        replaced[start] = (place_end, end)
    if not replaced:
        return ents
    dropped = {i for start, (_, end) in replaced.items() for i in range(start, end)}
    out = [span for span in ents if not any(i in dropped for i in range(span.start, span.end))]
    for start, (place_end, end) in replaced.items():
        out += [Span(doc, start, place_end, label="GPE"), Span(doc, place_end, end, label="PERSON")]
    return sorted(out, key=lambda span: span.start)


def joined_names(doc: Doc, ents: list[Span], person_first: set[str], places: set[int],
                 refused: set[int] = frozenset()) -> list[Span]:
    """A given name NER left out right before a PERSON is part of the name: "Anders" + "Fogh
    Rasmussen" (wn-nato-wales-summit), "Jon" + "Stewart" (ECB+ 2_8ecb), "Marques" + "Colston"
    (ECB+ 25_15ecbplus), "Jamal" + "Williams" (ECB+ 35_8ecbplus). The word is a given name
    (:func:`world_given_names`, or the first word of another person of the text) and the
    PERSON is one word or does not start with one, it is a capitalised proper noun that is no title and
    starts the run of proper nouns, and it does not begin the sentence (where any word is
    capitalised: "Media Mogul Page", ECB+ 4_7ecb; "Major IE Bug", 27_6ecb). ``places`` are
    the tokens of known place names, never taken ("in Porto Alegre Chavez appeared").

    Withdrawn (one source only, and wrong on ECB+): two PERSON spans with nothing between
    them were joined ("Brooklyn Councilman" + "Jumaane Williams", ECB+ 19_9ecbplus), and any
    proper noun before a surname alone ("Ironically Nichols", 3_8ecb; "Inspector Gaskin",
    23_2ecbplus). ``refused``: words the caller cut off the front of a name as the sentence's
    ("Coroner" of "Coroner Gary Hargrove", ECB+ 28_10ecbplus), never taken back."""
    covered = {i for span in ents for i in range(span.start, span.end)} | set(refused)
    out: list[Span] = []
    for span in sorted(ents, key=lambda item: item.start):
        start = span.start
        if span.label_ == "PERSON" and start > 0 and start - 1 not in covered \
                and (start - 1 not in places or _after_a_role_noun(doc, start, span)):
            before = doc[start - 1]
            run_start = start < 2 or not (doc[start - 2].is_title and doc[start - 2].tag_ in {"NNP", "NNPS"})
            if before.is_title and before.tag_ in {"NNP", "NNPS"} and not is_title_or_honorific(before) and not before.is_sent_start \
                    and (before.is_alpha or _APOSTROPHE_NAME.match(before.text)) and len(before) > 1 and run_start and (
                        _APOSTROPHE_NAME.match(before.text)
                        or before.lower_ in person_first
                        or (before.lower_ in (names := world_given_names())
                            and (len(span) == 1 or span[0].lower_ not in names))
                        or _after_a_role_noun(doc, start, span)):
                start -= 1
        out.append(span if start == span.start else Span(doc, start, span.end, label="PERSON"))
    return out


def adjacent_person_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two PERSON spans NER split with nothing between them are one long name when both are
    capitalised proper nouns only and the first starts with a given name: Portuguese and
    Spanish names of four words, "the Minister of Mines and Energy Silas Rondeau Cavalcante
    Silva" (NER: "Silas Rondeau" + "Cavalcante Silva", wn-lula-meets-chavez, 2005) and "The
    Brazilian Carlos Alberto Libânio Christo, known as Frei Betto" ("Carlos Alberto" +
    "Libânio Christo", wn-granda-capture-crisis, 2005, another writer and story). On the
    982 ECB+ articles the only other such pairs end the first span in a possessive
    ("Chargers' Jamal Williams", 35_1ecbplus; "Nat Fleischer's Ring Record Book", 26_1ecbplus)
    and stay apart; "Brooklyn Councilman" + "Jumaane Williams" (19_9ecbplus, the rule
    withdrawn in :func:`joined_names`) has no given name first and a title inside. The joined
    name is at most ``NAME_MAX_TOKENS`` words, within one sentence and one line."""
    out: list[Span] = []
    ordered = sorted(ents, key=lambda item: item.start)
    skip = False
    for first, second in zip(ordered, [*ordered[1:], None]):
        if skip:
            skip = False
            continue
        if second is not None and first.label_ == second.label_ == "PERSON" and first.end == second.start \
                and second.end - first.start <= NAME_MAX_TOKENS and first.sent.start == second.sent.start \
                and "\n" not in doc[first.end - 1].whitespace_ \
                and all(t.is_title and t.is_alpha and t.tag_ in PROPER_TAGS and not is_title_or_honorific(t)
                        for t in doc[first.start:second.end]) \
                and fold_accents(first[0].text).casefold() in world_given_names():
            out.append(Span(doc, first.start, second.end, label="PERSON"))
            skip = True
            continue
        out.append(first)
    return out


# A word with an apostrophe inside and a capital after it is a name's ("Ka'Loni", "D'Andre",
# "O'Brien"), never a contraction ("don't", "it's"): "fatally shooting Ka'Loni Marie Flynn" (ECB+
# 45_2ecbplus, 45_3ecbplus, 45_4ecbplus: NER typed "Marie Flynn").
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]*['’][A-Z][a-z]+$")


def _after_a_role_noun(doc: Doc, start: int, span: Span) -> bool:
    """The proper noun before a one-word PERSON at ``start`` modifies it on the parse and
    stands right after a lower-case common noun (a role written before a name): it is the
    given name, whatever the name lists say: "Pro Bowl cornerback Cortland Finnegan" (ECB+
    29_2ecb, 29_11ecb: NER typed "Finnegan" alone), "European Council spokesperson Barend
    Leyts" (wn-matovic-covid-eu-summit). The noun is no adjective ("strategic Georgian Kaspi")
    and no possessive ("Sunday's Calendar"). A town's name counts here ("Cortland", New York):
    no place stands between a role and the name it is written before."""
    before, role = doc[start - 1], doc[start - 2] if start >= 2 else None
    return len(span) == 1 and role is not None and role.is_lower and role.is_alpha and role.tag_ == "NN" \
        and before.dep_ == "compound" and before.head.i == start and not before.ent_type_


def glued_before_name(span: Span) -> bool:
    """A capitalised word stuck before a person's name in a headline or run-in line
    ("Naturally Scott Boras", ECB+ 10_19ecbplus; "Hire Maurice Cheeks", 5_4ecbplus and
    5_10ecbplus; "Panthers Reggie Bush", 25_3ecb): it is no given name, no family name
    (faker's lists of every locale), no title and no particle, and the next word is a given
    name and no particle ("Prison Van Near Houston", ECB+ 3_7ecbplus); the rest are capitalised words, no possessive ("Lockheed Martin's Atlas V",
    MEANTIME airbus_5403). The caller checks the span has at least three words (:func:`name_word_count`), that the
    word is a common English word and in no other name of the text."""
    first, second = span[0], span[1]
    word = first.lower_
    return first.is_alpha and first.is_title and second.is_title and second.is_alpha \
        and word not in world_given_names() and word not in world_surnames() and word not in surname_particles() \
        and not is_title_or_honorific(first) and second.lower_ in world_given_names() and not is_title_or_honorific(second) \
        and second.lower_ not in surname_particles() \
        and not any(t.tag_ == "POS" or t.lower_ in POSSESSIVES for t in span)


def position_before_name(doc: Doc, start: int, end: int, label: str) -> int | None:
    """The index of a job or position abbreviation in capitals (``data/job_abbreviations.jsonl``)
    inside a PERSON span with a capitalised name after it: "DT Tyson Jackson" (ECB+
    29_1ecbplus), "Colts QB Andrew Luck" (29_12ecbplus); inside an ORG span when a given name
    (faker's) follows it: "Saints RB Reggie Bush" (25_2ecb, typed ORG). The name starts
    after it; the capitalised words before it are a team or an employer."""
    return next((i for i in range(start, end - 1)
                 if doc[i].is_upper and doc[i].is_alpha and doc[i].lower_ in job_abbreviations()
                 and doc[i + 1].is_title and doc[i + 1].is_alpha
                 and (label == "PERSON" or (doc[i + 1].lower_ in world_given_names() and end - i >= 3))), None)


def glued_after_name(span: Span) -> bool:
    """A headline word run onto the end of a person's name: "Female Employee Yvonne Hiller
    Kills Two In Kraft Shooting" (ECB+ 22_11ecbplus), "Doctor Who Revealed: Peter Capaldi Cast
    as the 12th Time Lord!" (39_6ecbplus, another outlet). The last word is capitalised, no
    given name nor family name (faker's lists of every locale), no title, no particle and no
    initial; the name before it starts with a given name and has at least two words (so
    "Andrew Luck" keeps "Luck"; a capital inside a word is a name's: "Nixon Aide Fred LaRue
    Dies at 75", ECB+ 28_9ecbplus); no possessive. The caller checks that the text also names
    the person without the word (:func:`named_without_last_word`) and that the last word is a
    common English word (WordNet's) or one the text writes in lower case ("Lindsay Lohan
    Checks Into Betty Ford Rehab" beside "has been in rehab", 1_14ecbplus) and no place head
    ("John Radcliffe Hospital" is a place: ``data/place_heads.jsonl``)."""
    last, first = span[-1], span[0]
    word = last.lower_
    return last.is_alpha and last.is_title and len(word) > 2 and word not in world_given_names() \
        and word not in world_surnames() and word not in surname_particles() and not is_title_or_honorific(last) \
        and first.lower_ in world_given_names() and span[-2].text[:1].isupper() and span[-2].is_alpha \
        and not any(t.tag_ == "POS" or t.lower_ in POSSESSIVES for t in span)


def named_without_last_word(doc: Doc, start: int, end: int) -> bool:
    """The text also writes the name without its last word, more often than with it: "Yvonne
    Hiller" (ECB+ 22_11ecbplus) and "Peter Capaldi" (39_6ecbplus) stand alone elsewhere in
    their articles; "Cheryl Boone Isaacs" (2_4ecbplus), "Robert Wood Johnson Foundation"
    (34_*), "W. Mark Felt" (28_*) never lose their last word. Only asked of the rare span the
    other tests let through: one scan of the text."""
    text = doc.text
    short, whole = doc[start:end - 1].text, doc[start:end].text
    return text.count(short) > text.count(whole)


_VERB_TAGS = frozenset({"VBZ", "VBD", "VBG", "VBP", "MD"})


def headline_verb_cut(doc: Doc, start: int, end: int, lower_words: frozenset[str],
                      lone_words: frozenset[str]) -> int | None:
    """Where a PERSON span ends when a headline's verb or a word of the sentence after it ran
    into it: the first word after the first that the tagger reads as a verb or a modal
    ("Andrew Lopez Confesses To Murder Of …", ECB+ 33_10ecbplus; "D. A. Will Now Seek Death
    Penalty", 16_2ecbplus; "HP lands … consultant EYP Extending its reach", 44_8ecbplus), or
    as an adjective that modifies a noun after the span ("Jaguars fall to Indy Late sacks,
    too much Manning", 29_8ecb), and that the text also writes in lower case (the word or
    its lemma: "late", "will"), or a verb whose object or complement the parse finds in
    lower case after the span ("Extending its reach"): a word of the language, not of the name. A word the
    text writes alone as a person is a name ("Felt said"). ``None`` when nothing is cut; the
    caller drops a span with nothing left that is a name (initials alone, an abbreviation)."""
    for token in doc[start + 1:end]:
        if not (token.is_alpha and token.text[:1].isupper()) or token.lower_ in lone_words:
            continue
        adjective = token.tag_ == "JJ" and token.dep_ == "amod" and token.head.i >= end and token.head.is_lower
        if (token.tag_ in _VERB_TAGS or adjective) \
                and (token.lower_ in lower_words or token.lemma_.lower() in lower_words
                     or (token.tag_ in _VERB_TAGS and any(child.i >= end and child.is_lower and child.is_alpha
                                                          for child in token.children))):
            return token.i
    return None


_SENTENCE_WORD_ENDS = ("ly", "ing", "ed")  # "Purportedly", "Following", "Stunned": an adverb or a verb's form


def sentence_word_before_surname(doc: Doc, start: int, lone_words: frozenset[str], full_names,
                                 lower_words: frozenset[str]) -> bool:
    """A two-word PERSON span that begins a sentence (or follows punctuation) with a common
    English word (the caller checks WordNet's list) that is no given name nor family name,
    and whose second word the text writes alone as a person or as the last word of another
    full name: the first word is the sentence's, the name the surname alone. "Following
    Gigante's death" (ECB+ 26_7ecbplus), "Joining Cooley at the news conference"
    (16_1ecbplus), "Purportedly Simpson shot …" (45_5ecbplus), "Stunning Williams" (4_4ecbplus),
    "Born Vincenzo …" (26_6ecbplus), "Media Mogul Page" (4_7ecb): other outlets each. The
    word is no proper noun on the tagger's reading, or the text also writes it in lower case,
    or it ends as an adverb or a verb's form does ("-ly", "-ing", "-ed"; "Purportedly" is
    tagged NNP): "Bunny Yeager" (4_13ecb) keeps "Bunny", a proper noun the text never writes
    in lower case.
    ``full_names`` is :func:`not_people.full_name_words` of the doc."""
    first, second = doc[start], doc[start + 1]
    before = doc[start - 1] if start > 0 else None
    if not (first.is_alpha and first.is_title and second.is_alpha and second.is_title):
        return False
    if before is not None and not first.is_sent_start and before.is_alpha:
        return False
    word = first.lower_
    if word in world_given_names() or word in world_surnames() or word in surname_particles() or is_title_or_honorific(first):
        return False
    if first.tag_ in PROPER_TAGS and word not in lower_words and first.lemma_.lower() not in lower_words \
            and not word.endswith(_SENTENCE_WORD_ENDS):
        return False
    own = f"{word} {second.lower_}"
    elsewhere = second.lower_ in lone_words or any(
        other != own and other.endswith(" " + second.lower_) for other in full_names.get(second.lower_, {}))
    return elsewhere


_PARTICIPLE_TAGS = frozenset({"VBN"})


def participle_opening_sentence(doc: Doc, start: int, end: int) -> bool:
    """A PERSON span of two words or more whose first word opens the sentence as a past
    participle (the tagger's ``VBN``, an inflected form: its lemma is another word) that is no
    given name nor family name of any locale: the participle is the sentence's, the name
    starts after it. "Born Vincenzo, he was called "Chin" for short" (ECB+ 26_6ecbplus, judged
    wrong in round 17: "Born Vincenzo"); "Named Maurice Cheeks coach." (5_3ecbplus, another
    outlet; NER left the participle out there). Unlike :func:`sentence_word_before_surname`
    the name need not come back alone: a participle never begins a person's name."""
    first, second = doc[start], doc[start + 1] if start + 1 < end else None
    if second is None or not (first.is_alpha and first.is_title and second.is_alpha and second.is_title):
        return False
    word = first.lower_
    return first.is_sent_start and first.tag_ in _PARTICIPLE_TAGS and first.lemma_.lower() != word \
        and word not in world_given_names() and word not in world_surnames() and not is_title_or_honorific(first)


def organization_after_name(doc: Doc, start: int, end: int) -> int | None:
    """Where a known organisation's name (``data/organizations.jsonl``) that ends a PERSON span
    begins, when a name stands before it: the person's name is an attribute of the
    organisation there, as "the Bush administration" writes it in lower case. "Obama White
    House reverses Bush rule" (ECB+ 9_12ecbplus, a headline; judged wrong in round 17 as
    "Obama White House") beside "the Nixon White House hired its own operatives" (28_7ecb),
    "a stint in the Clinton White House" (34_10ecb) and "a Richard Nixon White House aide"
    (28_11ecbplus), other outlets where NER cut the same form into a person and an
    organisation: the caller does the same. ``None`` when no such name ends the span."""
    words = [t.text for t in doc[start:end]]
    for size in range(len(words) - 1, 0, -1):
        if tuple(words[-size:]) in known_organization_names() and doc[end - size - 1].is_alpha:
            return end - size
    return None


_INITIAL = re.compile(r"^[A-Z]\.$")


def country_initials_cut(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Where a PERSON span's name lies when a run of two initials or more ("U. S.", "W. H.
    O.", "N. J.": a country's, a state's or a body's abbreviation as ECB+ writes it) stands
    after a full word, with only title words or function words after the run: the name
    before it when a word of it is a given name or a family name ("Regina Benjamin U. S.
    Surgeon", ECB+ 34_11ecbplus; "Benjamin U. S.", 34_3ecbplus), else none ("Gunman Kills L.
    A. Deputy", 16_5ecbplus). A run at the front followed only by such words is no name ("U. S.
    Marshal", 3_9ecbplus; "W. H. O. Doctor", 39_7ecbplus; "N. J. He", 26_6ecbplus): ``(start,
    start)``. Initials before a surname stay ("A. J. Burnett", "T. Y. Hilton"): the word
    after the run is a name's. ``None`` when there is no such run."""
    k = start
    while k < end:
        if _INITIAL.match(doc[k].text) and k + 1 < end and _INITIAL.match(doc[k + 1].text):
            run_end = k
            while run_end < end and _INITIAL.match(doc[run_end].text):
                run_end += 1
            rest = [t for t in doc[run_end:end] if t.is_alpha]
            if all(is_title_word(t) or t.is_stop for t in rest):
                named = any(t.is_alpha and len(t) > 1 and (t.lower_ in world_given_names() or t.lower_ in world_surnames())
                            for t in doc[start:k])
                return (start, k) if named else (start, start)  # "Gunman Kills L. A. Deputy" (16_5ecbplus): none
            return None
        k += 1
    return None


def person_of_place(doc: Doc, ents: list[Span], places, english: frozenset[str]) -> list[Span]:
    """"Given Surname of PLACE" that NER typed an organisation, alone or run on over "of PLACE",
    is a person and where they are from: "Presidents Muhammadu Buhari of Nigeria and Patrice
    Talon of Benin" gives the ORG "Patrice Talon" (wn-afcfta-niamey-summit; without this rule
    :func:`~graphbuild.extraction.place_and_org_labels.organizations_of` runs it on over "of
    Benin"); "after PJ Carlesimo of Oklahoma City, Eddie Jordan of Washington, …" the ORG "PJ
    Carlesimo of Oklahoma City" (ECB+ 5_10ecb, a sports desk; NER types the others of the list
    PERSON + GPE). The words after "of" (or "of the") are one place the gazetteer knows
    (:class:`~graphbuild.extraction.place_and_org_labels.PlaceIndex`, a name that stands alone);
    the words before it are two or three capitalised words, none a title, an organisation
    noun, a place or institution head word or a known place; the first a given name (faker's
    lists) or no common English word (WordNet's), the others family names or no common
    English words, or else the name coordinated with a PERSON on the parse ("Talon" is a word).
    An organisation "of" a place is none of these: "Bank of England", "Democratic Party of
    Turkmenistan" (ECB+ 11_5ecb), "Christian Democratic Union of Germany" stay."""
    place_end = {start: end for start, end, alone in places if alone}
    if not place_end:
        return ents
    heads, nouns = place_heads(), organization_nouns()
    people = {i for span in ents if span.label_ == "PERSON" for i in range(span.start, span.end)}
    out: list[Span] = []
    for span in ents:
        split = None
        if span.label_ == "ORG":
            of = next((i for i in range(span.start + 2, min(span.end, span.start + 4) + 1)
                       if i < len(doc) and doc[i].lower_ == "of"), None)
            place = None if of is None or of + 2 >= len(doc) else of + 2 if doc[of + 1].lower_ == "the" else of + 1
            if place is not None and place in place_end and (span.end == of or place_end[place] == span.end):
                name = doc[span.start:of]
                if all((t.is_title or t.is_upper) and t.is_alpha and not is_title_or_honorific(t) and t.text not in heads
                       and t.lower_ not in nouns and t.i not in place_end for t in name) \
                        and (name[0].lower_ in world_given_names() or not is_english_word(name[0], english)) \
                        and (all(t.lower_ in world_surnames() or not is_english_word(t, english) for t in name[1:])
                             or _coordinated_with_person(name, people)):
                    split = of, place
        if split is None:
            out.append(span)
            continue
        out.append(Span(doc, span.start, split[0], label="PERSON"))
        if span.end > split[0]:
            out.append(Span(doc, split[1], span.end, label="GPE"))
    return out


def _coordinated_with_person(span: Span, people: set[int]) -> bool:
    """The span's head is a conjunct (or in apposition) of a word of a PERSON span (``people``:
    their tokens) on the parse."""
    root = span.root
    linked = [root.head] if root.dep_ in {"conj", "appos"} else []
    linked += [child for child in root.children if child.dep_ in {"conj", "appos"}]
    return any(t.i in people and not span.start <= t.i < span.end for t in linked)


def plural_before_name(doc: Doc, start: int, end: int, english: frozenset[str], full_names) -> bool:
    """The first word of a PERSON span is the plural of a common noun — a team's or a group's
    name that ended a headline or the sentence before, with no stop between: "Colts clinch
    playoff spot by beating Jags Quarterback Peyton Manning was nearly perfect" (ECB+ 29_2ecb),
    "Manning picks apart Jaguars Peyton Manning was nearly perfect" (29_11ecb, another outlet),
    "a playoff looming on Sunday at Pittsburgh against the Steelers Jackson enjoyed the best of
    his four NFL seasons" (35_3ecb; judged wrong in rounds 12 and 15), "Saints shut down Bush
    Running back to miss games against Lions and Panthers Reggie Bush's injury-hit season"
    (25_3ecb), "Veterans Donyell Marshall and Kareem Rush" (5_4ecb). A given name is no plural of
    a word: the word is in no given-name or family-name list (faker's, every locale), no title,
    and without its "s" (or the "ers" of an agent noun, "Steelers") a common English word
    (WordNet's). The rest is a name: a given name, a word in no dictionary ("Donyell"), or a role
    word before a given name ("Quarterback Peyton"); one word only when another full name of
    the text ends in it ("Vincent Jackson", so "Costas Karamanlis" stays whole: "costa" is a
    word, but no other Karamanlis is named)."""
    first = doc[start]
    word = first.lower_
    if end - start < 2 or not (first.is_alpha and first.is_title and word.endswith("s") and len(word) > 3):
        return False
    if word in world_given_names() or word in world_surnames() or is_title_or_honorific(first):
        return False
    if not (word[:-1] in english or (word.endswith("ers") and word[:-3] in english)):
        return False
    rest = doc[start + 1:end]
    if not all(t.is_title or not t.is_alpha for t in rest) or any(t.tag_ == "POS" or t.lower_ in POSSESSIVES for t in rest[:-1]):
        return False
    after = rest[0]
    if not after.is_alpha:
        return False
    if len(rest) == 1:
        own = f"{word} {after.lower_}"
        return any(other != own and other.endswith(" " + after.lower_) for other in full_names.get(after.lower_, {}))
    names = world_given_names()
    return after.lower_ in names or not is_english_word(after, english) \
        or (len(rest) >= 3 and rest[1].lower_ in names and rest[1].is_alpha)


_TITLES_LOOKED_BACK = 3  # "Area Commander Inspector Dave Gaskin": titles in a row before a name


def titles_before_surnames(doc: Doc) -> dict[str, frozenset[str]]:
    """The last word of each PERSON of two words or more → the title words the text writes
    before that name (or at its front): "Inspector Dave Gaskin" gives gaskin → {inspector}.
    One look at a few tokens before each entity: linear."""
    found: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or sum(t.is_alpha for t in ent) < 2:
            continue
        titles = {t.lower_.rstrip(".") for t in ent[:-1] if is_title_word(t)}
        for k in range(ent.start - 1, max(ent.start - 1 - _TITLES_LOOKED_BACK, -1), -1):
            if not is_title_word(doc[k]):
                break
            titles.add(doc[k].lower_.rstrip("."))
        if titles:
            found.setdefault(ent[-1].lower_, set()).update(titles)
    return {surname: frozenset(titles) for surname, titles in found.items()}


def abbreviated_title(doc: Doc, start: int, end: int, titled: dict[str, frozenset[str]]) -> bool:
    """The first word of a PERSON span is a short form of a title the text writes in full
    before the same person's name: "Insp Gaskin said" beside "Area Commander Inspector Dave
    Gaskin said" (ECB+ 23_8ecbplus; judged wrong in round 15), and with the period "Const.
    Fanning" beside "Constable Fanning" (18_6ecb), "Dep. Ortiz" beside "Deputy Ortiz"
    (16_2ecbplus), "Gov. Palin" beside "Governor Palin" (13_18ecb): other outlets, a title
    cut to its first letters. The word is capitalised, two letters or more and the start of
    the title, shorter than it; the span goes on with the name (``titled``:
    :func:`titles_before_surnames` of the doc)."""
    first = doc[start]
    word = first.lower_.rstrip(".")
    if end - start < 2 or not (first.is_title and first.text.rstrip(".").isalpha()) or len(word) < 2:
        return False
    return any(len(title) > len(word) and title.startswith(word) for title in titled.get(doc[end - 1].lower_, ()))


def country_then_body_named_alone(doc: Doc, ents: list[Span], places) -> list[Span]:
    """A country right before the name of a body that the article names alone elsewhere as an
    organisation is the start of that body's full name, which NER cut after the country:
    "the United States House of Representatives issued a subpoena" (NER: "the United States"
    and nothing; wn-ukraine-subpoena-pompeo, which writes "members of the House of
    Representatives" later; ECB+ 31_4ecb, another outlet, "the third-ranked North Carolina Tar
    Heels" beside "the Tar Heels", where NER also cut after the place). Other outlets write
    the same shape, which NER there took whole:
    "the United States Air Force" … "the Air Force" (MEANTIME corpus_airbus/100911), "the
    United States Federal Reserve" … "the Federal Reserve" (corpus_stock/113278).

    The country is a place the gazetteer knows wherever it stands (``places``' third item; a
    state too: "the third-ranked North Carolina Tar Heels" beside "Tar Heels", ECB+ 31_4ecb,
    is the team's full name); the body's words follow it with no punctuation and are, word
    for word, an ORG of the same article of two words or more (without "the"), capitalised
    words and function words only ("its United Kingdom iTunes store", MEANTIME corpus_apple,
    beside "the iTunes store", stays apart); and the name ends there: "the United States Dow
    Jones Industrial Average" (MEANTIME corpus_stock/82738, beside "Dow Jones") is no "United
    States Dow Jones". One look-up per entity: linear."""
    alone = {(start, end) for start, end, flag in places if flag}
    bodies = {tuple(t.lower_ for t in span if not (t.i == span.start and t.lower_ == "the"))
              for span in ents if span.label_ == "ORG"}
    bodies = {words for words in bodies if len(words) >= 2}
    lengths = sorted({len(words) for words in bodies}, reverse=True)
    covered = {i for span in ents for i in range(span.start, span.end)}
    out: list[Span] = []
    for span in ents:
        start = span.start + 1 if doc[span.start].lower_ == "the" else span.start
        if span.label_ in {"GPE", "ORG"} and (start, span.end) in alone and span.end < len(doc) \
                and doc[span.end - 1].whitespace_:
            n = next((n for n in lengths if span.end + n <= len(doc)
                      and not any(i in covered for i in range(span.end, span.end + n))
                      and tuple(t.lower_ for t in doc[span.end:span.end + n]) in bodies
                      and all(t.is_title or (t.is_lower and t.is_stop) for t in doc[span.end:span.end + n])
                      and doc[span.end + n - 1].is_title
                      and not (span.end + n < len(doc) and proper_capitalised(doc[span.end + n]))), None)
            if n is not None:
                out.append(Span(doc, span.start, span.end + n, label="ORG"))
                continue
        out.append(span)
    return out
