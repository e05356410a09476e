import type { AreaRecord } from './county-data.ts';
import { apportion } from './apportion.ts';
import type { CellMesh } from './cell-mesh.ts';
import { growRegions } from './grow-regions.ts';
import { kMeansSeeds } from './k-means-seeds.ts';
import { chineseNumber, randomCommunityName } from './place-names.ts';
import { Random } from './random.ts';
import { regionLabelPoints, regionPolygons } from './region-polygons.ts';
import { ValueNoise } from './value-noise.ts';
import { townCode, type TownSeat } from './zhuji-towns.ts';
import { distanceMetres, METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';

/** Communities (社区/村) in the full county (Zhuji has about 500). */
export const COMMUNITIES_AT_FULL_SIZE = 500;
/** Grids in the full county, about 200 households each. */
export const GRIDS_AT_FULL_SIZE = 2000;

/** Scale of the noise that bends the borders of each level, in lattice steps. */
const BORDER_NOISE_STEPS = { town: 40, community: 12, grid: 5 };
/** Largest displacement of the border domain warp, as a share of the noise scale. */
const BORDER_WARP = 0.45;

export interface TownInfo {
  seat: TownSeat;
  areaId: number;
  seatCell: number;
}

export interface CommunityInfo {
  areaId: number;
  town: number;
  name: string;
  /** 社区 in the streets (addresses by building), 村 in the towns (addresses by house number). */
  urban: boolean;
  households: number;
}

export interface GridInfo {
  areaId: number;
  community: number;
}

/** The partition of the cells into towns, communities and grids, and their area records. */
export interface AreaHierarchy {
  areas: AreaRecord[];
  towns: TownInfo[];
  communities: CommunityInfo[];
  grids: GridInfo[];
  /** Per cell: index into towns, communities, grids. */
  townOf: Int32Array;
  communityOf: Int32Array;
  gridOf: Int32Array;
}

export interface HierarchyInput {
  mesh: CellMesh;
  /** Households drawn into each cell. */
  householdsOfCell: Int32Array;
  seats: readonly TownSeat[];
  countyName: string;
  countyCode: string;
  size: number;
  stepM: number;
  seed: number;
  /** Totals that otherwise follow `size` (COMMUNITIES_AT_FULL_SIZE, GRIDS_AT_FULL_SIZE × size). */
  communityTotal?: number;
  gridTotal?: number;
}

/** Splits the county into towns around their seats, then communities and grids by households. */
export function buildAreaHierarchy(input: HierarchyInput): AreaHierarchy {
  const { mesh, householdsOfCell, seats, size, stepM, seed } = input;
  const random = new Random(seed, 'areas');
  const noise = (steps: number, stream: string): [Float64Array, Float64Array] => {
    const { x0, y0, dx, dy, nx, ny } = mesh.lattice;
    const scaleM = steps * stepM;
    const fieldX = new ValueNoise(x0, y0, x0 + nx * dx, y0 + ny * dy, scaleM, new Random(seed, `${stream}-x`));
    const fieldY = new ValueNoise(x0, y0, x0 + nx * dx, y0 + ny * dy, scaleM, new Random(seed, `${stream}-y`));
    // Domain warp: each cell is moved by up to BORDER_WARP × the noise scale before distances to
    // seeds are measured, so borders curve instead of running straight between seeds.
    const kx = metresPerDegreeLon((y0 + y0 + ny * dy) / 2);
    const amplitude = BORDER_WARP * scaleM;
    const warpedX = Float64Array.from(mesh.innerX, (x, c) => x * kx + amplitude * (2 * fieldX.at(x, mesh.innerY[c]) - 1));
    const warpedY = Float64Array.from(mesh.innerY, (y, c) => y * METRES_PER_DEGREE_LAT + amplitude * (2 * fieldY.at(mesh.innerX[c], y) - 1));
    return [warpedX, warpedY];
  };

  // Towns: grown from the cells nearest their real seats.
  const taken = new Set<number>();
  const seatCells = seats.map((seat) => {
    let best = -1, bestD = Infinity;
    for (let c = 0; c < mesh.cellCount; c++) {
      if (taken.has(c)) continue;
      const d = distanceMetres(seat.lon, seat.lat, mesh.innerX[c], mesh.innerY[c]);
      if (d < bestD) (bestD = d), (best = c);
    }
    taken.add(best);
    return best;
  });
  const townOf = growRegions(mesh, seatCells, null, ...noise(BORDER_NOISE_STEPS.town, 'town-borders'));

  // Communities: a count per town proportional to its households, seeds by k-means.
  const communityTotal = Math.max(seats.length, input.communityTotal ?? Math.round(COMMUNITIES_AT_FULL_SIZE * size));
  const communities = seedChildren(mesh, townOf, seatCells, communityTotal, householdsOfCell, random);
  const communitySeeds = communities.seeds;
  const communityTown = communities.parentOfSeed;
  const communityOf = growRegions(mesh, communitySeeds, townOf, ...noise(BORDER_NOISE_STEPS.community, 'community-borders'));

  // Grids: ~200 households each, at least one per community.
  const gridTotal = Math.max(communitySeeds.length, input.gridTotal ?? Math.round(GRIDS_AT_FULL_SIZE * size));
  const grids = seedChildren(mesh, communityOf, communitySeeds, gridTotal, householdsOfCell, random);
  const gridSeeds = grids.seeds;
  const gridCommunity = grids.parentOfSeed;
  const householdsOfCommunity = grids.householdsOfParent;
  const gridOf = growRegions(mesh, gridSeeds, communityOf, ...noise(BORDER_NOISE_STEPS.grid, 'grid-borders'));

  return nameAreas(input, random, { seatCells, townOf, communityOf, gridOf, communityTown, gridCommunity, householdsOfCommunity });
}

/**
 * Seeds of the children of every parent region: `total` children shared out by households (at
 * least one each), placed by weighted k-means inside the parent and numbered outwards from the
 * parent's own seed, so that child 001 is the one at the parent's centre.
 */
function seedChildren(
  mesh: CellMesh,
  parentOf: Int32Array,
  parentSeeds: readonly number[],
  total: number,
  householdsOfCell: ArrayLike<number>,
  random: Random,
): { seeds: number[]; parentOfSeed: number[]; householdsOfParent: number[] } {
  const cellsOfParent = groupCells(parentOf, parentSeeds.length);
  const householdsOfParent = cellsOfParent.map((cells) => cells.reduce((sum, c) => sum + householdsOfCell[c], 0));
  const perParent = apportion(total, householdsOfParent, 1, cellsOfParent.map((cells) => cells.length));
  const seeds: number[] = [];
  const parentOfSeed: number[] = [];
  cellsOfParent.forEach((cells, p) => {
    const children = kMeansSeeds(mesh, cells, householdsOfCell, perParent[p], random);
    const centre = parentSeeds[p];
    children.sort((a, b) => cellDistance(mesh, centre, a) - cellDistance(mesh, centre, b));
    for (const s of children) (seeds.push(s), parentOfSeed.push(p));
  });
  return { seeds, parentOfSeed, householdsOfParent };
}

function nameAreas(
  input: HierarchyInput,
  random: Random,
  parts: {
    seatCells: number[];
    townOf: Int32Array;
    communityOf: Int32Array;
    gridOf: Int32Array;
    communityTown: number[];
    gridCommunity: number[];
    householdsOfCommunity: number[];
  },
): AreaHierarchy {
  const { mesh, seats, countyName, countyCode } = input;
  const { seatCells, townOf, communityOf, gridOf, communityTown, gridCommunity, householdsOfCommunity } = parts;
  const areas: AreaRecord[] = [];
  const county = regionPolygons(mesh, new Int32Array(mesh.cellCount), 1)[0];
  areas.push({
    id: 1, code: countyCode, name: countyName, level: 'county', parentId: null, geometry: county,
    labelPoint: [mesh.innerX[seatCells[0]], mesh.innerY[seatCells[0]]],
  });

  const townPolygons = regionPolygons(mesh, townOf, seats.length);
  const townLabels = regionLabelPoints(mesh, townOf, seats.length);
  const kindCount = { street: 0, town: 0, township: 0 };
  const towns: TownInfo[] = seats.map((seat, t) => {
    const code = townCode(countyCode, seat.kind, ++kindCount[seat.kind]);
    const areaId = areas.length + 1;
    areas.push({ id: areaId, code, name: seat.name, level: 'town', parentId: 1, geometry: townPolygons[t], labelPoint: townLabels[t] });
    return { seat, areaId, seatCell: seatCells[t] };
  });

  const communityPolygons = regionPolygons(mesh, communityOf, communityTown.length);
  const communityLabels = regionLabelPoints(mesh, communityOf, communityTown.length);
  const namesOfTown = seats.map(() => new Set<string>());
  const serialOfTown = seats.map(() => 0);
  const communities: CommunityInfo[] = communityTown.map((t, m) => {
    const urban = seats[t].kind === 'street';
    const name = randomCommunityName(random, urban, namesOfTown[t]);
    // GB/T 10114 village codes: 001–199 居委会 (社区), 200–399 村委会 (村).
    const serial = (urban ? 0 : 200) + ++serialOfTown[t];
    const town = areas[towns[t].areaId - 1];
    const code = town.code.slice(0, 9) + String(serial).padStart(3, '0');
    const areaId = areas.length + 1;
    areas.push({ id: areaId, code, name, level: 'community', parentId: towns[t].areaId, geometry: communityPolygons[m], labelPoint: communityLabels[m] });
    return { areaId, town: t, name, urban, households: householdsOfCommunity[m] };
  });

  const gridPolygons = regionPolygons(mesh, gridOf, gridCommunity.length);
  const gridLabels = regionLabelPoints(mesh, gridOf, gridCommunity.length);
  const serialOfCommunity = communities.map(() => 0);
  const grids: GridInfo[] = gridCommunity.map((m, g) => {
    const serial = ++serialOfCommunity[m];
    const community = areas[communities[m].areaId - 1];
    const areaId = areas.length + 1;
    areas.push({
      id: areaId,
      code: community.code + String(serial).padStart(3, '0'),
      name: `${community.name}第${chineseNumber(serial)}网格`,
      level: 'grid',
      parentId: community.id,
      geometry: gridPolygons[g],
      labelPoint: gridLabels[g],
    });
    return { areaId, community: m };
  });

  return { areas, towns, communities, grids, townOf, communityOf, gridOf };
}

function groupCells(regionOf: Int32Array, count: number): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  regionOf.forEach((r, c) => {
    if (r < 0) throw new Error(`Cell ${c} was reached by no region`);
    groups[r].push(c);
  });
  return groups;
}

function cellDistance(mesh: CellMesh, a: number, b: number): number {
  return distanceMetres(mesh.innerX[a], mesh.innerY[a], mesh.innerX[b], mesh.innerY[b]);
}
