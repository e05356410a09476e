import type { HouseholdTag } from '../households/household-tags.ts';
import type { AreaHierarchy } from './area-hierarchy.ts';
import { randomPointInCell, type CellMesh } from './cell-mesh.ts';
import type { HouseholdRecord } from './county-data.ts';
import { industrialPull } from './household-density.ts';
import { randomMobile, randomPersonName } from './person-names.ts';
import { Random } from './random.ts';
import type { TownSeat } from './zhuji-towns.ts';

/** Households at size 1. */
export const HOUSEHOLDS_AT_FULL_SIZE = 400_000;

/** Share of households that are migrants/renting (流动人口), on average over the county. */
export const MIGRANT_RATE = 0.12;
/** Share of households that are an elderly person living alone (独居老人). */
export const ELDERLY_ALONE_RATE = 0.06;
/** Share of households with each key group (重点人群): all well under 1 %. */
export const KEY_GROUP_RATES = {
  released_prisoner: 0.003,
  community_correction: 0.0015,
  severe_mental_disorder: 0.004,
  drug_user: 0.001,
  key_petitioner: 0.001,
} as const;

/** Residents per household 1–8; local families (mean ~3.2) and migrant households (mean ~2.4). */
const LOCAL_SIZES = [0.1, 0.25, 0.27, 0.19, 0.11, 0.05, 0.02, 0.01];
const MIGRANT_SIZES = [0.25, 0.35, 0.22, 0.12, 0.04, 0.02, 0, 0];

/** Largest migrant probability of one household, however industrial its place. */
const MAX_MIGRANT_PROBABILITY = 0.6;

/**
 * Places `householdsOfCell[c]` households in each cell, grid by grid so that ids run by grid.
 * In 社区 households live in apartment buildings (several households at one point, addressed
 * 幢/单元/室); in 村 each household has its own house (addressed 号).
 */
export function placeHouseholds(
  mesh: CellMesh,
  hierarchy: AreaHierarchy,
  householdsOfCell: Int32Array,
  seats: readonly TownSeat[],
  seed: number,
): HouseholdRecord[] {
  const random = new Random(seed, 'households');
  const { communities, grids, gridOf, communityOf } = hierarchy;

  // Calibrate the tag weights so that the county-wide rates come out as stated.
  const migrantWeight = Float64Array.from(mesh.innerX, (x, c) => 1 + 5 * industrialPull(x, mesh.innerY[c], seats) + (communities[communityOf[c]].urban ? 1.5 : 0));
  const elderlyWeight = Float64Array.from(communityOf, (m) => (communities[m].urban ? 0.6 : 1.4));
  let total = 0, migrantSum = 0, elderlySum = 0;
  householdsOfCell.forEach((n, c) => ((total += n), (migrantSum += n * migrantWeight[c]), (elderlySum += n * elderlyWeight[c])));
  const migrantScale = (MIGRANT_RATE * total) / migrantSum;
  const elderlyScale = (ELDERLY_ALONE_RATE * total) / elderlySum;

  const cellsOfGrid: number[][] = grids.map(() => []);
  gridOf.forEach((g, c) => cellsOfGrid[g].push(c));
  const addressCounter = communities.map(() => 0);
  const households: HouseholdRecord[] = [];
  grids.forEach((grid, g) => {
    const community = communities[grid.community];
    const town = seats[community.town].name;
    for (const c of cellsOfGrid[g]) {
      let left = householdsOfCell[c];
      while (left > 0) {
        const [lon, lat] = randomPointInCell(mesh, c, random);
        const addresses: string[] = [];
        if (community.urban) {
          // One apartment building: 1–3 units, 6/11/18 floors, 2 flats a floor.
          const building = ++addressCounter[grid.community];
          const units = 1 + random.int(3);
          const floors = random.pick([6, 6, 11, 18]);
          for (let k = 0; k < Math.min(left, units * floors * 2); k++) {
            const unit = 1 + (k % units);
            const floor = 1 + Math.floor(k / (units * 2));
            const flat = 1 + (Math.floor(k / units) % 2);
            addresses.push(`${town}${community.name}${building}幢${unit}单元${floor * 100 + flat}室`);
          }
        } else {
          addresses.push(`${town}${community.name}${++addressCounter[grid.community]}号`);
        }
        for (const address of addresses) {
          const tags = drawTags(random, migrantWeight[c] * migrantScale, elderlyWeight[c] * elderlyScale);
          const size = tags.includes('elderly_alone')
            ? 1
            : 1 + random.weightedIndex(tags.includes('migrant') ? MIGRANT_SIZES : LOCAL_SIZES);
          households.push({
            id: households.length + 1,
            gridId: grid.areaId,
            lon,
            lat,
            address,
            size,
            tags,
            headName: randomPersonName(random),
            phone: randomMobile(random),
          });
        }
        left -= addresses.length;
      }
    }
  });
  return households;
}

function drawTags(random: Random, migrantP: number, elderlyP: number): HouseholdTag[] {
  const tags: HouseholdTag[] = [];
  const roll = random.next();
  if (roll < Math.min(MAX_MIGRANT_PROBABILITY, migrantP)) tags.push('migrant');
  else if (random.next() < elderlyP / (1 - migrantP)) tags.push('elderly_alone');
  for (const [tag, rate] of Object.entries(KEY_GROUP_RATES) as [HouseholdTag, number][]) if (random.chance(rate)) tags.push(tag);
  return tags;
}
