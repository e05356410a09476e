import { buildMediationPointIndex, nearestMediationPoints, type MediationPointIndex, type NearestMediationQuery } from '@gridmap/shared/mediation/mediation-point-index';
import { dataVersion } from '../db/data-version.ts';
import { listOpenMediationPoints, type MediationPointRow } from '../db/mediation-points-sql.ts';
import type { Db } from '../db/open-db.ts';

/**
 * The in-memory nearest index of the points in service: built at start and rebuilt whenever the
 * points change, whoever wrote them (this API's POST/PATCH, an import, another connection). After
 * any write to the database the points are read again (a few hundred rows, well under a
 * millisecond) and the index rebuilt only when they differ, so incident writes cost a read and
 * leave the index and the coverage caches built on it alone.
 */
export class MediationIndexHolder {
  private index: MediationPointIndex<MediationPointRow>;
  private signature: string;
  private seenVersion: number;
  /** Counts rebuilds, so that caches built on the points (coverage) know when to recompute. */
  private rebuilds = 0;

  constructor(private readonly db: Db) {
    this.seenVersion = dataVersion(db);
    const rows = listOpenMediationPoints(db);
    this.signature = JSON.stringify(rows);
    this.index = buildMediationPointIndex(rows);
  }

  /** Reads the points again when anything was written since the last look. */
  private current(): MediationPointIndex<MediationPointRow> {
    const version = dataVersion(this.db);
    if (version !== this.seenVersion) {
      this.seenVersion = version;
      const rows = listOpenMediationPoints(this.db);
      const signature = JSON.stringify(rows);
      if (signature !== this.signature) {
        this.signature = signature;
        this.index = buildMediationPointIndex(rows);
        this.rebuilds++;
      }
    }
    return this.index;
  }

  /** Which build of the points is current: changes exactly when the points in service change. */
  version(): number {
    this.current();
    return this.rebuilds;
  }

  /** The points in service, ordered by id. */
  points(): readonly MediationPointRow[] {
    return this.current().points;
  }

  nearest(query: NearestMediationQuery): { point: MediationPointRow; distanceM: number }[] {
    return nearestMediationPoints(this.current(), query);
  }
}
