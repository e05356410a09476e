import { buildMediationPointIndex, nearestMediationPoints, type MediationPointIndex, type NearestMediationQuery } from '@gridmap/shared/mediation/mediation-point-index';
import { listOpenMediationPoints, type MediationPointRow } from '../db/mediation-points-sql.ts';
import type { Db } from '../db/open-db.ts';

/**
 * The in-memory nearest index of the points in service: built at start, rebuilt by `refresh()`
 * after every committed write through the API (a few hundred points rebuild in well under a
 * millisecond, so a static KD-tree rebuilt beats a dynamic one kept in step).
 */
export class MediationIndexHolder {
  private index: MediationPointIndex<MediationPointRow>;
  /** Counts rebuilds, so that caches built on the points (coverage) know when to recompute. */
  version = 0;

  constructor(private readonly db: Db) {
    this.index = buildMediationPointIndex(listOpenMediationPoints(db));
  }

  /** Reads the points in service again; call after a write to mediation_points has committed. */
  refresh(): void {
    this.index = buildMediationPointIndex(listOpenMediationPoints(this.db));
    this.version++;
  }

  /** The points in service, ordered by id. */
  points(): readonly MediationPointRow[] {
    return this.index.points;
  }

  nearest(query: NearestMediationQuery): { point: MediationPointRow; distanceM: number }[] {
    return nearestMediationPoints(this.index, query);
  }
}
