"""Shared by bench/person_sample.py and bench/merge_sample.py: build the graphs of the
development corpora and show the text around a mention, for hand judgement."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
CORPORA = ("wikinews", "ecbplus", "meantime")
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?\s|\n")


def corpus_jsonl(name: str, workdir: Path) -> Path:
    """The articles of a corpus as JSONL (MEANTIME is detokenised from its CoNLL file the
    way bench/eval_corpora.py does it)."""
    if name == "meantime":
        from eval_corpora import meantime

        path, _, _ = meantime(SHARED / "meantime", workdir)
        return path
    return SHARED / name / "articles.jsonl"


def build_corpus(name: str, nlp=None):
    """(BuildResult, article id → text) of one corpus."""
    from graphbuild.pipeline import IngestOptions, build

    with tempfile.TemporaryDirectory() as tmp:
        path = corpus_jsonl(name, Path(tmp))
        texts = {}
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts[record["id"]] = record["text"]
        result = build(IngestOptions(paths=[str(path)], out_dir=tmp, progress=False), nlp=nlp)
    return result, texts


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding ``text[start:end]`` (cut to about ``limit`` characters)."""
    left = max(0, start - limit // 2)
    right = min(len(text), end + limit // 2)
    before = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    after = _SENTENCE_END.search(text, end, right)
    sentence_start = before[-1] if before else left
    sentence_end = after.start() + 1 if after else right
    return " ".join(text[sentence_start:sentence_end].split())


def mentions_of(graph, node_id: str, texts: dict[str, str], limit: int = 3) -> list[dict]:
    """Up to ``limit`` mentions of a node, one per article first: article, surface, sentence."""
    found = []
    for source, _, attrs in sorted(graph.in_edges(node_id, data=True), key=lambda edge: edge[0]):
        if attrs.get("type") != "MENTIONS":
            continue
        article = source.removeprefix("article:")
        text = texts.get(article, "")
        start, end = attrs["starts"][0], attrs["ends"][0]
        found.append({"article": article, "surface": attrs["texts"][0], "sentence": sentence_around(text, start, end)})
        if len(found) == limit:
            break
    return found
