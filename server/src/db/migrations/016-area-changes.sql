-- A count of writes to `areas`, kept by triggers. Caches of what only the areas decide (the
-- tree, outlines, the lists' geometry) key on it (memoUntilAreasChange), so that an incident
-- write, many a minute, no longer empties them; any write to an area, from any path or
-- connection, moves it. A migration that rebuilds `areas` drops these triggers with the old
-- table and must create them again.
CREATE TABLE area_changes (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
);
INSERT INTO area_changes (id, n) VALUES (1, 0);
CREATE TRIGGER areas_insert_counted AFTER INSERT ON areas BEGIN UPDATE area_changes SET n = n + 1; END;
CREATE TRIGGER areas_update_counted AFTER UPDATE ON areas BEGIN UPDATE area_changes SET n = n + 1; END;
CREATE TRIGGER areas_delete_counted AFTER DELETE ON areas BEGIN UPDATE area_changes SET n = n + 1; END;
