// Planned vs held meetings
// Every event by status: held (it took place), planned (announced for later), cancelled
// (called off or postponed), denied (said not to have happened), with its kind, people,
// date (and the interval it covers), and how many articles report it. The status is the
// latest article's claim; status_disputed says the articles differ (query 7 shows who said what).
MATCH (e:Event)
OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e)
RETURN e.status AS status, [label IN labels(e) WHERE label <> 'Event'] AS kind, e.name AS event,
       e.date AS date, e.date_start AS first_day, e.date_end AS last_day, e.date_text AS as_written,
       collect(DISTINCT p.name) AS participants, e.source_count AS articles,
       'status' IN coalesce(e.disputed, []) AS status_disputed, e.id AS event_id
ORDER BY status, date, event
