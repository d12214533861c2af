"""The ``entity_repair`` pipeline component: rule-based repairs of the small English model's
entity spans, run right after ``ner`` so every later stage sees the repaired entities.

Office titles such as ``Defense Secretary`` are recorded in ``doc.spans["titles"]`` and never
left as ORG entities (``Defense`` → ORG is a known error) nor inside a PERSON span;
honorific + capitalised word (``Mr Mattis``) is a PERSON whatever NER said; leading
honorifics are trimmed from PERSON spans. The component applies the rules of
:mod:`~graphbuild.extraction.name_boundaries` (where a name starts and ends),
:mod:`~graphbuild.extraction.names_by_context` (names the sentence says are people) and
:mod:`~graphbuild.extraction.place_and_org_labels` (places and organisations NER mislabelled
or missed), then finds names again where the text repeats them.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graphbuild.extraction.bracketed_acronyms import bracketed_acronym_names
from graphbuild.extraction.month_names import month_word_names, time_word_surnames
from graphbuild.extraction.name_boundaries import (abbreviated_title, adjacent_person_names, country_initials_cut,
                                                   country_then_body_named_alone, country_then_name_after_title_of,
                                                   given_name_cut,
                                                   glued_after_name, glued_before_name, headline_verb_cut,
                                                   sentence_word_before_surname,
                                                   hyphenated_given_names, joined_names, last_word_left_out,
                                                   named_without_last_word, person_of_place, plural_before_name,
                                                   position_before_name, titles_before_surnames,
                                                   without_headline_fragments)
from graphbuild.extraction.name_words import (CALENDAR_WORDS, POSSESSIVES, PROPER_TAGS, abbreviations_only, english_words,
                                              fold_accents, is_english_word, is_title_or_honorific,
                                              is_title_word, name_like, name_word_count, proper_capitalised,
                                              short_capitals, time_zone_after_a_time)
from graphbuild.extraction.names_by_context import (RELABELLED_LABELS, names_after_title_complements,
                                                    names_after_title_words, names_after_titles, person_by_context,
                                                    sentence_opening_given_names, title_before_given_name,
                                                    yield_to_names)
from graphbuild.extraction.nicknamed_names import nicknamed_names
from graphbuild.extraction.roles import ROLE, role_or_work, roles_and_works
from graphbuild.extraction.not_people import (DROP, common_noun_modifying_a_noun, common_word_opening_sentences,
                                              coordinated_with_place, digits_cut, full_name_words, initials_only,
                                              initials_then_surname, lone_person_uses, lower_case_words,
                                              name_then_country, organization_names, person_verdict, place_then_plural,
                                              place_then_state, hometown_of_person, place_then_region, slug_words)
from graphbuild.extraction.numbered_names import numbered_group_names
from graphbuild.extraction.regnal_names import regnal_names
from graphbuild.extraction.sides_of_games import sides_of_games, teams_with_number_names
from graphbuild.extraction.storm_names import storm_names
from graphbuild.extraction.place_and_org_labels import (PlaceIndex, ministries_after_demonym, organizations_by_noun,
                                                        organizations_of, organizations_split_at_in,
                                                        places_before_division_nouns, places_by_noun,
                                                        places_opening_longer_names,
                                                        places_by_site_noun, places_mislabelled, platforms,
                                                        places_missed, teams_named_by_place)
from graphbuild.vocabulary import (given_names, honorifics, institution_heads, job_abbreviations, office_departments,
                                   office_heads, office_modifiers, place_heads, place_names, surname_particles,
                                   time_zone_abbreviations, title_words, world_given_names, world_surnames)

TITLES_KEY = "titles"
REPAIR_COMPONENT = "entity_repair"


@Language.factory(REPAIR_COMPONENT)
def make_entity_repair(nlp: Language, name: str) -> "EntityRepair":
    return EntityRepair(nlp)
# Labels whose names a place head word at the end makes a place or an institution
# (graphbuild/data/place_heads.jsonl).
_SITE_LABELS = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})
# Labels of names that are no person ("Petrobras" as an ORG elsewhere in the text).
_NAMES_OF_THINGS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})


class EntityRepair:
    """Rule-based repairs of entity spans; see the module docstring. Every rule looks at
    an entity and its neighbouring tokens only: linear in the length of the text."""

    def __init__(self, nlp: Language):
        heads = list(office_heads())
        self.matcher = Matcher(nlp.vocab)
        modifier = {"LOWER": {"IN": list(office_modifiers())}}
        head = {"LOWER": {"IN": heads}}
        # "foreign minister"; "Secretary-General", "Deputy Secretary-General", "Secretary General"
        # (wn-mugabe-au-suspension, wn-nato-wales-summit; ECB+ 41_5ecb: "U.N. Secretary-General Ban Ki-moon").
        self.matcher.add("TITLE", [[{**modifier, "OP": "+"}, head],
                                   [{**modifier, "OP": "*"}, head, {"ORTH": {"IN": ["-", "‑"]}}, head],
                                   [{**modifier, "OP": "*"}, head, {"LOWER": "general"}]],
                         greedy="LONGEST")
        # "Secretary of State", "Minister of Mines and Energy" (graphbuild/data/office_departments.jsonl).
        self.matcher.add("TITLE_OF", [[{"LOWER": {"IN": heads}}, {"LOWER": "of"}, *({"LOWER": w} for w in department)]
                                      for department in office_departments()], greedy="LONGEST")
        # Places NER missed (graphbuild.vocabulary.place_names): "the presidents of: Venezuela (…),
        # Guiana (…) and Suriname (…)" (wn-lula-meets-chavez), "hailed by the President of Gabon"
        # (wn-mugabe-au-suspension), "in Porto Alegre" (wn-venezuela-colombia-crisis).
        self.places = PlaceIndex(*place_names())
        # Given-name lists (faker's, ~0.75 s) load with the model, not inside the first
        # article's time budget: a fresh worker's first article has a budget of ~1 s.
        world_given_names()
        world_surnames()
        given_names()
        time_zone_abbreviations()
        # English common words (WordNet's index that the model's lemmatizer ships): a word glued
        # before a name is one ("Naturally", "Hire", "Panthers"), the first word of a foreign
        # name rarely ("Sutopo Purwo Nugroho", ECB+ 37_3ecbplus).
        self.english = english_words(nlp)
        # "Mr Mattis", but not "Mr. President"; initials before the surname belong to the name
        # ("EAM S Jaishankar": in.news.yahoo.com ANI 2021-05-28; "Dr S Jaishankar": thesamikhsya.com).
        honorific = {"LOWER": {"IN": sorted(honorifics())}}
        name = {"IS_TITLE": True, "IS_SENT_START": False, "NORM": {"NOT_IN": sorted(title_words())}}
        initial = {"TEXT": {"REGEX": r"^[A-Z]\.?$"}, "IS_SENT_START": False}
        self.matcher.add("HONORIFIC", [[honorific, name], [honorific, initial, {**initial, "OP": "?"}, name]],
                         greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        titles: list[Span] = []
        honorific_names: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            if doc.vocab.strings[match_id] == "HONORIFIC":
                if start > 0 and doc[start - 1].like_num:
                    continue  # "1:50 PM Lindsay" (ECB+ 1_21ecbplus): a time, not "PM Modi"
                honorific_names.append(Span(doc, start + 1, end, label="PERSON"))
            else:
                titles.append(Span(doc, start, end, label="TITLE"))
        kept: list[Span] = []
        named: list[Span] = []  # names that end where a title began ("Associated Press writer")
        for span in filter_spans(titles):
            title, name = yield_to_names(doc, span)
            if title is not None:
                kept.append(title)
            if name is not None:
                named.append(name)
        doc.spans[TITLES_KEY] = kept

        title_tokens = {i for span in kept for i in range(span.start, span.end)}
        after_title = {span.end for span in kept}
        honorific_tokens = {span.start for span in honorific_names}
        person_first = {ent[0].lower_ for ent in doc.ents if ent.label_ == "PERSON"}
        person_words = Counter(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent)
        urls = _url_tokens(doc)
        full_names, lone_uses, orgs = full_name_words(doc), lone_person_uses(doc), organization_names(doc)
        roles = roles_and_works(doc, full_names)  # "Bella Swan (Kristen Stewart)" (extraction/roles.py)
        lower_words = lower_case_words(doc)
        titled = titles_before_surnames(doc)
        slug = slug_words(doc, self.english)
        lone_words = frozenset(lone_uses)
        other_names = {fold_accents(ent.text).casefold() for ent in doc.ents if ent.label_ in _NAMES_OF_THINGS}
        ents: list[Span] = []
        places = list(self.places(doc))  # one pass over the tokens for every use
        place_starts = {start for start, _, _ in places}
        alone_place_starts = {start for start, _, alone in places if alone}  # names that are places wherever they stand
        place_tokens = {i: (start, end, alone) for start, end, alone in places for i in range(start, end)}
        # "Ambassador to the United Nations Nikki Haley" (extraction/names_by_context.py)
        complement_names = names_after_title_complements(
            doc, kept, {i for start, end, alone in places if alone for i in range(start, end)}, self.english)
        after_title |= complement_names
        glued_off: set[int] = set()  # words cut off the front of a name as the sentence's
        source = filter_spans(list(doc.ents) + named) if named else list(doc.ents)
        for ent in source:
            start, end, label = ent.start, ent.end, ent.label_
            while start < end and start in urls:  # "html SEACOM" (ECB+ 30_11ecbplus)
                start += 1
            if any(i in urls for i in range(start, end)):
                continue
            if end - start == 1 and time_zone_after_a_time(doc, start):
                continue  # "at 4 a.m. GMT", "(1930 UTC)": a clock's zone, no organisation
            # Trim office titles, honorifics and title words off the front of an entity.
            while start < end and (start in title_tokens or doc[start].lower_ in honorifics()
                                   or (label == "PERSON" and end - start > 1 and is_title_word(doc[start]))
                                   or title_before_given_name(doc, start, end, label)):
                start += 1
            while label == "PERSON" and end - start > 1 and doc[start].is_lower and doc[start].is_alpha \
                    and doc[start].lower_ not in surname_particles():
                # A name never begins with a lower-case word but a particle ("de", "al"): "when
                # unbeaten Russian Alexander Povetkin suffered" (ECB+ 7_7ecb), "html Colts" (29_1ecbplus).
                start += 1
            if label == "PERSON" and abbreviated_title(doc, start, end, titled):
                glued_off.add(start)  # "Insp Gaskin" beside "Inspector Dave Gaskin" (extraction/name_boundaries.py)
                start += 1
            if start == end:
                continue  # the whole entity was a title ("Defense" → ORG, "President" → PERSON)
            if label in RELABELLED_LABELS and (cut := next((k for k in range(start + 1, end) if k in complement_names),
                                                           None)) is not None:
                if doc[start].is_title or doc[start].is_upper or doc[start].lower_ == "the":
                    ents.append(Span(doc, start, cut, label=label))  # "[the United Nations] [Nikki Haley]"
                start = cut
            if any(i in title_tokens for i in range(start, end)):
                # A title inside an ORG/NORP span: keep only what comes after it.
                start = max(i for i in range(start, end) if i in title_tokens) + 1
                if start >= end:
                    continue
            if start > ent.start and not doc[start].text[:1].isupper():
                continue  # what a title leaves is no name: "[Secretary of Health] and Human Services" (ECB+ 34_6ecbplus)
            if any(i in honorific_tokens for i in range(start, end)) and label != "PERSON":
                continue  # replaced by the honorific PERSON span below
            if label in {"PERSON", "GPE", "LOC"} and end - start == 1 and is_title_word(doc[start]):
                continue  # "President" or "Sultan" alone is no name nor place
            if label == "ORG" and end - start == 1 and doc[start].is_upper \
                    and (is_title_word(doc[start]) or doc[start].lower_ in job_abbreviations()) and _used_as_title(doc, start):
                continue  # "GM Theo Epstein", "assistant GM": a job title, not General Motors
            while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_stop and doc[end - 1].tag_ != "POS" \
                    and doc[end - 1].lower_ not in POSSESSIVES:
                # A name never ends in a function word: "Patrice Talon of" (ORG, "Presidents Muhammadu
                # Buhari of Nigeria and Patrice Talon of Benin", wn-afcfta-niamey-summit), "Thompson
                # in" (ORG, ECB+ 7_8ecbplus), "National Player of" (ORG, 31_2ecb). Possessives stay
                # (they are trimmed from the mention: extraction/entities.py).
                end -= 1
            if label in RELABELLED_LABELS and person_by_context(doc, start, end, label, after_title, person_first, place_starts,
                                                                lone_words, self.english, frozenset(other_names)):
                label = "PERSON"
            while label == "PERSON" and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha \
                    and not (doc[end - 2].text in {"-", "‐", "‑"} and not doc[end - 2].whitespace_):  # "Song Young-moo"
                # A name never ends in a lower-case word: 'Anthony "Fat Tony" Salerno and' (ECB+
                # 26_10ecbplus), "Herbert Flynn Jr told" (45_5ecbplus), "Ross doesn" (6_2ecbplus).
                end -= 1
                while end - start > 1 and doc[end - 1].text in {"-", "–", ","}:
                    end -= 1  # "Jonathan Wright - director" (ECB+ 30_7ecb)
            if label in {"PERSON", "ORG"} and (position := position_before_name(doc, start, end, label)) is not None:
                if position > start and name_like(doc, start, position):
                    ents.append(Span(doc, start, position, label="ORG"))  # "Colts" of "Colts QB Andrew Luck"
                start, label = position + 1, "PERSON"
            if label == "PERSON" and end - start - (doc[end - 1].tag_ == "POS") == 2 \
                    and (is_english_word(doc[start], self.english) or _a_form_of_a_word(doc[start], self.english)) \
                    and sentence_word_before_surname(doc, start, lone_words, full_names, lower_words):
                glued_off.add(start)
                start += 1  # "Following Gigante", "Stunning Williams" (extraction/name_boundaries.py)
            if label == "PERSON" and plural_before_name(doc, start, end, self.english, full_names):
                glued_off.add(start)
                ents.append(Span(doc, start, start + 1, label="ORG"))  # the team: "Steelers" of "the Steelers Jackson"
                start += 1  # "the Steelers Jackson", "Jags Quarterback Peyton Manning" (extraction/name_boundaries.py)
            if label == "PERSON" and name_word_count(doc[start:end]) >= 3 and person_words[doc[start].lower_] == 1 \
                    and is_english_word(doc[start], self.english) and glued_before_name(doc[start:end]):
                glued_off.add(start)  # never taken back as a given name ("Coroner Gary Hargrove", ECB+ 28_10ecbplus)
                start += 1
            if label == "PERSON" and name_word_count(doc[start:end]) >= 3 \
                    and (is_english_word(doc[end - 1], self.english) or doc[end - 1].lower_ in lower_words) \
                    and doc[end - 1].text not in place_heads() and glued_after_name(doc[start:end]) \
                    and named_without_last_word(doc, start, end):
                end -= 1
            if label == "PERSON" and (initials := country_initials_cut(doc, start, end)) is not None:
                start, end = initials  # "Benjamin U. S.", "U. S. Marshal" (extraction/name_boundaries.py)
                if start == end:
                    continue
            if label == "PERSON" and (verb := headline_verb_cut(doc, start, end, lower_words, lone_words)) is not None:
                end = verb  # "Andrew Lopez Confesses To Murder", "D. A. Will Now Seek" (extraction/name_boundaries.py)
                while end > start and not doc[end - 1].is_alpha and doc[end - 1].text != ".":
                    end -= 1
            if label in {"PERSON", "ORG"}:
                cut = given_name_cut(doc, start, end, label, person_first, other_names, alone_place_starts)
                if cut is not None:
                    if cut[1]:
                        ents.append(Span(doc, start, cut[0], label="ORG"))
                    start, label = cut[0], "PERSON"
            if label == "PERSON":
                if not any(c.isupper() for c in doc[start:end].text):
                    continue  # "dailymail." (ECB+ 19_8ecbplus, 32_2ecbplus), "html" (10_18ecbplus): no name
                if short_capitals(doc[start:end]) or abbreviations_only(doc[start:end]):
                    label = "ORG"  # "SAG" (ECB+ 2_11ecb), "ATI" (43_3ecb), "CA" (44_1ecb): an abbreviation
            if label == "PERSON" and initials_only(doc[start:end]) and initials_then_surname(doc, start, end):
                end += 1  # "chief of staff H.R. Haldeman" (ECB+ 28_3ecb): NER's PERSON was "H.R." (extraction/not_people.py)
            if label == "PERSON" and any(c.isdigit() for c in doc[start:end].text):
                end = digits_cut(doc, start, end) or end  # "Joe Louis 26 - 1" (extraction/not_people.py)
            if label == "PERSON" and (role := role_or_work(doc, start, end, roles)) is not None:
                if role == ROLE:
                    continue  # "cast as Danny Oldsen", "a diminutive of Vincente": no person (extraction/roles.py)
                label = role  # "her roles in American Pie and Van Wilder": a work; "applications including Diablo III"
            if label == "PERSON" and (verdict := person_verdict(doc, start, end, full_names, self.english, lone_uses,
                                                                orgs, lower_words, slug)) is not None:
                if verdict == DROP:
                    continue  # a digit or a date: "Galaxy S4", "Fri Aug" (extraction/not_people.py)
                label = verdict
                if end < len(doc) and doc[end].is_title and institution_heads().get(doc[end].text) == verdict \
                        and doc[end].ent_iob_ == "O":
                    end += 1  # "Betty Ford" + "Center": the institution's name with its head word
            elif label == "PERSON" and coordinated_with_place(doc, start, end, place_tokens):
                label = "GPE"  # "the Ports of Newark and Elizabeth" (extraction/not_people.py)
            elif label == "PERSON" and name_then_country(doc, start, end, place_tokens, self.english):
                label = "ORG"  # "Etisalat Egypt": a company's branch (extraction/not_people.py)
            elif label == "PERSON" and place_then_state(doc, start, end, place_tokens):
                label = "ORG"  # "against Indiana State" (extraction/not_people.py)
            elif label == "PERSON" and place_then_plural(doc, start, end, place_tokens, self.english):
                label = "ORG"  # "the NBA's Charlotte Bobcats" (extraction/not_people.py)
            elif label == "PERSON" and hometown_of_person(doc, start, end, place_tokens):
                label = "GPE"  # "his sons Ike III, of Jackson" (extraction/not_people.py)
            elif label == "PERSON" and place_then_region(doc, start, end, place_tokens, full_names):
                label = "GPE"  # "Troy, Michigan", "Jackson, Miss." (extraction/not_people.py)
            if label == "ORG" and common_word_opening_sentences(doc, start, end, self.english):
                continue  # '"Justice has been served"': a common word opening a sentence (extraction/not_people.py)
            if label == "ORG" and common_noun_modifying_a_noun(doc, start, end):
                continue  # "a CCTV operator": a common noun's abbreviation as a modifier (extraction/not_people.py)
            head_label = place_heads().get(doc[end - 1].text) if end - start >= 2 else None
            if head_label is not None and label == "PERSON" and end - start == 2 \
                    and doc[start].lower_ in world_given_names() and doc[end - 1].lower_ in lone_words:
                # "Dale Hall, who directs the Fish and Wildlife Service" beside "Hall said" (ECB+
                # 9_2ecb): a given name and a word the text writes alone as a person are that
                # person, the head word a surname (names_by_context.person_by_context for other labels).
                head_label = None
            if head_label is not None and (label in _SITE_LABELS or (label in {"GPE", "LOC"} and head_label == "ORG")):
                # "John Radcliffe Hospital" (PERSON), "Georgian National Park" (ORG), "Ben Gurion
                # Airport" (FAC), "Republic of Korea Navy" (GPE): the last word says what kind of name it is.
                label = head_label
            ents.append(Span(doc, start, end, label=label))
        ents = country_then_name_after_title_of(doc, ents, places, self.english)
        ents = country_then_body_named_alone(doc, ents, places)  # "the United States House of Representatives"
        ents = hyphenated_given_names(doc, ents, self.english)
        ents = last_word_left_out(doc, ents, self.english, place_starts, lower_words)
        ents = joined_names(doc, ents, person_first, {i for start, end, _ in places for i in range(start, end)}, glued_off)
        ents = adjacent_person_names(doc, ents)  # "Silas Rondeau" + "Cavalcante Silva"
        ents = sentence_opening_given_names(doc, ents, set(place_tokens))  # "Lindsay" before "Lohan"
        ents = month_word_names(doc, ents, after_title)  # "Theresa May", "May said" (extraction/month_names.py)
        ents = time_word_surnames(doc, ents)  # "referee Tony Weeks" (extraction/month_names.py)
        ents = numbered_group_names(doc, ents)  # "Group of 20" (extraction/numbered_names.py)
        covered = {i for span in ents for i in range(span.start, span.end)}
        person_at = {span.start: k for k, span in enumerate(ents) if span.label_ == "PERSON"}
        for span in honorific_names:
            if span.start not in covered:
                if span.end in person_at and span.end - 1 not in covered \
                        and not is_english_word(doc[span.end - 1], self.english):  # "Mr Justice Anthony Mann" (MEANTIME apple_40203)
                    # The honorific's word and the PERSON right after it are one name: "the
                    # prophetic Dr Azm Al Homoud" (ECB+ 20_10ecbplus), "Scientists such as Dr
                    # Azm Al - Homoud" (20_9ecbplus, another outlet): NER's PERSON was "Al Homoud".
                    k = person_at[span.end]
                    ents[k] = Span(doc, span.start, ents[k].end, label="PERSON")
                else:
                    ents.append(span)
                covered.update(range(span.start, span.end))
        ents.extend(names_after_titles(doc, after_title, covered))
        ents.extend(names_after_title_words(doc, ents, {i for start, end, _ in places for i in range(start, end)},
                                             self.english))
        ents = person_of_place(doc, ents, places, self.english)  # "Patrice Talon of Benin" (ORG): a person and a place
        ents = regnal_names(doc, ents)  # "Queen Elizabeth II", "Pope Benedict XVI" (extraction/regnal_names.py)
        covered = {i for span in ents for i in range(span.start, span.end)}
        ents = places_mislabelled(doc, ents, places)
        ents = places_by_noun(doc, ents)  # "our biggest island Crete" (ORG), "capital Banda Aceh" (PERSON)
        ents = places_before_division_nouns(doc, ents)  # "Maidan Wardak province" (PERSON), "the Ural region"
        ents = places_by_site_noun(doc, ents)  # "the Aphrodite gas field", "the Karish and Tanin fields"
        ents = platforms(doc, ents)  # "posted a message on Facebook" (missed), "two YouTube videos" (PRODUCT)
        ents.extend(places_missed(doc, covered, places))
        ents = organizations_by_noun(doc, ents, {(start, end) for start, end, _ in places})
        ents = organizations_of(doc, ents)
        ents = ministries_after_demonym(doc, ents)  # "Israeli Foreign ministry", "Indonesian health ministry"
        ents = organizations_split_at_in(doc, ents, places)  # "Democratic Rally in Cyprus"
        ents = places_opening_longer_names(doc, ents, places, self.english)  # "Texas Stadium", "Indianapolis Colts star"
        ents = teams_named_by_place(doc, ents)  # "traded from Atlanta", "games against Detroit"
        ents = teams_with_number_names(doc, ents)  # "the Philadelphia 76ers" (extraction/sides_of_games.py)
        ents = sides_of_games(doc, ents)  # "a Chicago loss", "eliminated by Detroit" (extraction/sides_of_games.py)
        ents = bracketed_acronym_names(doc, ents)  # "Kurdistan Workers' Party (PKK)" (extraction/bracketed_acronyms.py)
        ents = storm_names(doc, ents)  # "Hurricanes Katrina and George" (extraction/storm_names.py)
        doc.ents = filter_spans(ents)  # token entity tags first: the headline test reads them
        doc.ents = without_headline_fragments(doc, list(doc.ents), title_tokens)
        doc.ents = nicknamed_names(doc, list(doc.ents))  # "Adam (Pacman) Jones" (extraction/nicknamed_names.py)
        repeated = self._repeated_names(doc)
        if repeated:
            doc.ents = sorted([*doc.ents, *repeated], key=lambda span: span.start)
        return doc

    def _repeated_names(self, doc: Doc) -> list[Span]:
        """One sense per discourse: a name the text's entities spell out is a name wherever it
        stands again, capitalised, where NER found nothing: "Mitchell" after "George Mitchell"
        (wn-obama-al-arabiya), "Ruto" after "William Ruto" (wn-annan-warns-kenya), "Ketsoyan"
        after "Jack Ketsoyan" (ECB+ 1_10ecb). The surfaces are the text's own PERSON, ORG, GPE and LOC names, and the
        last word of each person's full name (a PERSON); one surface the text labels two ways
        names nothing. A match must be proper nouns on the tagger's reading (so not a
        sentence-initial common word, nor a demonym used as an adjective), no title, month or
        weekday, and stand alone: no capitalised proper noun right before or after it (part of
        a longer name). spaCy's PhraseMatcher, built per document from its own names: linear."""
        labels: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for ent in doc.ents:
            if ent.label_ not in _REPEATED_LABELS:
                continue
            words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the") and t.tag_ != "POS"]
            if words and all(_repeatable(t) for t in words):
                labels[tuple(t.text for t in words)].add(ent.label_)
            if ent.label_ == "PERSON" and len(words) >= 2 and _repeatable(words[-1]):
                labels[(words[-1].text,)].add("PERSON")
        surfaces = {words: next(iter(found)) for words, found in labels.items() if len(found) == 1}
        if not surfaces:
            return []
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for words, label in surfaces.items():
            matcher.add(label, [Doc(doc.vocab, words=list(words))])
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        found: list[Span] = []
        for match_id, start, end in matcher(doc):
            if any(i in taken for i in range(start, end)) or not all(t.tag_ in PROPER_TAGS for t in doc[start:end]):
                continue
            if (start > 0 and proper_capitalised(doc[start - 1])) or (end < len(doc) and proper_capitalised(doc[end])):
                continue
            if start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text[-1:].isalnum():
                continue  # glued to a word or number: "30GB" (MEANTIME apple_23973)
            if start > 1 and doc[start - 1].lower_ in _NAME_GLUE and proper_capitalised(doc[start - 2]):
                continue  # inside a longer name: "House of Representatives" (wn-ukraine-subpoena-pompeo)
            found.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
            taken.update(range(start, end))
        return found


_REPEATED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})
_NAME_GLUE = frozenset({"of", "for", "and", "de", "&"})  # lower-case words inside longer names


def _repeatable(token: Token) -> bool:
    """A word a name can be found again by: capitalised letters, no title, month or weekday."""
    return (token.is_alpha and len(token) > 1 and (token.is_title or token.is_upper) and not is_title_or_honorific(token)
            and token.lower_ not in CALENDAR_WORDS)


# A web address, also as ECB+ writes it, a space around each piece ("http: / / nbasource.
# blogspot. nl / 2005 _ 05 _ 01 _ archive. html", 5_7ecbplus; "http: / / mygaming. co. za /
# news / ... - next - week. html", 30_11ecbplus): after "." only a lower-case piece goes on,
# so the sentence after the address is not taken.
_URL = re.compile(r"(?:\b(?:https?|ftp) ?: ?/ ?/|\bwww ?\.) ?[\w%~]+(?: ?[/_\-=?&#:] ?[\w%~]+| ?\. ?[a-z0-9][\w%~]*)*")


def _url_tokens(doc: Doc) -> set[int]:
    """The tokens of web addresses: no entity is taken from them ("nl / 2005", an
    organisation in ECB+ 5_7ecbplus and 16_11ecbplus, two blogs; "html SEACOM", 30_11ecbplus)."""
    found: set[int] = set()
    for match in _URL.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def _a_form_of_a_word(token: Token, english: frozenset[str]) -> bool:
    """A verb's form whose lemma is a common English word, or a function word (WordNet lists
    neither): "Having Jackman host certainly fits" (ECB+ 2_4ecb), "Losing Thomas is bad
    enough" (25_5ecbplus), "Describing Yida as a very insecure area" (41_9ecbplus), "Without
    Felt's information" (28_5ecb): other outlets each."""
    return token.is_stop or (token.tag_.startswith("VB") and token.lemma_.lower() in english)


def _used_as_title(doc: Doc, index: int) -> bool:
    """A job-title abbreviation ("GM", "CTO", "VP") written as a title: right before a
    person's name, its next word a given name ("GM Theo Epstein", ECB+ 10_1ecbplus; "current
    GM Ed Stefanski", 5_6ecb; "CTO Andrew Alston", 30_11ecbplus). "including GM, Toyota",
    "GM Chief Executive", "GM Sells" (General Motors, MEANTIME corpus_gm) are none."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    return after is not None and after.is_title and after.is_alpha and not is_title_or_honorific(after) \
        and (after.lower_ in world_given_names() or (after.ent_type_ == "PERSON" and after.ent_iob_ == "B"))
