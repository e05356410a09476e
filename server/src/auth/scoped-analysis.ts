import type { Context } from 'hono';
import type { AnalysisIncidents, GridCells } from '../db/hotspots-sql.ts';
import type { Db } from '../db/open-db.ts';
import { gridIdsWithin } from '../db/tile-points-sql.ts';
import type { AppEnv } from '../http/app-env.ts';
import { scopeAreaId } from './scope.ts';

/**
 * The analyses (heat map, hot spots, warnings) over what the request's account may see: every
 * incident and grid for a county-wide account, else those inside its area — the statistics are
 * then those of its own area (a town's hot spots are measured against the town's mean).
 */
export function scopedAnalysis(c: Context<AppEnv>, db: Db) {
  const scope = scopeAreaId(c);
  const grids = scope === null ? null : gridIdsWithin(db, scope);
  return {
    /** The scope's area id, or null for everything: part of every cache key. */
    scope,
    incidents(all: AnalysisIncidents): AnalysisIncidents {
      return grids === null ? all : filterIncidents(all, (i) => grids.has(all.gridId[i]));
    },
    gridCells(all: GridCells): GridCells {
      if (grids === null) return all;
      const keep = all.ids.flatMap((id, i) => (grids.has(id) ? [i] : []));
      const pick = <T>(xs: T[]) => keep.map((i) => xs[i]);
      return {
        ids: pick(all.ids),
        names: pick(all.names),
        places: pick(all.places),
        geometryJson: pick(all.geometryJson),
        labelLon: pick(all.labelLon),
        labelLat: pick(all.labelLat),
        layoutKey: `${all.layoutKey}/s${scope}`,
      };
    },
  };
}

/** The rows of `all` that pass `keep`, as new columns. */
function filterIncidents(all: AnalysisIncidents, keep: (i: number) => boolean): AnalysisIncidents {
  const rows: number[] = [];
  for (let i = 0; i < all.count; i++) if (keep(i)) rows.push(i);
  const take = <A extends { length: number; [i: number]: number }>(column: A, make: (n: number) => A): A => {
    const out = make(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = column[rows[r]];
    return out;
  };
  return {
    count: rows.length,
    id: take(all.id, (n) => new Uint32Array(n)),
    lon: take(all.lon, (n) => new Float64Array(n)),
    lat: take(all.lat, (n) => new Float64Array(n)),
    reportedMs: take(all.reportedMs, (n) => new Float64Array(n)),
    deadlineMs: take(all.deadlineMs, (n) => new Float64Array(n)),
    kind: take(all.kind, (n) => new Uint8Array(n)),
    status: take(all.status, (n) => new Uint8Array(n)),
    level: take(all.level, (n) => new Uint8Array(n)),
    severity: take(all.severity, (n) => new Uint8Array(n)),
    open: take(all.open, (n) => new Uint8Array(n)),
    gridId: take(all.gridId, (n) => new Uint32Array(n)),
    householdId: take(all.householdId, (n) => new Uint32Array(n)),
  };
}
