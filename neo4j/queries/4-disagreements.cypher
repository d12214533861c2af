// Claims that disagree across outlets
// Events whose reporting articles give a different date or place ("disputed"), with
// what each outlet said.
MATCH (e:Event)
WHERE size(coalesce(e.disputed, [])) > 0
MATCH (e)<-[r:REPORTS]-(a:Article)
RETURN e.name AS event, e.disputed AS disputed, a.source AS outlet, a.title AS article,
       r.date_text AS date_as_written, r.date AS date, r.place AS place
ORDER BY event, outlet
