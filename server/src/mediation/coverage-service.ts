import { coverageByArea, coveredKinds, type AreaCoverage } from '@gridmap/shared/mediation/coverage';
import { buildPointCloud, type PointCloud } from '@gridmap/shared/geo/points-within';
import { householdsStamp, readAreaTree, readHouseholdPositions, type AreaNode, type HouseholdPositions } from '../db/coverage-sql.ts';
import type { Db } from '../db/open-db.ts';
import type { MediationIndexHolder } from './mediation-index-holder.ts';

/** Coverage at one distance: each household's covered-kind mask and the figures of every area. */
export interface CoverageResult {
  distanceM: number;
  households: HouseholdPositions;
  cloud: PointCloud;
  /** Bit k set: some point within the distance takes INCIDENT_KINDS[k]. */
  mask: Uint16Array;
  byArea: Map<number, AreaCoverage>;
  areas: AreaNode[];
}

/** Distances kept computed at once (a result holds ~2 bytes per household beside the shared positions). */
const MAX_CACHED_DISTANCES = 8;

/**
 * Coverage of households by the points in service, per distance, cached until the points or
 * the households change. Household positions are read once (and again when the table's stamp
 * changes); a coverage at a new distance is a few hundred radius queries over them.
 */
export class CoverageService {
  private base: { stamp: string; households: HouseholdPositions; cloud: PointCloud; areas: AreaNode[]; parentOf: Map<number, number | null> } | null = null;
  private readonly cache = new Map<number, CoverageResult>();
  private cachedFor = '';

  constructor(private readonly db: Db, private readonly points: MediationIndexHolder) {}

  /** The points in service that coverage is computed from. */
  pointsInService() {
    return this.points.points();
  }

  at(distanceM: number): CoverageResult {
    const stamp = householdsStamp(this.db);
    if (this.base?.stamp !== stamp) {
      const households = readHouseholdPositions(this.db);
      const areas = readAreaTree(this.db);
      this.base = {
        stamp,
        households,
        cloud: buildPointCloud(households.lon, households.lat),
        areas,
        parentOf: new Map(areas.map((a) => [a.id, a.parentId])),
      };
    }
    const key = `${stamp}/${this.points.version()}`;
    if (key !== this.cachedFor) {
      this.cache.clear();
      this.cachedFor = key;
    }
    let result = this.cache.get(distanceM);
    if (!result) {
      const { households, cloud, areas, parentOf } = this.base;
      const mask = coveredKinds(cloud, this.points.points(), distanceM);
      result = { distanceM, households, cloud, mask, byArea: coverageByArea(mask, households.gridId, parentOf), areas };
      if (this.cache.size >= MAX_CACHED_DISTANCES) this.cache.delete(this.cache.keys().next().value as number);
      this.cache.set(distanceM, result);
    }
    return result;
  }
}
