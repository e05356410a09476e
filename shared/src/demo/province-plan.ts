import type { Polygon } from 'geojson';
import { METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';
import { pointInRing } from '../geo/point-in-ring.ts';
import { signedRingArea } from '../geo/ring-area.ts';
import type { GenerateCountyOptions } from './generate-county.ts';
import { HOUSEHOLDS_AT_FULL_SIZE } from './households.ts';
import { Random } from './random.ts';
import { ZHUJI_COUNTY_CODE, ZHUJI_TOWNS, type TownSeat } from './zhuji-towns.ts';

/**
 * What the whole province comes to at scale 1 (issue 8): about 60,000 grids, 10,000,000
 * households, 2,000,000 incidents. Mediation points (about 6,000) follow from the towns and
 * communities (placeMediationPoints), so they are not set directly.
 */
export const PROVINCE_TARGETS = { grids: 60_000, households: 10_000_000, incidents: 2_000_000 } as const;

/**
 * Households weigh a district (区) this many times as much per km² as a county or county-level
 * city (县, 市): urban districts are denser. Every other figure follows households.
 */
export const DISTRICT_DENSITY_FACTOR = 3;
/** Grids per community (诸暨市's 2,000 grids in 500 communities). */
const GRIDS_PER_COMMUNITY = 4;
/** Lattice cells per grid: 诸暨市 at size 1 has ~80 (120 m cells), enough for grids to bend. */
const CELLS_PER_GRID = 80;
/** The lattice step never leaves this range, in metres (tiny test provinces would otherwise get km-wide cells). */
const MIN_STEP_M = 40;
const MAX_STEP_M = 1500;
/** Area per town (乡镇街道), km²: Zhejiang has ~1,360 of them over ~105,000 km²; districts' streets are smaller. */
const KM2_PER_TOWN = { district: 40, county: 90 };
const MIN_TOWNS = 4;
const MAX_TOWNS = 30;
/** Smallest and largest `size` a county is given (generateCounty's bounds). */
const MIN_COUNTY_SIZE = 0.002;
const MAX_COUNTY_SIZE = 4;

/** A county of the province as its outline source lists it. */
export interface ProvinceCounty {
  cityName: string;
  /** The city's 12-digit code (330100000000 for 杭州市 …). */
  cityCode: string;
  name: string;
  /** The county's 12-digit code. */
  code: string;
  /** One simple counter-clockwise ring (loadCountyOutline): islands are not generated. */
  outline: Polygon;
}

/** One county's generation job: everything generateCounty needs but `now`. */
export type CountyJob = Omit<GenerateCountyOptions, 'now'> & {
  index: number;
  cityName: string;
  cityCode: string;
  areaKm2: number;
  county: NonNullable<GenerateCountyOptions['county']>;
  counts: NonNullable<GenerateCountyOptions['counts']>;
};

/**
 * Shares the province targets (times `scale`) out over the counties by weight (area, districts
 * DISTRICT_DENSITY_FACTOR times), with a seed per county derived from the province seed and
 * the county's code, synthetic town seats (诸暨市 keeps its 23 real ones) and a lattice step
 * giving each grid about CELLS_PER_GRID cells. Pure and deterministic.
 */
export function planProvince(counties: readonly ProvinceCounty[], seed: number, scale = 1): CountyJob[] {
  const areas = counties.map((c) => ringAreaKm2(c.outline.coordinates[0]));
  const weights = counties.map((c, i) => areas[i] * (isDistrict(c.name) ? DISTRICT_DENSITY_FACTOR : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return counties.map((c, index) => {
    const share = weights[index] / total;
    const countySeed = new Random(seed, `county-${c.code}`).int(2 ** 31 - 1);
    const seats = c.code === ZHUJI_COUNTY_CODE
      ? ZHUJI_TOWNS
      : syntheticTownSeats(c.outline, townCount(areas[index], isDistrict(c.name)), isDistrict(c.name), new Random(countySeed, 'town-seats'));
    const households = Math.max(seats.length * 10, Math.round(PROVINCE_TARGETS.households * scale * share));
    const communities = Math.max(seats.length, Math.round((PROVINCE_TARGETS.grids * scale * share) / GRIDS_PER_COMMUNITY));
    const grids = Math.max(communities, Math.round(PROVINCE_TARGETS.grids * scale * share));
    const incidents = Math.round(PROVINCE_TARGETS.incidents * scale * share);
    const stepM = Math.min(MAX_STEP_M, Math.max(MIN_STEP_M, Math.sqrt((areas[index] * 1e6) / (grids * CELLS_PER_GRID))));
    const size = Math.min(MAX_COUNTY_SIZE, Math.max(MIN_COUNTY_SIZE, households / HOUSEHOLDS_AT_FULL_SIZE));
    return {
      index, cityName: c.cityName, cityCode: c.cityCode, areaKm2: areas[index],
      outline: c.outline, seed: countySeed, size, latticeStepM: stepM,
      county: { name: c.name, code: c.code, seats },
      counts: { households, communities, grids, incidents },
    };
  });
}

/** 区 is an urban district; 县 and county-level 市 are mostly rural. */
function isDistrict(name: string): boolean {
  return name.endsWith('区');
}

function townCount(areaKm2: number, district: boolean): number {
  const n = Math.round(areaKm2 / (district ? KM2_PER_TOWN.district : KM2_PER_TOWN.county));
  return Math.min(MAX_TOWNS, Math.max(MIN_TOWNS, n));
}

/** Area of a [lon, lat] ring in km², on a local equirectangular projection (good to ~0.1 % at county size). */
export function ringAreaKm2(ring: Polygon['coordinates'][number]): number {
  let lat = 0;
  for (const p of ring) lat += p[1];
  lat /= ring.length;
  return (Math.abs(signedRingArea(ring)) * metresPerDegreeLon(lat) * METRES_PER_DEGREE_LAT) / 1e6;
}

const STREET_STEMS = [
  '城东', '城西', '城南', '城北', '城中', '新城', '江南', '江北', '东湖', '西湖', '南湖', '北湖', '文昌', '兴华',
  '华丰', '和平', '长安', '永宁', '凤凰', '金山', '银湖', '龙山', '翠屏', '滨海', '临江', '望海', '东港', '北门',
  '南门', '西门', '东门', '秀水', '明湖', '云龙', '锦绣', '紫金', '开元', '振兴', '朝阳', '光明',
];
const TOWN_FIRST = '大小新老东西南北上下石竹枫杨柳桃梅金银白青红黄马龙凤山溪塘湖泉茶古双长高平安永';
const TOWN_SECOND = ['坞', '岭', '坑', '畈', '桥', '埠', '头', '口', '溪', '塘', '山', '湾', '坪', '店', '岙', '墅', '港', '浦', '洋', '源'];
const SEAT = { peak: 5000, sigmaKm: 2.0 };
const STREET = { peak: 2000, sigmaKm: 1.4 };
const TOWN = { peak: 1200, sigmaKm: 1.1 };
/** Candidates drawn per seat in Mitchell's best-candidate sampling: seats spread out without a grid. */
const SEAT_CANDIDATES = 30;
/** Share of a district's towns that are streets (街道); a county's are its seat and a few around it. */
const STREET_SHARE = { district: 0.7, county: 0.15 };
/** Share of a county's towns, the last, that are townships (乡). */
const TOWNSHIP_SHARE = 0.15;

/**
 * `count` synthetic town seats inside the outline, spread by best-candidate sampling; seat 0,
 * the county seat, is the inside candidate nearest the outline's centre of gravity. Names are
 * invented and unique in the county; streets come first, then towns, then townships (the
 * order of their codes, townCode).
 */
export function syntheticTownSeats(outline: Polygon, count: number, district: boolean, random: Random): TownSeat[] {
  const ring = outline.coordinates[0];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, cx = 0, cy = 0;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x), maxX = Math.max(maxX, x), minY = Math.min(minY, y), maxY = Math.max(maxY, y);
    cx += x, cy += y;
  }
  cx /= ring.length, cy /= ring.length;
  const inside = (): [number, number] => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const x = random.range(minX, maxX), y = random.range(minY, maxY);
      if (pointInRing(x, y, ring)) return [x, y];
    }
    throw new Error('No point found inside the outline');
  };
  const kx = metresPerDegreeLon((minY + maxY) / 2) / METRES_PER_DEGREE_LAT;
  const d2 = (a: [number, number], b: [number, number]) => ((a[0] - b[0]) * kx) ** 2 + (a[1] - b[1]) ** 2;

  const positions: [number, number][] = [];
  let first = inside();
  for (let i = 0; i < SEAT_CANDIDATES; i++) {
    const c = inside();
    if (d2(c, [cx, cy]) < d2(first, [cx, cy])) first = c;
  }
  positions.push(first);
  while (positions.length < count) {
    let best = inside(), bestD = -1;
    for (let i = 0; i < SEAT_CANDIDATES; i++) {
      const c = i === 0 ? best : inside();
      let nearest = Infinity;
      for (const p of positions) nearest = Math.min(nearest, d2(c, p));
      if (nearest > bestD) (bestD = nearest), (best = c);
    }
    positions.push(best);
  }

  const streets = Math.max(1, Math.round(count * (district ? STREET_SHARE.district : STREET_SHARE.county)));
  const townships = district ? 0 : Math.floor(count * TOWNSHIP_SHARE);
  const taken = new Set<string>();
  const name = (kind: TownSeat['kind']) => {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const stem = kind === 'street' && attempt < 200
        ? random.pick(STREET_STEMS)
        : TOWN_FIRST[random.int(TOWN_FIRST.length)] + random.pick(TOWN_SECOND);
      const full = stem + (kind === 'street' ? '街道' : kind === 'town' ? '镇' : '乡');
      if (!taken.has(stem)) return taken.add(stem), full;
    }
    throw new Error('Ran out of town names');
  };
  return positions.map(([lon, lat], i) => {
    const kind: TownSeat['kind'] = i < streets ? 'street' : i >= count - townships ? 'township' : 'town';
    const shape = i === 0 ? SEAT : kind === 'street' ? STREET : TOWN;
    return { name: name(kind), kind, lon, lat, ...shape, industrial: random.chance(0.3) };
  });
}
