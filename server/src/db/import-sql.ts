import { isKeyGroupTag, type AreaLevel, type AreaRecord, type HouseholdTag, type ImportLayer, type ImportMapping, type SavedMapping } from '@gridmap/shared';
import { createAreaLocator } from '@gridmap/shared/geo/area-locator';
import type { AreaWrite, ImportContext, ImportPlan, KnownArea, PointWrite } from '@gridmap/shared/import/plan-import';
import { gridIndexOfPoints } from '@gridmap/shared/plans/partition-balance';
import { refreshGridFigures } from './apply-plan-sql.ts';
import type { Db } from './open-db.ts';
import { placeholders } from './sql-lists.ts';

type AreaGeometry = AreaRecord['geometry'];
type PointLayer = Exclude<ImportLayer, 'areas'>;
const TABLE: Record<PointLayer, string> = { households: 'households', mediation_points: 'mediation_points', incidents: 'incidents' };

interface AreaRow {
  id: number;
  code: string;
  level: AreaLevel;
  parentId: number | null;
  geometry: string;
}

/**
 * Answers an import plan's questions from the database. Grids are loaded once into an in-memory
 * locator (a bulk import asks for hundreds of thousands of points); other answers are memoised.
 * Build it inside the transaction that applies the plan, so that the answers hold while writing.
 */
export function importContext(db: Db): ImportContext {
  const byCode = db.prepare('SELECT id, code, level, parent_id AS parentId, geometry FROM areas WHERE code = ?');
  const children = db.prepare('SELECT id, code, level, parent_id AS parentId, geometry FROM areas WHERE parent_id = ? ORDER BY id');
  const ancestor = db.prepare(`SELECT a.id, a.code FROM area_closure c JOIN areas a ON a.id = c.ancestor_id
    WHERE c.descendant_id = ? AND a.level = ?`);
  const known = (r: AreaRow | undefined): KnownArea | null =>
    r === undefined ? null : { id: r.id, code: r.code, level: r.level, parentId: r.parentId, geometry: JSON.parse(r.geometry) as AreaGeometry };
  const areaMemo = new Map<string, KnownArea | null>();
  const ancestorMemo = new Map<string, { id: number; code: string } | null>();
  const externalIds = new Map<PointLayer, Map<string, number>>();
  let locate: ((lon: number, lat: number) => { id: number; code: string } | null) | null = null;
  return {
    areaByCode(code) {
      if (!areaMemo.has(code)) areaMemo.set(code, known(byCode.get(code) as AreaRow | undefined));
      return areaMemo.get(code)!;
    },
    childrenOf(areaId) {
      return (children.all(areaId) as AreaRow[]).map((r) => known(r)!);
    },
    gridAt(lon, lat) {
      if (locate === null) {
        const grids = db.prepare("SELECT id, code, geometry FROM areas WHERE level = 'grid'").all() as AreaRow[];
        locate = createAreaLocator(grids.map((g) => ({ id: g.id, code: g.code, geometry: JSON.parse(g.geometry) as AreaGeometry })));
      }
      return locate(lon, lat);
    },
    ancestorAt(gridId, level) {
      const key = `${gridId}:${level}`;
      if (!ancestorMemo.has(key)) ancestorMemo.set(key, (ancestor.get(gridId, level) as { id: number; code: string } | undefined) ?? null);
      return ancestorMemo.get(key)!;
    },
    idByExternalId(layer, externalId) {
      let ids = externalIds.get(layer);
      if (ids === undefined) {
        const rows = db.prepare(`SELECT external_id AS externalId, id FROM ${TABLE[layer]} WHERE external_id IS NOT NULL`).all() as { externalId: string; id: number }[];
        ids = new Map(rows.map((r) => [r.externalId, r.id]));
        externalIds.set(layer, ids);
      }
      return ids.get(externalId) ?? null;
    },
  };
}

/** Writes a plan's rows (call inside a transaction). Returns the new batch's id. */
export function writePlan(db: Db, plan: ImportPlan, fileName: string, now: Date): number {
  switch (plan.layer) {
    case 'areas':
      writeAreas(db, plan.writes as AreaWrite[]);
      reassignAfterGridUpdates(db, (plan.writes as AreaWrite[]).filter((w) => w.id !== null && w.record.level === 'grid').map((w) => w.id!));
      break;
    case 'households':
      writeHouseholds(db, plan.writes as PointWrite<'households'>[]);
      break;
    case 'mediation_points':
      writeMediationPoints(db, plan.writes as PointWrite<'mediation_points'>[]);
      break;
    case 'incidents':
      writeIncidents(db, plan.writes as PointWrite<'incidents'>[], fileName, now);
      break;
  }
  const { totals, level } = plan.report;
  const batch = db
    .prepare(`INSERT INTO import_batches (layer, level, file_name, applied_at, created, updated, rejected)
      VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(plan.layer, level, fileName, now.toISOString(), totals.create, totals.update, totals.reject);
  return Number(batch.lastInsertRowid);
}

/**
 * After an import redrew grids, the households and incidents that lay in a redrawn grid go to
 * whichever grid of the same parent holds them now (the import has checked that the grids still
 * tile their parent), and the grids' figures are recounted from their rows. The parents' figures
 * do not move: the people stay inside the parent.
 */
function reassignAfterGridUpdates(db: Db, updatedGridIds: readonly number[]): void {
  if (updatedGridIds.length === 0) return;
  const parents = db
    .prepare(`SELECT DISTINCT parent_id FROM areas WHERE id IN ${placeholders(updatedGridIds.length)}`)
    .pluck().all(...updatedGridIds) as number[];
  const siblings = db
    .prepare(`SELECT id, geometry FROM areas WHERE level = 'grid' AND parent_id IN ${placeholders(parents.length)} ORDER BY id`)
    .all(...parents) as { id: number; geometry: string }[];
  const grids = siblings.map((g) => ({ id: g.id, geometry: JSON.parse(g.geometry) as AreaRecord['geometry'] }));
  for (const table of ['households', 'incidents'] as const) {
    const rows = db
      .prepare(`SELECT id, lon, lat, grid_id FROM ${table} WHERE grid_id IN ${placeholders(updatedGridIds.length)}`)
      .raw().all(...updatedGridIds) as [number, number, number, number][];
    const found = gridIndexOfPoints(grids, Float64Array.from(rows, (r) => r[1]), Float64Array.from(rows, (r) => r[2]));
    const move = db.prepare(`UPDATE ${table} SET grid_id = ? WHERE id = ?`);
    // A point on no grid now (exactly on a new edge, or outside after a bad file that still
    // passed the tiling check) keeps its grid rather than being lost.
    rows.forEach(([id, , , old], i) => found[i] >= 0 && siblings[found[i]].id !== old && move.run(siblings[found[i]].id, id));
  }
  refreshGridFigures(db, siblings.map((g) => g.id));
}

function writeAreas(db: Db, writes: AreaWrite[]): void {
  const insert = db.prepare(`INSERT INTO areas (code, name, level, parent_id, geometry, label_lon, label_lat,
      min_lon, min_lat, max_lon, max_lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = db.prepare(`UPDATE areas SET name = ?, geometry = ?, label_lon = ?, label_lat = ?,
      min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ? WHERE id = ?`);
  const rtreeInsert = db.prepare('INSERT INTO areas_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const rtreeUpdate = db.prepare('UPDATE areas_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?');
  const selfClosure = db.prepare('INSERT INTO area_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)');
  const parentClosure = db.prepare(`INSERT INTO area_closure (ancestor_id, descendant_id, depth)
    SELECT ancestor_id, ?, depth + 1 FROM area_closure WHERE descendant_id = ?`);
  for (const w of writes) {
    const a = w.record;
    const [minLon, minLat, maxLon, maxLat] = outerBbox(a.geometry);
    const geometry = JSON.stringify(a.geometry);
    if (w.id === null) {
      const id = Number(insert.run(a.code, a.name, a.level, w.parentId, geometry, w.labelPoint[0], w.labelPoint[1], minLon, minLat, maxLon, maxLat).lastInsertRowid);
      rtreeInsert.run(id, minLon, maxLon, minLat, maxLat);
      selfClosure.run(id, id);
      if (w.parentId !== null) parentClosure.run(id, w.parentId);
    } else {
      update.run(a.name, geometry, w.labelPoint[0], w.labelPoint[1], minLon, minLat, maxLon, maxLat, w.id);
      rtreeUpdate.run(minLon, maxLon, minLat, maxLat, w.id);
    }
  }
}

/** Changes to the stored subtree figures of a grid's areas (households, residents, key-group households). */
class FigureDeltas {
  private readonly byGrid = new Map<number, [number, number, number]>();

  add(gridId: number, households: number, residents: number, keyGroup: number): void {
    const d = this.byGrid.get(gridId) ?? [0, 0, 0];
    d[0] += households;
    d[1] += residents;
    d[2] += keyGroup;
    this.byGrid.set(gridId, d);
  }

  write(db: Db): void {
    const bump = db.prepare(`UPDATE areas SET households = households + ?, residents = residents + ?,
        key_group_households = key_group_households + ?
      WHERE id IN (SELECT ancestor_id FROM area_closure WHERE descendant_id = ?)`);
    for (const [gridId, [h, r, k]] of this.byGrid) if (h !== 0 || r !== 0 || k !== 0) bump.run(h, r, k, gridId);
  }
}

function writeHouseholds(db: Db, writes: PointWrite<'households'>[]): void {
  const insert = db.prepare(`INSERT INTO households (grid_id, lon, lat, address, size, tags, head_name, phone, external_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const previous = db.prepare('SELECT grid_id AS gridId, size, tags FROM households WHERE id = ?');
  const update = db.prepare(`UPDATE households SET grid_id = ?, lon = ?, lat = ?, address = ?, size = ?, tags = ?,
      head_name = ?, phone = ? WHERE id = ?`);
  const rtreeInsert = db.prepare('INSERT INTO households_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const rtreeUpdate = db.prepare('UPDATE households_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?');
  const deltas = new FigureDeltas();
  const keyGroup = (tags: readonly HouseholdTag[]) => (tags.some(isKeyGroupTag) ? 1 : 0);
  for (const w of writes) {
    const h = w.record;
    const tags = JSON.stringify(h.tags);
    if (w.id === null) {
      const id = Number(insert.run(w.gridId, h.lon, h.lat, h.address, h.size, tags, h.headName, h.phone, h.externalId).lastInsertRowid);
      rtreeInsert.run(id, h.lon, h.lon, h.lat, h.lat);
    } else {
      const old = previous.get(w.id) as { gridId: number; size: number; tags: string };
      deltas.add(old.gridId, -1, -old.size, -keyGroup(JSON.parse(old.tags) as HouseholdTag[]));
      update.run(w.gridId, h.lon, h.lat, h.address, h.size, tags, h.headName, h.phone, w.id);
      rtreeUpdate.run(h.lon, h.lon, h.lat, h.lat, w.id);
    }
    deltas.add(w.gridId, 1, h.size, keyGroup(h.tags));
  }
  deltas.write(db);
}

function writeMediationPoints(db: Db, writes: PointWrite<'mediation_points'>[]): void {
  const insert = db.prepare(`INSERT INTO mediation_points (kind, level, area_id, name, lon, lat, address, dispute_kinds,
      mediators, phone, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const update = db.prepare(`UPDATE mediation_points SET kind = ?, level = ?, area_id = ?, name = ?, lon = ?, lat = ?,
      address = ?, dispute_kinds = ?, mediators = ?, phone = ? WHERE id = ?`);
  for (const w of writes) {
    const m = w.record;
    const values = [m.kind, w.level, w.areaId, m.name, m.lon, m.lat, m.address, JSON.stringify(m.disputeKinds), m.mediators, m.phone];
    if (w.id === null) insert.run(...values, m.externalId);
    else update.run(...values, w.id);
  }
}

/** The actor of the timeline event an imported incident starts with. */
export const IMPORT_ACTOR = 'import';

function writeIncidents(db: Db, writes: PointWrite<'incidents'>[], fileName: string, now: Date): void {
  // Every incident has a timeline that starts with its report (issue 3); an imported one starts
  // with a report event in the status it arrives in, noting the file it came from.
  const intake = db.prepare(`INSERT INTO incident_events (incident_id, kind, actor, at, note, to_status, to_level, recorded_at)
    VALUES (?, 'report', ?, ?, ?, ?, ?, ?)`);
  const insert = db.prepare(`INSERT INTO incidents (kind, status, severity, source, level, origin_level, description,
      lon, lat, grid_id, reported_at, deadline_at, resolved_at, closed_at, external_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // An update is a write like any other: it bumps the version that concurrent handlers check.
  const update = db.prepare(`UPDATE incidents SET kind = ?, status = ?, severity = ?, source = ?, level = ?,
      description = ?, lon = ?, lat = ?, grid_id = ?, reported_at = ?, deadline_at = ?, resolved_at = ?, closed_at = ?,
      version = version + 1 WHERE id = ?`);
  const rtreeInsert = db.prepare('INSERT INTO incidents_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)');
  const rtreeUpdate = db.prepare('UPDATE incidents_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?');
  for (const w of writes) {
    const i = w.record;
    if (w.id === null) {
      const id = Number(insert.run(i.kind, i.status, i.severity, i.source, w.level, w.level, i.description, i.lon, i.lat,
        w.gridId, i.reportedAt, i.deadlineAt, i.resolvedAt, i.closedAt, i.externalId).lastInsertRowid);
      rtreeInsert.run(id, i.lon, i.lon, i.lat, i.lat);
      intake.run(id, IMPORT_ACTOR, i.reportedAt, `imported from ${fileName}`, i.status, w.level, now.toISOString());
    } else {
      update.run(i.kind, i.status, i.severity, i.source, w.level, i.description, i.lon, i.lat, w.gridId,
        i.reportedAt, i.deadlineAt, i.resolvedAt, i.closedAt, w.id);
      rtreeUpdate.run(i.lon, i.lon, i.lat, i.lat, w.id);
    }
  }
}

function outerBbox(g: AreaGeometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
    for (const p of rings[0] as number[][]) {
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.min(box[1], p[1]);
      box[2] = Math.max(box[2], p[0]);
      box[3] = Math.max(box[3], p[1]);
    }
  }
  return box;
}

/** Saved mappings, newest first; of one layer when given. */
export function listMappings(db: Db, layer?: ImportLayer): SavedMapping[] {
  const rows = db
    .prepare(`SELECT name, mapping, saved_at AS savedAt FROM import_mappings ${layer ? 'WHERE layer = ?' : ''} ORDER BY saved_at DESC, name`)
    .all(...(layer ? [layer] : [])) as { name: string; mapping: string; savedAt: string }[];
  return rows.map((r) => ({ name: r.name, mapping: JSON.parse(r.mapping) as ImportMapping, savedAt: r.savedAt }));
}

/** Saves (or replaces) a mapping under its name. */
export function saveMapping(db: Db, name: string, mapping: ImportMapping, now: Date): SavedMapping {
  const savedAt = now.toISOString();
  db.prepare(`INSERT INTO import_mappings (name, layer, mapping, saved_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET layer = excluded.layer, mapping = excluded.mapping, saved_at = excluded.saved_at`)
    .run(name, mapping.layer, JSON.stringify(mapping), savedAt);
  return { name, mapping, savedAt };
}

/** Deletes a saved mapping; false when there was none of that name. */
export function deleteMapping(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM import_mappings WHERE name = ?').run(name).changes > 0;
}

export interface ImportBatch {
  id: number;
  layer: ImportLayer;
  level: AreaLevel | null;
  fileName: string;
  appliedAt: string;
  created: number;
  updated: number;
  rejected: number;
}

/** Applied imports, newest first. */
export function listBatches(db: Db, limit: number): ImportBatch[] {
  return db
    .prepare(`SELECT id, layer, level, file_name AS fileName, applied_at AS appliedAt, created, updated, rejected
      FROM import_batches ORDER BY id DESC LIMIT ?`)
    .all(limit) as ImportBatch[];
}

/** Every area's code by its id, to name parents, grids and areas in exports. */
export function areaCodes(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, code FROM areas').raw().all() as [number, string][];
  return new Map(rows);
}
