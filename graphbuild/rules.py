"""Names of the rules that resolve mentions and hold offices (below the stages, like model.py).

Every resolution decision carries one of these values: the merge log writes it,
``graphbuild explain`` prints it, and code that must tell decisions apart tests the
member, never the message text. They are ``str`` enums so the value is what the merge
log and the graph files hold ("person:full-name"), and old logs read back unchanged.
"""
from __future__ import annotations

import enum


class EntityRule(str, enum.Enum):
    """How a mention was resolved to its entity (within an article, then across the corpus)."""

    # People, within one article (resolution/within_document.py)
    PERSON_FULL_NAME = "person:full-name"
    PERSON_SURNAME_IN_ARTICLE = "person:surname-in-article"
    # A surname two full names of the article share ("Katherine Gomes", "Gary Gomes"): the
    # full name written last before it (else the first one after it).
    PERSON_SURNAME_OF_NEAREST_IN_ARTICLE = "person:surname-of-nearest-full-name-in-article"
    PERSON_SURNAME_OF_NON_RELATIVE_IN_ARTICLE = "person:surname-of-full-name-no-relative-in-article"
    # A lone name one letter swapped or changed from the surname of one full name of its
    # article ("Odigna" beside "Raila Odinga"): resolution/within_document.py.
    PERSON_MISSPELT_SURNAME_IN_ARTICLE = "person:misspelt-surname-in-article"
    # A lone name that is the nickname the article writes inside one full name ("Chin" beside
    # 'Vincent "the Chin" Gigante'): resolution/within_document.py.
    PERSON_NICKNAME_WRITTEN_IN_NAME = "person:nickname-written-inside-full-name-in-article"
    PERSON_SINGLE_NAME = "person:single-name (article-scoped)"
    # People, across the corpus (resolution/across_documents.py, resolution/people/)
    PERSON_KNOWN_FULL_NAME = "person:known-full-name (mislabelled)"
    PERSON_SURNAME_OF_KNOWN = "person:surname-of-known-person (mislabelled)"
    # A small town's name that is the surname of the one full-name person of the corpus who
    # bears it ("Palin" of "Palin's Church", not Palín in Guatemala): resolution/across_documents.py.
    PERSON_SURNAME_NOT_A_SMALL_TOWN = "person:surname-of-the-one-person-of-the-corpus-not-a-small-town"
    PERSON_SINGLE_NAME_IN_CORPUS = "person:single-name-of-the-one-full-name-in-corpus"
    PERSON_SINGLE_NAME_BY_CONTEXT = "person:single-name-by-article-context"
    PERSON_SHORTER_NAME = "person:shorter-form-of-full-name"
    PERSON_NICKNAME = "person:nickname"
    PERSON_SPELLING = "person:spelling-variant"
    PERSON_WITHOUT_SECOND_SURNAME = "person:full-name-without-its-second-surname"
    PERSON_NAME_TYPED_ELSEWHERE = "person:typed-person-elsewhere-in-corpus"
    # A word typed ORG that its own article also types PERSON, resolved there to the one
    # person of the corpus with that surname, who holds an office for a country
    # ("Trump" typed ORG beside "Trump" typed PERSON: resolution/people/senses.py).
    PERSON_TYPED_PERSON_IN_ARTICLE = "person:organization-word-the-article-types-person (mislabelled)"
    # A common full name ("Matt Smith") in stories that share nothing else: another person
    # (resolution/people/common_names.py).
    PERSON_COMMON_NAME_OTHER_STORY = "person:common-name-in-unrelated-stories"
    # Countries
    COUNTRY_NAME = "country:name"
    COUNTRY_DEMONYM = "country:demonym"
    # A demonym in front of an organisation's name ("the Bolivian Senate"): the country is
    # named too (resolution/mentions.demonyms_in_front).
    COUNTRY_DEMONYM_IN_ORGANIZATION = "country:demonym-in-organization-name"
    COUNTRY_TAGGED_ORG = "country:name (tagged ORG)"
    COUNTRY_CONTAINS_PLACE = "country:contains-place"
    # Places
    PLACE_CITY = "place:city"
    PLACE_REGION = "place:region"
    PLACE_TERRITORY = "place:territory"
    PLACE_CAPITAL_TAGGED_ORG = "place:capital (tagged ORG)"
    PLACE_REGION_TAGGED_ORG = "place:region (tagged ORG)"
    PLACE_TERRITORY_TAGGED_ORG = "place:territory (tagged ORG)"
    PLACE_REGION_IN_CONTEXT = "place:region (the article names a place in it)"
    PLACE_REGION_HOLDING_OFFICE = "place:region (holds a regional office)"  # "Washington senator"
    # A place of the article's own countries, where the gazetteer's first choice lies in a
    # country the article does not name ("Portland" of Oregon, not Jamaica's parish; round 11).
    PLACE_IN_THE_ARTICLES_COUNTRY = "place:of a country the article names"
    # A town the article writes with its state or country, "Troy, Mich.", "Hyderabad,
    # Pakistan": that town, wherever the article names it (resolution/within_document.py).
    PLACE_WRITTEN_WITH_ITS_REGION = "place:written with its state or country"
    # The same town, where another article of the corpus writes the name that way and this
    # one names the town's country (resolution/stated_places.py).
    PLACE_AS_WRITTEN_WITH_ITS_REGION_ELSEWHERE = "place:as another article writes it with its state or country"
    # A name NER called a person that the gazetteer knows and no person of the corpus bears.
    PLACE_NOT_A_KNOWN_PERSON = "place:gazetteer-name-no-person-of-the-corpus-bears"
    # A place name the gazetteer does not know (resolution/events/within_article.py tests it).
    PLACE_UNRESOLVED = "place:unresolved"
    # Organisations
    ORG_ALIAS = "org:alias"
    ORG_ACRONYM_IN_ARTICLE = "org:acronym-defined-in-article"
    ORG_ACRONYM_IN_CORPUS = "org:acronym-defined-in-another-article"
    ORG_NAME = "org:name"
    # A city or country written for its team ("traded from Atlanta"): kept in its article.
    ORG_TEAM_NAMED_BY_PLACE = "org:team-named-by-its-place"
    # The same place name elsewhere in that article: one sense per article (round 14).
    ORG_TEAM_ELSEWHERE_IN_ARTICLE = "org:team-named-by-its-place-elsewhere-in-article"
    # Across the corpus (resolution/organization_forms.py): "State Department" is the one
    # "United States Department of State" of the corpus whose owner its article names; "IDF"
    # is the one organisation name of its article (else of the corpus) that it spells.
    ORG_NAME_WITHOUT_ITS_OWNER = "org:name-without-its-owner-in-corpus"
    ORG_ACRONYM_OF_ONE_NAME = "org:acronym-of-the-one-name-it-spells"
    # The last words of one longer organisation name of the same article: "Defence Ministry"
    # after "Russian Defence Ministry" (resolution/within_document.py).
    ORG_SHORT_NAME_IN_ARTICLE = "org:short-name-in-article"
    # One longer organisation name of the same article without its last word when that word
    # says what kind of body it is (data/kind_words.jsonl): "Burisma" after
    # "Burisma Holdings", "NBC" beside "NBC News" (resolution/within_document.py).
    ORG_NAME_WITHOUT_ITS_KIND_WORD = "org:name-without-its-kind-word-in-article"
    # A single name tagged PERSON that the same article tags as an organisation, borne by no
    # person of the corpus: one sense per article ("EastMed", wn-eastmed-mitsotakis; "Mozilla", ECB+ 27_7ecb).
    ORG_TYPED_ELSEWHERE_IN_ARTICLE = "org:typed-organization-elsewhere-in-article"
    # The same, when only other articles type the word, as one organisation or one place
    # (resolution/people/senses.py, one sense per corpus: "Twitter", "Bangalore").
    ORG_TYPED_ELSEWHERE_IN_CORPUS = "org:typed-organization-elsewhere-in-corpus"
    PLACE_TYPED_ELSEWHERE_IN_CORPUS = "place:typed-place-elsewhere-in-corpus"
    # A full name more articles type as one organisation than as a person, no office holder,
    # no family or given name last: that organisation everywhere ("Gordon Advisors", ECB+ 18_*;
    # resolution/across_documents.py, round 15).
    ORG_FULL_NAME_TYPED_ORGANIZATION_IN_CORPUS = "org:full-name-most-articles-type-organization"
    # A single name tagged PERSON that the same article tags as one place, borne by no person
    # of the corpus ("a Bloomington store" beside "in Bloomington", ECB+ 21_11ecb, 21_5ecb).
    PLACE_TYPED_ELSEWHERE_IN_ARTICLE = "place:typed-place-elsewhere-in-article"

    # A generic name ("Navy", "the South", "Democratic Party") in an article that does not
    # name the country of the name's other articles: the node of its article's own country,
    # else of its article only (resolution/country_context.py, round 11).
    GENERIC_NAME_OF_ITS_COUNTRY = "name:generic, of its article's country"
    GENERIC_NAME_IN_ARTICLE = "name:generic, of its article only"
    # A name of one body of a kind every town or story has ("the Post", "Superior Court",
    # "the Mafia") on the node of the articles that share a named person or organisation with
    # this one, when another group of the name's articles shares none with it (round 14).
    GENERIC_NAME_OF_ITS_STORY = "name:generic, of the articles sharing its story"

    def __str__(self) -> str:  # f-strings and logs show the value, as before the enum
        return self.value


class OfficeRule(str, enum.Enum):
    """The shape of text an office holding was read from (extraction/offices.py)."""

    PRE_MODIFIER = "office:pre-modifier"
    APPOSITION = "office:apposition"
    # Not an office: a generic role qualified by a country ("North Korean leader Kim
    # Jong-un"). Kept out of the graph's offices; the event merge reads it as a stand-in
    # (the person acts for the country, resolution/events/policy.py).
    STAND_IN = "office:stand-in"
    # Not an office: a family relation written beside a name ("his nephew William T.
    # LaRue", "Flynn's father, Herbert Flynn"). Never an edge; the within-article
    # resolution reads it to tell relatives of one surname apart (resolution/within_document.py).
    KIN = "office:kin"

    def __str__(self) -> str:
        return self.value


class PlaceRule(str, enum.Enum):
    """Where an event's place came from (resolution/events/within_article.py); the graph
    writes it on the event as ``place_rule``."""

    EXPLICIT = "explicit"  # a place phrase of the trigger: "met in Tokyo", "a visit to Japan"
    MODIFIER = "modifier"  # a name before the trigger: "the Tokyo meeting"
    # The article's dateline city: a guess that any place the text gives replaces, and that
    # never keeps two reports apart.
    DATELINE = "dateline"
    # The text says the event was "here": the dateline's place, as explicit as "in Tokyo"
    # (round 9, within_article._here).
    HERE = "here"

    def __str__(self) -> str:
        return self.value


class EventReference(str, enum.Enum):
    """How an event mention refers back to an event the article already told
    (extraction/events/references.py, finder.py)."""

    POSSESSIVE = "possessive"  # "their meeting", "his visit"
    DEFINITE = "definite"  # "the meeting", "the summit"
    THE_TWO = "the-two"  # "the two discussed", "the two leaders met"
    PRONOUN = "pronoun"  # "they met": the parties are a guess

    def __str__(self) -> str:
        return self.value


class EventRule(str, enum.Enum):
    """Event decisions that later code tells apart. An event's other ``rules`` entries are
    the evidence of its triggers (``verb:meet+with``), written for people, never keyed on."""

    # A report naming only the countries of a meeting folded into the report of their
    # leaders' meeting (resolution/events/across_articles.py).
    FOLD_STAND_IN = "fold:stand-in"

    def __str__(self) -> str:
        return self.value


# Rules whose entity may be a person's name the model mislabelled: only these are retyped
# by corpus-level evidence. Countries and places the gazetteer resolved never are.
RETYPABLE = frozenset({EntityRule.ORG_NAME, EntityRule.PLACE_UNRESOLVED, EntityRule.PERSON_SINGLE_NAME})
