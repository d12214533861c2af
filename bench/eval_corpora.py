"""Entity mentions and cross-document entity coreference against ECB+ and MEANTIME.

    .venv/bin/python bench/eval_corpora.py                # both corpora from ../shared/corpus
    .venv/bin/python bench/eval_corpora.py --only meantime

Runs graphbuild's own pipeline (``pipeline.build``: the same code as ``ingest``) on
the corpus articles, takes every MENTIONS edge to a Person / Organization / Country /
Place node as a predicted mention (its cluster is the node), and compares them with
the gold *named* person, organisation and location mentions:

* gold named mentions: ECB+ types HUMAN_PART_PER (PER), HUMAN_PART_ORG (ORG), LOC_GEO
  and HUMAN_PART_GPE (LOC) whose text holds a capitalised word other than a pronoun
  or determiner (ECB+ has no named/nominal flag); MEANTIME PER / ORG / LOC mentions
  whose head is a proper noun (``mention_head_pos == PROPN``).
* a predicted mention inside a longer predicted mention of the same document (a demonym in
  an organisation's name) is not scored: neither gold annotates a mention inside a name
  (:func:`outermost`);
* a predicted mention matches a gold one in the same document when the spans overlap;
  pairs are taken one-to-one, largest overlap first. Precision counts only
  predicted mentions in sentences (lines) where the gold has some annotation: neither
  corpus annotates every sentence (ECB+ README, "Important note").
* coreference: key = gold chains of the named mentions; response = our nodes, split by
  topic (the usual "gold topics" setting of ECB+ cross-document papers), over the
  matched gold mentions plus our unmatched mentions in annotated sentences. MUC, B³,
  CEAFe and their mean (CoNLL F1) come from ``scorch`` (PyPI), a maintained
  implementation of the CoNLL-2012 scorer's formulas. Published ECB+ numbers use gold
  mentions of every kind (pronouns, nominals); ours are end-to-end from predicted
  named mentions, so they are not directly comparable: see docs/quality.md.

Prints one table per corpus; never asserts anything.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "corpus"
TYPES = ("PER", "ORG", "LOC")
OUR_TYPE = {"Person": "PER", "Organization": "ORG", "Country": "LOC", "Place": "LOC"}
ECB_TYPE = {"HUMAN_PART_PER": "PER", "HUMAN_PART_ORG": "ORG", "LOC_GEO": "LOC", "HUMAN_PART_GPE": "LOC"}
MEANTIME_TYPE = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
# Capitalised words that do not make a mention a name.
NOT_NAMES = frozenset("""a an the this that these those he she it they we i you his her its their our my your
him them us me who which what some all both one another each other any many most several former""".split())


@dataclass(frozen=True, slots=True)
class Span:
    doc: str
    start: int
    end: int
    type: str  # PER | ORG | LOC
    cluster: str  # gold chain, or our node id
    topic: str


# -- corpora ----------------------------------------------------------------------------

def is_named(text: str) -> bool:
    """ECB+ has no named/nominal flag: a mention is named when a capitalised word in
    it is not a pronoun or determiner ("Tara Reid", "People"; not "She", "the actress")."""
    return any(w[:1].isupper() and w.lower() not in NOT_NAMES for w in re.findall(r"[\w'’.-]+", text))


def ecbplus(folder: Path) -> tuple[Path, list[Span], dict[str, list[tuple[int, int]]]]:
    """Articles file, gold named mentions, and the annotated lines of each document."""
    articles = folder / "articles.jsonl"
    texts = {}
    topics = {}
    for line in articles.read_text("utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
        topics[record["id"]] = record["topic"]
    gold, annotated = [], defaultdict(set)
    for line in (folder / "mentions.jsonl").read_text("utf-8").splitlines():
        m = json.loads(line)
        annotated[m["doc"]].add(_line_of(texts[m["doc"]], m["start"]))
        if m["type"] in ECB_TYPE and is_named(m["text"]):
            gold.append(Span(m["doc"], m["start"], m["end"], ECB_TYPE[m["type"]], m["chain"], topics[m["doc"]]))
    return articles, gold, {d: sorted(lines) for d, lines in annotated.items()}


def meantime(folder: Path, workdir: Path) -> tuple[Path, list[Span], dict[str, list[tuple[int, int]]]]:
    """Detokenise ``meantime.conll`` into a JSONL file (token offsets kept), then map
    the gold mentions of ``entities_mentions.json`` onto character offsets."""
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in (folder / "meantime.conll").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc, sent, _, token, *_ = line.split("\t")
        sentences[doc][int(sent)].append(token)
    offsets: dict[tuple[str, int, int], tuple[int, int]] = {}
    lines_of: dict[str, list[tuple[int, int]]] = {}
    path = workdir / "meantime.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for doc, sents in sentences.items():
            text, spans = "", []
            for sent_id in sorted(sents):
                sent_start = len(text)
                for index, token in enumerate(sents[sent_id]):
                    if index and not _glued(sents[sent_id][index - 1], token):
                        text += " "
                    offsets[(doc, sent_id, index)] = (len(text), len(text) + len(token))
                    text += token
                spans.append((sent_start, len(text)))
                text += "\n"
            lines_of[doc] = spans
            out.write(json.dumps({"id": doc.replace("/", "_"), "text": text}) + "\n")
    gold, annotated = [], defaultdict(set)
    mentions = json.loads((folder / "entities_mentions.json").read_text("utf-8"))
    events = json.loads((folder / "event_mentions.json").read_text("utf-8"))
    for m in mentions + events:
        doc = m["conll_doc_key"]
        tokens = m["tokens_number"]
        if (doc, m["sent_id"], tokens[0]) not in offsets:
            continue
        start = offsets[(doc, m["sent_id"], tokens[0])][0]
        end = offsets[(doc, m["sent_id"], tokens[-1])][1]
        doc_id = doc.replace("/", "_")
        annotated[doc_id].add(_line_of_spans(lines_of[doc], start))
        if m in mentions and m.get("mention_type") in MEANTIME_TYPE and m.get("mention_head_pos") == "PROPN":
            chain = re.sub(r"^(cross_intra_|cross_|intra_)", "", m["coref_chain"])
            gold.append(Span(doc_id, start, end, MEANTIME_TYPE[m["mention_type"]], chain, m["topic"]))
    return path, gold, {d: sorted(v) for d, v in annotated.items()}


def _glued(previous: str, token: str) -> bool:
    return token in {",", ".", ";", ":", "!", "?", ")", "]", "'s", "’s", "n't", "%", "'"} or previous in {"(", "[", "$"}


def _line_of(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def _line_of_spans(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    return next((s, e) for s, e in spans if s <= offset <= e)


# -- predictions --------------------------------------------------------------------------

def predicted(graph, topics: dict[str, str]) -> list[Span]:
    found = []
    for source, target, attrs in graph.edges(data=True):
        if attrs.get("type") != "MENTIONS":
            continue
        labels = graph.nodes[target].get("labels", [])
        kind = next((OUR_TYPE[label] for label in labels if label in OUR_TYPE), None)
        doc = source.removeprefix("article:")
        if kind is None:
            continue
        for start, end in zip(attrs["starts"], attrs["ends"]):
            found.append(Span(doc, start, end, kind, target, topics.get(doc, "")))
    return outermost(found)


def outermost(spans: list[Span]) -> list[Span]:
    """The spans not lying inside a longer span of the same document. A name holds a
    mention of another entity ("the Indian Navy": the navy, and India by its demonym; see
    ``resolution/mentions.demonym_in_front``), which the graph keeps; neither gold annotates
    a named mention inside another (ECB+ writes "The Indian [navy]" with no mention of
    India, 12_10ecb; 5 of its named mentions lie inside another), so the inner one is no
    mention these golds could hold, and is not scored. One sort and one sweep per document;
    the spans kept stay in their order (alignment breaks ties by it)."""
    ordered = sorted(spans, key=lambda s: (s.doc, s.start, -s.end))
    kept: list[Span] = []
    doc, reach = None, (-1, -1)  # (start, end) of the span reaching furthest so far, earliest first
    for span in ordered:
        if span.doc != doc:
            doc, reach = span.doc, (-1, -1)
        if span.end <= reach[1] and reach != (span.start, span.end):
            continue  # inside a longer span (the same span twice is two mentions, both kept)
        kept.append(span)
        if span.end > reach[1]:
            reach = (span.start, span.end)
    keep = set(kept)
    return [span for span in spans if span in keep]  # in the graph's order: alignment breaks ties by it


def align(gold: list[Span], pred: list[Span]) -> dict[int, int]:
    """pred index → gold index: overlapping spans in the same document, one-to-one;
    pairs of the same type first, then the largest overlap, then the earliest (so in
    "Apple CEO Steve Jobs", one gold PER span, our PER "Steve Jobs" wins over our ORG "Apple")."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        by_doc[g.doc].append(i)
    pairs = []
    for j, p in enumerate(pred):
        for i in by_doc.get(p.doc, ()):
            overlap = min(p.end, gold[i].end) - max(p.start, gold[i].start)
            if overlap > 0:
                pairs.append((p.type != gold[i].type, -overlap, gold[i].start, i, j))
    pairs.sort()
    taken_gold, taken_pred, out = set(), set(), {}
    for *_, i, j in pairs:
        if i not in taken_gold and j not in taken_pred:
            taken_gold.add(i)
            taken_pred.add(j)
            out[j] = i
    return out


def in_annotated(span: Span, annotated: dict[str, list[tuple[int, int]]]) -> bool:
    return any(s <= span.start < e or s < span.end <= e for s, e in annotated.get(span.doc, ()))


# -- scores -------------------------------------------------------------------------------

def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold: list[Span], pred_all: list[Span], annotated) -> dict:
    pred = [p for p in pred_all if in_annotated(p, annotated)]
    mapping = align(gold, pred)
    result = {"gold named mentions": len(gold), "predicted mentions (annotated sentences)": len(pred),
              "predicted mentions (all)": len(pred_all)}
    rows = {"all": prf(len(mapping), len(pred), len(gold))}
    for kind in TYPES:
        tp_recall = sum(1 for j, i in mapping.items() if gold[i].type == kind)
        tp_precision = sum(1 for j, i in mapping.items() if pred[j].type == kind and gold[i].type == kind)
        n_pred = sum(1 for p in pred if p.type == kind)
        n_gold = sum(1 for g in gold if g.type == kind)
        p = tp_precision / n_pred if n_pred else 0.0
        r = tp_recall / n_gold if n_gold else 0.0
        rows[kind] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    result["mentions"] = rows
    result["type accuracy of matched"] = (sum(1 for j, i in mapping.items() if pred[j].type == gold[i].type)
                                          / len(mapping) if mapping else 0.0)
    result["coreference"] = coreference(gold, pred, mapping)
    # Closer to the published "gold mentions" setting: only the mentions both sides have.
    matched_gold = sorted(set(mapping.values()))
    renumber = {i: n for n, i in enumerate(matched_gold)}
    matched_pred = sorted(mapping)
    result["coreference on matched mentions"] = coreference(
        [gold[i] for i in matched_gold], [pred[j] for j in matched_pred],
        {n: renumber[mapping[j]] for n, j in enumerate(matched_pred)})
    return result


def coreference(gold: list[Span], pred: list[Span], mapping: dict[int, int]) -> dict:
    from scorch import scores  # PyPI "scorch": CoNLL-2012 coreference metrics

    key: dict[tuple, set] = defaultdict(set)
    for i, g in enumerate(gold):
        key[(g.topic, g.cluster)].add(("g", i))
    response: dict[tuple, set] = defaultdict(set)
    for j, p in enumerate(pred):
        response[(p.topic, p.cluster)].add(("g", mapping[j]) if j in mapping else ("p", j))
    k, r = list(key.values()), list(response.values())
    muc = scores.muc(k, r)
    b3 = scores.b_cubed(k, r)
    ceafe = scores.ceaf_e(k, r)
    return {"MUC": muc, "B3": b3, "CEAFe": ceafe, "CoNLL F1": (muc[2] + b3[2] + ceafe[2]) / 3,
            "key chains": len(k), "response clusters": len(r)}


def report(name: str, result: dict, seconds: float) -> str:
    lines = [f"== {name} ({seconds:.0f} s) ==",
             f"gold named mentions {result['gold named mentions']}, predicted {result['predicted mentions (all)']} "
             f"({result['predicted mentions (annotated sentences)']} in annotated sentences)",
             f"{'mentions':<10} {'P':>6} {'R':>6} {'F1':>6}"]
    for kind, (p, r, f) in result["mentions"].items():
        lines.append(f"{kind:<10} {p:6.3f} {r:6.3f} {f:6.3f}")
    lines.append(f"type accuracy of matched mentions: {result['type accuracy of matched']:.3f}")
    for title in ("coreference", "coreference on matched mentions"):
        coref = result[title]
        lines.append(f"{title}: {coref['key chains']} key chains, {coref['response clusters']} response clusters")
        lines.append(f"  {'':<8} {'R':>6} {'P':>6} {'F1':>6}")
        for metric in ("MUC", "B3", "CEAFe"):
            r, p, f = coref[metric]
            lines.append(f"  {metric:<8} {r:6.3f} {p:6.3f} {f:6.3f}")
        lines.append(f"  CoNLL F1 {coref['CoNLL F1']:.3f}")
    return "\n".join(lines)


def run(name: str, articles: Path, gold: list[Span], annotated, nlp) -> str:
    from graphbuild.pipeline import IngestOptions, build

    started = time.perf_counter()
    result = build(IngestOptions(paths=[str(articles)], progress=False), nlp=nlp)
    topics = {g.doc: g.topic for g in gold}
    for line in articles.read_text("utf-8").splitlines():  # documents without gold mentions
        record = json.loads(line)
        topics.setdefault(record["id"], record.get("topic") or record["id"].split("_")[0])
    scores = evaluate(gold, predicted(result.graph, topics), annotated)
    return report(name, scores, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus-dir", type=Path, default=SHARED, help="folder with ecbplus/ and meantime/")
    parser.add_argument("--only", choices=["ecbplus", "meantime"], default=None)
    args = parser.parse_args(argv)
    if not args.corpus_dir.exists():
        print(f"skipped: {args.corpus_dir} is not there (../shared/ must sit beside the repo)", file=sys.stderr)
        return 0
    from graphbuild.extraction.nlp import load_pipeline

    nlp = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "ecbplus"):
            articles, gold, annotated = ecbplus(args.corpus_dir / "ecbplus")
            print(run("ECB+", articles, gold, annotated, nlp), flush=True)
        if args.only in (None, "meantime"):
            articles, gold, annotated = meantime(args.corpus_dir / "meantime", Path(tmp))
            print(run("MEANTIME (English)", articles, gold, annotated, nlp), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
