"""How well event nodes merge reports of one event across ECB+ documents, and keep
different events apart, against ECB+'s gold cross-document event coreference.

    .venv/bin/python bench/event_merging_ecb.py [--cache DIR] [--show]

Builds ECB+ (``../shared/corpus/ecbplus/articles.jsonl``, 982 documents) with graphbuild's
pipeline (the code ``ingest`` runs), then reads each ``REPORTS`` edge (one document's
report of one event node) and the gold ``ACTION`` mentions inside its sentences whose
words are one of our trigger words (``graphbuild/data/event_triggers.jsonl``: ``meet``,
``talks``, ``summit``, ``visit``, ``deal`` …) and that belong to a cross-document chain
(ECB+ ``ACT…``/``NEG…`` instances). A report is labelled with those chains; reports whose
sentences hold no such gold mention are counted but not paired (ECB+ annotates only some
sentences of each document, see its README).

Pairs of labelled reports from different documents are scored: *gold same* when their
chains intersect, *graph same* when they are reports of one node. Pairwise precision is
graph-same pairs that are gold-same / graph-same pairs (merging different events),
recall gold-same pairs that are graph-same / gold-same pairs (splitting one event). The
numbers say how the ``same_event`` policy behaves on texts of many outlets; ECB+ is
mostly crimes, disasters, sports and business, so the pairs are few.

End to end, from the gold side: each gold chain told with a trigger word in two or more
documents gives document pairs; ``gold_pairs_both_reported`` counts the pairs where both
documents have a report of the chain, ``gold_pairs_one_node`` those reported on one node
(extraction recall and merging together). Some of these chains are no meeting of
parties (a basketball conference tournament, a bus's stops): they are meant to stay
unreported.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ECBPLUS = REPO.parent / "shared" / "corpus" / "ecbplus"
# Forms the trigger patterns' lemmas take that are not the lemma plus a regular ending.
IRREGULAR = {"meet": {"met"}, "make": {"made"}, "hold": {"held"}, "go": {"went", "gone"}, "come": {"came"}}


def trigger_forms() -> set[str]:
    """Lower-case word forms of the trigger patterns (lemmas with regular endings)."""
    from graphbuild.vocabulary import data_rows

    words: set[str] = set()
    for row in data_rows("event_triggers"):
        for token in row["pattern"]:
            for key in ("LOWER", "LEMMA"):
                value = token.get(key)
                values = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
                for word in values:
                    word = word.lower()
                    words.add(word)
                    if key == "LEMMA":
                        stem = word[:-1] if word.endswith("e") else word
                        words.update({word + "s", stem + "ed", stem + "ing", word + "d"})
                        words.update(IRREGULAR.get(word, ()))
    return words


def gold_mentions(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """Per document, its gold action mentions in cross-document chains: (start, end, text, chain)."""
    found: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not (row["type"].startswith("ACTION") or row["type"].startswith("NEG")):
                continue
            if not row["chain"].startswith(("ACT", "NEG")):
                continue  # singletons and within-document chains
            found[row["doc"]].append((row["start"], row["end"], row["text"], row["chain"]))
    return found


def reports(graph) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(document id, event node, sentence spans) of every REPORTS edge."""
    out = []
    for source, target, data in graph.edges(data=True):
        if data.get("type") != "REPORTS":
            continue
        article = graph.nodes[source]
        doc = article.get("article_id") or article.get("id") or source.split(":", 1)[-1]
        out.append((doc, target, list(zip(data.get("starts", ()), data.get("ends", ())))))
    return out


def label(report_spans, mentions, forms) -> set[str]:
    chains = set()
    for start, end, text, chain in mentions:
        if any(s <= start and end <= e for s, e in report_spans) and any(
                word in forms for word in text.lower().replace("-", " ").split()):
            chains.add(chain)
    return chains


def score(labelled: list[tuple[str, str, set[str]]]) -> dict[str, float]:
    tp = fp = fn = 0
    for (doc_a, node_a, chains_a), (doc_b, node_b, chains_b) in combinations(labelled, 2):
        if doc_a == doc_b:
            continue
        gold = bool(chains_a & chains_b)
        graph = node_a == node_b
        tp += gold and graph
        fp += graph and not gold
        fn += gold and not graph
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs_graph_same": tp + fp, "pairs_gold_same": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def chains_across_documents(gold, forms) -> dict[str, set[str]]:
    """Gold chains told with one of our trigger words in two or more documents: chain → documents."""
    docs: dict[str, set[str]] = defaultdict(set)
    for doc, mentions in gold.items():
        for _, _, text, chain in mentions:
            if any(word in forms for word in text.lower().replace("-", " ").split()):
                docs[chain].add(doc)
    return {chain: found for chain, found in docs.items() if len(found) >= 2}


def end_to_end(chains: dict[str, set[str]], labelled) -> tuple[dict[str, int], list[str]]:
    """Per gold chain, its document pairs: how many both have a report of it (found) and
    how many of those are one node (merged)."""
    nodes_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (chain, doc) → nodes reporting it
    for doc, node, found in labelled:
        for chain in found:
            nodes_of[(chain, doc)].add(node)
    pairs = found_pairs = merged = 0
    lines = []
    for chain, docs in sorted(chains.items()):
        c_pairs = c_found = c_merged = 0
        for a, b in combinations(sorted(docs), 2):
            c_pairs += 1
            first, second = nodes_of.get((chain, a)), nodes_of.get((chain, b))
            if first and second:
                c_found += 1
                c_merged += bool(first & second)
        pairs, found_pairs, merged = pairs + c_pairs, found_pairs + c_found, merged + c_merged
        lines.append(f"{chain:<24} {len(docs):>3} documents {c_pairs:>4} pairs {c_found:>4} both reported "
                     f"{c_merged:>4} one node")
    return {"gold_pairs": pairs, "gold_pairs_both_reported": found_pairs, "gold_pairs_one_node": merged}, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", help="extraction cache folder (parsed documents are kept between runs)")
    parser.add_argument("--show", action="store_true", help="print every labelled report and its chains")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from graphbuild.extraction.nlp import load_pipeline
    from graphbuild.pipeline import IngestOptions, build

    graph = build(IngestOptions(paths=[str(ECBPLUS / "articles.jsonl")], progress=False, cache=args.cache),
                  nlp=load_pipeline()).graph
    gold = gold_mentions(ECBPLUS / "mentions.jsonl")
    forms = trigger_forms()
    found = reports(graph)
    labelled = [(doc, node, label(spans, gold.get(doc, ()), forms)) for doc, node, spans in found]
    paired = [item for item in labelled if item[2]]
    nodes = {node for _, node, _ in found}
    multi = sum(1 for node in nodes if len({d for d, n, _ in found if n == node}) >= 2)
    unknown = sum(1 for (doc_a, node_a, chains_a), (doc_b, node_b, chains_b) in combinations(labelled, 2)
                  if doc_a != doc_b and node_a == node_b and not (chains_a and chains_b))
    across, lines = end_to_end(chains_across_documents(gold, forms), labelled)
    result = {"reports": len(found), "event_nodes": len(nodes), "nodes_with_2_docs": multi,
              "reports_with_gold_chain": len(paired), **score(paired),
              "graph_same_pairs_without_gold_label": unknown, **across}
    if args.show:
        for doc, node, chains in sorted(paired):
            print(f"{doc:<16} {node:<36} {' '.join(sorted(chains))}")
        print("\n".join(lines))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
