"""The reference case on the real model: the two seed articles say each thing once."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def nodes_with_label(graph, label):
    return {n: a for n, a in graph.nodes(data=True) if label in a["labels"]}


def mention_texts(graph, node_id):
    return {t for s, _, a in graph.in_edges(node_id, data=True) if a["type"] == "MENTIONS" for t in a["texts"]}


def test_exactly_one_person_node_each_and_no_surname_nodes(seed_graph):
    people = nodes_with_label(seed_graph, "Person")
    names = sorted(a["name"] for a in people.values())
    assert names == ["Itsunori Onodera", "Jim Mattis", "Mari Yamaguchi", "Song Young-moo"]
    assert mention_texts(seed_graph, "person:jim-mattis") == {"Jim Mattis", "Mattis"}
    assert mention_texts(seed_graph, "person:song-young-moo") == {"Song Young-moo", "Song"}


def test_mattis_is_never_an_entity_under_another_label(seed_graph):
    for node_id, attrs in seed_graph.nodes(data=True):
        if "Person" not in attrs["labels"] and "Article" not in attrs["labels"]:
            assert "mattis" not in node_id and "Mattis" not in attrs.get("aliases", []), node_id


def test_one_country_node_each_covering_every_surface_form_in_both_articles(seed_graph):
    countries = nodes_with_label(seed_graph, "Country")
    assert {"country:USA", "country:JPN", "country:PRK", "country:KOR"} <= set(countries)
    assert mention_texts(seed_graph, "country:USA") >= {"U.S.", "US", "United States", "America"}
    assert mention_texts(seed_graph, "country:JPN") >= {"Japan", "Japanese"}
    assert mention_texts(seed_graph, "country:PRK") >= {"North Korea", "North Koreans"}
    assert "South Korean" in mention_texts(seed_graph, "country:KOR")
    usa_sources = {s for s, _, a in seed_graph.in_edges("country:USA", data=True) if a["type"] == "MENTIONS"}
    assert len(usa_sources) == 2


def test_no_country_node_for_places(seed_graph):
    names = {a["name"] for a in nodes_with_label(seed_graph, "Country").values()}
    assert not names & {"Okinawa", "Tokyo", "Guam", "Korean Peninsula"}
    places = {a["name"]: n for n, a in nodes_with_label(seed_graph, "Place").items()}
    assert {"Okinawa", "Tokyo", "Guam", "Korean Peninsula"} <= set(places)
    in_country = {(s, t) for s, t, a in seed_graph.edges(data=True) if a["type"] == "IN_COUNTRY"}
    assert (places["Guam"], "country:USA") in in_country
    assert (places["Okinawa"], "country:JPN") in in_country
    assert (places["Tokyo"], "country:JPN") in in_country


def test_one_united_nations_node_for_un_and_u_n(seed_graph):
    orgs = nodes_with_label(seed_graph, "Organization")
    un = [n for n, a in orgs.items() if a["name"] == "United Nations"]
    assert un == ["org:united-nations"]
    assert mention_texts(seed_graph, "org:united-nations") == {"U.N.", "UN"}
    assert len(orgs) >= 2 and not any(a["name"] in {"Defense", "U.S.-Japan", "Okinawa"} for a in orgs.values())


def test_dateline_is_a_mention_of_its_place(seed_graph):
    texts = mention_texts(seed_graph, "place:JPN:tokyo")
    assert "TOKYO" in texts


def test_boilerplate_is_not_content(seed_graph):
    # "US Department of Defense" appears only in photo credits of the second article.
    names = [a.get("name", "") for _, a in seed_graph.nodes(data=True)]
    assert "Jim Mattis" in names and not any("Department of Defense" in name for name in names)
