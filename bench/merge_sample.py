"""Cross-article merges judged by hand: the share that put one entity on one node.

    python bench/merge_sample.py --draw       # build Wikinews, ECB+ and MEANTIME graphs, write the sample
    python bench/merge_sample.py              # score the judged sample against a fresh build

The unit judged is a *cross-article merge*: one article's contribution to a Person,
Organization or Place node that other articles also contribute to — the merge-log
lines of that node for that article (rules, surface forms, evidence), one sentence of
the article and one sentence of another article of the node. Countries are left out
(ISO codes: their merges are look-ups, not decisions). The sample is drawn with a
fixed seed over the three corpora together and written to
``bench/merge_sample/sample.jsonl``; ``--rules corpus`` draws only from the decisions
taken across articles (single names, variants, acronyms, geocoded names). A judge
fills in ``correct`` (the article's mentions name the same entity as the other
article's) and ``note``. Scoring matches judged items to the current build by (corpus,
node id, article). Prints ratios only; never asserts anything.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from sampling import CORPORA, build_corpus, mentions_of

SAMPLE = Path(__file__).resolve().parent / "merge_sample" / "sample.jsonl"
KINDS = ("Person", "Organization", "Place")


def merge_items(corpus: str, graph, log, texts, corpus_rules_only: bool) -> list[dict]:
    from graphbuild.rules import EntityRule

    across = {EntityRule.PERSON_SINGLE_NAME_IN_CORPUS, EntityRule.PERSON_SINGLE_NAME_BY_CONTEXT,
              EntityRule.PERSON_SHORTER_NAME, EntityRule.PERSON_NICKNAME, EntityRule.PERSON_SPELLING,
              EntityRule.PERSON_KNOWN_FULL_NAME, EntityRule.ORG_ACRONYM_IN_CORPUS, EntityRule.PLACE_NOT_A_KNOWN_PERSON,
              EntityRule.ORG_NAME_WITHOUT_ITS_OWNER, EntityRule.ORG_ACRONYM_OF_ONE_NAME,
              EntityRule.GENERIC_NAME_OF_ITS_COUNTRY, EntityRule.PLACE_IN_THE_ARTICLES_COUNTRY,
              EntityRule.GENERIC_NAME_OF_ITS_STORY, EntityRule.PERSON_SURNAME_NOT_A_SMALL_TOWN}
    by_node: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for record in log:
        for article in record.articles:
            by_node[record.result][article].append(record)
    items = []
    for node_id, per_article in sorted(by_node.items()):
        attrs = graph.nodes.get(node_id) if node_id in graph else None
        if attrs is None or not set(attrs.get("labels") or ()) & set(KINDS) or len(per_article) < 2:
            continue
        mentions = {m["article"]: m for m in mentions_of(graph, node_id, texts, limit=10_000)}
        for article, records in sorted(per_article.items()):
            if corpus_rules_only and not any(r.rule in across for r in records):
                continue
            other = next((m for a, m in sorted(mentions.items()) if a != article), None)
            items.append({
                "corpus": corpus, "node": node_id, "name": attrs["name"], "label": attrs["labels"][0],
                "article": article,
                "rules": sorted({str(r.rule) for r in records}),
                "surfaces": sorted({s for r in records for s in r.inputs}),
                "evidence": sorted({e for r in records for e in r.evidence if article in e or len(r.articles) == 1}),
                "here": mentions.get(article), "elsewhere": other,
                "articles_on_node": len(per_article),
            })
    return items


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-file", default=str(SAMPLE))
    parser.add_argument("--size", type=int, default=80)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--rules", choices=["all", "corpus"], default="all",
                        help="corpus: only merges by rules that decide across articles")
    parser.add_argument("--draw", action="store_true", help="write a fresh sample, keeping judgements of items drawn again")
    args = parser.parse_args(argv)

    from graphbuild.extraction.nlp import load_pipeline

    nlp = load_pipeline()
    items = []
    for corpus in CORPORA:
        result, texts = build_corpus(corpus, nlp)
        found = merge_items(corpus, result.graph, result.merge_log, texts, args.rules == "corpus")
        print(f"{corpus}: {len(found)} cross-article merges")
        items.extend(found)

    path = Path(args.sample_file)
    judged = {}
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                judged[(record["corpus"], record["node"], record["article"])] = record
    if args.draw:
        drawn = random.Random(args.seed).sample(items, min(args.size, len(items)))
        drawn.sort(key=lambda i: (i["corpus"], i["node"], i["article"]))
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as handle:
            for item in drawn:
                old = judged.get((item["corpus"], item["node"], item["article"]), {})
                item = {**item, "seed": args.seed, "rule_filter": args.rules, "correct": old.get("correct"),
                        "note": old.get("note", "")}
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"drew {len(drawn)} of {len(items)} cross-article merges (seed {args.seed}) into {path}")
        return 0

    current = {(i["corpus"], i["node"], i["article"]) for i in items}
    scored = [r for k, r in judged.items() if k in current and r.get("correct") is not None]
    stale = [r for k, r in judged.items() if k not in current]
    if not scored:
        print("no judged sample for this build: run with --draw, then fill in `correct` and `note`")
        return 1
    right = sum(1 for r in scored if r["correct"])
    print(f"sample: {len(judged)} drawn, {len(scored)} judged and still produced, {len(stale)} no longer produced")
    print(f"correct merges: {right}/{len(scored)} = {right / len(scored):.3f}")
    for record in scored:
        if not record["correct"]:
            print(f"  wrong: {record['corpus']} {record['name']!r} in {record['article']} {record['rules']}: {record['note']}")
    for record in stale:  # a judged merge the build no longer makes: which way it was judged
        verdict = {True: "right", False: "wrong"}.get(record.get("correct"), "unjudged")
        print(f"  gone ({verdict}): {record['corpus']} {record['name']!r} in {record['article']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
