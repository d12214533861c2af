"""Helpers shared by the event extraction tests."""
from __future__ import annotations


def meetings(nlp, text):
    """(kind, status, sorted participant surfaces) of every event ``text`` yields."""
    from graphbuild.extraction.entities import mentions_from_doc
    from graphbuild.extraction.events import events_from_doc

    doc = nlp(text)
    found = events_from_doc(doc, mentions_from_doc(doc))
    return [(e.kind, e.status, sorted(text[p.start:p.end] for p in e.participants)) for e in found]
