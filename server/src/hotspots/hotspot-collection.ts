import { INCIDENT_KINDS, type HotspotCollection, type IncidentKind } from '@gridmap/shared';
import type { GiStarWeights } from '@gridmap/shared/hotspots/gi-star';
import { classifyHotspots } from '@gridmap/shared/hotspots/classify-hotspots';
import { HEX_K_RING } from '@gridmap/shared/hotspots/hex-study-area';
import type { AnalysisIncidents } from '../db/hotspots-sql.ts';

export interface HotspotQuery {
  /** Reported at or after (ms), before (ms); open when undefined. */
  fromMs?: number;
  toMs?: number;
  kinds?: IncidentKind[];
  fdr: boolean;
  /** Leave out the cells of bin 0 from the features (the statistics still use every cell). */
  significantOnly?: boolean;
}

/** The cells of a study area as the answer needs them. */
export interface StudyCells {
  unit: 'hex' | 'grid';
  resolution: number | null;
  /** The cell's identifier in the answer (H3 index, or grid id in decimal). */
  keys: readonly string[];
  names?: readonly string[];
  geometryJson: readonly string[];
  cellOfPoint: Int32Array;
  neighbourhood: Parameters<typeof classifyHotspots>[1];
}

/** Counts the incidents of the query per cell: kept when reported inside the window and of a kind asked for. */
export function countPerCell(incidents: AnalysisIncidents, cellOfPoint: Int32Array, cellCount: number, q: HotspotQuery): { counts: Float64Array; total: number } {
  const counts = new Float64Array(cellCount);
  const kindWanted = new Uint8Array(INCIDENT_KINDS.length).fill(q.kinds ? 0 : 1);
  for (const k of q.kinds ?? []) kindWanted[INCIDENT_KINDS.indexOf(k)] = 1;
  const from = q.fromMs ?? -Infinity;
  const to = q.toMs ?? Infinity;
  let total = 0;
  for (let i = 0; i < incidents.count; i++) {
    const t = incidents.reportedMs[i];
    if (t < from || t >= to || kindWanted[incidents.kind[i]] === 0) continue;
    const cell = cellOfPoint[i];
    if (cell < 0) continue;
    counts[cell]++;
    total++;
  }
  return { counts, total };
}

/** `GET /api/hotspots` as JSON text: every cell with count, Gi* z, p, BH q and class. */
export function hotspotCollectionJson(incidents: AnalysisIncidents, cells: StudyCells, q: HotspotQuery): string {
  const n = cells.keys.length;
  const { counts, total } = countPerCell(incidents, cells.cellOfPoint, n, q);
  const result = classifyHotspots(counts, cells.neighbourhood, q.fdr);
  const weights: GiStarWeights =
    cells.unit === 'hex'
      ? { scheme: 'binary', neighbourhood: 'k-ring', k: HEX_K_RING, includesSelf: true, rowStandardised: false }
      : { scheme: 'binary', neighbourhood: 'shared-edge', includesSelf: true, rowStandardised: false };
  const features: string[] = [];
  for (let i = 0; i < n; i++) {
    if (q.significantOnly && result.bins[i] === 0) continue;
    const properties = {
      cell: cells.keys[i],
      ...(cells.names ? { name: cells.names[i] } : {}),
      count: counts[i],
      z: round(result.z[i], 4),
      p: significant(result.p[i]),
      q: significant(result.q[i]),
      bin: result.bins[i],
    };
    features.push(`{"type":"Feature","id":${i},"geometry":${cells.geometryJson[i]},"properties":${JSON.stringify(properties)}}`);
  }
  const head: Omit<HotspotCollection, 'type' | 'features'> = {
    unit: cells.unit,
    resolution: cells.resolution,
    from: q.fromMs === undefined ? null : new Date(q.fromMs).toISOString(),
    to: q.toMs === undefined ? null : new Date(q.toMs).toISOString(),
    kinds: q.kinds ?? null,
    fdr: q.fdr,
    weights,
    cellCount: n,
    incidentCount: total,
    mean: result.mean,
    sd: result.sd,
  };
  return `{"type":"FeatureCollection",${JSON.stringify(head).slice(1, -1)},"features":[${features.join(',')}]}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Five significant digits: p-values span many orders of magnitude, so decimals would erase the small ones. */
function significant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(5));
}
