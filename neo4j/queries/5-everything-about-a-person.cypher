// Everything about one person
// The :param line runs first (in the multi-statement editor of the Browser): put the name (or
// any alias) of the person there. Shows, as a graph, the person, the articles that
// mention them, their offices, the events they took part in and the people they met.
:param person => 'Jim Mattis';
MATCH (p:Person)
WHERE p.name = $person OR $person IN p.aliases
OPTIONAL MATCH path = (p)-[:HOLDS_OFFICE|PARTICIPATED_IN|MET]-()
OPTIONAL MATCH mentioned = (p)<-[:MENTIONS]-(:Article)
RETURN p, collect(DISTINCT path) AS facts, collect(DISTINCT mentioned) AS articles
