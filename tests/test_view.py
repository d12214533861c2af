"""`graphbuild view`: one self-contained HTML page, checked in a real headless Chromium."""
from __future__ import annotations

import json
import re
import struct

import pytest
from click.testing import CliRunner

from graphbuild.cli import cli
from graphbuild.sinks.files import write_graph
from graphbuild.view import DEFAULT_LIMIT, ViewOptions, graph_data, render_html, select_nodes
from tests.chromium import Browser, find_chromium, node_position
from tests.conftest import status_events_graph
from tests.test_query import small_graph


def embedded_data(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(raw)


def test_page_is_self_contained():
    page, data = render_html(small_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page, re.I)
    assert not re.search(r"@import|url\((?!\"?data:)", page)
    assert "vis-network" in page and len(page) > 500_000  # the library itself is inlined
    assert embedded_data(page) == json.loads(json.dumps(data))


def test_captions_colours_and_evidence_come_from_the_data():
    graph = small_graph()
    graph.add_node("widget:w", labels=["Widget"], name="Gadget")  # a label no one planned for
    graph.add_edge("widget:w", "person:a", key="OWNS", type="OWNS")
    data = graph_data(graph, ViewOptions())
    nodes = {n["id"]: n for n in data["nodes"]}
    assert "article:x" not in nodes  # articles hidden by default
    assert nodes["event:m1"]["label"] == "Meeting\n2020-01-02" and nodes["event:m1"]["shape"] == "diamond"
    assert nodes["person:a"]["label"] == "Ann Lee"
    assert nodes["widget:w"]["color"].startswith("#") and data["edge_colours"]["OWNS"].startswith("#")
    assert nodes["event:m1"]["details"]["reports"] == [{"article": "Lee meets Park", "sentences": ["Lee met Park."],
                                                         "claim": []}]  # the edge claims nothing
    assert nodes["person:a"]["details"]["mentions"] == [{"article": "Lee meets Park", "forms": ["Ann Lee", "Lee"],
                                                         "count": 2}]
    assert ["PARTICIPATED_IN", "←", "Ann Lee"] in nodes["event:m1"]["details"]["facts"]
    assert {"Widget", "Meeting", "Article"} <= set(data["labels"])


def test_events_are_captioned_and_drawn_by_status():
    data = graph_data(status_events_graph(), ViewOptions())
    nodes = {n["id"]: n for n in data["nodes"]}
    held, planned, cancelled = nodes["event:held"], nodes["event:planned"], nodes["event:cancelled"]
    assert held["label"] == "Meeting (held, disputed)\n2020-01-04"  # the articles disagree on status
    assert planned["label"] == "Meeting (planned)\n2020-01-13 – 2020-01-19"  # an interval of several days
    assert cancelled["label"] == "Meeting (cancelled)\ndate unknown"
    # held: the kind's colour, a plain border; planned: an outline; cancelled: grey; each visibly different
    assert held["color"] == data["colours"]["Meeting"] and held["dashes"] is False
    assert planned["color"] != held["color"] and planned["border"] == data["colours"]["Meeting"] and planned["dashes"]
    assert cancelled["color"] not in (held["color"], planned["color"]) and cancelled["dashes"]
    assert planned["dashes"] != cancelled["dashes"]
    assert [s["status"] for s in data["statuses"]] == ["held", "planned", "cancelled"]  # the legend
    assert "status" not in nodes["person:ann-lee"]


def test_each_report_shows_its_articles_claim():
    data = graph_data(status_events_graph(), ViewOptions(articles=True))
    nodes = {n["id"]: n for n in data["nodes"]}
    claims = {r["article"]: r["claim"] for r in nodes["event:held"]["details"]["reports"]}
    assert claims == {
        "Lee to meet Park": [["status", "planned"], ["date", "this weekend (2020-01-04 – 2020-01-05, weekend)"]],
        "Lee and Park met": [["status", "held"], ["date", "Saturday (2020-01-04, day)"]],
    }
    # an article's panel lists the events it reports with the same claims
    reported = {r["article"]: r["claim"] for r in nodes["article:early"]["details"]["reports"]}
    assert reported["Meeting: Ann Lee, Cy Diaz"] == [["status", "planned"],
                                                     ["date", "next week (2020-01-13 – 2020-01-19, week)"]]


def test_subset_by_label_search_and_limit():
    graph = small_graph()
    assert set(select_nodes(graph, ViewOptions(labels=("Country",)))) == {"country:KOR"}
    assert "article:x" in select_nodes(graph, ViewOptions(labels=("Article",)))
    # search: the hits first, then their neighbours
    found = select_nodes(graph, ViewOptions(search="korea"))
    assert found[0] == "country:KOR" and set(found) == {"country:KOR", "person:b"}
    assert select_nodes(graph, ViewOptions(limit=1)) == ["event:m1"]  # best connected
    assert DEFAULT_LIMIT >= 100


def test_cli_writes_the_file(tmp_path):
    write_graph(small_graph(), tmp_path)
    result = CliRunner().invoke(cli, ["view", str(tmp_path), "--search", "Ann"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"wrote {tmp_path / 'graph.html'}: 3 of 5 nodes")  # Ann, the meeting naming her, Bo
    drawn = [n["id"] for n in embedded_data((tmp_path / "graph.html").read_text("utf-8"))["nodes"]]
    assert set(drawn[:2]) == {"person:a", "event:m1"} and drawn[2] == "person:b"  # hits first


def png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.mark.model
def test_seed_graph_renders_in_headless_chromium(seed_graph, tmp_path):
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium not found: `make setup-dev` installs it (apt-get install chromium)")
    write_graph(seed_graph, tmp_path)
    page = tmp_path / "seeds.html"
    CliRunner().invoke(cli, ["view", str(tmp_path), "--out", str(page)], catch_exceptions=False)
    names = {n: a.get("name") for n, a in seed_graph.nodes(data=True)}
    people = {names[n]: n for n in names if names[n] in ("Jim Mattis", "Itsunori Onodera")}
    assert set(people) == {"Jim Mattis", "Itsunori Onodera"}
    meetings = [e for e, a in seed_graph.nodes(data=True) if "Meeting" in a.get("labels", ())
                and all(seed_graph.has_edge(p, e) for p in people.values())]

    with Browser(binary) as browser:
        browser.open(page)
        browser.wait_for("document.body.getAttribute('data-ready') === 'true'")
        drawn = set(browser.evaluate("window.graphbuildNetwork.body.data.nodes.getIds()"))
        assert set(people.values()) <= drawn
        assert meetings, "the seeds have a Mattis-Onodera meeting"
        meeting = meetings[0]
        assert meeting in drawn
        browser.click(*node_position(browser, meeting))  # a real mouse click on the canvas
        details = browser.evaluate("document.getElementById('details').innerText")
        assert seed_graph.nodes[meeting]["name"] in details
        assert "Jim Mattis" in details and "Itsunori Onodera" in details
        assert "Mattis met Friday with Japanese Defense Minister Itsunori Onodera" in details
        assert "status: held" in details  # each report's claim
        shot = browser.screenshot(tmp_path / "seeds.png")
    assert browser.errors == []
    assert png_size(shot) == (1400, 900)


def test_status_graph_renders_with_outlines_and_claims_in_headless_chromium(tmp_path):
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium not found: `make setup-dev` installs it (apt-get install chromium)")
    write_graph(status_events_graph(), tmp_path)
    page = tmp_path / "status.html"
    CliRunner().invoke(cli, ["view", str(tmp_path), "--out", str(page)], catch_exceptions=False)
    with Browser(binary) as browser:
        browser.open(page)
        browser.wait_for("document.body.getAttribute('data-ready') === 'true'")
        drawn = browser.evaluate("JSON.stringify(window.graphbuildNetwork.body.data.nodes.get("
                                 "['event:planned', 'event:held']))")
        planned, held = json.loads(drawn)
        assert planned["shapeProperties"]["borderDashes"] == [6, 4] and planned["borderWidth"] == 3
        assert held["shapeProperties"]["borderDashes"] is False
        legend = browser.evaluate("document.getElementById('legend-status').innerText")
        assert "planned: white, dashed outline" in legend and "cancelled: grey, dotted outline" in legend
        browser.click(*node_position(browser, "event:planned"))
        details = browser.evaluate("document.getElementById('details').innerText")
        assert "status: planned" in details and "next week (2020-01-13 – 2020-01-19, week)" in details
        assert "Lee meets Diaz next week." in details
        browser.screenshot(tmp_path / "status.png")
    assert browser.errors == []
