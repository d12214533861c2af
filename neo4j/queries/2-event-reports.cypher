// An event with its reporting articles and sentences
// The :param line runs first (in the multi-statement editor of the Browser): null lists every
// event; to see one, put its id there instead, e.g.  :param event => 'event:meeting-c6b917ad5828';
// (ids are in the "event" column of query 1).
:param event => null;
MATCH (e:Event)<-[r:REPORTS]-(a:Article)
WHERE $event IS NULL OR e.id = $event
RETURN e.name AS event, labels(e) AS kind, e.date AS date, a.title AS article, a.source AS outlet,
       a.published AS published, r.date_text AS date_as_written, r.sentences AS sentences
ORDER BY date, event, published
