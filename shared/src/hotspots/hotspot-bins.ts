/**
 * Confidence levels of the hot/cold classes and the significance level each stands for: a
 * cell is hot at 99 % when z > 0 and its p (or q, after the false-discovery-rate correction)
 * is at most 0.01, and so on down to 90 %.
 */
export const HOTSPOT_CONFIDENCE_LEVELS = [
  { bin: 3, confidence: 99, alpha: 0.01 },
  { bin: 2, confidence: 95, alpha: 0.05 },
  { bin: 1, confidence: 90, alpha: 0.1 },
] as const;

/** −3..3: cold 99 %, 95 %, 90 %, not significant (0), hot 90 %, 95 %, 99 % (ArcGIS's Gi_Bin). */
export type HotspotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** The class of a cell from its z-score and the p-value it is judged by (raw p or BH q). */
export function hotspotBin(z: number, p: number): HotspotBin {
  if (z === 0) return 0;
  for (const level of HOTSPOT_CONFIDENCE_LEVELS) {
    if (p <= level.alpha) return (Math.sign(z) * level.bin) as HotspotBin;
  }
  return 0;
}
