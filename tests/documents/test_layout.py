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
        ("LONDON, June 12 (Reuters) - The ministers met.", "LONDON"),
        ("Washington (CNN) — The ministers met.", "Washington"),
        ("Hong Kong (CNN)The ministers met.", "Hong Kong"),
    ],
)
def test_dateline_place_is_found(text, place):
    layout = analyse(text)
    assert text[layout.dateline.start:layout.dateline.end] == place
    assert layout.masked[0].start == 0
    assert mask(text, layout.masked).strip().startswith("The ministers met.")


def test_an_agency_alone_opens_the_story_without_a_place():
    layout = analyse("(CNN) — The ministers met.")
    assert layout.dateline is None and mask("(CNN) — The ministers met.", layout.masked).strip() == "The ministers met."


@pytest.mark.parametrize("text", ["Mattis - the defense chief - met Onodera.", "A — B", "In Tokyo — on Friday — they met.",
                                  "Abe (LDP) met Trump.", "Washington (state) voted."])
def test_ordinary_sentences_are_not_datelines(text):
    assert analyse(text).dateline is None


@pytest.mark.parametrize(("text", "published", "line"), [
    # Wikinews texts open with their date line (vanatteveldt/wikinews CSV).
    ("Wednesday, July 10, 2019\n\nThe ministers met in Niamey.", "2019-07-10", "Wednesday, July 10, 2019"),
    # An ECB+ article from another outlet (39_9ecbplus): a date line with a time.
    ("Peter Capaldi named\n\nAug. 05, 2013 | 2: 47 p. m.\n\nThe name was revealed.", "2013-08-05",
     "Aug. 05, 2013 | 2: 47 p. m."),
    ("Leaders meet\n\nBy Jane Doe\nUpdated 10:32 AM ET, Tue June 12, 2018\n\nThe leaders met.", "2018-06-12",
     "Updated 10:32 AM ET, Tue June 12, 2018"),
    ("Published: 3rd of May 2016\nThe leaders met.", "2016-05-03", "Published: 3rd of May 2016"),
])
def test_a_date_line_at_the_head_gives_the_publication_date_and_is_masked(text, published, line):
    layout = analyse(text)
    assert layout.published.isoformat() == published
    assert text[layout.date_line.start:layout.date_line.end] == line
    assert layout.date_line in layout.masked
    assert layout.title != line


@pytest.mark.parametrize("text", [
    "Obama met Putin on July 10, 2019 in Moscow.\n\nThey talked.",
    "The summit\n\nThe ministers, who first met on July 10, 2019, met again.\n\nJune 12, 2018",
    "Summit\n\n" + "The leaders met and talked at length about trade and security. " * 3 + "\n\nJuly 10, 2019",
])
def test_dates_in_sentences_or_below_the_body_are_not_date_lines(text):
    assert analyse(text).published is None


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
