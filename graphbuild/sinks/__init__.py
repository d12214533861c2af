"""Where graphs go.

files.py (node-link JSON, GraphML); admin_csv.py (CSV for ``neo4j-admin database import``);
load.py writes a graph into a database through the small interface in store.py, with
statements built by the pure functions of cypher.py; neo4j.py (the only ``neo4j`` import)
and falkordb.py are the two databases.
"""
