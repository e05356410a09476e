import {
  INCIDENT_KINDS,
  dayNumberOfCountyWeek,
  heatCollectionSchema,
  hotspotCollectionSchema,
  isoDateOfDayNumber,
  warningListSchema,
  type HotspotUnit,
} from '@gridmap/shared';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchJson } from '../../api/fetch-json.ts';
import { windowFromWeek, type AnalysisFilters } from '../../layers/heat/heat-filters.ts';

/** The heat points change only with the data; warnings follow the clock too: refetched after this, in ms. */
const HEAT_STALE_MS = 5 * 60_000;
const WARNINGS_REFETCH_MS = 60_000;

export const analysisKeys = {
  all: ['analysis'] as const,
  heat: () => [...analysisKeys.all, 'heat'] as const,
  hotspots: (query: string) => [...analysisKeys.all, 'hotspots', query] as const,
  warnings: () => [...analysisKeys.all, 'warnings'] as const,
};

/** Every incident as a heat point, fetched once; the slider only changes the layer filter. */
export const heatQueryOptions = queryOptions({
  queryKey: analysisKeys.heat(),
  queryFn: ({ signal }) => fetchJson('/api/heat', heatCollectionSchema, signal),
  staleTime: HEAT_STALE_MS,
});

export interface HotspotSettings {
  unit: HotspotUnit;
  /** H3 resolution, or 'auto' to follow the zoom (see resolutionForZoom). */
  resolution: 'auto' | 7 | 8 | 9;
  fdr: boolean;
}

/**
 * The H3 resolution that suits a zoom: res 7 (~5 km², edge ~1.4 km) over the whole county,
 * res 8 (~0.7 km²) at town zoom, res 9 (~0.1 km²) at community zoom and closer.
 */
export function resolutionForZoom(zoom: number): 7 | 8 | 9 {
  return zoom < 10.5 ? 7 : zoom < 12.5 ? 8 : 9;
}

/** The `/api/hotspots` query string for the analysis window and settings. */
export function hotspotQueryString(filters: AnalysisFilters, settings: HotspotSettings, zoom: number): string {
  const params = new URLSearchParams({ unit: settings.unit });
  if (settings.unit === 'hex') {
    params.set('resolution', String(settings.resolution === 'auto' ? resolutionForZoom(zoom) : settings.resolution));
  }
  const from = windowFromWeek(filters);
  if (Number.isFinite(from)) params.set('from', isoDateOfDayNumber(dayNumberOfCountyWeek(from)));
  params.set('to', isoDateOfDayNumber(dayNumberOfCountyWeek(filters.toWeek) + 6));
  if (filters.kinds.length < INCIDENT_KINDS.length && filters.kinds.length > 0) params.set('kind', filters.kinds.join(','));
  if (!settings.fdr) params.set('fdr', 'false');
  // The map draws only significant cells; the rest of a res-9 answer would be ~1 MB gzipped per step.
  params.set('cells', 'significant');
  return params.toString();
}

export function hotspotsQueryOptions(query: string) {
  return queryOptions({
    queryKey: analysisKeys.hotspots(query),
    queryFn: ({ signal }) => fetchJson(`/api/hotspots?${query}`, hotspotCollectionSchema, signal),
    staleTime: HEAT_STALE_MS,
    // While the slider plays, keep the last classes on the map until the next arrive.
    placeholderData: keepPreviousData,
  });
}

export const warningsQueryOptions = queryOptions({
  queryKey: analysisKeys.warnings(),
  queryFn: ({ signal }) => fetchJson('/api/warnings', warningListSchema, signal),
  refetchInterval: WARNINGS_REFETCH_MS,
});
