"""graphbuild: news articles in, a knowledge graph of people, countries, organisations,
places and meetings out (networkx files, Neo4j, FalkorDB)."""

__version__ = "0.1.0"
