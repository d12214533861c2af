"""Tests that read ../shared skip with a message on a developer's machine without it,
and fail under CI=true, where a missing corpus must not pass as green."""
from __future__ import annotations

import pytest

from tests.conftest import REPO, _require


def test_missing_shared_material_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        _require(REPO / "no-such-corpus.jsonl")


def test_missing_shared_material_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="must sit beside the repo"):
        _require(REPO / "no-such-corpus.jsonl")


def test_present_material_is_returned(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert _require(REPO / "pyproject.toml") == REPO / "pyproject.toml"
