-- Issue 5: mediation points are added, moved and closed through the API. A closed point keeps
-- its row (incidents refer to it) and leaves the map, the nearest search and coverage.
ALTER TABLE mediation_points ADD COLUMN closed_at TEXT;
