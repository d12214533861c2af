"""Event mentions (meetings, conferences, negotiations, visits) from a parsed ``Doc``.

Modules, in the order the work is done: :mod:`.lexicon` (the vocabulary, from
``graphbuild/data/``), :mod:`.triggers` (what names an event and through which verb),
:mod:`.participants` (who, where, where to), :mod:`.references` (pronouns,
descriptions, back-references), :mod:`.dates` (which date belongs to which trigger),
:mod:`.modality` (held, planned, cancelled, denied), :mod:`.finder` (one record per
trigger and clause). :mod:`.syntax` and :mod:`.context` hold the shared walks and the
per-chunk indexes.
"""
from graphbuild.extraction.events.finder import events_from_doc
from graphbuild.extraction.events.syntax import is_root
from graphbuild.extraction.events.triggers import build_matcher

__all__ = ["build_matcher", "events_from_doc", "is_root"]
