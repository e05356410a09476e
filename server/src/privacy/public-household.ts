import { isKeyGroupTag, type householdPropertiesSchema } from '@gridmap/shared';
import type { z } from 'zod';
import type { HouseholdRow } from '../db/households-sql.ts';
import { maskName, maskPhone } from './mask-contact.ts';

export type PublicHousehold = z.infer<typeof householdPropertiesSchema>;

/**
 * What a role without `see_personal` (planner, official) sees of a household, in lists and
 * alone alike: the head's name and phone masked, and only the tags that are not sensitive
 * (migrant, elderly_alone). Key-group tags (KEY_GROUP_TAGS: released prisoners, people under
 * community correction, …) say something about a person that only the staff in charge may know
 * (household-view.ts decides who that is).
 */
export function publicHousehold(h: HouseholdRow): PublicHousehold {
  return {
    id: h.id,
    gridId: h.gridId,
    address: h.address,
    size: h.size,
    tags: h.tags.filter((tag) => !isKeyGroupTag(tag)),
    headName: maskName(h.headName),
    phone: maskPhone(h.phone),
  };
}
