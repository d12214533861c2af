// Who met whom, when and where
// Every pair of people who took part in the same meeting, with the date (and the
// words the articles used for it), the place, and how many articles report it.
MATCH (a:Person)-[:PARTICIPATED_IN]->(e:Event:Meeting)<-[:PARTICIPATED_IN]-(b:Person)
WHERE a.id < b.id
OPTIONAL MATCH (e)-[:HELD_IN]->(place)
RETURN a.name AS person, b.name AS met, e.date AS date, e.date_text AS as_written,
       collect(DISTINCT place.name) AS place, e.source_count AS articles, e.id AS event
ORDER BY date, person, met
