-- Import and export (issue 10). A row brought in from a county's own files keeps the file's id
-- of it, so that importing next month's register updates rows instead of doubling them.
ALTER TABLE households ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX households_external_id ON households (external_id) WHERE external_id IS NOT NULL;
ALTER TABLE mediation_points ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX mediation_points_external_id ON mediation_points (external_id) WHERE external_id IS NOT NULL;
ALTER TABLE incidents ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX incidents_external_id ON incidents (external_id) WHERE external_id IS NOT NULL;

-- Field mappings saved under a name, reused for the next file of the same shape.
CREATE TABLE import_mappings (
  name TEXT PRIMARY KEY,
  layer TEXT NOT NULL CHECK (layer IN ('areas', 'households', 'mediation_points', 'incidents')),
  mapping TEXT NOT NULL CHECK (json_valid(mapping)),
  saved_at TEXT NOT NULL
) WITHOUT ROWID;

-- One row per applied import: what came in, when, and what it did.
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  layer TEXT NOT NULL CHECK (layer IN ('areas', 'households', 'mediation_points', 'incidents')),
  level TEXT CHECK (level IN ('county', 'town', 'community', 'grid')),
  file_name TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  created INTEGER NOT NULL CHECK (created >= 0),
  updated INTEGER NOT NULL CHECK (updated >= 0),
  rejected INTEGER NOT NULL CHECK (rejected >= 0)
);
