-- The audit page filters by account and by action, newest first (issue 9): each filter walks
-- its own index backwards from the newest line instead of scanning a log that only grows.
CREATE INDEX audit_log_username ON audit_log (username COLLATE NOCASE, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
