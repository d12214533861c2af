"""One self-contained HTML page that draws a saved graph.

Drawing is done by vis-network (Apache-2.0 / MIT), whose standalone build ships inside
the pyvis package (BSD). pyvis's own page template always links Bootstrap from a CDN,
so the page here is our own: vis-network's JavaScript and CSS are inlined, the graph
data is embedded as JSON, and nothing is fetched when the file is opened.

What is drawn comes from the data: every label and relationship type in the file gets
a colour (known ones fixed, others from a fallback palette); kind labels (schema labels
without a key, such as ``Meeting``) colour events by kind, and an event's ``status``
draws it filled (held), as a dashed outline (planned) or grey with a dotted outline
(cancelled, denied), with the status in its caption. A large graph is cut to a
readable subset: Article nodes hidden unless asked for, the best-connected ``limit``
nodes, optionally only some labels or the nodes matching a search and their neighbours.
"""
from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx

from graphbuild.errors import ConfigError

DEFAULT_LIMIT = 300
VIS_VERSION = "9.1.2"

# Colours for the labels and types we know; anything else gets one from FALLBACK.
LABEL_COLOURS = {
    "Person": "#4e79a7", "Country": "#59a14f", "Organization": "#f28e2b", "Place": "#76b7b2",
    "Article": "#bab0ac", "Event": "#e15759", "Meeting": "#e15759", "Conference": "#b07aa1",
    "Negotiation": "#ff9da7", "Visit": "#edc948",
}
EDGE_COLOURS = {
    "MENTIONS": "#d0d0d0", "REPORTS": "#b0b0b0", "PARTICIPATED_IN": "#e15759", "HELD_IN": "#76b7b2",
    "MET": "#4e79a7", "HOLDS_OFFICE": "#f28e2b", "IN_COUNTRY": "#59a14f",
}
# How an event is drawn by its status: the fill ("kind": the kind's colour), the border
# ("kind" or a colour) and its dashes (vis-network's borderDashes: false or [dash, gap]).
# A held event is drawn as every other node; one that did not take place stands out.
STATUS_STYLES = {
    "held": {"fill": "kind", "border": "#444444", "dashes": False, "width": 1, "legend": "filled"},
    "planned": {"fill": "#ffffff", "border": "kind", "dashes": [6, 4], "width": 3, "legend": "white, dashed outline"},
    "cancelled": {"fill": "#d5d5d5", "border": "kind", "dashes": [2, 3], "width": 3,
                  "legend": "grey, dotted outline"},
    "denied": {"fill": "#d5d5d5", "border": "#444444", "dashes": [2, 3], "width": 3,
               "legend": "grey, dotted dark outline"},
}
FALLBACK = ("#9c755f", "#8cd17d", "#499894", "#d37295", "#a0cbe8", "#ffbe7d", "#86bcb6", "#f1ce63", "#d4a6c8")


@dataclass
class ViewOptions:
    labels: tuple[str, ...] = ()
    search: str | None = None
    limit: int | None = None
    articles: bool | None = None  # None: only when "Article" is among labels
    title: str = "graphbuild"


@dataclass
class ViewResult:
    path: Path
    nodes_total: int
    nodes_shown: int
    edges_shown: int
    labels: list[str] = field(default_factory=list)


def write_view(folder: str | Path, out: str | Path | None = None, options: ViewOptions | None = None) -> ViewResult:
    """Read ``graph.json`` from ``folder`` and write the page (default ``folder/graph.html``)."""
    from graphbuild.sinks.files import atomic_write, read_graph

    options = options or ViewOptions()
    graph = read_graph(folder)
    base = Path(folder) if Path(folder).is_dir() else Path(folder).parent
    path = Path(out) if out else base / "graph.html"
    page, data = render_html(graph, options)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda f: f.write(page.encode("utf-8")))
        path.chmod(0o644)
    except OSError as exc:
        raise ConfigError(f"expected a writable path for the HTML file, found {path} ({exc.strerror})") from None
    return ViewResult(path, graph.number_of_nodes(), len(data["nodes"]), len(data["edges"]), data["labels"])


def select_nodes(graph: nx.MultiDiGraph, options: ViewOptions) -> list[str]:
    """The nodes to draw, best connected first (ties by id), at most ``limit``."""
    wanted = set(options.labels)
    articles = options.articles if options.articles is not None else "Article" in wanted

    def allowed(node: str) -> bool:
        labels = set(graph.nodes[node].get("labels") or ())
        if "Article" in labels and not articles:
            return False
        return not wanted or bool(labels & wanted)

    candidates = [n for n in graph.nodes if allowed(n)]
    if options.search:
        needle = options.search.casefold()
        hits = {n for n in candidates if needle in _search_text(n, graph.nodes[n])}
        around = {m for n in hits for m in nx.all_neighbors(graph, n) if allowed(m)}
        candidates = [n for n in candidates if n in hits or n in around]
        first = hits
    else:
        first = set()
    degree = dict(graph.subgraph(candidates).degree())  # connections among what can be drawn
    ranked = sorted(candidates, key=lambda n: (n not in first, -degree[n], str(n)))
    return ranked[: options.limit or DEFAULT_LIMIT]


def _search_text(node: str, attrs: dict) -> str:
    parts = [str(node), str(attrs.get("name", "")), str(attrs.get("title", ""))] + list(attrs.get("aliases") or ())
    return " ".join(parts).casefold()


def kind_labels() -> set[str]:
    """Labels that only qualify another (schema labels without a key: Meeting, …)."""
    from graphbuild.graph.schema import load_schema

    return {label for label, spec in load_schema().nodes.items() if spec.key is None}


def graph_data(graph: nx.MultiDiGraph, options: ViewOptions) -> dict:
    """The JSON embedded in the page: nodes, edges, colours and details per node."""
    kinds = kind_labels()
    shown = select_nodes(graph, options)
    shown_set = set(shown)
    titles = {n: a.get("title") or str(n).removeprefix("article:") for n, a in graph.nodes(data=True)
              if "Article" in (a.get("labels") or ())}
    all_labels = sorted({label for _, a in graph.nodes(data=True) for label in (a.get("labels") or ())})
    all_types = sorted({a.get("type", "") for _, _, a in graph.edges(data=True)})
    colours = _palette(all_labels, LABEL_COLOURS)
    edge_colours = _palette(all_types, EDGE_COLOURS)
    degree = dict(graph.degree(shown))

    nodes = []
    for node in shown:
        attrs = graph.nodes[node]
        labels = list(attrs.get("labels") or ())
        kind = next((label for label in labels if label in kinds), None)
        main = next((label for label in labels if label not in kinds), labels[0] if labels else "")
        colour = colours.get(kind or main, "#999999")
        nodes.append({
            "id": node, "label": _caption(node, attrs, kind, titles), "group": kind or main, "labels": labels,
            "color": colour, "shape": _shape(main, kind),
            "value": degree.get(node, 0) + 1, "title": str(attrs.get("name") or titles.get(node) or node),
            **_status_style(attrs, colour),
            "details": _details(graph, node, attrs, titles),
        })
    edges = []
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        if source in shown_set and target in shown_set:
            edge_type = attrs.get("type", "")
            edges.append({"id": f"{source}|{target}|{key}", "from": source, "to": target, "label": edge_type,
                          "color": edge_colours.get(edge_type, "#999999")})
    statuses = sorted({n["status"] for n in nodes if "status" in n}, key=list(STATUS_STYLES).index)
    return {"nodes": nodes, "edges": edges, "labels": all_labels, "colours": colours,
            "edge_colours": edge_colours, "total_nodes": graph.number_of_nodes(),
            "total_edges": graph.number_of_edges(),
            "statuses": [{**_status_style({"status": status}, "#999999"), "legend": STATUS_STYLES[status]["legend"]}
                         for status in statuses]}


def _status_style(attrs: dict, colour: str) -> dict:
    """Fill, border and dashes of an event by its ``status``; nothing for other nodes
    (or a status value the page does not know, drawn as held)."""
    style = STATUS_STYLES.get(attrs.get("status"))
    if style is None:
        return {}
    pick = lambda value: colour if value == "kind" else value  # noqa: E731
    return {"status": attrs["status"], "color": pick(style["fill"]), "border": pick(style["border"]),
            "dashes": style["dashes"], "border_width": style["width"]}


def _palette(names: list[str], known: dict[str, str]) -> dict[str, str]:
    out, spare = {}, [c for c in FALLBACK]
    for i, name in enumerate(n for n in names if n not in known):
        out[name] = spare[i % len(spare)]
    return {name: known.get(name, out.get(name)) for name in names}


def _shape(main: str, kind: str | None) -> str:
    if kind or main == "Event":
        return "diamond"
    return "square" if main == "Article" else "dot"


def _caption(node: str, attrs: dict, kind: str | None, titles: dict) -> str:
    if kind or "Event" in (attrs.get("labels") or ()):
        return f"{kind or 'Event'}{_status_caption(attrs)}\n{_date_caption(attrs)}"
    name = attrs.get("name") or titles.get(node) or str(node)
    return name if len(name) <= 40 else name[:38] + "…"


def _status_caption(attrs: dict) -> str:
    """`` (planned)``, `` (held, disputed)``; nothing for an undisputed held event."""
    status = attrs.get("status")
    disputed = "status" in (attrs.get("disputed") or ())
    if not status or (status == "held" and not disputed):
        return ""
    return f" ({status}{', disputed' if disputed else ''})"


def _date_caption(attrs: dict) -> str:
    """The date, or its interval when it covers several days (``2020-01-04 – 2020-01-05``)."""
    start, end = attrs.get("date_start"), attrs.get("date_end")
    if start and end and start != end:
        return f"{start} – {end}"
    return attrs.get("date") or attrs.get("date_text") or "date unknown"


def _claim(graph: nx.MultiDiGraph, edge: dict) -> list[list[str]]:
    """What one REPORTS edge says of its event, as [field, text] rows for the panel."""
    rows = []
    if edge.get("status"):
        rows.append(["status", edge["status"]])
    if edge.get("date_text") or edge.get("date"):
        words = edge.get("date_text") or ""
        resolved = _date_caption(edge) if edge.get("date") else ""
        if edge.get("date_precision") and resolved:
            resolved += f", {edge['date_precision']}"
        rows.append(["date", f"{words} ({resolved})" if words and resolved else words or resolved])
    if edge.get("place"):
        place = edge["place"]
        name = _name(graph, place) if place in graph else place
        rows.append(["place", name + (f" ({edge['place_rule']})" if edge.get("place_rule") else "")])
    return rows


def _details(graph: nx.MultiDiGraph, node: str, attrs: dict, titles: dict) -> dict:
    """Properties, relationships and evidence for the side panel."""
    props = {"id": node, **{k: v for k, v in attrs.items() if k != "labels"}}
    reports, mentions, facts = [], defaultdict(list), []
    for source, _, edge in graph.in_edges(node, data=True):
        kind = edge.get("type")
        if kind == "REPORTS":
            reports.append({"article": titles.get(source, source), "sentences": list(edge.get("sentences") or ()),
                            "claim": _claim(graph, edge)})
        elif kind == "MENTIONS":
            mentions[titles.get(source, source)].extend(edge.get("texts") or ())
        else:
            facts.append([kind, "←", _name(graph, source)])
    for _, target, edge in graph.out_edges(node, data=True):
        kind = edge.get("type")
        if kind == "REPORTS":
            reports.append({"article": _name(graph, target), "sentences": list(edge.get("sentences") or ()),
                            "claim": _claim(graph, edge)})
        elif kind == "MENTIONS":
            continue
        else:
            extra = f" ({edge['title']})" if edge.get("title") else ""
            facts.append([kind, "→", _name(graph, target) + extra])
    surface = [{"article": a, "forms": sorted(set(forms), key=str.casefold), "count": len(forms)}
               for a, forms in sorted(mentions.items())]
    return {"labels": list(attrs.get("labels") or ()), "properties": props, "facts": sorted(facts),
            "reports": reports, "mentions": surface}


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    attrs = graph.nodes[node]
    return str(attrs.get("name") or attrs.get("title") or node)


def _asset(name: str) -> str:
    try:
        return resources.files("pyvis").joinpath(f"templates/lib/vis-{VIS_VERSION}/{name}").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ConfigError(f"expected vis-network {VIS_VERSION} inside the pyvis package (pip install pyvis), "
                          f"found {exc}") from None


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_html(graph: nx.MultiDiGraph, options: ViewOptions | None = None) -> tuple[str, dict]:
    options = options or ViewOptions()
    data = graph_data(graph, options)
    template = resources.files("graphbuild").joinpath("data/view.html").read_text("utf-8")
    page = (template.replace("{{TITLE}}", html.escape(options.title))
            .replace("/*VIS_CSS*/", _asset("vis-network.css").replace("</", "<\\/"))
            .replace("/*VIS_JS*/", _asset("vis-network.min.js").replace("</script", "<\\/script"))
            .replace("/*GRAPH_DATA*/", _script_json(data)))
    return page, data
