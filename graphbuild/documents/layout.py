"""Layout of a news article: headline, date line, dateline and web boilerplate.

Regular expressions are the right tool here: these are line-layout conventions of
news copy (``TOKYO —``, ``(Picture: …)``), not language, so the NLP model is no help.
Nothing is removed from the text: regions are reported as spans so that offsets
always index the original article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as dateutil_parser

from graphbuild.config import DATE_LINE_HEAD_LINES, DATE_LINE_HEAD_WORDS, TITLE_MAX_WORDS
from graphbuild.model import TextSpan

# "TOKYO —", "SEOUL, South Korea (AP) —", "WASHINGTON (Reuters) -", "LONDON, June 12
# (Reuters) -": the place is in capitals, optionally followed by a region or a day and
# an agency, then a dash.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3})"
    r"(?:,\s+(?:[A-Z][\w.'’]*|\d{1,2})(?:\s+(?:[A-Z][\w.'’]*|\d{1,4},?)){0,3})?"
    r"(?:\s*\([A-Za-z][A-Za-z .&]{0,30}\))?"
    r"\s*(?:—|–|--|-)\s+"
)
# "Washington (CNN) —", "Hong Kong (CNN)President …", "(CNN) —": a place in Title Case
# (or none) counts only with an agency's name in brackets right after it, then a dash or
# the first word glued to the bracket ("Abe (LDP) met Trump" is a sentence).
_AGENCY_DATELINE = re.compile(
    r"(?:(?P<place>[A-Z][a-z][\w.'’]*(?:[ -][A-Z][\w.'’]*){0,3})(?:,\s+[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?\s*)?"
    r"\([A-Z][A-Za-z]{1,11}(?:[ /][A-Z][A-Za-z]{1,12})?\)"
    r"(?:[ \t]*(?:—|–|--|-)[ \t]*|(?=[A-Z]))"
)

# A date line at the head of an article ("Wednesday, July 10, 2019", "Aug. 05, 2013 |
# 2:47 p.m.", "Published: 12 June 2018 09:14 BST", "2018-06-12"): the article's
# publication date when its record has none. Month names only (a numeric 06/07/2018
# reads two ways). Seen in Wikinews texts (vanatteveldt/wikinews CSV, each text's first
# line) and in ECB+ articles from other outlets (39_9ecbplus, latimes.com).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_DATE_IN_LINE = re.compile(
    rf"(?:{_WEEKDAY}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})",
    re.IGNORECASE)
# What else a date line may hold: a label, a time, a time zone, separators.
_DATE_LINE_WORDS = frozenset({
    "published", "updated", "posted", "last", "first", "modified", "date", "on", "at", "am", "pm", "a", "p", "m",
    "gmt", "utc", "bst", "cet", "cest", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
    "pdt", "hkt", "jst", "kst", "ist", "aest", "aedt", "sast", "eat", "wat",
})

# Lines end at \n, \r\n or a lone \r (old Mac files): every rule below sees the same
# lines. "(?<![^\r\n])" is "at a line start" and "(?![^\r\n])" "at a line end", for
# all three (the MULTILINE ^ and $ know only \n, so a lone-CR file was one line and
# "sign up for …" masked the rest of the article).
_LINE_START = r"(?<![^\r\n])"
_LINE_END = r"(?![^\r\n])"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Whole lines that are page furniture, not article content. Linear: after the phrase,
# only one [ \t]* can take the spaces (an optional full stop must come first for the
# second), so a long run of spaces is walked once, not once per split point.
_BOILERPLATE_LINE = re.compile(
    _LINE_START + r"[ \t]*(?:"
    r"in other news|load more|advertisement|read more|related (?:articles|stories|news)"
    r"|share this(?: article)?|sign up for [^\r\n]*|most read|trending now"
    r"|(?:cover |top |main )?(?:picture|photo|image|photograph)s?(?: credit)?:[^\r\n]*"
    r")[ \t]*(?:\.[ \t]*)?" + _LINE_END,
    re.IGNORECASE,
)
# Photo credits inside a paragraph: "(Picture: US Department of Defense)".
_INLINE_CREDIT = re.compile(r"\((?:picture|photo|image|photograph)s?(?: credit)?:[^()\r\n]*\)", re.IGNORECASE)
# After a line's end: a blank line (spaces only), or the end of the text.
_BLANK = re.compile(r"\s*")
_BLANK_LINE_NEXT = re.compile(r"(?:\r\n|\r|\n)[ \t]*" + _LINE_END)

_SENTENCE_END = ("." , "!", "?", "…", '"', "”", "'", "’", ":", ";", ",")


@dataclass(frozen=True, slots=True)
class Layout:
    title: str | None
    dateline: TextSpan | None
    masked: tuple[TextSpan, ...]
    # A date line at the head of the article: its date (the publication date when the
    # record gives none) and where it stands (masked for the NLP pipeline).
    published: date | None = None
    date_line: TextSpan | None = None


def analyse(text: str, *, markdown: bool = False, title_given: bool = False) -> Layout:
    """Find the headline, the dateline and boilerplate regions of ``text``.

    >>> lay = analyse("TOKYO — Mattis met Onodera.\\n\\nIn Other News\\n")
    >>> lay.dateline
    TextSpan(start=0, end=5)
    >>> [(s.start, s.end) for s in lay.masked]
    [(0, 8), (29, 42)]
    """
    masked: list[TextSpan] = []
    title: str | None = None
    body_start = _skip_blank(text, 0)
    published, date_line = None, None

    # A date line first ("Wednesday, July 10, 2019"), then the headline, then a date line
    # again (under the headline): a date line is never taken for a headline.
    found = _date_line(text, body_start)
    if found is not None:
        published, date_line = found
        body_start = _skip_blank(text, date_line.end)
    first_end = line_end(text, body_start)
    first_line = text[body_start:first_end].strip()

    headline: TextSpan | None = None
    if markdown and first_line.startswith("#"):
        title = first_line.lstrip("#").strip() or None
        hashes = len(text[body_start:first_end]) - len(text[body_start:first_end].lstrip("#"))
        masked.append(TextSpan(body_start, body_start + hashes))
        headline = TextSpan(body_start + hashes, first_end)
    elif _looks_like_headline(text, first_line, first_end):
        # A JSONL record with a title may repeat it as the text's first line.
        title = None if title_given else first_line
        headline = TextSpan(body_start, first_end)
    if headline is not None:
        body_start = _skip_blank(text, first_end)
        if is_title_case(text[headline.start:headline.end]):
            # The model reads Title Case as names ("Portugal Pledge Closer Arctic
            # Cooperation" → ORG); what a headline names, the body names again.
            masked.append(headline)
    if date_line is None:
        # Under the headline, a byline or a short label may stand before the date line;
        # a paragraph of the body ends the search.
        probe = body_start
        for _ in range(DATE_LINE_HEAD_LINES):
            if probe >= len(text):
                break
            found = _date_line(text, probe)
            if found is not None:
                published, date_line = found
                body_start = _skip_blank(text, date_line.end)
                break
            end = line_end(text, probe)
            line = text[probe:end].rstrip()
            if len(line.split()) > DATE_LINE_HEAD_WORDS or line.endswith((".", "!", "?", '"', "”")):
                break
            probe = _skip_blank(text, end)
    if date_line is not None:
        masked.append(date_line)

    dateline = None
    match = _DATELINE.match(text, body_start)
    if match and _is_dateline_place(match.group("place")):
        dateline = TextSpan(match.start("place"), match.end("place"))
        masked.append(TextSpan(match.start(), match.end()))
    else:
        match = _AGENCY_DATELINE.match(text, body_start)
        if match and match.end() > match.start():
            if match.group("place"):
                dateline = TextSpan(match.start("place"), match.end("place"))
            masked.append(TextSpan(match.start(), match.end()))

    for found in _BOILERPLATE_LINE.finditer(text):
        if found.end() > found.start():
            masked.append(TextSpan(found.start(), found.end()))
    for found in _INLINE_CREDIT.finditer(text):
        masked.append(TextSpan(found.start(), found.end()))

    return Layout(title=title, dateline=dateline, masked=tuple(sorted(set(masked), key=lambda s: (s.start, s.end))),
                  published=published, date_line=date_line)


def _date_line(text: str, start: int) -> tuple[date, TextSpan] | None:
    """The date of the line at ``start`` when the whole line is a date line.

    >>> _date_line("Wednesday, July 10, 2019\\n\\nBody.", 0)
    (datetime.date(2019, 7, 10), TextSpan(start=0, end=24))
    >>> _date_line("Aug. 05, 2013 | 2: 47 p. m.", 0)[0]
    datetime.date(2013, 8, 5)
    >>> _date_line("Obama met Putin on July 10, 2019 in Moscow.", 0) is None
    True
    """
    end = line_end(text, start)
    line = text[start:end]
    if not line.strip() or len(line) > 80:
        return None
    match = _DATE_IN_LINE.search(line)
    if match is None:
        return None
    rest = line[:match.start()] + " " + line[match.end():]
    if any(word.lower() not in _DATE_LINE_WORDS for word in re.findall(r"[^\W\d_]+", rest)):
        return None
    try:
        parsed = dateutil_parser.parse(re.sub(r"(?i)\b(\d{1,2})(st|nd|rd|th)\b|\bof\b", r"\1", match.group()),
                                       default=datetime(2000, 1, 1), fuzzy=True).date()
    except (ValueError, OverflowError, dateutil_parser.ParserError):
        return None
    if not 1900 <= parsed.year <= 2100:
        return None
    stripped_end = start + len(line.rstrip())
    return parsed, TextSpan(start + len(line) - len(line.lstrip()), stripped_end)



def is_title_case(line: str) -> bool:
    """Most words of four letters or more start with a capital.

    >>> is_title_case("US And Japan Agree To Continue Joint Military Exercises")
    True
    >>> is_title_case("Lisbon talks put the Arctic on Portugal's agenda")
    False
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def line_end(text: str, start: int) -> int:
    """Offset of the end of the line that ``start`` is on (``\\n``, ``\\r`` or the text's end).

    >>> line_end("Title\\rBody", 0), line_end("Title\\r\\nBody", 0), line_end("Body", 0)
    (5, 5, 4)
    """
    found = _LINE_BREAK.search(text, start)
    return len(text) if found is None else found.start()


def _skip_blank(text: str, pos: int) -> int:
    return _BLANK.match(text, pos).end()


def _looks_like_headline(text: str, first_line: str, first_end: int) -> bool:
    if not first_line or len(first_line.split()) > TITLE_MAX_WORDS:
        return False
    if first_line.endswith(_SENTENCE_END):
        return False
    if _DATELINE.match(first_line):
        return False
    # A headline stands alone: a blank line (or the end of the text) follows it.
    return _BLANK_LINE_NEXT.match(text, first_end) is not None or first_end >= len(text.rstrip())


def _is_dateline_place(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    # At least two capital letters and no lowercase: "TOKYO", "NEW YORK", not "A".
    return len(letters) >= 2 and all(c.isupper() for c in letters)
