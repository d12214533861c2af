"""Fuzz of the library entry point on the real model: small articles of ordinary news
sentences mixed with symbols, emoji, other scripts, separators, names that normalise to
nothing and dates at the calendar's edges. The build finishes, the graph validates
(build raises SchemaError otherwise), and every article is ingested or reported.
Deterministic (derandomize) and bounded (max_examples) so `make test` stays short."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.pipeline import IngestOptions, build

pytestmark = [pytest.mark.model, pytest.mark.timeout(600)]

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

ORDINARY = [
    "U.S. Defense Secretary Jim Mattis met Japanese Defense Minister Itsunori Onodera in Tokyo on Friday.",
    "The two discussed North Korea and the alliance between the United States and Japan.",
    "South Korean President Moon Jae-in will visit Washington next week for talks with Donald Trump.",
    "Mr Mattis said the meeting was productive.",
    "Foreign ministers of France and Germany held negotiations in Brussels on Monday.",
    "Theresa May hosted Angela Merkel at Downing Street three days later.",
    "The summit between Kim Jong-un and Xi Jinping was cancelled.",
    "Officials from the United Nations met in Geneva earlier this month.",
]
WEIRD_DATES = [
    "on Friday", "next year", "last year", "three days ago", "in 9999", "in the year 1", "on January 1, 1",
    "on December 31, 9999", "next week", "last month", "999999 days ago", "in 10000", "yesterday", "tomorrow",
    "2,000 years later", "two weeks ago", "on Monday, Dec. 31, 9999", "earlier this month", "later this year",
]
SYMBOLS = ["🇺🇸🤝🇯🇵", "👨‍👩‍👧‍👦", "™", "®", "§§", "@@", "#", "$$$", "…", "—", "*", "•", "¶", "†", "\u00ad"]
SCRIPTS = ["習近平", "김정은", "Путин", "محمد بن سلمان", "नरेन्द्र मोदी", "Z̷̛a̶l̴g̸o̵", "e\u0301\u0301\u0301", "ﬁ", "Ⅻ"]
SEPARATORS = ["\u2028", "\u2029", "\x0b", "\x0c", "\r", "\r\n", "\u00a0", "\u200b", "\u200d", "\ufeff", "\t", "\x85"]
# Capitalised like names, but nothing survives normalisation (or only punctuation does).
EMPTY_NAMES = ["Mr. .", "Dr. —", "‘’", "Mr. 🙂", "Ms. ☃ ☃", "Mr. ..", "President ⁂", "Minister ✈"]

fragments = st.one_of(
    st.sampled_from(ORDINARY),
    st.builds(lambda a, d, b: f"{a} met {b} {d}.", st.sampled_from(EMPTY_NAMES + SCRIPTS + ["Jim Mattis"]),
              st.sampled_from(WEIRD_DATES), st.sampled_from(EMPTY_NAMES + SCRIPTS + ["Moon Jae-in"])),
    st.sampled_from(SYMBOLS + SCRIPTS + SEPARATORS + EMPTY_NAMES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
articles = st.lists(fragments, min_size=1, max_size=10).map(" ".join)
published = st.one_of(st.none(), st.dates().map(str), st.sampled_from(["0001-01-01", "9999-12-31", "1970-01-01"]))


@FUZZ
@given(records=st.lists(st.tuples(articles, published), min_size=1, max_size=3))
def test_any_small_batch_builds_a_valid_graph_and_every_article_is_ingested_or_reported(nlp, tmp_path, records):
    path = tmp_path / "fuzz.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": text, "published": when}) for i, (text, when) in enumerate(records)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp)
    report = result.report
    assert report.articles_ingested + len(report.skipped) == len(records)
    articles = {n for n, attrs in result.graph.nodes(data=True) if "Article" in attrs["labels"]}
    ingested = {f"article:a{i}" for i, (text, _) in enumerate(records) if text.strip()}
    assert articles == ingested
    assert all(skip.path == str(path) and skip.line is not None for skip in report.skipped)


@pytest.mark.parametrize("text", ["Ms. ☃ ☃ met Mr. . on Friday.", "Mr. 🙂 met Dr. — in Tokyo.",
                                  "President ⁂ met Minister ✈ on Monday. Mr. .. said so."])
def test_people_whose_names_normalise_to_nothing_do_not_stop_the_build(nlp, tmp_path, text):
    """Found by the fuzz: a PERSON whose name key is empty (only symbols) crashed
    within- and across-article resolution (IndexError on its first word)."""
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n", "utf-8")
    result = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp)
    assert result.report.articles_ingested == 1 and "article:a" in result.graph
