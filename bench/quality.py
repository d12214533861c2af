"""Every quality number of the README's Quality section, from one command, checked against floors.

    .venv/bin/python bench/quality.py                  # seeds + Wikinews dev set (+ bench/wikinews-extra), ≈ 30 s
    .venv/bin/python bench/quality.py --corpora        # also ECB+ and MEANTIME mentions and CoNLL F1, ≈ 3 min
    .venv/bin/python bench/quality.py --update-floors  # raise bench/floors.json to today's numbers (never lowers)
    .venv/bin/python bench/quality.py --json

Runs graphbuild's own pipeline (``pipeline.build``, the code ``ingest`` runs) on each set,
scores it with ``graphbuild.evaluation.score`` (the code ``graphbuild eval`` runs) and
prints one table of metrics. The Wikinews gold (``../shared/corpus/wikinews/gold.json``)
has no event status; ours is in ``bench/wikinews/event-status.jsonl`` (one line per gold
event, checked against the gold's kind, participants and articles) and is merged in
before scoring. ``bench/wikinews-extra/`` is a second set of 28 Wikinews articles with
gold written before graphbuild was run on it (README.txt there); ``bench/wikinews-3/`` and
``bench/wikinews-4/`` are the third and fourth (each held out for a round, development sets
since). ``bench/wikinews-5/`` is the held-out set: its numbers are printed, ``--details``
never shows its differences, and no rule is tuned on it.

``bench/floors.json`` holds the lowest acceptable value of each metric. The command
exits 1 when a metric falls below its floor (``tests/bench/test_quality_floors.py`` runs
the same check in ``make test``), and ``--update-floors`` moves every floor up to the
current value: floors only rise.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FLOORS = REPO / "bench" / "floors.json"
SEEDS = SHARED / "seeds" / "seeds.jsonl"
SEEDS_GOLD = REPO / "tests" / "data" / "seeds.gold.json"
WIKINEWS = SHARED / "corpus" / "wikinews"
WIKINEWS_STATUS = REPO / "bench" / "wikinews" / "event-status.jsonl"
EXTRA = REPO / "bench" / "wikinews-extra"  # our second development set, when present
THIRD = REPO / "bench" / "wikinews-3"  # our third set (held out until round 7, a development set since)
FOURTH = REPO / "bench" / "wikinews-4"  # our fourth set (held out until round 8, a development set since)
HELD_OUT = REPO / "bench" / "wikinews-5"  # our fifth set, untouched by tuning, when present
# Floors are compared after rounding to this many digits, so a float's last bit never fails a build.
DIGITS = 4


@dataclasses.dataclass(frozen=True)
class Set:
    name: str
    articles: Path
    gold: Path
    status: Path | None = None  # an event-status overlay (JSONL), see module docstring


def sets() -> list[Set]:
    found = [Set("seeds", SEEDS, SEEDS_GOLD), Set("wikinews", WIKINEWS / "articles.jsonl", WIKINEWS / "gold.json",
                                                  WIKINEWS_STATUS if WIKINEWS_STATUS.exists() else None)]
    for folder in (EXTRA, THIRD, FOURTH, HELD_OUT):
        if (folder / "articles.jsonl").exists():
            status = folder / "event-status.jsonl"
            found.append(Set(folder.name, folder / "articles.jsonl", folder / "gold.json",
                             status if status.exists() else None))
    return found


def with_status(gold, overlay: Path):
    """``gold`` with each event's ``status`` from the overlay file; the overlay must
    describe the same events in the same order (kind, participants, articles)."""
    from graphbuild.errors import InputError

    lines = [json.loads(line) for line in overlay.read_text("utf-8").splitlines() if line.strip()]
    events = list(gold.events or ())
    if len(lines) != len(events):
        raise InputError(str(overlay), f"one line per gold event ({len(events)})", f"{len(lines)} lines")
    updated = []
    for number, (line, event) in enumerate(zip(lines, events), start=1):
        same = (line.get("event") == number - 1 and line.get("kind") == event.kind
                and sorted(line.get("participants", ())) == sorted(event.participants)
                and sorted(line.get("articles", ())) == sorted(event.articles))
        if not same:
            raise InputError(str(overlay), f"gold event {number - 1} ({event.kind}: {', '.join(event.participants)})",
                             f"{line.get('kind')}: {', '.join(line.get('participants', ()))}", line=number)
        updated.append(dataclasses.replace(event, status=line["status"]))
    return dataclasses.replace(gold, events=tuple(updated))


def metrics_of(prefix: str, scores) -> dict[str, float]:
    """The numbers we track, flat: ``wikinews.entities.recall`` …"""
    out: dict[str, float] = {}
    for name in ("entities", "aliases", "offices", "office_evidence", "events", "event_reports",
                 "events_lenient", "event_reports_lenient"):
        prf = getattr(scores, name)
        if prf is None:
            continue
        for measure in ("precision", "recall", "f1"):
            out[f"{prefix}.{name}.{measure}"] = round(getattr(prf, measure), DIGITS)
    if scores.multi_article is not None:
        out[f"{prefix}.multi_article.one_node"] = scores.multi_article.one_node.hits
        out[f"{prefix}.multi_article.all_articles"] = scores.multi_article.all_articles.hits
    if scores.status is not None:
        out[f"{prefix}.status.accuracy"] = round(scores.status.share, DIGITS)
    for kind, prf in sorted((scores.events_by_kind or {}).items()):
        out[f"{prefix}.events_lenient.{kind}.f1"] = round(prf.f1, DIGITS)
    for status, count in sorted((scores.recall_by_status or {}).items()):
        out[f"{prefix}.events_lenient.recall.{status}"] = round(count.share, DIGITS)
    return out


def measure(nlp=None, corpora: bool = False, log=print) -> tuple[dict[str, float], dict[str, object]]:
    """Build every set with graphbuild's pipeline and score it. Returns the flat metrics
    and the full scores of each set (for printing the differences)."""
    from graphbuild.evaluation import load_gold, score
    from graphbuild.extraction.nlp import load_pipeline
    from graphbuild.pipeline import IngestOptions, build

    nlp = nlp if nlp is not None else load_pipeline()
    metrics: dict[str, float] = {}
    details: dict[str, object] = {}
    for item in sets():
        gold = load_gold(item.gold)
        if item.status is not None:
            gold = with_status(gold, item.status)
        graph = build(IngestOptions(paths=[str(item.articles)], progress=False), nlp=nlp).graph
        scores = score(gold, graph)
        details[item.name] = scores
        metrics.update(metrics_of(item.name, scores))
        log(f"measured {item.name}")
    if corpora:
        metrics.update(_corpora(nlp, log))
    return metrics, details


def _corpora(nlp, log) -> dict[str, float]:
    """ECB+ and MEANTIME named-mention F1 and CoNLL F1 (bench/eval_corpora.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_corpora", REPO / "bench" / "eval_corpora.py")
    corpora = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_corpora", corpora)
    spec.loader.exec_module(corpora)
    from graphbuild.pipeline import IngestOptions, build

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (articles, gold, annotated) in (
                ("ecbplus", corpora.ecbplus(SHARED / "corpus" / "ecbplus")),
                ("meantime", corpora.meantime(SHARED / "corpus" / "meantime", Path(tmp)))):
            graph = build(IngestOptions(paths=[str(articles)], progress=False), nlp=nlp).graph
            topics = {g.doc: g.topic for g in gold}
            for line in articles.read_text("utf-8").splitlines():
                record = json.loads(line)
                topics.setdefault(record["id"], record.get("topic") or record["id"].split("_")[0])
            result = corpora.evaluate(gold, corpora.predicted(graph, topics), annotated)
            out[f"{name}.mentions.f1"] = round(result["mentions"]["all"][2], DIGITS)
            out[f"{name}.coreference.conll_f1"] = round(result["coreference"]["CoNLL F1"], DIGITS)
            out[f"{name}.coreference_matched.conll_f1"] = round(result["coreference on matched mentions"]["CoNLL F1"],
                                                                 DIGITS)
            log(f"measured {name}")
    return out


def read_floors(path: Path = FLOORS) -> dict[str, float]:
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def below_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    """The metrics that fell below their floor (a floor whose metric was not measured in
    this run, e.g. the corpora without --corpora, is not checked)."""
    return [f"{name}: {metrics[name]} < floor {floor}" for name, floor in sorted(floors.items())
            if name in metrics and round(metrics[name], DIGITS) < floor]


# The metrics that get a floor: every F1, and the precision or recall an issue names as a
# target. The rest (precision and recall of every section, per-kind and per-status
# numbers) are printed for reading, not guarded: a trade between precision and recall
# that raises F1 is progress.
GUARDED_SUFFIXES = (".f1", ".entities.recall", ".aliases.recall", ".aliases.precision", ".one_node",
                    ".all_articles", ".status.accuracy", ".conll_f1")


def guarded(name: str) -> bool:
    return name.endswith(GUARDED_SUFFIXES) and name.count(".") == 2 or name.endswith(".conll_f1")


def raised_floors(metrics: dict[str, float], floors: dict[str, float]) -> dict[str, float]:
    """Floors moved up to the metrics (never down); guarded metrics without a floor get one."""
    updated = dict(floors)
    for name, value in metrics.items():
        if (name in updated and value > updated[name]) or (name not in updated and guarded(name)):
            updated[name] = value
    return dict(sorted(updated.items()))


def table(metrics: dict[str, float], floors: dict[str, float]) -> str:
    lines = [f"{'metric':<52} {'value':>8} {'floor':>8}"]
    for name in sorted(metrics):
        floor = floors.get(name)
        mark = "" if floor is None else ("  BELOW" if round(metrics[name], DIGITS) < floor else
                                         ("  rose" if metrics[name] > floor else ""))
        lines.append(f"{name:<52} {metrics[name]:>8} {'' if floor is None else floor:>8}{mark}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", action="store_true", help="also ECB+ and MEANTIME (about 3 minutes)")
    parser.add_argument("--update-floors", action="store_true", help="raise bench/floors.json to today's numbers")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument("--details", action="store_true", help="also print each development set's differences from its gold (never the held-out set's)")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"graphbuild quality: {SHARED} is not there (../shared must sit beside the repo)", file=sys.stderr)
        return 1
    metrics, details = measure(corpora=args.corpora, log=lambda message: print(message, file=sys.stderr))
    floors = read_floors()
    if args.json:
        print(json.dumps(metrics, indent=1, sort_keys=True))
    else:
        print(table(metrics, floors))
    if args.details:
        from graphbuild.evaluation import format_scores

        for name, scores in details.items():
            if name == HELD_OUT.name:  # its scores are read, its misses never: no tuning to it
                print(f"\n== {name} ==\n(held out: differences not shown)")
                continue
            print(f"\n== {name} ==\n{format_scores(scores)}")
    if args.update_floors:
        FLOORS.write_text(json.dumps(raised_floors(metrics, floors), indent=1) + "\n", "utf-8")
        print(f"floors raised where the numbers rose: {FLOORS}", file=sys.stderr)
        return 0
    dropped = below_floors(metrics, floors)
    for line in dropped:
        print(f"graphbuild quality: below floor: {line}", file=sys.stderr)
    return 1 if dropped else 0


if __name__ == "__main__":
    sys.exit(main())
