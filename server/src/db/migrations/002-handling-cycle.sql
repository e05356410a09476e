-- The handling cycle (issue 3): every change of an incident is an event of its timeline, and
-- the event's id is the id of the live stream's message (GET /api/live, Last-Event-ID).

ALTER TABLE incidents ADD COLUMN assignee TEXT;
-- Parties to the dispute: personal data, a JSON array of { name, role, phone? }; served masked.
ALTER TABLE incidents ADD COLUMN parties TEXT NOT NULL DEFAULT '[]' CHECK (json_type(parties) = 'array');

CREATE TABLE incident_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused, so a client's Last-Event-ID stays meaningful
  incident_id INTEGER NOT NULL REFERENCES incidents (id),
  kind TEXT NOT NULL CHECK (kind IN (
    'report', 'accept', 'assign', 'start_mediation', 'resolve', 'fail', 'refer', 'follow_up', 'close',
    'escalate')),
  actor TEXT NOT NULL,
  at TEXT NOT NULL, -- when it happened (ISO, UTC), as the actor says
  note TEXT NOT NULL DEFAULT '',
  from_status TEXT CHECK (from_status IN (
    'reported', 'accepted', 'assigned', 'mediating', 'resolved', 'failed', 'referred',
    'followed_up', 'closed')),
  to_status TEXT NOT NULL CHECK (to_status IN (
    'reported', 'accepted', 'assigned', 'mediating', 'resolved', 'failed', 'referred',
    'followed_up', 'closed')),
  from_level TEXT CHECK (from_level IN ('county', 'town', 'community', 'grid')),
  to_level TEXT NOT NULL CHECK (to_level IN ('county', 'town', 'community', 'grid')),
  mediation_point_id INTEGER REFERENCES mediation_points (id),
  assignee TEXT,
  referred_to TEXT CHECK (referred_to IN ('court', 'petition_office', 'police')),
  reason TEXT,
  -- When the server stored it (ISO, UTC): the live stream's replay window is counted on this,
  -- read for one event by id, so it needs no index.
  recorded_at TEXT NOT NULL,
  CHECK ((kind = 'report') = (from_status IS NULL))
);
CREATE INDEX incident_events_incident ON incident_events (incident_id, id);

-- A database seeded before this migration has incidents without timelines: give each its intake.
INSERT INTO incident_events (incident_id, kind, actor, at, to_status, to_level, recorded_at)
  SELECT id, 'report', '', reported_at, 'reported', origin_level, reported_at FROM incidents ORDER BY id;
