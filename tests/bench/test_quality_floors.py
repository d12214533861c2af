"""The quality numbers of the README (bench/quality.py) never fall below bench/floors.json.

Runs the same measurement as ``python bench/quality.py`` (seeds and the Wikinews
development set, on the real model) and fails on any metric below its floor; the
floors only rise (``python bench/quality.py --update-floors``)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "quality.py"
_spec = importlib.util.spec_from_file_location("quality", _PATH)
quality = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("quality", quality)  # dataclasses look their module up there
_spec.loader.exec_module(quality)


def test_floors_only_rise_and_a_drop_is_reported():
    floors = {"a": 0.5, "b": 0.9}
    assert quality.raised_floors({"a": 0.6, "b": 0.8, "s.events.precision": 0.1, "s.events.f1": 0.2}, floors) \
        == {"a": 0.6, "b": 0.9, "s.events.f1": 0.2}  # a new metric gets a floor only if it is guarded
    assert quality.below_floors({"a": 0.6, "b": 0.8}, floors) == ["b: 0.8 < floor 0.9"]
    assert quality.below_floors({"a": 0.5}, floors) == []  # b not measured in this run: not checked


@pytest.mark.model
def test_quality_does_not_fall_below_the_floors(nlp, wikinews_dir, capsys):
    metrics, _ = quality.measure(nlp=nlp, log=lambda message: None)
    floors = quality.read_floors()
    assert floors, "bench/floors.json is missing or empty"
    with capsys.disabled():
        print("\n" + quality.table(metrics, floors))
    missing = sorted(name for name in floors if name not in metrics and not name.startswith(("ecbplus.", "meantime.")))
    assert not missing, f"metrics with a floor that were not measured: {missing}"
    assert quality.below_floors(metrics, floors) == []
