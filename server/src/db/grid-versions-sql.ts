import type { GridVersion } from '@gridmap/shared';
import type { Db } from './open-db.ts';

interface RawVersion {
  grid_id: number;
  version: number;
  code: string;
  name: string;
  geometry: string | null;
  valid_from: string | null;
  valid_to: string | null;
  plan_id: number | null;
  author: string;
  reason: string;
}

/** Every recorded version of the grids of a community, by grid then version. */
export function listGridVersions(db: Db, communityId: number): GridVersion[] {
  const rows = db.prepare('SELECT * FROM grid_versions WHERE community_id = ? ORDER BY grid_id, version').all(communityId) as RawVersion[];
  return rows.map((r) => ({
    gridId: r.grid_id,
    version: r.version,
    code: r.code,
    name: r.name,
    geometry: r.geometry === null ? null : JSON.parse(r.geometry),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    planId: r.plan_id,
    author: r.author,
    reason: r.reason,
  }));
}

export interface GridAsOf {
  id: number;
  code: string;
  name: string;
  version: number;
  geometryJson: string;
}

/**
 * The grids of a community as they were at `at` (ISO, UTC): the recorded version valid then,
 * and for a grid no plan has changed, its one version in `areas`.
 */
export function gridsAsOf(db: Db, communityId: number, at: string): GridAsOf[] {
  return db
    .prepare(`SELECT grid_id AS id, code, name, version, geometry AS geometryJson FROM grid_versions
        WHERE community_id = @community AND geometry IS NOT NULL
          AND (valid_from IS NULL OR valid_from <= @at) AND (valid_to IS NULL OR valid_to > @at)
      UNION ALL
      SELECT id, code, name, version, geometry FROM areas a
        WHERE parent_id = @community AND NOT EXISTS (SELECT 1 FROM grid_versions v WHERE v.grid_id = a.id)
      ORDER BY id`)
    .all({ community: communityId, at }) as GridAsOf[];
}
