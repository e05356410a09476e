/**
 * The 23 towns and streets (乡镇街道) of Zhuji 诸暨市 with rough real positions of their seats.
 * Names are real; positions are approximate (to a few km) and everything below them (borders,
 * villages, people) is synthetic. `peak` and `sigmaKm` shape the household density around the
 * seat (a Gaussian), `industrial` marks towns that draw migrant workers.
 */
export interface TownSeat {
  name: string;
  /** 街道 (street, urban), 镇 (town) or 乡 (township). */
  kind: 'street' | 'town' | 'township';
  lon: number;
  lat: number;
  /** Households per km² at the seat at size 1, on top of the rural background. */
  peak: number;
  /** Spread of the settlement around the seat, in km. */
  sigmaKm: number;
  industrial: boolean;
}

const CITY = { peak: 5000, sigmaKm: 2.0 };
const STREET = { peak: 2000, sigmaKm: 1.4 };
const LARGE_TOWN = { peak: 2000, sigmaKm: 1.4 };
const TOWN = { peak: 1200, sigmaKm: 1.1 };

/** Town seats in code order: the 5 streets (001–005), then the towns (101–117), then the township (201). */
export const ZHUJI_TOWNS: readonly TownSeat[] = [
  { name: '暨阳街道', kind: 'street', lon: 120.236, lat: 29.713, ...CITY, industrial: true },
  { name: '浣东街道', kind: 'street', lon: 120.262, lat: 29.722, ...STREET, industrial: false },
  { name: '陶朱街道', kind: 'street', lon: 120.245, lat: 29.748, ...STREET, industrial: true },
  { name: '暨南街道', kind: 'street', lon: 120.218, lat: 29.678, ...STREET, industrial: false },
  { name: '大唐街道', kind: 'street', lon: 120.165, lat: 29.640, ...LARGE_TOWN, industrial: true },
  { name: '枫桥镇', kind: 'town', lon: 120.420, lat: 29.725, ...LARGE_TOWN, industrial: false },
  { name: '店口镇', kind: 'town', lon: 120.295, lat: 29.895, ...LARGE_TOWN, industrial: true },
  { name: '次坞镇', kind: 'town', lon: 120.185, lat: 29.905, ...LARGE_TOWN, industrial: true },
  { name: '牌头镇', kind: 'town', lon: 120.195, lat: 29.585, ...LARGE_TOWN, industrial: false },
  { name: '璜山镇', kind: 'town', lon: 120.330, lat: 29.540, ...TOWN, industrial: false },
  { name: '五泄镇', kind: 'town', lon: 120.060, lat: 29.735, ...TOWN, industrial: false },
  { name: '东白湖镇', kind: 'town', lon: 120.405, lat: 29.565, ...TOWN, industrial: false },
  { name: '安华镇', kind: 'town', lon: 120.165, lat: 29.530, ...TOWN, industrial: false },
  { name: '草塔镇', kind: 'town', lon: 120.135, lat: 29.690, ...TOWN, industrial: false },
  { name: '应店街镇', kind: 'town', lon: 120.080, lat: 29.810, ...TOWN, industrial: false },
  { name: '山下湖镇', kind: 'town', lon: 120.270, lat: 29.830, ...LARGE_TOWN, industrial: true },
  { name: '姚江镇', kind: 'town', lon: 120.330, lat: 29.815, ...TOWN, industrial: true },
  { name: '岭北镇', kind: 'town', lon: 120.470, lat: 29.600, ...TOWN, industrial: false },
  { name: '同山镇', kind: 'town', lon: 120.060, lat: 29.590, ...TOWN, industrial: false },
  { name: '赵家镇', kind: 'town', lon: 120.450, lat: 29.800, ...TOWN, industrial: false },
  { name: '马剑镇', kind: 'town', lon: 119.985, lat: 29.790, ...TOWN, industrial: false },
  { name: '陈宅镇', kind: 'town', lon: 120.380, lat: 29.500, ...TOWN, industrial: false },
  { name: '东和乡', kind: 'township', lon: 120.490, lat: 29.690, ...TOWN, industrial: false },
];

/** 诸暨市's administrative division code; towns add a 3-digit serial at positions 7–9. */
export const ZHUJI_COUNTY_CODE = '330681000000';

/**
 * The 12-digit code of the n-th town of its kind (n from 1), following GB/T 10114: streets
 * 001–099, towns 101–199, townships 201–299.
 */
export function townCode(countyCode: string, kind: TownSeat['kind'], n: number): string {
  const base = kind === 'street' ? 0 : kind === 'town' ? 100 : 200;
  return countyCode.slice(0, 6) + String(base + n).padStart(3, '0') + '000';
}
