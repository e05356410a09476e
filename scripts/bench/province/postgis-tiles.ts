import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  HOUSEHOLD_POINT_MIN_ZOOM,
  INCIDENT_POINT_MIN_ZOOM,
  MAX_FEATURES_PER_TILE,
  OPEN_STATUSES,
} from '@gridmap/shared';
import type { Db } from '@gridmap/server/db/open-db';
import { copyText, dumpTsv, startPgCluster } from './pg-cluster.ts';
import type { TileRequest } from './tile-request-mix.ts';

// The PostGIS peer of the tile benchmark (issue 8, bench 1): Debian's postgresql-15-postgis-3
// (installed with apt-get where missing), a throwaway cluster under /tmp on a Unix socket, loaded
// by COPY with the same areas, households and incidents, GiST indexes, and one SQL function that
// makes each tile with ST_AsMVT the way GridMap does: areas clipped (128-unit buffer) and
// simplified to half a pixel; points one feature each at the point zoom when at most
// MAX_FEATURES_PER_TILE, else 8-pixel bins with count (and open) at the mean point. Tiles are
// timed inside the database (no client round trip). Never part of `pnpm test`.

/** More shared buffers than the other peers (tiles read every layer), and no JIT for short tile queries. */
const PG_SETTINGS = '-c shared_buffers=2GB -c jit=off';

export interface PostgisTiles {
  version: string;
  loadS: number;
  /** Times each request in order, in ms, and the bytes of each tile (0 for none). */
  run(requests: readonly TileRequest[]): { ms: number[]; bytes: number[] };
  stop(): void;
}

const OPEN_LIST = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

/** The tile function: one MVT per (layer, z, x, y), as GridMap makes it. */
const TILE_FUNCTION = `
CREATE FUNCTION gm_bins(src text, z int, x int, y int, extra text) RETURNS bytea LANGUAGE plpgsql STABLE AS $f$
DECLARE env geometry := ST_TileEnvelope(z, x, y); cell float8; mvt bytea;
BEGIN
  cell := (ST_XMax(env) - ST_XMin(env)) / 64;
  EXECUTE format($q$
    SELECT ST_AsMVT(q, %L, 4096, 'geom') FROM (
      SELECT count(*)::int AS count %s,
        ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(px), avg(py)), 3857), $1, 4096, 0, false) AS geom
      FROM (SELECT ST_X(p) AS px, ST_Y(p) AS py, s0.* FROM (SELECT ST_Transform(geom, 3857) AS p, t.* FROM %I t
            WHERE geom && ST_Transform($1, 4326)) s0) s
      WHERE px >= ST_XMin($1) AND px < ST_XMax($1) AND py > ST_YMin($1) AND py <= ST_YMax($1)
      GROUP BY floor((px - ST_XMin($1)) / $2), floor((ST_YMax($1) - py) / $2)) q$q$, src, extra, src)
    INTO mvt USING env, cell;
  RETURN mvt;
END $f$;

CREATE FUNCTION gm_tile(layer text, z int, x int, y int) RETURNS bytea LANGUAGE plpgsql STABLE AS $f$
DECLARE env geometry := ST_TileEnvelope(z, x, y); q4326 geometry; n int; mvt bytea;
BEGIN
  q4326 := ST_Transform(ST_TileEnvelope(z, x, y, margin => 16.0 / 512), 4326);
  IF layer LIKE 'areas/%' THEN
    SELECT ST_AsMVT(q, substr(layer, 7), 4096, 'geom', 'id') INTO mvt FROM (
      SELECT id, name, coalesce(parent_id, 0) AS "parentId",
        ST_AsMVTGeom(ST_Simplify(ST_Transform(geom, 3857), (ST_XMax(env) - ST_XMin(env)) / 512 * 0.5), env, 4096, 128, true) AS geom
      FROM tile_areas WHERE level = substr(layer, 7) AND geom && q4326) q WHERE q.geom IS NOT NULL;
    RETURN mvt;
  ELSIF layer = 'households' THEN
    IF z >= ${HOUSEHOLD_POINT_MIN_ZOOM} THEN
      SELECT count(*) INTO n FROM (SELECT 1 FROM households WHERE geom && q4326 LIMIT ${MAX_FEATURES_PER_TILE + 1}) s;
      IF n <= ${MAX_FEATURES_PER_TILE} THEN
        SELECT ST_AsMVT(q, 'households', 4096, 'geom', 'id') INTO mvt FROM (
          SELECT id, size, migrant, ST_AsMVTGeom(ST_Transform(geom, 3857), env, 4096, 128, false) AS geom
          FROM households WHERE geom && q4326 ORDER BY id) q;
        RETURN mvt;
      END IF;
    END IF;
    RETURN gm_bins('households', z, x, y, '');
  ELSE
    IF z >= ${INCIDENT_POINT_MIN_ZOOM} THEN
      SELECT count(*) INTO n FROM (SELECT 1 FROM incidents WHERE geom && q4326 LIMIT ${MAX_FEATURES_PER_TILE + 1}) s;
      IF n <= ${MAX_FEATURES_PER_TILE} THEN
        SELECT ST_AsMVT(q, 'incidents', 4096, 'geom', 'id') INTO mvt FROM (
          SELECT id, kind, status, severity, (open AND deadline_at < now())::int AS overdue, reported_day AS "reportedDay",
            ST_AsMVTGeom(ST_Transform(geom, 3857), env, 4096, 128, false) AS geom
          FROM incidents WHERE geom && q4326 ORDER BY id) q;
        RETURN mvt;
      END IF;
    END IF;
    RETURN gm_bins('incidents', z, x, y, ', sum(open::int)::int AS open');
  END IF;
END $f$;`;

/**
 * Starts a cluster and loads what the tiles need from the SQLite file (areas of every level,
 * households, incidents) by COPY, then GiST indexes. Null when PostGIS cannot be had here.
 */
export async function startPostgisTiles(db: Db, log: (line: string) => void): Promise<PostgisTiles | null> {
  const cluster = startPgCluster('gridmap-pg-tiles-', PG_SETTINGS);
  if (!cluster) return null;
  const { dir, version, psql, stop } = cluster;
  try {
    const t0 = performance.now();
    log('PostGIS: writing areas, households and incidents as COPY files …');
    const files = { areas: join(dir, 'areas.tsv'), households: join(dir, 'households.tsv'), incidents: join(dir, 'incidents.tsv') };
    await dumpTsv(db, 'SELECT id, level, name, parent_id, geometry FROM areas', files.areas, (r) => r.map(copyText).join('\t'));
    await dumpTsv(db, `SELECT id, size, instr(tags, '"migrant"') > 0, lon, lat FROM households`, files.households,
      (r) => `${r[0]}\t${r[1]}\t${r[2]}\tSRID=4326;POINT(${r[3]} ${r[4]})`);
    await dumpTsv(db, `SELECT id, kind, status, severity, status IN (${OPEN_LIST}), deadline_at, date(reported_at, '+8 hours'), lon, lat FROM incidents`,
      files.incidents, (r) => `${r[0]}\t${r[1]}\t${r[2]}\t${r[3]}\t${r[4] ? 't' : 'f'}\t${r[5]}\t${r[6]}\tSRID=4326;POINT(${r[7]} ${r[8]})`);
    log('PostGIS: COPY and GiST indexes …');
    psql(`CREATE TABLE areas_in (id int, level text, name text, parent_id int, geojson text); COPY areas_in FROM '${files.areas}';
      CREATE TABLE tile_areas AS SELECT id, level, name, parent_id, ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326) AS geom FROM areas_in;
      DROP TABLE areas_in; CREATE INDEX tile_areas_geom ON tile_areas USING gist (geom);`);
    psql(`CREATE TABLE households (id bigint PRIMARY KEY, size int NOT NULL, migrant int NOT NULL, geom geometry(Point, 4326) NOT NULL);
      COPY households FROM '${files.households}'; CREATE INDEX households_geom ON households USING gist (geom);`);
    psql(`CREATE TABLE incidents (id bigint PRIMARY KEY, kind text NOT NULL, status text NOT NULL, severity int NOT NULL, open boolean NOT NULL,
      deadline_at timestamptz NOT NULL, reported_day text NOT NULL, geom geometry(Point, 4326) NOT NULL);
      COPY incidents FROM '${files.incidents}'; CREATE INDEX incidents_geom ON incidents USING gist (geom);`);
    for (const f of Object.values(files)) rmSync(f, { force: true });
    psql('VACUUM ANALYZE');
    psql(TILE_FUNCTION);
    const loadS = (performance.now() - t0) / 1000;
    const run = (requests: readonly TileRequest[]) => {
      psql(`DROP TABLE IF EXISTS req; CREATE TABLE req (n int PRIMARY KEY, layer text, z int, x int, y int);
        INSERT INTO req VALUES ${requests.map((r, i) => `(${i}, '${r.layer}', ${r.z}, ${r.x}, ${r.y})`).join(',')};`);
      const out = psql(`
        CREATE TEMP TABLE timings (n int, ms float8, bytes int);
        DO $$ DECLARE r record; t0 timestamptz; mvt bytea; BEGIN
          FOR r IN SELECT * FROM req ORDER BY n LOOP
            t0 := clock_timestamp();
            mvt := gm_tile(r.layer, r.z, r.x, r.y);
            INSERT INTO timings VALUES (r.n, extract(epoch FROM clock_timestamp() - t0) * 1e3, coalesce(octet_length(mvt), 0));
          END LOOP; END $$;
        SELECT string_agg(ms || ',' || bytes, ';' ORDER BY n) FROM timings;`);
      const pairs = out.trim().split(';').map((p) => p.split(',').map(Number));
      return { ms: pairs.map((p) => p[0]), bytes: pairs.map((p) => p[1]) };
    };
    return { version, loadS, run, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
