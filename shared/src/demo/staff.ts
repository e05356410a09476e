import type { StaffRole } from '../staff/staff-roles.ts';
import type { StaffRecord } from './county-data.ts';
import { randomMobile, randomPersonName } from './person-names.ts';
import { Random } from './random.ts';

/** The team of every grid (Beichen model, DOMAIN.md): 2 grid workers, 1 community police officer, 1 auxiliary. */
export const GRID_TEAM: readonly StaffRole[] = ['grid_worker', 'grid_worker', 'community_police', 'auxiliary_police'];

/** Staff for each grid, in grid order. */
export function assignStaff(gridIds: readonly number[], seed: number): StaffRecord[] {
  const random = new Random(seed, 'staff');
  const staff: StaffRecord[] = [];
  for (const gridId of gridIds) {
    for (const role of GRID_TEAM) {
      staff.push({ id: staff.length + 1, gridId, role, name: randomPersonName(random), phone: randomMobile(random) });
    }
  }
  return staff;
}
