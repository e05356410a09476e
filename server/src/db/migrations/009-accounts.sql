-- Accounts, sessions and the audit log (issue 9). Passwords are stored only as scrypt hashes,
-- session tokens only as SHA-256 hashes: a copy of the database signs nobody in.

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL, -- 'scrypt$N$r$p$salt$hash' (base64url)
  role TEXT NOT NULL CHECK (role IN ('admin', 'county_command', 'town_command', 'grid_worker', 'planner', 'official')),
  area_id INTEGER NOT NULL REFERENCES areas (id),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY, -- SHA-256 of the cookie's token, base64url
  account_id INTEGER NOT NULL REFERENCES accounts (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL -- absolute end; idle expiry is counted from last_seen_at
) WITHOUT ROWID;
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  account_id INTEGER REFERENCES accounts (id), -- null for a failed sign-in by an unknown name
  username TEXT NOT NULL,
  action TEXT NOT NULL, -- 'sign_in', 'sign_in_failed', 'sign_out', 'view_personal', 'write' …
  target TEXT NOT NULL DEFAULT '', -- 'POST /api/incidents', 'household 123' …
  detail TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
