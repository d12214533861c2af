"""A month word that is a person's surname: "Theresa May", "May said", "May's deal".

The small English model reads a capitalised month word as a date wherever it stands, so
a person whose surname is a month loses the name, and the meetings it is a party to lose
that party. Seen on real political news from two sources:

* Wikinews (wnx-johnson-elected-leader, bench/wikinews-extra): "Theresa May appointed
  him" gives the DATE "May" and no person; "in protest to May's negotiated Brexit
  agreement" another DATE;
* RTÉ News, 2017-10-16 (https://www.rte.ie/news/brexit/2017/1016/912668-brexit-brussels):
  a headline "May and Juncker agree …" and "Mrs May came to Brussels"; Yahoo News UK
  (https://uk.news.yahoo.com/brexit-theresa-may-tells-eu-225900664.html): "President
  Juncker and Prime Minister May discussed …".

The mechanism, in the order it runs over one document's entities:

1. a given name (:func:`graphbuild.vocabulary.world_given_names`) right before a
   one-word month DATE, or a month word NER left out of every entity, is that person's full name ("Theresa May"), unless a number or a
   year follows ("Jordan May 5" is no such case: the date has its day);
2. every other one-word DATE of that month word is the person's surname when it does
   not stand as a date: no number beside it and no word of time before it ("in May",
   "since May", "last May", "early May", "May 2019"). A month word the text never spells
   as a person's surname stays a date, however it stands.
3. a month word right after an office title or honorific ("Prime Minister May", "Mrs
   May") is a person's name too (the title says so).

Known limit: in a text that names a person of that surname, a month word with no number
and no word of time beside it is read as the person ("May is when the talks end" would
be wrong); in news the person reading is by far the more frequent one there.

The calendar words come from the standard library's ``calendar`` module (English locale);
cost is one pass over the entities and one look at each month word's neighbours.
"""
from __future__ import annotations

import calendar
from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from graphbuild.vocabulary import honorifics, world_given_names

MONTH_WORDS = frozenset(m for m in calendar.month_name if m)  # "January" … "December", capitalised
# Words before a month that make it a date: prepositions and determiners of time.
# ("between" and "at" are not: "between May and Juncker", "at May's side".)
TIME_WORDS = frozenset({"in", "since", "until", "till", "by", "of", "last", "next", "early", "late", "mid",
                        "this", "that", "from", "through", "to", "before", "after", "during", "on", "every",
                        "each", "throughout", "around", "end", "beginning", "middle", "-", "–"})


def month_word_names(doc: Doc, ents: list[Span], title_ends: Collection[int]) -> list[Span]:
    """``ents`` with the month-word DATE entities that are a person's name relabelled
    PERSON (a full name takes its given name in). ``title_ends``: token indices right
    after an office title ("Prime Minister| May")."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    # one-word month DATEs, and month words NER left out of every entity ("Theresa May said" → nothing)
    dates = [ent for ent in ents if ent.label_ == "DATE" and len(ent) == 1 and ent[0].text in MONTH_WORDS]
    dates += [Span(doc, t.i, t.i + 1, label="DATE") for t in doc if t.text in MONTH_WORDS and t.i not in taken]
    if not dates:
        return ents
    given = world_given_names()
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].text in MONTH_WORDS}
    replaced: dict[int, Span] = {}  # by the DATE's start
    for ent in dates:
        token = ent[0]
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.i not in taken and _given_name(before, given) and not _dated(doc, token, True):
            replaced[ent.start] = Span(doc, before.i, token.i + 1, label="PERSON")
            surnames.add(token.text)
    for ent in dates:
        token = ent[0]
        if ent.start in replaced:
            continue
        titled = token.i in title_ends or (token.i > 0 and doc[token.i - 1].lower_.rstrip(".") in honorifics())
        if (token.text in surnames or titled) and not _dated(doc, token, False):
            replaced[ent.start] = Span(doc, token.i, token.i + 1, label="PERSON")
    if not replaced:
        return ents
    names = list(replaced.values())
    covered = {i for span in names for i in range(span.start, span.end)}
    # the month DATEs replaced, and a one-word entity a new full name took in, give way
    kept = [ent for ent in ents if not any(i in covered for i in range(ent.start, ent.end))]
    return sorted([*kept, *names], key=lambda span: span.start)


def _given_name(token: Token, given: frozenset[str]) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.lower_ in given and token.text not in MONTH_WORDS


def _dated(doc: Doc, token: Token, full_name: bool) -> bool:
    """Does the month word stand as a date: a number next to it, a word of time before it?"""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and (after.like_num or (after.text == "," and token.i + 2 < len(doc)
                                                 and doc[token.i + 2].like_num)):
        return True  # "May 5", "May 2019", "May, 2019"
    if full_name:
        return False  # the given name right before it is no word of time
    before = doc[token.i - 1] if token.i > 0 else None
    return before is not None and (before.like_num or before.lower_ in TIME_WORDS)


_CALENDAR_WORDS = MONTH_WORDS | frozenset(d for d in calendar.day_name if d)
_PROPER_TAGS = frozenset({"NNP", "NNPS"})


def time_word_surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """A one-word DATE or TIME that is a capitalised proper noun in mid-sentence, no month
    or weekday, right after a given name, is that person's surname: "referee Tony Weeks
    saving 'The Rock'" (ECB+ 7_5ecb: PERSON "Tony", DATE "Weeks"), "Referee Tony Weeks
    elected to stop the bout" (7_7ecb, another outlet: DATE "Weeks" alone). The small model
    reads "Weeks", "Day", "Summers" as the common time words wherever they stand; a number
    beside it makes it a date again ("Tony Weeks 5" is no case). A given name already in a
    PERSON of one word, or in no entity, takes the surname in; a DATE NER ran over both
    words ("Victoria Day") is no case."""
    given = world_given_names()
    ends = {ent.end: k for k, ent in enumerate(ents)}
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    replaced: dict[int, Span] = {}  # entity index → the full name
    dropped: set[int] = set()
    for k, ent in enumerate(ents):
        if ent.label_ not in {"DATE", "TIME"} or len(ent) != 1 or ent.start == 0:
            continue
        token, before = ent[0], doc[ent.start - 1]
        if not (token.is_title and token.tag_ in _PROPER_TAGS and not token.is_sent_start
                and token.text not in _CALENDAR_WORDS and not _dated(doc, token, True)):
            continue
        if not _given_name(before, given) or before.text in _CALENDAR_WORDS:
            continue
        person = ends.get(ent.start)
        if person is not None and (ents[person].label_ != "PERSON" or len(ents[person]) != 1):
            continue
        if person is None and before.i in taken:
            continue
        replaced[k] = Span(doc, before.i, ent.end, label="PERSON")
        if person is not None:
            dropped.add(person)
    if not replaced:
        return ents
    return [replaced.get(k, ent) for k, ent in enumerate(ents) if k not in dropped]
