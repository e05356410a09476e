import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CountyData, HouseholdRecord, IncidentRecord } from '@gridmap/shared';
import { openDatabase } from '@gridmap/server/db/open-db';
import { fillPointRtrees, insertHouseholds, insertIncidents, newPointLogs } from '@gridmap/server/db/seed-sql';
import { advantage, type ProvinceBench } from './province-bench.ts';

/** Rows read from the province and handed to the loader at a time (one transaction each). */
const CHUNK = 200_000;

/**
 * Bench 4: households and incidents loaded until indexed. Ours: the province loader's inserts
 * (server/src/db/seed-sql.ts, rows, one transaction per CHUNK rows) into a fresh database, then
 * its R*Trees filled once (fillPointRtrees) and its b-tree indexes built, as generate-province does.
 * PostGIS: COPY of the same rows and columns, then a GiST index on the point and the same
 * b-trees. Rows per second over the whole, one run each (a run is minutes).
 */
export const ingestBench: ProvinceBench = async ({ db, postgis, log }) => {
  const dir = mkdtempSync(join(tmpdir(), 'gridmap-ingest-'));
  try {
    const target = openDatabase(join(dir, 'ingest.sqlite'));
    target.pragma('synchronous = OFF');
    target.pragma('cache_size = -524288');
    target.pragma('foreign_keys = OFF'); // the rows reference areas and points this database does not have
    const indexes = target.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('households', 'incidents')`).all() as { name: string; sql: string }[];
    for (const { name } of indexes) target.exec(`DROP INDEX ${name}`);
    let households = 0, incidents = 0, insertMs = 0;
    const points = newPointLogs();
    const load = (chunk: Partial<CountyData>, insert: (d: CountyData) => void) => {
      const t0 = performance.now();
      target.transaction(() => insert(chunk as CountyData))();
      insertMs += performance.now() - t0;
    };
    log('ingest: ours, households …');
    let batch: HouseholdRecord[] = [];
    for (const r of db.prepare('SELECT id, grid_id, lon, lat, address, size, tags, head_name, phone FROM households ORDER BY id').raw().iterate() as IterableIterator<unknown[]>) {
      batch.push({ id: r[0], gridId: r[1], lon: r[2], lat: r[3], address: r[4], size: r[5], tags: JSON.parse(r[6] as string), headName: r[7], phone: r[8] } as HouseholdRecord);
      if (batch.length === CHUNK) (load({ households: batch }, (d) => insertHouseholds(target, d, points.households)), (households += batch.length), (batch = []));
    }
    load({ households: batch }, (d) => insertHouseholds(target, d, points.households));
    households += batch.length;
    log('ingest: ours, incidents …');
    let cases: IncidentRecord[] = [];
    const incidentSql = `SELECT id, kind, status, severity, source, level, origin_level, description, lon, lat, grid_id, household_id,
      mediation_point_id, assignee, referred_to, reported_at, deadline_at, resolved_at, closed_at FROM incidents ORDER BY id`;
    for (const r of db.prepare(incidentSql).raw().iterate() as IterableIterator<unknown[]>) {
      const [id, kind, status, severity, source, level, originLevel, description, lon, lat, gridId, householdId, mediationPointId, assignee, referredTo, reportedAt, deadlineAt, resolvedAt, closedAt] = r;
      cases.push({ id, kind, status, severity, source, level, originLevel, description, lon, lat, gridId, householdId, mediationPointId, assignee, referredTo, reportedAt, deadlineAt, resolvedAt, closedAt } as IncidentRecord);
      if (cases.length === CHUNK) (load({ incidents: cases }, (d) => insertIncidents(target, d, points.incidents)), (incidents += cases.length), (cases = []));
    }
    load({ incidents: cases }, (d) => insertIncidents(target, d, points.incidents));
    incidents += cases.length;
    log('ingest: ours, R*Trees …');
    const t0 = performance.now();
    target.transaction(() => fillPointRtrees(target, points))();
    const rtreeMs = performance.now() - t0;
    log('ingest: ours, indexes …');
    const t1 = performance.now();
    for (const { sql } of indexes) target.exec(sql);
    const indexMs = performance.now() - t1;
    target.close();
    const rows = households + incidents;
    const oursS = (insertMs + rtreeMs + indexMs) / 1000;
    const ours = rows / oursS;

    const pg = await postgis();
    let peer: number | null = null, note = 'PostGIS not available';
    if (pg) {
      const l = pg.load;
      const pgS = l.householdsCopyS + l.householdsIndexS + l.incidentsCopyS + l.incidentsIndexS;
      peer = (l.households + l.incidents) / pgS;
      note = `PostGIS: ${pgS.toFixed(0)} s (households COPY ${l.householdsCopyS.toFixed(0)} s + indexes ${l.householdsIndexS.toFixed(0)} s, incidents COPY ${l.incidentsCopyS.toFixed(0)} s + indexes ${l.incidentsIndexS.toFixed(0)} s)`;
    }
    const row = { ours, peer, higherIsBetter: true };
    return [{
      bench: '4 ingest', figure: `${households.toLocaleString('en')} households + ${incidents.toLocaleString('en')} incidents until indexed`,
      ...row, unit: 'rows/s', goal: '≥ 1× PostGIS (COPY + GiST)', met: advantage(row) === null ? null : advantage(row)! >= 1,
      note: `ours: ${oursS.toFixed(0)} s (row inserts ${(insertMs / 1000).toFixed(0)} s, R*Trees ${(rtreeMs / 1000).toFixed(0)} s, b-tree indexes ${(indexMs / 1000).toFixed(0)} s), one run; ${note}`,
    }];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
