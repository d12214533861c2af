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
  edges. Both are ``None`` (not scored) when the gold or the graph has no events.
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
class Scores:
    entities: PRF
    aliases: PRF
    offices: PRF
    office_evidence: PRF
    events: PRF | None = None
    event_reports: PRF | None = None

    def as_dict(self) -> dict:
        return {name: (getattr(self, name).as_dict() if getattr(self, name) is not None else None)
                for name in self.__slots__}


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

    events = reports = None
    event_nodes = [n for n, a in graph.nodes(data=True) if "Event" in (a.get("labels") or ())]
    if gold.events is not None and event_nodes:
        events, reports = _score_events(gold.events, graph, event_nodes, names)
    return Scores(compare(gold_entities, predicted_entities), compare(gold_aliases, predicted_aliases),
                  compare(gold_offices, predicted_offices), compare(gold_evidence, predicted_evidence),
                  events, reports)


def _score_events(gold_events, graph, event_nodes, names) -> tuple[PRF, PRF]:
    article_prefix = "article:"
    predicted: dict[str, dict] = {}
    for node in event_nodes:
        attrs = graph.nodes[node]
        participants, places, articles = set(), set(), set()
        for source, _, attrs_in in graph.in_edges(node, data=True):
            if attrs_in.get("type") == "PARTICIPATED_IN":
                participants.add(name_key(names[source]))
            elif attrs_in.get("type") == "REPORTS":
                articles.add(source.removeprefix(article_prefix))
        for _, target, attrs_out in graph.out_edges(node, data=True):
            if attrs_out.get("type") == "HELD_IN":
                places.add(name_key(names[target]))
        kind = next((label for label in attrs.get("labels") or () if label != "Event"), "Event")
        predicted[node] = {"kind": kind, "participants": frozenset(participants), "date": attrs.get("date"),
                           "places": places, "articles": articles}

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
                                 tuple(e.get("articles", ()))) for e in raw["events"])
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
    lines = [f"{'section':<16} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
    for name in Scores.__slots__:
        prf = getattr(scores, name)
        if prf is None:
            lines.append(f"{name:<16} {'(not scored: no events in the gold or the graph)':>6}")
            continue
        lines.append(f"{name:<16} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} {prf.tp:4d}{prf.fp:4d}{prf.fn:4d}")
    for name in Scores.__slots__:
        prf = getattr(scores, name)
        if prf is None:
            continue
        lines.extend(f"  {name} extra:   {item}" for item in prf.false_positives)
        lines.extend(f"  {name} missing: {item}" for item in prf.false_negatives)
    return "\n".join(lines)
