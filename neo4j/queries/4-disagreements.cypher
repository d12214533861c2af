// Claims that disagree across outlets (status, date, place)
// Events whose reporting articles give a different status, date or place ("disputed"),
// with what each outlet said, by publication date: an article that announced a meeting
// (planned) and a later one that reports it (held) are one event, and the event's status
// is the latest claim.
MATCH (e:Event)<-[r:REPORTS]-(a:Article)
WHERE size(coalesce(e.disputed, [])) > 0
RETURN e.name AS event, e.status AS status, e.disputed AS disputed, a.published AS published,
       a.source AS outlet, a.title AS article, r.status AS says, r.date_text AS date_as_written,
       r.date AS date, r.date_start AS first_day, r.date_end AS last_day, r.place AS place
ORDER BY event, published, outlet
