import { z } from 'zod';
import { incidentCollectionSchema } from './points-api.ts';

/** Columns the incident list sorts by; every sort breaks ties by id, so a keyset cursor is exact. */
export const INCIDENT_SORT_KEYS = ['id', 'reportedAt', 'deadlineAt', 'severity'] as const;
export type IncidentSortKey = (typeof INCIDENT_SORT_KEYS)[number];

/** `sort=` values: a key ascending, or `-key` descending (`-reportedAt`: newest first). */
export const INCIDENT_SORTS = INCIDENT_SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);
export type IncidentSort = IncidentSortKey | `-${IncidentSortKey}`;
export const incidentSortSchema = z.enum(INCIDENT_SORTS as [IncidentSort, ...IncidentSort[]]);

/** The list's default order: as before issue 7, by id, which GIS tools paging a layer rely on. */
export const DEFAULT_INCIDENT_SORT: IncidentSort = 'id';

/** `GET /api/incidents`: a page of the selection, with how many incidents the whole selection holds. */
export const incidentListSchema = incidentCollectionSchema.extend({
  /** Incidents matching the filters, over all pages (OGC API Features' numberMatched). */
  numberMatched: z.number().int(),
});
export type IncidentList = z.infer<typeof incidentListSchema>;
