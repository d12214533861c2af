"""A group named by its number of members: "Group of 20", "Group of Eight".

The small English model cuts such names before the number ("Group of" ORG + "20" CARDINAL,
or "Group" ORG + "Eight" CARDINAL), so a meeting "on the sidelines of the Group of 20
summit" had an organisation "Group of" and no gathering to join. Seen in reports of the
2022 Bali summit from two outlets (gulfnews.com, "biden-meets-xi-in-bali-as-asia-allies-
look-to-lower-temperature"; theglobalherald.com, "biden-xi-meet-at-g-20-in-bali-in-first-
in-person-talks-since-pandemic"); Wikinews writes the same kind of name ("Group of Seven",
wn-g7-amazon-fires), which the model keeps whole.

An ORG entity that ends with "of" right before a number, or that is followed by "of" and a
number, takes the number in. The number is one token the model reads as a number
(``like_num``: "20", "Eight") and no percentage or unit follows it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

_UNITS = frozenset({"%", "percent", "per", "cent"})


def numbered_group_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with each ORG cut before its number extended over "of NUMBER"."""
    out: list[Span] = []
    grown: set[int] = set()  # token indices taken in by an extended ORG
    for ent in ents:
        if ent.label_ != "ORG":
            out.append(ent)
            continue
        end = ent.end
        if doc[end - 1].lower_ != "of" and end + 1 < len(doc) and doc[end].lower_ == "of":
            end += 1  # "Group" + "of Eight"
        if doc[end - 1].lower_ == "of" and end < len(doc) and _a_count(doc, end):
            out.append(Span(doc, ent.start, end + 1, label="ORG"))
            grown.update(range(ent.end, end + 1))
        else:
            out.append(ent)
    if not grown:
        return ents
    return [e for e in out if not (e.label_ != "ORG" and any(i in grown for i in range(e.start, e.end)))]


def _a_count(doc: Doc, index: int) -> bool:
    token = doc[index]
    after = doc[index + 1] if index + 1 < len(doc) else None
    return token.like_num and (token.is_digit or token.is_title) and not (after is not None and after.lower_ in _UNITS)
