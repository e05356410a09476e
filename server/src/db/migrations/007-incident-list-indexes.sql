-- The area panel's incident table (issue 7) pages with a keyset cursor per sort: each sort
-- column needs an index whose order (column, then rowid = id) is the page order, so that a page
-- deep in a sorted list is a range scan, not a sort of every row. reported_at has its index
-- (001); (status, deadline_at) does not give deadline order across statuses.
CREATE INDEX incidents_deadline_at ON incidents (deadline_at);
CREATE INDEX incidents_severity ON incidents (severity);
