-- An account's area may be null: the whole database. An installation's first administrator
-- exists before any area does (a county imported from its own shapefiles starts empty), and a
-- province-wide account has no single county to be scoped to. SQLite cannot drop NOT NULL in
-- place, so the table is rebuilt; sessions and the audit log point at accounts by id, and the
-- deferred check finds every id again in the rebuilt table at commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE accounts_new (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'county_command', 'town_command', 'grid_worker', 'planner', 'official')),
  area_id INTEGER REFERENCES areas (id), -- null: the whole database
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
);
INSERT INTO accounts_new SELECT id, username, display_name, password_hash, role, area_id, disabled, created_at FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;
