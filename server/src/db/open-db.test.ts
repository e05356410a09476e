import { describe, expect, it } from 'vitest';
import {
  AREA_LEVELS,
  INCIDENT_KINDS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  MEDIATION_KINDS,
  REFERRAL_TARGETS,
  STAFF_ROLES,
} from '@gridmap/shared';
import { useTempDatabases } from '../test/test-app.ts';
import { seedCounty } from './seed-sql.ts';
import { tinyCounty } from '../test/tiny-county.ts';

const temps = useTempDatabases();
const tempDb = () => temps.create();

describe('openDatabase', () => {
  it('applies every migration once and records it', () => {
    const { db } = tempDb();
    const names = db.prepare('SELECT name FROM migrations ORDER BY name').pluck().all();
    expect(names).toContain('001-init.sql');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('applies nothing again when a database is reopened, and keeps its data', () => {
    const { db, path } = tempDb();
    seedCounty(db, tinyCounty());
    const before = db.prepare('SELECT name, applied_at FROM migrations ORDER BY name').all();
    db.close();
    const reopened = temps.connect(path);
    expect(reopened.prepare('SELECT name, applied_at FROM migrations ORDER BY name').all()).toEqual(before);
    expect(reopened.prepare('SELECT count(*) FROM households').pluck().get()).toBe(12);
  });

  it('accepts every catalogue value in the columns that enumerate them', () => {
    const { db } = tempDb();
    const data = tinyCounty();
    seedCounty(db, data);
    const insertIncident = db.prepare(`INSERT INTO incidents (kind, status, severity, source, level, origin_level,
        description, lon, lat, grid_id, referred_to, reported_at, deadline_at)
      VALUES (?, ?, 1, ?, ?, ?, '', 120.01, 29.01, 4, ?, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z')`);
    const n = Math.max(INCIDENT_KINDS.length, INCIDENT_STATUSES.length, INCIDENT_SOURCES.length, AREA_LEVELS.length);
    for (let i = 0; i < n; i++) {
      insertIncident.run(
        INCIDENT_KINDS[i % INCIDENT_KINDS.length],
        INCIDENT_STATUSES[i % INCIDENT_STATUSES.length],
        INCIDENT_SOURCES[i % INCIDENT_SOURCES.length],
        AREA_LEVELS[i % AREA_LEVELS.length],
        AREA_LEVELS[(i + 1) % AREA_LEVELS.length],
        REFERRAL_TARGETS[i % REFERRAL_TARGETS.length],
      );
    }
    for (const kind of MEDIATION_KINDS) {
      db.prepare(`INSERT INTO mediation_points (kind, level, area_id, name, lon, lat, address, mediators, phone)
        VALUES (?, 'town', 2, '', 120.1, 29.1, '', 1, '')`).run(kind);
    }
    for (const role of STAFF_ROLES) {
      db.prepare(`INSERT INTO staff (grid_id, role, name, phone) VALUES (4, ?, '', '')`).run(role);
    }
    expect(() => insertIncident.run('unknown_kind', 'reported', 'patrol', 'grid', 'grid', null)).toThrow(/CHECK/);
  });
});
