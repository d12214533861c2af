"""Event extraction on a corpus: counts by kind and precision on a hand-judged sample.

    python bench/event_precision.py                       # ECB+ (../shared/corpus/ecbplus)
    python bench/event_precision.py --draw                # (re)write the sample to judge

The unit judged is an *extracted event*: one article's event (a REPORTS edge) with
its kind, its participants and the sentences that report it. The sample is drawn with
a fixed seed (``--seed``); each line of ``bench/events_sample/sample.jsonl`` carries
the judgement (``correct``: right kind, right participants, not spurious) and a note.
Judgements are matched to the current run by (article, kind, participants, first
sentence offset): an item the current rules no longer produce is reported, not scored.
Prints ratios only; never asserts timings.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ecbplus" / "articles.jsonl"
SAMPLE = REPO / "bench" / "events_sample" / "sample.jsonl"


def extracted_events(graph) -> list[dict]:
    """One record per (article, event) pair of the graph, in a stable order."""
    items = []
    for source, target, attrs in graph.edges(data=True):
        if attrs["type"] != "REPORTS":
            continue
        event = graph.nodes[target]
        people = sorted(graph.nodes[s]["name"] for s, t, a in graph.in_edges(target, data=True)
                        if a["type"] == "PARTICIPATED_IN")
        items.append({
            "article": source.removeprefix("article:"),
            "event_id": target,
            "kind": event["labels"][1],
            "participants": people,
            "date": attrs.get("date_text"),
            "place": graph.nodes[attrs["place"]]["name"] if attrs.get("place") in graph else None,
            "start": attrs["starts"][0],
            "sentences": attrs["sentences"],
        })
    items.sort(key=lambda i: (i["article"], i["start"], i["kind"]))
    return items


def key(item: dict) -> tuple:
    return (item["article"], item["kind"], tuple(item["participants"]), item["start"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--sample-file", default=str(SAMPLE))
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--seed", type=int, default=20180629)
    parser.add_argument("--draw", action="store_true", help="write a fresh (unjudged) sample, keeping old judgements")
    args = parser.parse_args(argv)

    from graphbuild.pipeline import IngestOptions, build

    with tempfile.TemporaryDirectory() as out:
        result = build(IngestOptions(paths=[args.corpus], out_dir=out, progress=False))
    graph = result.graph
    items = extracted_events(graph)
    nodes = Counter(a["labels"][1] for _, a in graph.nodes(data=True) if "Event" in a["labels"])
    per_article = Counter(i["kind"] for i in items)
    print(f"articles: {result.report.articles_ingested}")
    print(f"{'kind':<12} {'event nodes':>11} {'article events':>15}")
    for kind in ("Meeting", "Conference", "Negotiation", "Visit"):
        print(f"{kind:<12} {nodes[kind]:>11} {per_article[kind]:>15}")
    print(f"{'total':<12} {sum(nodes.values()):>11} {len(items):>15}")

    path = Path(args.sample_file)
    judged = {}
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                judged[key(record)] = record
    if args.draw:
        rng = random.Random(args.seed)
        drawn = items if len(items) <= args.size else rng.sample(items, args.size)
        drawn.sort(key=lambda i: (i["article"], i["start"]))
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as handle:
            for item in drawn:
                old = judged.get(key(item), {})
                item = {**item, "seed": args.seed, "correct": old.get("correct"), "note": old.get("note", "")}
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"drew {len(drawn)} of {len(items)} extracted events (seed {args.seed}) into {path}")
        return 0

    current = {key(i) for i in items}
    scored = [r for k, r in judged.items() if k in current and r.get("correct") is not None]
    stale = [r for k, r in judged.items() if k not in current]
    if not scored:
        print("no judged sample for this run: run with --draw, then fill in `correct` and `note`")
        return 1
    right = sum(1 for r in scored if r["correct"])
    print(f"sample: {len(judged)} drawn (seed {next(iter(judged.values())).get('seed')}), "
          f"{len(scored)} judged and still produced, {len(stale)} no longer produced")
    print(f"precision: {right}/{len(scored)} = {right / len(scored):.2f}")
    for record in scored:
        if not record["correct"]:
            print(f"  wrong: {record['article']} {record['kind']} {record['participants']}: {record['note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
