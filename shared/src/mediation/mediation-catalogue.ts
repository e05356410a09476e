import { z } from 'zod';

/** Kinds of mediation point (调解室 / 调解点), DOMAIN.md. */
export const MEDIATION_KINDS = [
  'conflict_centre', // 社会矛盾纠纷调处化解中心 (矛调中心): county, town
  'people_committee', // 人民调解委员会: community/village, town
  'police_joint', // 警民联调室: police station
  'commercial', // 商事纠纷调解中心 / 调解室: district, street
  'specialised', // 专业调委会 (traffic, medical, labour, property, petition): county
  'psychological', // 社会心理服务中心 / 工作站 / 心理咨询室: 3 levels
  'court', // 诉调对接 / 人民法庭: town, county
] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];
export const mediationKindSchema = z.enum(MEDIATION_KINDS);

/**
 * Opening hours: a list of periods; days are ISO weekdays (1 = Monday … 7 = Sunday), times
 * 'HH:MM' local time (Asia/Shanghai); close '24:00' means until midnight.
 */
export const openingPeriodSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1),
  open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  close: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
});
export type OpeningPeriod = z.infer<typeof openingPeriodSchema>;
