"""Word lists are data: every file under graphbuild/data/ loads and every entry names its source."""
from __future__ import annotations

from importlib import resources

import pytest

from graphbuild import vocabulary
from graphbuild.errors import ConfigError

DATA = sorted(p.name.removesuffix(".jsonl") for p in resources.files("graphbuild").joinpath("data").iterdir()
              if p.name.endswith(".jsonl"))


@pytest.mark.parametrize("name", DATA)
def test_every_entry_has_a_source(name):
    rows = vocabulary.data_rows(name)
    assert rows and all(row["source"].strip() for row in rows)


def test_a_row_without_a_source_is_reported_with_file_and_line(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "bad.jsonl").write_text('{"word": "x", "source": "ecbplus 1_1ecb"}\n{"word": "y"}\n', "utf-8")
    monkeypatch.setattr(vocabulary.resources, "files", lambda package: tmp_path)
    with pytest.raises(ConfigError, match=r"data/bad.jsonl:2: expected an object with a 'source'"):
        vocabulary.data_rows("bad")


def test_title_words_come_from_nameparser_without_country_words():
    words = vocabulary.title_words()
    assert {"president", "sheikh", "gen", "mr"} <= words
    assert not {"british", "uk", "us", "saint"} & words
