import { describe, expect, it } from 'vitest';
import { METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '@gridmap/shared/geo/metres';
import { signedRingArea } from '@gridmap/shared/geo/ring-area';
import { ringSelfIntersections } from '@gridmap/shared/geo/ring-self-intersections';
import { loadCountyOutline } from './load-outline.ts';

describe('loadCountyOutline', () => {
  it('returns 诸暨市 as one closed, counter-clockwise, simple ring in [lon, lat] order', () => {
    const outline = loadCountyOutline();
    expect(outline.type).toBe('Polygon');
    expect(outline.coordinates).toHaveLength(1);
    const ring = outline.coordinates[0];
    expect(ring[0]).toEqual(ring.at(-1));
    expect(signedRingArea(ring)).toBeGreaterThan(0);
    expect(ringSelfIntersections(ring)).toEqual([]);
    for (let i = 1; i < ring.length; i++) expect(ring[i]).not.toEqual(ring[i - 1]);
    for (const [lon, lat] of ring) {
      expect(lon).toBeGreaterThan(119.8);
      expect(lon).toBeLessThan(120.6);
      expect(lat).toBeGreaterThan(29.3);
      expect(lat).toBeLessThan(30.0);
    }
  });

  it('has about the official area of 诸暨市 (2,311 km²)', () => {
    const ring = loadCountyOutline().coordinates[0];
    const km2 = (signedRingArea(ring) * metresPerDegreeLon(29.67) * METRES_PER_DEGREE_LAT) / 1e6;
    expect(km2).toBeGreaterThan(2250);
    expect(km2).toBeLessThan(2370);
  });

  it('loads the other counties of a known city and refuses unknown places', () => {
    expect(loadCountyOutline('浙江', '绍兴市', '嵊州市').coordinates[0].length).toBeGreaterThan(100);
    expect(() => loadCountyOutline('浙江', '绍兴市', '不存在县')).toThrow(/not found/);
    expect(() => loadCountyOutline('江苏', '南京市', '江宁区')).toThrow(/No outline file/);
  });
});
