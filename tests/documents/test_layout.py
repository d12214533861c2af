"""Layout: datelines and boilerplate are found as spans; the text is never changed."""
from __future__ import annotations

import pytest

from graphbuild.documents.layout import analyse
from graphbuild.text import mask


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("TOKYO — The ministers met.", "TOKYO"),
        ("SEOUL, South Korea (AP) — The ministers met.", "SEOUL"),
        ("WASHINGTON (Reuters) - The ministers met.", "WASHINGTON"),
        ("NEW YORK -- The ministers met.", "NEW YORK"),
    ],
)
def test_dateline_place_is_found(text, place):
    layout = analyse(text)
    assert text[layout.dateline.start:layout.dateline.end] == place
    assert layout.masked[0].start == 0


@pytest.mark.parametrize("text", ["Mattis - the defense chief - met Onodera.", "A — B", "In Tokyo — on Friday — they met."])
def test_ordinary_sentences_are_not_datelines(text):
    assert analyse(text).dateline is None


def test_boilerplate_lines_and_inline_photo_credits_are_masked_in_place():
    text = ("Body one (Picture: US Department of Defense).\n\nCover picture: US Department of Defense.\n\n"
            "Body two.\n\nIn Other News\nLoad More")
    layout = analyse(text)
    masked_texts = [text[s.start:s.end] for s in layout.masked]
    assert masked_texts == ["(Picture: US Department of Defense)", "Cover picture: US Department of Defense.",
                            "In Other News", "Load More"]
    blanked = mask(text, layout.masked)
    assert len(blanked) == len(text)
    assert "Department" not in blanked and "Body one" in blanked and "Body two." in blanked


def test_headline_of_jsonl_text_is_skipped_before_looking_for_a_dateline():
    text = "Allies Meet\n\nTOKYO — They met."
    layout = analyse(text, title_given=True)
    assert text[layout.dateline.start:layout.dateline.end] == "TOKYO"


def test_title_case_headline_is_kept_as_title_but_masked_for_extraction():
    text = "Canada And Portugal Pledge Closer Arctic Cooperation\n\nThe ministers met."
    layout = analyse(text)
    assert layout.title == "Canada And Portugal Pledge Closer Arctic Cooperation"
    assert [text[s.start:s.end] for s in layout.masked] == [layout.title]


def test_sentence_case_headline_stays_content():
    layout = analyse("Lisbon talks put the Arctic on Portugal's agenda\n\nThe ministers met.")
    assert layout.title is not None and layout.masked == ()


def test_readme_files_in_folders_are_not_articles(tmp_path):
    from graphbuild.documents import Reader

    (tmp_path / "README.md").write_text("# About these files\n\nNot news.", "utf-8")
    (tmp_path / "story.txt").write_text("The ministers met.", "utf-8")
    reader = Reader()
    assert [d.id for d in reader.read([str(tmp_path)])] == ["story"]
    assert reader.ignored == [str(tmp_path / "README.md")]


ARTICLE = ["Allies meet in Tokyo", "", "TOKYO — Jim Mattis met Itsunori Onodera.", "Sign up for our newsletter",
           "They discussed North Korea.", "(Picture: US Department of Defense) They agreed.", "Load More", ""]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "lone CR"])
def test_every_line_ending_gives_the_same_layout_with_offsets_into_the_original_text(newline):
    text = newline.join(ARTICLE)
    layout = analyse(text)
    assert layout.title == "Allies meet in Tokyo"
    assert text[layout.dateline.start:layout.dateline.end] == "TOKYO"
    assert [text[s.start:s.end] for s in layout.masked] == [
        "TOKYO — ", "Sign up for our newsletter", "(Picture: US Department of Defense)", "Load More"]
    blanked = mask(text, layout.masked)
    assert len(blanked) == len(text) and blanked.count(newline) == text.count(newline)
    assert "Jim Mattis met Itsunori Onodera." in blanked and "They discussed North Korea." in blanked


def test_a_lone_cr_file_never_has_its_article_masked_after_a_boilerplate_phrase():
    text = "Photo: Reuters\rJim Mattis met Itsunori Onodera.\rSign up for our daily briefing\rThey talked trade.\r"
    layout = analyse(text)
    assert [text[s.start:s.end] for s in layout.masked] == ["Photo: Reuters", "Sign up for our daily briefing"]
    assert sum(s.end - s.start for s in layout.masked) < len(text) / 2


HOSTILE_LINES = {
    # One pattern each that a backtracking regex could walk super-linearly.
    "spaces after a boilerplate phrase": "Body.\n\nIn other news" + " " * 2_000_000 + "x\n",
    "tabs and dots after a phrase": "Load more" + " \t" * 1_000_000 + ". x",
    "open photo credits": "(Picture:" * 250_000,
    "a capitalised first line": "TOKYO " * 400_000,
    "a dateline-like run": "TOKYO, " + "Abc " * 500_000,
    "spaces before a dash": "TOKYO" + " " * 2_000_000 + "x",
    "blank lines": " \r\n\r" * 500_000,
}


@pytest.mark.timeout(60)  # a hang guard only: linear rules take well under a second per case
@pytest.mark.parametrize("text", HOSTILE_LINES.values(), ids=HOSTILE_LINES.keys())
def test_layout_rules_are_linear_on_megabyte_lines(text):
    """A rule quadratic in the line length would take hours here (bench/bench_scaling.py
    prints the ratio for 4x the text)."""
    text += "\n\nLoad More\n"
    layout = analyse(text)
    assert [text[s.start:s.end] for s in layout.masked] == ["Load More"]  # and nothing of the hostile line
