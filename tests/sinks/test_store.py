"""Credential handling and the files that configure Neo4j for users."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.sinks.store import Counters, mask_uri, strip_credentials

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("uri, masked", [
    ("bolt://neo4j:secret@localhost:7687", "bolt://***@localhost:7687"),
    ("neo4j+s://user:p%40ss@db.example.com:7687/x", "neo4j+s://***@db.example.com:7687/x"),
    ("bolt://localhost:7687", "bolt://localhost:7687"),
    ("/tmp/redis.sock", "/tmp/redis.sock"),
])
def test_credentials_in_a_uri_are_masked(uri, masked):
    assert mask_uri(uri) == masked


def test_credentials_are_split_off_the_uri():
    assert strip_credentials("neo4j+s://user:p%40ss@db:7687/x") == ("neo4j+s://db:7687/x", "user", "p@ss")
    assert strip_credentials("bolt://db:7687") == ("bolt://db:7687", None, None)


def test_counters_add_up():
    total = Counters()
    total += Counters(nodes_created=2, properties_set=5)
    total += Counters(nodes_created=1, relationships_created=4)
    assert total.as_dict()["nodes_created"] == 3 and total.relationships_created == 4 and total.properties_set == 5


def test_compose_binds_neo4j_to_localhost_with_auth_from_env_and_a_healthcheck():
    text = (REPO / "docker-compose.yml").read_text("utf-8")
    assert '"127.0.0.1:7474:7474"' in text and '"127.0.0.1:7687:7687"' in text
    assert "NEO4J_AUTH: \"${NEO4J_USERNAME:-neo4j}/${NEO4J_PASSWORD:-" in text
    assert "healthcheck:" in text and "neo4j-data:/data" in text
    assert "image: neo4j:5" in text


def test_browser_style_captions_every_keyed_label():
    from graphbuild.graph.schema import load_schema

    grass = (REPO / "neo4j" / "graphbuild.grass").read_text("utf-8")
    for label in load_schema().nodes:
        assert f"node.{label} {{" in grass
