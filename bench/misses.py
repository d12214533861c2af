"""The gold entities and aliases a Wikinews set's graph misses, each with a guess at why.

    .venv/bin/python bench/misses.py                 # every development set (never the held-out wikinews-5),
                                                     # one line per miss + a table of classes
    .venv/bin/python bench/misses.py --set wikinews  # one set

Builds each set with graphbuild's pipeline (as ``bench/quality.py`` does) and sorts every
missed gold entity and alias into one class, first that applies:

* ``type wrong``: a node of that name exists with another label;
* ``cut or glued``: a node's name holds the gold name's words, or the other way round;
* ``on another node``: the surface is an alias of another node of the same type (the two
  were not merged) or of another type;
* ``not in the text``: the gold's spelling is in none of the articles (a gold spelling or a
  translation: nothing to extract);
* ``acronym`` / ``demonym`` / ``one word`` / ``name``: the surface is in the text but on no
  node: by its shape (all capitals; a demonym the gazetteer knows; one word; longer).

The classes are a reading aid, not a score: ``bench/quality.py`` gives the numbers.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from quality import HELD_OUT, sets  # noqa: E402  (bench/quality.py, beside this file)

LABELS = ("Person", "Country", "Organization", "Place")


def _label(attrs) -> str:
    return next((label for label in attrs.get("labels") or () if label in LABELS), "")


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return 0 < len(inner) < len(outer) and any(outer[i:i + len(inner)] == inner for i in range(len(outer)))


def classify(gold, graph, texts: str) -> list[tuple[str, str, str]]:
    """(section, class, what) of every missed gold entity and alias."""
    from graphbuild.resolution.geo import gazetteer
    from graphbuild.resolution.normalize import name_key

    gaz = gazetteer()
    nodes = [(name_key(a.get("name", "")), _label(a), {name_key(x) for x in a.get("aliases") or ()})
             for _, a in graph.nodes(data=True) if _label(a)]
    by_name = {(name, label) for name, label, _ in nodes}
    folded = " ".join(name_key(texts).split())
    out = []

    def surface_class(key: str, label: str, owner: tuple[str, str] | None) -> str:
        words = tuple(key.split())
        if any(name == key and other != label for name, other, _ in nodes):
            return "type wrong"
        if any(key in aliases and (name, other) != owner for name, other, aliases in nodes):
            same = any(key in aliases and other == label and (name, other) != owner for name, other, aliases in nodes)
            return "on another node (same type)" if same else "on another node (other type)"
        if any(_contains(tuple(name.split()), words) or _contains(words, tuple(name.split())) for name, _, _ in nodes):
            return "cut or glued"
        if f" {key} " not in f" {folded} ":
            return "not in the text"
        return "dropped: " + shape(key)

    def shape(key: str) -> str:
        raw = re.search(r"\b" + r"\W+".join(map(re.escape, key.split())) + r"\b", texts, re.IGNORECASE)
        surface = raw.group(0) if raw else key
        if surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 6:
            return "acronym"
        if gaz.demonym(surface) is not None:
            return "demonym"
        return "one word" if len(key.split()) == 1 else "name"

    for entity in gold.entities:
        key = name_key(entity.name)
        if (key, entity.type) not in by_name:
            out.append(("entity", surface_class(key, entity.type, None), f"{entity.name} | {entity.type}"))
    for entity in gold.entities:
        key = name_key(entity.name)
        if (key, entity.type) not in by_name:
            continue
        aliases = next(a for name, label, a in nodes if (name, label) == (key, entity.type))
        for alias in entity.aliases:
            alias_key = name_key(alias)
            if alias_key not in aliases:
                out.append(("alias", surface_class(alias_key, entity.type, (key, entity.type)),
                            f"{entity.name} | {entity.type} | {alias}"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", help="wikinews, wikinews-extra, wikinews-3 or wikinews-4 (default: all four; the held-out set never)")
    args = parser.parse_args(argv)
    from graphbuild.evaluation import load_gold
    from graphbuild.extraction.nlp import load_pipeline
    from graphbuild.pipeline import IngestOptions, build

    nlp = load_pipeline()
    for item in sets():
        if item.name in {"seeds", HELD_OUT.name} or (args.set and item.name not in args.set):
            continue  # the held-out set's misses are never read: no tuning to it
        gold = load_gold(item.gold)
        graph = build(IngestOptions(paths=[str(item.articles)], progress=False), nlp=nlp).graph
        texts = "\n".join(json.loads(line).get("text", "") for line in item.articles.read_text("utf-8").splitlines()
                          if line.strip())
        misses = classify(gold, graph, texts)
        print(f"== {item.name} ==")
        for section, kind, what in sorted(misses):
            print(f"{section:<7} {kind:<30} {what}")
        counts = Counter((section, kind) for section, kind, _ in misses)
        print(f"-- {item.name}: classes")
        for (section, kind), count in sorted(counts.items(), key=lambda pair: (pair[0][0], -pair[1])):
            print(f"{section:<7} {kind:<30} {count:>4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
