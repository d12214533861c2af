"""The corpus scorer's own rules: what counts as a named gold mention, how spans align."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "eval_corpora.py"
_spec = importlib.util.spec_from_file_location("eval_corpora", _PATH)
ev = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("eval_corpora", ev)  # dataclasses look their module up there
_spec.loader.exec_module(ev)


@pytest.mark.parametrize("text, named", [
    ("Tara Reid", True), ("People", True), ("the 33-year-old actress", False), ("She", False),
    ("The company", False), ("his rep Jack Ketsoyan", True),
])
def test_named_mentions(text, named):
    assert ev.is_named(text) is named


def test_alignment_is_one_to_one_and_prefers_the_same_type():
    gold = [ev.Span("d", 0, 31, "PER", "c1", "t")]  # "Apple Computer CEO Steve Jobs …"
    pred = [ev.Span("d", 0, 14, "ORG", "org:apple", "t"), ev.Span("d", 19, 29, "PER", "person:steve-jobs", "t")]
    assert ev.align(gold, pred) == {1: 0}


def test_coreference_is_perfect_when_clusters_agree_and_punished_when_merged():
    gold = [ev.Span("a", 0, 5, "PER", "k1", "t"), ev.Span("b", 0, 5, "PER", "k1", "t"),
            ev.Span("c", 0, 5, "PER", "k2", "t")]
    same = [ev.Span("a", 0, 5, "PER", "n1", "t"), ev.Span("b", 0, 5, "PER", "n1", "t"),
            ev.Span("c", 0, 5, "PER", "n2", "t")]
    assert ev.coreference(gold, same, ev.align(gold, same))["CoNLL F1"] == pytest.approx(1.0)
    merged = [ev.Span(s.doc, s.start, s.end, s.type, "n1", s.topic) for s in same]
    assert ev.coreference(gold, merged, ev.align(gold, merged))["B3"][1] < 1.0


def test_a_mention_inside_a_longer_one_is_not_scored_and_the_same_span_twice_is():
    # "the Indian Navy" (the navy) holds "Indian" (India): the golds annotate no mention inside a name.
    navy, india = ev.Span("d", 4, 15, "ORG", "navy", "t"), ev.Span("d", 4, 10, "LOC", "india", "t")
    twice = [ev.Span("d", 20, 25, "PER", "a", "t"), ev.Span("d", 20, 25, "ORG", "b", "t")]
    elsewhere = ev.Span("e", 4, 10, "LOC", "india", "t")
    assert ev.outermost([india, navy, *twice, elsewhere]) == [navy, *twice, elsewhere]
