-- Issue 8: a province database puts the province (省) and its cities (地级市) above the counties,
-- so an area's level may be either, and a county may have a parent (its city). The top of the
-- tree (a county database's county, a province database's province) is the one area without one.
-- Incidents and mediation points keep their four handling levels: a case escalates to the county
-- at most. SQLite cannot change a CHECK in place, so the table is rebuilt (applyMigrations runs
-- a migration with foreign keys off and checks them before it commits).
CREATE TABLE areas_new (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'community', 'grid')),
  parent_id INTEGER REFERENCES areas (id),
  geometry TEXT NOT NULL, -- GeoJSON Polygon or MultiPolygon, served as stored
  label_lon REAL NOT NULL,
  label_lat REAL NOT NULL,
  min_lon REAL NOT NULL,
  min_lat REAL NOT NULL,
  max_lon REAL NOT NULL,
  max_lat REAL NOT NULL,
  -- Figures of the area's whole subtree (see 001-init.sql).
  households INTEGER NOT NULL DEFAULT 0,
  residents INTEGER NOT NULL DEFAULT 0,
  staff INTEGER NOT NULL DEFAULT 0,
  grid_workers INTEGER NOT NULL DEFAULT 0,
  key_group_households INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (level <> 'province' OR parent_id IS NULL),
  CHECK (parent_id IS NOT NULL OR level IN ('province', 'county')),
  CHECK (min_lon <= max_lon AND min_lat <= max_lat)
);
INSERT INTO areas_new SELECT id, code, name, level, parent_id, geometry, label_lon, label_lat,
  min_lon, min_lat, max_lon, max_lat, households, residents, staff, grid_workers,
  key_group_households, version FROM areas;
DROP TABLE areas;
ALTER TABLE areas_new RENAME TO areas;
CREATE INDEX areas_parent ON areas (parent_id);
CREATE INDEX areas_level ON areas (level);
