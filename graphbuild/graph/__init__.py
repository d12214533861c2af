"""The graph: schema vocabulary, building a networkx MultiDiGraph, validation."""
