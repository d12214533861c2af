"""Score a built graph against gold annotations (``schemas/gold.schema.json``).

Pure functions over a networkx graph and a :class:`Gold` record; ``load_gold`` is the
only I/O. Every name is compared by :func:`graphbuild.resolution.normalize.name_key`.

Sections (each precision / recall / F1 over sets of tuples):

* ``entities``: (name, type) of every Person / Country / Organization / Place node;
* ``aliases``: (entity, alias) pairs: the surface forms on the node of each gold entity
  (an alias on the wrong node is a false positive there and a false negative here);
* ``offices``: (person, title, holder) of HOLDS_OFFICE edges;
* ``office_evidence``: (office, article) pairs: which articles each office's evidence points into;
* ``events``: (kind, participants, date, place) of Event nodes, date and place only
  where the gold gives them; ``event_reports``: (event, article) pairs of REPORTS
  edges. Both are ``None`` (not scored) when the gold says nothing about events; a
  graph without events scores 0 recall.
* ``events_lenient`` / ``event_reports_lenient``: a graph event matches a gold event
  when the kind is the same, they share at least min(2, gold participants)
  participants (a participant node matches when its name is the gold entity's name
  or one of its aliases), and date and place agree where both give them (dates compared at the
  coarser precision); matching is one-to-one (maximum weight). Reports are
  (event, article) pairs over the matched events.
* ``multi_article``: of the gold events reported by two or more articles, how many
  are one graph node carrying at least two of their articles (and all of them).
* ``status``: of the leniently matched gold events that state a ``status``, how many
  graph events carry the same ``status`` (a node without one counts as ``held``).
* ``events_by_status``: when the gold states every event's status, per status value a
  lenient score that also asks for the status: a hit is a matched pair where gold and
  graph both say that status; precision counts graph events of that status, recall gold
  events of it (so a planned meeting the graph calls held is a miss for planned and an
  extra for held).
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jsonschema
import networkx as nx

from graphbuild.errors import InputError
from graphbuild.resolution.normalize import name_key

ENTITY_LABELS = ("Person", "Country", "Organization", "Place")


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldOffice:
    person: str
    title: str
    holder: str
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    kind: str
    participants: tuple[str, ...]
    date: str | None = None
    place: str | None = None
    articles: tuple[str, ...] = ()
    status: str | None = None  # held | planned | cancelled | denied; None: not annotated


@dataclass(frozen=True, slots=True)
class Gold:
    articles: tuple[str, ...]
    entities: tuple[GoldEntity, ...]
    offices: tuple[GoldOffice, ...] = ()
    events: tuple[GoldEvent, ...] | None = None  # None: the gold says nothing about events


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of one comparison, with the tuples that differ (for reading the errors)."""

    tp: int
    fp: int
    fn: int
    false_positives: tuple[str, ...] = ()
    false_negatives: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "false_positives": list(self.false_positives), "false_negatives": list(self.false_negatives)}


@dataclass(frozen=True, slots=True)
class Count:
    """``hits`` of ``total`` (a share, not a precision/recall pair), with the misses named."""

    hits: int
    total: int
    misses: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def as_dict(self) -> dict:
        return {"hits": self.hits, "total": self.total, "share": round(self.share, 4), "misses": list(self.misses)}


@dataclass(frozen=True, slots=True)
class MultiArticle:
    """Gold events told by several articles: one node with ≥ 2 of their articles / all of them."""

    one_node: Count
    all_articles: Count

    def as_dict(self) -> dict:
        return {"one_node": self.one_node.as_dict(), "all_articles": self.all_articles.as_dict()}


@dataclass(frozen=True, slots=True)
class Scores:
    entities: PRF
    aliases: PRF
    offices: PRF
    office_evidence: PRF
    events: PRF | None = None
    event_reports: PRF | None = None
    events_lenient: PRF | None = None
    event_reports_lenient: PRF | None = None
    multi_article: MultiArticle | None = None
    status: Count | None = None
    # Lenient event scores per gold kind (recall counts gold events of the kind, precision
    # graph events of the kind) and lenient recall per gold status.
    events_by_kind: dict[str, PRF] | None = None
    recall_by_status: dict[str, Count] | None = None
    events_by_status: dict[str, PRF] | None = None

    def as_dict(self) -> dict:
        out: dict = {}
        for name in self.__slots__:
            value = getattr(self, name)
            if isinstance(value, dict):
                out[name] = {key: item.as_dict() for key, item in sorted(value.items())}
            else:
                out[name] = value.as_dict() if value is not None else None
        return out


def compare(gold: set, predicted: set) -> PRF:
    """Precision / recall counts of two sets of hashable items.

    >>> compare({1, 2}, {2, 3}).f1
    0.5
    """
    return PRF(len(gold & predicted), len(predicted - gold), len(gold - predicted),
               tuple(sorted(map(_show, predicted - gold))), tuple(sorted(map(_show, gold - predicted))))


def score(gold: Gold, graph: nx.MultiDiGraph) -> Scores:
    """Compare ``graph`` with ``gold``; see the module docstring for the sections."""
    names = {node: attrs.get("name", "") for node, attrs in graph.nodes(data=True)}
    entity_nodes = {node: attrs for node, attrs in graph.nodes(data=True)
                    if set(attrs.get("labels") or ()) & set(ENTITY_LABELS)}

    gold_entities = {(name_key(e.name), e.type) for e in gold.entities}
    predicted_entities = {(name_key(a["name"]), _entity_label(a)) for a in entity_nodes.values()}

    gold_aliases = {(name_key(e.name), e.type, name_key(alias)) for e in gold.entities for alias in e.aliases}
    predicted_aliases = {(name_key(a["name"]), _entity_label(a), name_key(alias))
                         for a in entity_nodes.values() for alias in a.get("aliases") or ()}
    # Aliases of nodes the gold does not know are already entity errors; count them once.
    predicted_aliases = {item for item in predicted_aliases if item[:2] in gold_entities}

    gold_offices = {_office_key(o.person, o.title, o.holder) for o in gold.offices}
    predicted_offices: set = set()
    office_articles: dict[tuple, set[str]] = defaultdict(set)
    for source, target, attrs in graph.edges(data=True):
        if attrs.get("type") != "HOLDS_OFFICE":
            continue
        key = _office_key(names[source], attrs.get("title", ""), names[target])
        predicted_offices.add(key)
        office_articles[key].update(item.rsplit(":", 1)[0] for item in attrs.get("evidence") or ())
    gold_evidence = {(_office_key(o.person, o.title, o.holder), a) for o in gold.offices for a in o.articles}
    predicted_evidence = {(key, article) for key, articles in office_articles.items() if key in gold_offices
                          for article in articles}

    sections: dict = {}
    event_nodes = [n for n, a in graph.nodes(data=True) if "Event" in (a.get("labels") or ())]
    if gold.events is not None:
        predicted = _predicted_events(graph, event_nodes, names)
        sections["events"], sections["event_reports"] = _score_events(gold.events, predicted)
        sections.update(_score_events_lenient(gold, graph, predicted))
    return Scores(compare(gold_entities, predicted_entities), compare(gold_aliases, predicted_aliases),
                  compare(gold_offices, predicted_offices), compare(gold_evidence, predicted_evidence),
                  **sections)


def _predicted_events(graph, event_nodes, names) -> dict[str, dict]:
    """What scoring needs of each Event node: kind, participant and place node ids and
    name keys, date, status and reporting articles."""
    article_prefix = "article:"
    predicted: dict[str, dict] = {}
    for node in sorted(event_nodes):
        attrs = graph.nodes[node]
        participants, participant_ids, places, place_ids, articles = set(), set(), set(), set(), set()
        for source, _, attrs_in in graph.in_edges(node, data=True):
            if attrs_in.get("type") == "PARTICIPATED_IN":
                participants.add(name_key(names[source]))
                participant_ids.add(source)
            elif attrs_in.get("type") == "REPORTS":
                articles.add(source.removeprefix(article_prefix))
        for _, target, attrs_out in graph.out_edges(node, data=True):
            if attrs_out.get("type") == "HELD_IN":
                places.add(name_key(names[target]))
                place_ids.add(target)
        kind = next((label for label in attrs.get("labels") or () if label != "Event"), "Event")
        predicted[node] = {"kind": kind, "participants": frozenset(participants), "date": attrs.get("date"),
                           "places": places, "articles": articles, "participant_ids": participant_ids,
                           "place_ids": place_ids, "status": attrs.get("status") or "held"}
    return predicted


def _score_events(gold_events, predicted: dict[str, dict]) -> tuple[PRF, PRF]:

    def key_of(event: GoldEvent) -> tuple:
        return (event.kind, frozenset(name_key(p) for p in event.participants), event.date,
                name_key(event.place) if event.place else None)

    gold_keys = {key_of(e) for e in gold_events}
    # A predicted event is seen through each gold event's lens: its date and place
    # count only where that gold event states them.
    predicted_keys: set = set()
    matched: dict[tuple, set[str]] = {}
    for node, p in predicted.items():
        key = None
        for event in gold_events:
            wanted = key_of(event)
            if (p["kind"], p["participants"]) == wanted[:2] \
                    and (event.date is None or p["date"] == event.date) \
                    and (event.place is None or name_key(event.place) in p["places"]):
                key = wanted
                matched.setdefault(key, set()).update(p["articles"])
                break
        predicted_keys.add(key or (p["kind"], p["participants"], p["date"], tuple(sorted(p["places"]))))
    gold_reports = {(key_of(e), a) for e in gold_events for a in e.articles}
    predicted_reports = {(key, a) for key, articles in matched.items() for a in articles}
    return compare(gold_keys, predicted_keys), compare(gold_reports, predicted_reports)


def _score_events_lenient(gold: Gold, graph, predicted: dict[str, dict]) -> dict:
    """The lenient sections (see the module docstring)."""
    gold_events = gold.events or ()
    forms = _gold_forms(gold)
    node_forms: dict[str, set[str]] = {}

    def forms_of(node: str) -> set[str]:
        # The node's own name only (not its aliases): a name the gold gives the entity.
        if node not in node_forms:
            node_forms[node] = {name_key(graph.nodes[node].get("name", ""))}
        return node_forms[node]

    def matches(gold_name: str, node: str) -> bool:
        key = name_key(gold_name)
        return bool(forms.get(key, {key}) & forms_of(node))

    pairs = nx.Graph()
    for g_index, event in enumerate(gold_events):
        needed = min(2, len(event.participants))
        for node, p in predicted.items():
            if p["kind"] != event.kind:
                continue
            shared = sum(1 for name in event.participants if any(matches(name, n) for n in p["participant_ids"]))
            if shared < needed:
                continue
            if event.date and p["date"] and not _same_at_coarser(event.date, p["date"]):
                continue
            if event.place and p["place_ids"] and not any(matches(event.place, n) for n in p["place_ids"]):
                continue
            # Weight: shared participants first, then agreeing date and place (integers keep
            # networkx's matching exact and deterministic).
            weight = 100 * shared + 10 * bool(event.date and p["date"]) + bool(event.place and p["place_ids"])
            pairs.add_edge(("gold", g_index), ("node", node), weight=weight)
    matching = nx.max_weight_matching(pairs, maxcardinality=False)
    matched: dict[int, str] = {}
    for a, b in matching:
        g_side, n_side = (a, b) if a[0] == "gold" else (b, a)
        matched[g_side[1]] = n_side[1]

    def show(index: int) -> str:
        event = gold_events[index]
        return _show((event.kind, frozenset(event.participants), event.date, event.place))

    tp = len(matched)
    lenient = PRF(tp, len(predicted) - tp, len(gold_events) - tp,
                  tuple(sorted(_show((p["kind"], p["participants"], p["date"], tuple(sorted(p["places"]))))
                               for node, p in predicted.items() if node not in matched.values())),
                  tuple(sorted(show(i) for i in range(len(gold_events)) if i not in matched)))
    gold_of = {node: index for index, node in matched.items()}
    gold_reports = {(str(i), a) for i, e in enumerate(gold_events) for a in e.articles}
    # A matched node's reports count against its gold event; an unmatched node's are extra.
    predicted_reports = {(str(gold_of[node]) if node in gold_of else node, a)
                         for node, p in predicted.items() for a in p["articles"]}
    counted = compare(gold_reports, predicted_reports)
    reports = PRF(counted.tp, counted.fp, counted.fn,
                  tuple(sorted(f"{show(int(k)) if k.isdigit() else k} | {a}" for k, a in predicted_reports - gold_reports)),
                  tuple(sorted(f"{show(int(k))} | {a}" for k, a in gold_reports - predicted_reports)))

    several = [i for i, e in enumerate(gold_events) if len(e.articles) >= 2]
    one_node = [i for i in several if i in matched
                and len(set(gold_events[i].articles) & predicted[matched[i]]["articles"]) >= 2]
    complete = [i for i in several if i in matched
                and set(gold_events[i].articles) <= predicted[matched[i]]["articles"]]
    multi = MultiArticle(Count(len(one_node), len(several), tuple(show(i) for i in several if i not in one_node)),
                         Count(len(complete), len(several), tuple(show(i) for i in several if i not in complete)))

    with_status = [i for i in matched if gold_events[i].status is not None]
    right = [i for i in with_status if predicted[matched[i]]["status"] == gold_events[i].status]
    status = Count(len(right), len(with_status),
                   tuple(f"{show(i)}: gold {gold_events[i].status}, graph {predicted[matched[i]]['status']}"
                         for i in with_status if i not in right)) if with_status else None

    by_kind: dict[str, PRF] = {}
    for kind in sorted({e.kind for e in gold_events} | {p["kind"] for p in predicted.values()}):
        gold_n = sum(1 for e in gold_events if e.kind == kind)
        pred_n = sum(1 for p in predicted.values() if p["kind"] == kind)
        hits = sum(1 for i in matched if gold_events[i].kind == kind)
        by_kind[kind] = PRF(hits, pred_n - hits, gold_n - hits)
    by_status: dict[str, Count] = {}
    for value in sorted({e.status for e in gold_events if e.status is not None}):
        indexes = [i for i, e in enumerate(gold_events) if e.status == value]
        by_status[value] = Count(sum(1 for i in indexes if i in matched), len(indexes))
    return {"events_lenient": lenient, "event_reports_lenient": reports, "multi_article": multi,
            "status": status, "events_by_kind": by_kind, "recall_by_status": by_status or None,
            "events_by_status": _by_status(gold_events, predicted, matched)}


def _by_status(gold_events, predicted: dict[str, dict], matched: dict[int, str]) -> dict[str, PRF] | None:
    """Per status value: matched pairs that agree on it / graph events / gold events of it
    (see the module docstring); None unless the gold states every event's status."""
    if not gold_events or any(e.status is None for e in gold_events):
        return None
    out: dict[str, PRF] = {}
    for value in sorted({e.status for e in gold_events} | {p["status"] for p in predicted.values()}):
        hits = sum(1 for i, node in matched.items()
                   if gold_events[i].status == value and predicted[node]["status"] == value)
        graph_n = sum(1 for p in predicted.values() if p["status"] == value)
        gold_n = sum(1 for e in gold_events if e.status == value)
        out[value] = PRF(hits, graph_n - hits, gold_n - hits)
    return out


def _gold_forms(gold: Gold) -> dict[str, set[str]]:
    """Name key of each gold entity → the keys of its name and aliases."""
    forms: dict[str, set[str]] = defaultdict(set)
    for entity in gold.entities:
        key = name_key(entity.name)
        forms[key].add(key)
        forms[key].update(name_key(alias) for alias in entity.aliases)
    return forms


def _same_at_coarser(a: str, b: str) -> bool:
    """ISO dates agree at the coarser of their precisions ("2008-01" fits "2008-01-09").

    >>> _same_at_coarser("2008-01", "2008-01-09"), _same_at_coarser("2008-01-08", "2008-01-09")
    (True, False)
    """
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _entity_label(attrs: dict) -> str:
    return next(label for label in attrs["labels"] if label in ENTITY_LABELS)


def _office_key(person: str, title: str, holder: str) -> tuple[str, str, str]:
    return (name_key(person), name_key(title), name_key(holder))


def _show(item) -> str:
    if isinstance(item, (tuple, list)):
        return " | ".join(_show(part) for part in item)
    if isinstance(item, frozenset):
        return "{" + ", ".join(sorted(map(str, item))) + "}"
    return str(item)


# -- reading ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def gold_schema() -> dict:
    return json.loads(resources.files("graphbuild").joinpath("schemas/gold.schema.json").read_text("utf-8"))


def parse_gold(raw: object, where: str = "<gold>") -> Gold:
    """A :class:`Gold` from parsed JSON, validated against ``schemas/gold.schema.json``."""
    errors = sorted(jsonschema.Draft202012Validator(gold_schema()).iter_errors(raw), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        path = "/".join(map(str, first.absolute_path)) or "(top level)"
        raise InputError(where, f"gold annotations matching schemas/gold.schema.json at {path}", first.message)
    entities = tuple(GoldEntity(e["name"], e["type"], tuple(e["aliases"])) for e in raw["entities"])
    offices = tuple(GoldOffice(o["person"], o["title"], o["holder"], tuple(o.get("articles", ())))
                    for o in raw.get("offices", ()))
    events = None
    if "events" in raw:
        events = tuple(GoldEvent(e["kind"], tuple(e["participants"]), e.get("date"), e.get("place"),
                                 tuple(e.get("articles", ())), e.get("status")) for e in raw["events"])
    return Gold(tuple(raw["articles"]), entities, offices, events)


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "a gold annotation file", "no such file") from None
    except json.JSONDecodeError as exc:
        raise InputError(str(path), "JSON", f"invalid JSON ({exc.msg})", exc.lineno) from None
    return parse_gold(raw, str(path))


def format_scores(scores: Scores) -> str:
    """A table, then the differences (what to look at first)."""
    lines = [f"{'section':<22} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
    for name in Scores.__slots__:
        value = getattr(scores, name)
        if isinstance(value, PRF):
            lines.append(f"{name:<22} {value.precision:6.3f} {value.recall:6.3f} {value.f1:6.3f} "
                         f"{value.tp:4d}{value.fp:4d}{value.fn:4d}")
        elif value is None and name in {"events", "event_reports"}:
            lines.append(f"{name:<22} (not scored: the gold has no events)")
    if scores.multi_article is not None:
        one, every = scores.multi_article.one_node, scores.multi_article.all_articles
        lines.append(f"multi-article events: {one.hits} of {one.total} one node with ≥ 2 of their articles, "
                     f"{every.hits} with all of them")
    if scores.status is not None:
        lines.append(f"status of matched events: {scores.status.hits} of {scores.status.total} right "
                     f"({scores.status.share:.3f})")
    if scores.events_by_kind:
        lines.append("lenient events by kind: " + "; ".join(
            f"{kind} P {prf.precision:.2f} R {prf.recall:.2f} ({prf.tp}/{prf.tp + prf.fn} gold, {prf.tp + prf.fp} found)"
            for kind, prf in sorted(scores.events_by_kind.items())))
    if scores.recall_by_status:
        lines.append("lenient recall by gold status: " + "; ".join(
            f"{status} {count.hits}/{count.total}" for status, count in sorted(scores.recall_by_status.items())))
    if scores.events_by_status:
        lines.append("lenient events by status (found with the gold's status): " + "; ".join(
            f"{status} P {prf.precision:.2f} R {prf.recall:.2f} ({prf.tp}/{prf.tp + prf.fn} gold, {prf.tp + prf.fp} found)"
            for status, prf in sorted(scores.events_by_status.items())))
    for name in Scores.__slots__:
        value = getattr(scores, name)
        if isinstance(value, PRF):
            lines.extend(f"  {name} extra:   {item}" for item in value.false_positives)
            lines.extend(f"  {name} missing: {item}" for item in value.false_negatives)
    if scores.multi_article is not None:
        lines.extend(f"  multi-article not one node: {item}" for item in scores.multi_article.one_node.misses)
    if scores.status is not None:
        lines.extend(f"  status wrong: {item}" for item in scores.status.misses)
    return "\n".join(lines)
