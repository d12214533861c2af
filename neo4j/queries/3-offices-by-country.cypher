// Offices by country
// Who holds which office for which country (or organisation), with the number of
// places in the text that say so (evidence items are article:start-end).
MATCH (p:Person)-[h:HOLDS_OFFICE]->(c)
WHERE c:Country OR c:Organization
RETURN c.name AS country_or_organisation, h.title AS office, p.name AS person,
       size(coalesce(h.evidence, [])) AS evidence, h.evidence AS where_in_text
ORDER BY country_or_organisation, office, person
