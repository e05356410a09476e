import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@gridmap/server/db/open-db';
import { copyText, dumpTsv, startPgCluster } from './pg-cluster.ts';

// The PostGIS peer of the province benches (issue 8): Debian's postgresql-15-postgis-3 (installed
// with apt-get where missing, as scripts/bench/planner.ts does), one throwaway cluster under /tmp
// listening on a Unix socket only, loaded with the province's grids, households, incidents and
// mediation points by COPY, each with a GiST index. Never part of `pnpm test`.

/** Memory for the province's COPY and index builds. */
const PG_SETTINGS = '-c shared_buffers=1GB';

/** Seconds each part of loading took, server side. */
export interface PgLoadTimes {
  householdsCopyS: number;
  householdsIndexS: number;
  incidentsCopyS: number;
  incidentsIndexS: number;
  households: number;
  incidents: number;
}

export interface PostgisProvince {
  version: string;
  load: PgLoadTimes;
  /** Runs SQL through psql (-qAt) and returns its output. */
  psql(sql: string): string;
  stop(): void;
}

/**
 * Starts a cluster and loads the province from the SQLite file: grids (GeoJSON → geometry) and
 * mediation points untimed, households and incidents by COPY then their indexes (GiST on the
 * point plus the b-trees our schema has), each timed. Null when PostGIS cannot be had.
 */
export async function startPostgisProvince(db: Db, log: (line: string) => void): Promise<PostgisProvince | null> {
  const cluster = startPgCluster('gridmap-pg-province-', PG_SETTINGS);
  if (!cluster) return null;
  const { dir, version, psql, stop } = cluster;
  const timed = (sql: string) => {
    const t = performance.now();
    psql(sql);
    return (performance.now() - t) / 1000;
  };
  try {
    log('PostGIS: writing the province as COPY files (not timed) …');
    const files = { grids: join(dir, 'grids.tsv'), points: join(dir, 'points.tsv'), households: join(dir, 'households.tsv'), incidents: join(dir, 'incidents.tsv') };
    await dumpTsv(db, `SELECT id, geometry FROM areas WHERE level = 'grid'`, files.grids, (r) => `${r[0]}\t${r[1]}`);
    await dumpTsv(db, 'SELECT id, lon, lat FROM mediation_points WHERE closed_at IS NULL', files.points, (r) => `${r[0]}\tSRID=4326;POINT(${r[1]} ${r[2]})`);
    const households = await dumpTsv(db, 'SELECT id, grid_id, lon, lat, address, size, tags, head_name, phone FROM households', files.households,
      (r) => `${r[0]}\t${r[1]}\tSRID=4326;POINT(${r[2]} ${r[3]})\t${copyText(r[4])}\t${r[5]}\t${copyText(r[6])}\t${copyText(r[7])}\t${copyText(r[8])}`);
    const incidents = await dumpTsv(db, `SELECT id, kind, status, severity, source, level, origin_level, description, lon, lat, grid_id,
        household_id, mediation_point_id, assignee, referred_to, reported_at, deadline_at, resolved_at, closed_at FROM incidents`, files.incidents,
      (r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], copyText(r[7]), `SRID=4326;POINT(${r[8]} ${r[9]})`, ...r.slice(10).map(copyText)].join('\t'));

    psql(`CREATE TABLE grids_in (id int, geojson text); COPY grids_in FROM '${files.grids}';
      CREATE TABLE grids AS SELECT id, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS geom FROM grids_in;
      CREATE INDEX grids_geom ON grids USING gist (geom); DROP TABLE grids_in;
      CREATE TABLE mediation_points (id int PRIMARY KEY, geom geometry(Point, 4326) NOT NULL); COPY mediation_points FROM '${files.points}';
      CREATE INDEX mediation_points_geom ON mediation_points USING gist (geom);`);
    psql(`CREATE TABLE households (id bigint PRIMARY KEY, grid_id int NOT NULL, geom geometry(Point, 4326) NOT NULL, address text NOT NULL,
      size int NOT NULL, tags text NOT NULL, head_name text NOT NULL, phone text NOT NULL)`);
    psql(`CREATE TABLE incidents (id bigint PRIMARY KEY, kind text NOT NULL, status text NOT NULL, severity int NOT NULL, source text NOT NULL,
      level text NOT NULL, origin_level text NOT NULL, description text NOT NULL, geom geometry(Point, 4326) NOT NULL, grid_id int NOT NULL,
      household_id bigint, mediation_point_id int, assignee text, referred_to text, reported_at text NOT NULL, deadline_at text NOT NULL,
      resolved_at text, closed_at text)`);
    log(`PostGIS: COPY ${households.toLocaleString('en')} households and ${incidents.toLocaleString('en')} incidents, then their indexes …`);
    const load: PgLoadTimes = {
      households, incidents,
      householdsCopyS: timed(`COPY households FROM '${files.households}'`),
      householdsIndexS: timed('CREATE INDEX households_geom ON households USING gist (geom); CREATE INDEX households_grid ON households (grid_id)'),
      incidentsCopyS: timed(`COPY incidents FROM '${files.incidents}'`),
      incidentsIndexS: timed(`CREATE INDEX incidents_geom ON incidents USING gist (geom);
        CREATE INDEX incidents_grid ON incidents (grid_id, status, deadline_at); CREATE INDEX incidents_status ON incidents (status, deadline_at);
        CREATE INDEX incidents_reported_at ON incidents (reported_at); CREATE INDEX incidents_kind ON incidents (kind)`),
    };
    for (const f of Object.values(files)) rmSync(f, { force: true });
    psql('VACUUM ANALYZE');
    return { version, load, psql, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
