import { z } from 'zod';

/** The staff team of a grid (Beichen: 1 community police officer, 1 auxiliary, 2 grid workers). */
export const STAFF_ROLES = ['grid_worker', 'community_police', 'auxiliary_police'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const staffRoleSchema = z.enum(STAFF_ROLES);
