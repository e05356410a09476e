-- The planner (issue 6): grid boundaries change by plans, every version of a grid is kept, and
-- staff can be unassigned. `areas.version` is what a plan is drafted against (409 when stale).

ALTER TABLE areas ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES areas (id),
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'applied')),
  -- JSON [{ id, version }]: the community's grids as the plan was drafted from them.
  base TEXT NOT NULL CHECK (json_type(base) = 'array'),
  -- JSON [{ id, name?, geometry }]: the community's grids after the plan; negative ids are new grids.
  grids TEXT NOT NULL CHECK (json_type(grids) = 'array'),
  created_at TEXT NOT NULL,
  applied_at TEXT,
  applied_by TEXT
);
CREATE INDEX plans_community ON plans (community_id, id);

-- Every version of every grid that a plan has changed. A grid no plan has touched has no rows:
-- its areas row is its only version. The first change of a grid records its seeded boundary as
-- version 1 (valid_from null: since the county was seeded).
CREATE TABLE grid_versions (
  id INTEGER PRIMARY KEY,
  grid_id INTEGER NOT NULL, -- no reference: a grid merged away keeps its history
  version INTEGER NOT NULL,
  community_id INTEGER NOT NULL REFERENCES areas (id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  geometry TEXT, -- GeoJSON; null for the version that retired the grid
  valid_from TEXT,
  valid_to TEXT,
  plan_id INTEGER REFERENCES plans (id),
  author TEXT NOT NULL,
  reason TEXT NOT NULL,
  UNIQUE (grid_id, version)
);
CREATE INDEX grid_versions_community ON grid_versions (community_id, grid_id);

-- Staff may be unassigned (grid_id null): SQLite cannot drop NOT NULL in place, so the table is rebuilt.
CREATE TABLE staff_new (
  id INTEGER PRIMARY KEY,
  grid_id INTEGER REFERENCES areas (id),
  role TEXT NOT NULL CHECK (role IN ('grid_worker', 'community_police', 'auxiliary_police')),
  name TEXT NOT NULL,
  phone TEXT NOT NULL
);
INSERT INTO staff_new (id, grid_id, role, name, phone) SELECT id, grid_id, role, name, phone FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;
CREATE INDEX staff_grid ON staff (grid_id);
