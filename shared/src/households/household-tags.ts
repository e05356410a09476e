import { z } from 'zod';

/** Key groups (重点人群) that must be visited regularly; sensitive personal data (DOMAIN.md). */
export const KEY_GROUP_TAGS = [
  'released_prisoner', // 刑满释放人员
  'community_correction', // 社区矫正人员
  'severe_mental_disorder', // 严重精神障碍患者
  'drug_user', // 吸毒人员
  'key_petitioner', // 信访重点人员
] as const;

/** Every household tag: migrant/renting, elderly living alone, and the key groups. */
export const HOUSEHOLD_TAGS = ['migrant', 'elderly_alone', ...KEY_GROUP_TAGS] as const;
export type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number];
export const householdTagSchema = z.enum(HOUSEHOLD_TAGS);

/** True when the tag marks a key group (sensitive). */
export function isKeyGroupTag(tag: HouseholdTag): boolean {
  return (KEY_GROUP_TAGS as readonly string[]).includes(tag);
}
