// An event with its reporting articles and sentences
// Set the event first, e.g.  :param event => 'event:meeting-c6b917ad5828'
// (or leave $event unset / null to list every event).
MATCH (e:Event)<-[r:REPORTS]-(a:Article)
WHERE $event IS NULL OR e.id = $event
RETURN e.name AS event, labels(e) AS kind, e.date AS date, a.title AS article, a.source AS outlet,
       a.published AS published, r.date_text AS date_as_written, r.sentences AS sentences
ORDER BY date, event, published
