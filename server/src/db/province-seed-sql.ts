import type { AreaRecord, CountyData } from '@gridmap/shared';
import { shiftCountyIds, NO_OFFSETS, type IdOffsets } from '@gridmap/shared/demo/shift-county-ids';
import type { Db } from './open-db.ts';
import {
  ANALYSIS_ROWS,
  areaFigures,
  fillPointRtrees,
  hasAreas,
  newPointLogs,
  insertAreas,
  insertHotspots,
  insertHouseholds,
  insertIncidentEvents,
  insertIncidents,
  insertMediationPoints,
  insertStaff,
  type AreaFigures,
} from './seed-sql.ts';

/** Pages of SQLite's cache while loading (negative: KiB): 512 MiB keeps the B-trees' hot pages in memory. */
const LOAD_CACHE_KIB = 512 * 1024;

/** Tables whose indexes are dropped while a province loads and built once at the end: one sort beats millions of B-tree inserts. */
const BULK_TABLES = ['households', 'staff', 'incidents', 'incident_events'];

/**
 * Streams a province into an empty database county by county (issue 8): `begin` writes the top
 * of the tree, `appendCounty` writes one generated county in one transaction (its ids moved past
 * what is there, its county hung under its city), `finish` builds the deferred indexes, rolls the
 * figures up to the cities and the province, writes the meta and analyses. The households' and
 * incidents' R*Trees are filled once in `finish` (fillPointRtrees), not a row at a time. The whole province is
 * never in memory, only the county being written.
 */
export class ProvinceWriter {
  private offsets: IdOffsets = NO_OFFSETS;
  private readonly parentOf = new Map<number, number | null>();
  private readonly cityIds = new Map<string, number>();
  private deferredIndexes: { name: string; sql: string }[] = [];
  /** Every household's and incident's id and point, for the R*Trees built in `finish`. */
  private readonly points = newPointLogs();

  constructor(private readonly db: Db) {}

  /** The province and its cities, before any county. */
  begin(province: AreaRecord, cities: (AreaRecord & { name: string })[]): void {
    const db = this.db;
    if (hasAreas(db)) throw new Error('ProvinceWriter: the database already holds areas; load into an empty one');
    // Durability is the load's, not each transaction's: a crash mid-load means loading again.
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
    // Every reference is made by construction (shiftCountyIds); checking each costs a quarter of the load.
    db.pragma('foreign_keys = OFF');
    this.deferredIndexes = db
      .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
        AND tbl_name IN (${BULK_TABLES.map(() => '?').join(', ')})`)
      .all(...BULK_TABLES) as { name: string; sql: string }[];
    for (const { name } of this.deferredIndexes) db.exec(`DROP INDEX ${name}`);
    const zero = (): AreaFigures => ({ households: 0, residents: 0, staff: 0, gridWorkers: 0, keyGroupHouseholds: 0 });
    const top = [province, ...cities];
    db.transaction(() => insertAreas(db, top, new Map(top.map((a) => [a.id, zero()])), this.parentOf))();
    for (const c of cities) this.cityIds.set(c.name, c.id);
    this.offsets = { ...NO_OFFSETS, areas: top.length };
  }

  /** One generated county (ids from 1, as generateCounty makes them) under the city named. */
  appendCounty(data: CountyData, cityName: string): void {
    const cityId = this.cityIds.get(cityName);
    if (cityId === undefined) throw new Error(`ProvinceWriter: unknown city ${cityName}`);
    const byOldId = areaFigures(data);
    const areaOffset = this.offsets.areas;
    this.offsets = shiftCountyIds(data, this.offsets, cityId);
    const figures = new Map<number, AreaFigures>();
    for (const [id, f] of byOldId) figures.set(id + areaOffset, f);
    const db = this.db;
    db.transaction(() => {
      insertAreas(db, data.areas, figures, this.parentOf);
      insertHouseholds(db, data, this.points.households);
      insertStaff(db, data);
      insertMediationPoints(db, data);
      insertIncidents(db, data, this.points.incidents);
      insertIncidentEvents(db, data);
      insertHotspots(db, data);
    })();
  }

  /** R*Trees, indexes, figures of the cities and the province, meta and statistics. */
  finish(meta: { seed: number; scale: number; now: string; name: string; code: string; source: string }): void {
    const db = this.db;
    db.transaction(() => fillPointRtrees(db, this.points))();
    for (const { sql } of this.deferredIndexes) db.exec(sql);
    db.transaction(() => {
      // Cities first, then the province from its cities: each sums its children's stored figures.
      for (const level of ['city', 'province']) {
        db.prepare(`UPDATE areas SET (households, residents, staff, grid_workers, key_group_households) = (
            SELECT coalesce(sum(c.households), 0), coalesce(sum(c.residents), 0), coalesce(sum(c.staff), 0),
                   coalesce(sum(c.grid_workers), 0), coalesce(sum(c.key_group_households), 0)
            FROM areas c WHERE c.parent_id = areas.id)
          WHERE level = ?`).run(level);
      }
      const row = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      row.run('demo', 'true');
      row.run('scale', 'province');
      row.run('seed', String(meta.seed));
      row.run('size', String(meta.scale));
      row.run('now', new Date(meta.now).toISOString());
      row.run('county_name', meta.name);
      row.run('county_code', meta.code);
      row.run('source', meta.source);
      row.run('seeded_at', new Date().toISOString());
    })();
    db.pragma(`analysis_limit = ${ANALYSIS_ROWS}`);
    db.exec('ANALYZE');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Rows written so far, per table. */
  counts(): IdOffsets {
    return this.offsets;
  }
}
