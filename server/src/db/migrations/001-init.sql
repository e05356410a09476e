-- The foundation schema (issue 2). Enumerations mirror the catalogues in shared/src; the test
-- "the schema accepts every catalogue value" keeps them in step. Timestamps are ISO 8601 UTC
-- strings in one format (toISOString, with milliseconds) so that they compare as text.

CREATE TABLE areas (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('county', 'town', 'community', 'grid')),
  parent_id INTEGER REFERENCES areas (id),
  geometry TEXT NOT NULL, -- GeoJSON Polygon or MultiPolygon, served as stored
  label_lon REAL NOT NULL,
  label_lat REAL NOT NULL,
  min_lon REAL NOT NULL,
  min_lat REAL NOT NULL,
  max_lon REAL NOT NULL,
  max_lat REAL NOT NULL,
  -- Figures of the area's whole subtree, filled at seed; they change only when households or
  -- staff are written, which later issues do through db functions that keep them in step.
  households INTEGER NOT NULL DEFAULT 0,
  residents INTEGER NOT NULL DEFAULT 0,
  staff INTEGER NOT NULL DEFAULT 0,
  grid_workers INTEGER NOT NULL DEFAULT 0,
  key_group_households INTEGER NOT NULL DEFAULT 0,
  CHECK ((level = 'county') = (parent_id IS NULL)),
  CHECK (min_lon <= max_lon AND min_lat <= max_lat)
);
CREATE INDEX areas_parent ON areas (parent_id);
CREATE INDEX areas_level ON areas (level);
CREATE VIRTUAL TABLE areas_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);

-- Every (ancestor, descendant) pair including (self, self) at depth 0, so that "inside area X"
-- is one indexed join whatever the level of X.
CREATE TABLE area_closure (
  ancestor_id INTEGER NOT NULL REFERENCES areas (id),
  descendant_id INTEGER NOT NULL REFERENCES areas (id),
  depth INTEGER NOT NULL CHECK (depth >= 0),
  PRIMARY KEY (ancestor_id, descendant_id)
) WITHOUT ROWID;
CREATE INDEX area_closure_descendant ON area_closure (descendant_id, ancestor_id);

CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  grid_id INTEGER NOT NULL REFERENCES areas (id),
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  address TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 1),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_type(tags) = 'array'),
  head_name TEXT NOT NULL,
  phone TEXT NOT NULL
);
CREATE INDEX households_grid ON households (grid_id);
CREATE VIRTUAL TABLE households_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  grid_id INTEGER NOT NULL REFERENCES areas (id),
  role TEXT NOT NULL CHECK (role IN ('grid_worker', 'community_police', 'auxiliary_police')),
  name TEXT NOT NULL,
  phone TEXT NOT NULL
);
CREATE INDEX staff_grid ON staff (grid_id);

CREATE TABLE mediation_points (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN (
    'conflict_centre', 'people_committee', 'police_joint', 'commercial', 'specialised',
    'psychological', 'court')),
  level TEXT NOT NULL CHECK (level IN ('county', 'town', 'community', 'grid')),
  area_id INTEGER NOT NULL REFERENCES areas (id),
  name TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  address TEXT NOT NULL,
  hours TEXT NOT NULL DEFAULT '[]' CHECK (json_type(hours) = 'array'),
  dispute_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_type(dispute_kinds) = 'array'),
  mediators INTEGER NOT NULL CHECK (mediators >= 0),
  phone TEXT NOT NULL
);
CREATE INDEX mediation_points_area ON mediation_points (area_id);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN (
    'neighbour', 'family', 'land', 'labour', 'property', 'traffic', 'medical', 'commercial',
    'debt', 'petition')),
  status TEXT NOT NULL CHECK (status IN (
    'reported', 'accepted', 'assigned', 'mediating', 'resolved', 'failed', 'referred',
    'followed_up', 'closed')),
  severity INTEGER NOT NULL CHECK (severity IN (1, 2, 3)),
  source TEXT NOT NULL CHECK (source IN ('patrol', 'walk_in', 'hotline_12345', 'police_110', 'online')),
  level TEXT NOT NULL CHECK (level IN ('county', 'town', 'community', 'grid')),
  origin_level TEXT NOT NULL CHECK (origin_level IN ('county', 'town', 'community', 'grid')),
  description TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  grid_id INTEGER NOT NULL REFERENCES areas (id),
  household_id INTEGER REFERENCES households (id),
  mediation_point_id INTEGER REFERENCES mediation_points (id),
  referred_to TEXT CHECK (referred_to IN ('court', 'petition_office', 'police')),
  reported_at TEXT NOT NULL,
  deadline_at TEXT NOT NULL,
  resolved_at TEXT,
  closed_at TEXT,
  -- Optimistic concurrency for the writes of later issues (409 on a stale version).
  version INTEGER NOT NULL DEFAULT 1
);
-- (grid_id, status, deadline_at) covers the figures of an area (counts by status, overdue)
-- through the closure table without touching the rows.
CREATE INDEX incidents_grid ON incidents (grid_id, status, deadline_at);
CREATE INDEX incidents_status ON incidents (status, deadline_at);
CREATE INDEX incidents_reported_at ON incidents (reported_at);
CREATE INDEX incidents_kind ON incidents (kind);
CREATE VIRTUAL TABLE incidents_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE demo_hotspots (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  radius_m REAL NOT NULL CHECK (radius_m > 0),
  kind TEXT CHECK (kind IN (
    'neighbour', 'family', 'land', 'labour', 'property', 'traffic', 'medical', 'commercial',
    'debt', 'petition')),
  count INTEGER NOT NULL CHECK (count >= 0),
  from_date TEXT NOT NULL
);
