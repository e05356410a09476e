import type { MultiPolygon, Polygon } from 'geojson';
import { AREA_LEVELS, type AreaLevel } from '../areas/area-level.ts';
import { labelPoint } from '../geo/label-point.ts';
import { tilingProblems, type TilingArea, type TilingProblem } from './area-tiling.ts';
import type { CandidateByLayer, MappedRow } from './candidate-records.ts';
import type { CoordinateSystem } from './coordinate-system.ts';
import type { ImportLayer } from './import-layer.ts';
import type { ImportMapping } from './import-mapping.ts';
import { MAX_REPORT_ROWS, type ImportReport, type ReportRow } from './import-report.ts';
import { mapRows } from './map-rows.ts';
import type { RowProblem } from './row-problem.ts';
import type { SourceTable } from './source-table.ts';

/** An area already in the database. */
export interface KnownArea {
  id: number;
  code: string;
  level: AreaLevel;
  parentId: number | null;
  geometry: Polygon | MultiPolygon;
}

/** What planning needs to know of the database; the server answers it with SQL, tests with arrays. */
export interface ImportContext {
  areaByCode(code: string): KnownArea | null;
  /** The children of an area, with their geometries. */
  childrenOf(areaId: number): KnownArea[];
  /** The grid containing the point, or null. */
  gridAt(lon: number, lat: number): { id: number; code: string } | null;
  /** The area at `level` that contains grid `gridId` (the grid itself at level 'grid'). */
  ancestorAt(gridId: number, level: AreaLevel): { id: number; code: string } | null;
  /** The id of the row of `layer` imported before with this external id, or null. */
  idByExternalId(layer: Exclude<ImportLayer, 'areas'>, externalId: string): number | null;
}

interface Write<T> {
  row: number;
  /** null creates a row; a number updates that row. */
  id: number | null;
  record: T;
}
export interface AreaWrite extends Write<CandidateByLayer['areas']> {
  parentId: number | null;
  labelPoint: [number, number];
}
export interface PointWrite<L extends Exclude<ImportLayer, 'areas'>> extends Write<CandidateByLayer[L]> {
  gridId: number;
  /** The area a mediation point serves and its level; for other layers, the grid. */
  areaId: number;
  level: AreaLevel;
}
export type WriteByLayer = {
  areas: AreaWrite;
  households: PointWrite<'households'>;
  mediation_points: PointWrite<'mediation_points'>;
  incidents: PointWrite<'incidents'>;
};

/** A dry run's outcome: the report a person reads and the writes an apply would make. */
export interface ImportPlan<L extends ImportLayer = ImportLayer> {
  layer: L;
  report: ImportReport;
  writes: WriteByLayer[L][];
}

/**
 * Plans an import: maps the source's rows, resolves parents, grids and earlier imports through
 * `context`, and checks that imported areas tile their parents. Nothing is written; the plan's
 * writes are what applying it would do. `skipRejected` makes a plan with rejected rows applicable
 * (they are left out); tiling problems always block, since the map relies on exact tiling.
 */
export function planImport<L extends ImportLayer>(
  table: SourceTable,
  mapping: ImportMapping & { layer: L },
  context: ImportContext,
  options: { skipRejected?: boolean } = {},
): ImportPlan<L> {
  const mapped = mapRows(table, mapping);
  const crs: CoordinateSystem = mapping.crs ?? table.declaredCrs ?? 'wgs84';
  const rows: ReportRow[] = [];
  const writes: WriteByLayer[L][] = [];
  let tiling: TilingProblem[] = [];
  if (mapping.layer === 'areas') {
    tiling = planAreas(mapped as MappedRow<CandidateByLayer['areas']>[], context, rows, writes as AreaWrite[]);
  } else {
    planPoints(mapping.layer as Exclude<ImportLayer, 'areas'>, mapped as MappedRow<CandidateByLayer['households']>[], context, rows, writes as PointWrite<'households'>[]);
  }
  const count = (action: ReportRow['action']) => rows.filter((r) => r.action === action).length;
  const totals = { rows: rows.length, create: count('create'), update: count('update'), reject: count('reject') };
  const listed = listedRows(rows);
  return {
    layer: mapping.layer,
    writes,
    report: {
      layer: mapping.layer,
      level: mapping.layer === 'areas' ? (mapping.level ?? null) : null,
      format: table.format,
      encoding: table.encoding,
      crs,
      totals,
      rows: listed,
      rowsLeftOut: rows.length - listed.length,
      tiling,
      applicable: tiling.length === 0 && writes.length > 0 && (totals.reject === 0 || options.skipRejected === true),
    },
  };
}

/** Every row when they fit, else rejected rows first, then updates, then creations, in file order. */
function listedRows(rows: ReportRow[]): ReportRow[] {
  if (rows.length <= MAX_REPORT_ROWS) return rows;
  const rank = { reject: 0, update: 1, create: 2 };
  return [...rows].sort((a, b) => rank[a.action] - rank[b.action] || a.row - b.row).slice(0, MAX_REPORT_ROWS).sort((a, b) => a.row - b.row);
}

function rejected(row: number, key: string, target: string | null, problems: RowProblem[]): ReportRow {
  return { row, action: 'reject', key, target, problems };
}

function planAreas(mapped: MappedRow<CandidateByLayer['areas']>[], context: ImportContext, rows: ReportRow[], writes: AreaWrite[]): TilingProblem[] {
  const seen = new Map<string, number>();
  // Imported children per parent, to check that together with the parent's other children they tile it.
  const byParent = new Map<number, { parent: KnownArea; children: TilingArea[] }>();
  const updated: { area: KnownArea; geometry: AreaWrite['record']['geometry'] }[] = [];
  for (const m of mapped) {
    if (m.problems) {
      rows.push(rejected(m.row, m.key, null, m.problems));
      continue;
    }
    const a = m.record;
    const problems: RowProblem[] = [];
    const first = seen.get(a.code);
    if (first !== undefined) problems.push({ code: 'duplicate_code', field: 'code', message: `code ${a.code} is also on row ${first}` });
    else seen.set(a.code, m.row);
    let parent: KnownArea | null = null;
    if (a.parentCode !== null) {
      parent = context.areaByCode(a.parentCode);
      const above = AREA_LEVELS[AREA_LEVELS.indexOf(a.level) - 1];
      if (parent === null) {
        problems.push({ code: 'unknown_parent', field: 'parentCode', message: `parent ${a.parentCode} is not in the database; import the ${above} level first` });
      } else if (parent.level !== above) {
        problems.push({ code: 'unknown_parent', field: 'parentCode', message: `parent ${a.parentCode} is a ${parent.level}; a ${a.level}'s parent is a ${above}` });
        parent = null;
      }
    }
    const existing = context.areaByCode(a.code);
    if (existing !== null && existing.level !== a.level) {
      problems.push({ code: 'duplicate_code', field: 'code', message: `code ${a.code} already belongs to a ${existing.level}` });
    } else if (existing !== null && parent !== null && existing.parentId !== parent.id) {
      // Moving an area moves its whole subtree, its figures and its closure rows: a re-division, not an import.
      problems.push({ code: 'invalid_value', field: 'parentCode', message: `${a.code} is in the database under another parent; an import does not move areas` });
    }
    if (problems.length > 0) {
      rows.push(rejected(m.row, a.code, a.parentCode, problems));
      continue;
    }
    rows.push({ row: m.row, action: existing ? 'update' : 'create', key: a.code, target: a.parentCode, problems: [] });
    writes.push({ row: m.row, id: existing?.id ?? null, record: a, parentId: parent?.id ?? null, labelPoint: labelPoint(a.geometry) });
    if (existing) updated.push({ area: existing, geometry: a.geometry });
    if (parent) {
      const group = byParent.get(parent.id) ?? { parent, children: [] };
      group.children.push({ code: a.code, geometry: a.geometry });
      byParent.set(parent.id, group);
    }
  }
  const tiling: TilingProblem[] = [];
  for (const { parent, children } of byParent.values()) {
    const imported = new Set(children.map((c) => c.code));
    const others = context.childrenOf(parent.id).filter((c) => !imported.has(c.code));
    tiling.push(...tilingProblems(parent, [...others, ...children]));
  }
  // A new boundary for an area that has children must still be tiled by them.
  for (const { area, geometry } of updated) {
    const children = context.childrenOf(area.id);
    if (children.length > 0) tiling.push(...tilingProblems({ code: area.code, geometry }, children));
  }
  return tiling;
}

function planPoints(
  layer: Exclude<ImportLayer, 'areas'>,
  mapped: MappedRow<CandidateByLayer['households'] | CandidateByLayer['mediation_points'] | CandidateByLayer['incidents']>[],
  context: ImportContext,
  rows: ReportRow[],
  writes: PointWrite<'households'>[],
): void {
  const seen = new Map<string, number>();
  for (const m of mapped) {
    if (m.problems) {
      rows.push(rejected(m.row, m.key, null, m.problems));
      continue;
    }
    const p = m.record;
    const key = m.key;
    const problems: RowProblem[] = [];
    if (p.externalId !== null) {
      const first = seen.get(p.externalId);
      if (first !== undefined) problems.push({ code: 'duplicate_id', field: 'externalId', message: `id ${p.externalId} is also on row ${first}` });
      else seen.set(p.externalId, m.row);
    }
    const grid = context.gridAt(p.lon, p.lat);
    if (grid === null) {
      problems.push({ code: 'outside_grids', field: 'geometry', message: `(${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}) lies in no grid`, where: [p.lon, p.lat] });
    }
    let area: { id: number; code: string } | null = grid;
    let level: AreaLevel = 'grid';
    if (grid !== null && layer === 'mediation_points') {
      const mp = p as CandidateByLayer['mediation_points'];
      if (mp.areaCode !== null) {
        const known = context.areaByCode(mp.areaCode);
        if (known === null) problems.push({ code: 'unknown_area', field: 'areaCode', message: `area ${mp.areaCode} is not in the database` });
        else if (mp.level !== null && mp.level !== known.level) {
          problems.push({ code: 'invalid_value', field: 'level', message: `area ${mp.areaCode} is a ${known.level}, not a ${mp.level}` });
        } else {
          area = known;
          level = known.level;
        }
      } else {
        level = mp.level ?? 'community';
        area = context.ancestorAt(grid.id, level);
      }
    }
    if (grid !== null && layer === 'incidents') level = (p as CandidateByLayer['incidents']).level;
    if (problems.length > 0 || grid === null || area === null) {
      rows.push(rejected(m.row, key, grid?.code ?? null, problems));
      continue;
    }
    const id = p.externalId === null ? null : context.idByExternalId(layer, p.externalId);
    rows.push({ row: m.row, action: id === null ? 'create' : 'update', key, target: area.code, problems: [] });
    writes.push({ row: m.row, id, record: p as CandidateByLayer['households'], gridId: grid.id, areaId: area.id, level });
  }
}
