"""Person nodes judged by hand: the share that are real people, correctly named and typed.

    python bench/person_sample.py --draw      # build Wikinews + ECB+ graphs, write the sample to judge
    python bench/person_sample.py             # score the judged sample against a fresh build
    python bench/person_sample.py --sample-file A.jsonl --sample-file B.jsonl   # several, one build

The unit judged is a ``Person`` node of the Wikinews or the ECB+ graph. The sample is
drawn with a fixed seed (``--seed``) over both graphs together and written to
``bench/person_sample/sample.jsonl`` with what a judge needs: the node's name and
aliases, how many articles mention it and up to three mention sentences. A judge fills
in, per line:

* ``is_person``: true if the node is a real person (not a place, an organisation, a title
  or a fragment of a headline);
* ``name_right``: true if ``name`` is that person's name with the right boundaries (no title
  such as "President" or "Gen." in it, no word of a neighbouring name, not cut short:
  a surname alone is right only when no article gives more);
* ``note``: free text.

Scoring counts an item right when both are true, over the judged items the current
build still produces (matched by corpus and node id); stale items are reported, not
scored. Prints ratios only; never asserts anything.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from sampling import build_corpus, mentions_of

SAMPLE = Path(__file__).resolve().parent / "person_sample" / "sample.jsonl"


def person_items(corpus: str, graph, texts) -> list[dict]:
    items = []
    for node_id, attrs in sorted(graph.nodes(data=True)):
        if "Person" not in (attrs.get("labels") or ()):
            continue
        articles = {s for s, _, a in graph.in_edges(node_id, data=True) if a.get("type") == "MENTIONS"}
        items.append({"corpus": corpus, "id": node_id, "name": attrs["name"], "aliases": attrs.get("aliases", []),
                      "articles": len(articles), "mentions": mentions_of(graph, node_id, texts)})
    return items


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-file", action="append",
                        help=f"a sample to score (repeat to score several against one build; default {SAMPLE.name}); "
                             "with --draw, the one file to write")
    parser.add_argument("--size", type=int, default=120)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--draw", action="store_true", help="write a fresh sample, keeping judgements of items drawn again")
    parser.add_argument("--dump", help="also write every Person node of the build (JSONL) to this file, for analysis")
    args = parser.parse_args(argv)
    files = args.sample_file or [str(SAMPLE)]
    if args.draw and len(files) != 1:
        parser.error("--draw writes one sample file")

    from graphbuild.extraction.nlp import load_pipeline

    nlp = load_pipeline()
    items = []
    for corpus in ("wikinews", "ecbplus"):
        result, texts = build_corpus(corpus, nlp)
        found = person_items(corpus, result.graph, texts)
        print(f"{corpus}: {len(found)} Person nodes")
        items.extend(found)
    if args.dump:
        with Path(args.dump).open("w", encoding="utf-8") as handle:
            for item in items:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    if args.draw:
        return draw(items, Path(files[0]), args.seed, args.size)
    status = 0
    for name in files:
        status |= score(items, Path(name))
    return status


def _judged(path: Path) -> dict:
    judged = {}
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                judged[(record["corpus"], record["id"])] = record
    return judged


def draw(items: list[dict], path: Path, seed: int, size: int) -> int:
    """Write a fresh sample of ``size`` items (``seed``), keeping judgements of items drawn again."""
    judged = _judged(path)
    drawn = random.Random(seed).sample(items, min(size, len(items)))
    drawn.sort(key=lambda i: (i["corpus"], i["id"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for item in drawn:
            old = judged.get((item["corpus"], item["id"]), {})
            item = {**item, "seed": seed, "is_person": old.get("is_person"),
                    "name_right": old.get("name_right"), "note": old.get("note", "")}
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"drew {len(drawn)} of {len(items)} Person nodes (seed {seed}) into {path}")
    return 0


def score(items: list[dict], path: Path) -> int:
    """Print the share of the judged items of ``path`` still produced that are right."""
    judged = _judged(path)
    current = {(i["corpus"], i["id"]) for i in items}
    scored = [r for k, r in judged.items()
              if k in current and r.get("is_person") is not None and r.get("name_right") is not None]
    stale = [r for k, r in judged.items() if k not in current]
    if not scored:
        print(f"{path.name}: no judged sample for this build: run with --draw, then fill in `is_person`, `name_right` and `note`")
        return 1
    real = sum(1 for r in scored if r["is_person"])
    right = sum(1 for r in scored if r["is_person"] and r["name_right"])
    print(f"{path.name}: {len(judged)} drawn, {len(scored)} judged and still produced, {len(stale)} no longer produced")
    print(f"real people: {real}/{len(scored)} = {real / len(scored):.3f}")
    print(f"real, correctly named and typed: {right}/{len(scored)} = {right / len(scored):.3f}")
    for record in scored:
        if not (record["is_person"] and record["name_right"]):
            print(f"  wrong: {record['corpus']} {record['name']!r}: {record['note']}")
    for record in stale:  # a node judged right that the build no longer produces is recall lost
        verdict = "right" if record.get("is_person") and record.get("name_right") else "wrong"
        print(f"  gone ({verdict}): {record['corpus']} {record['name']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
