import {
  areaCollectionSchema,
  areaDetailSchema,
  type AreaCollection,
  type AreaDetail,
  type AreaTreeLevel,
} from '@gridmap/shared';
import { fetchJson } from './fetch-json.ts';

/** Query keys of areas, a hierarchy so that invalidating ['areas'] refreshes lists and details. */
export const areaKeys = {
  all: ['areas'] as const,
  lists: () => [...areaKeys.all, 'list'] as const,
  list: (level: AreaTreeLevel) => [...areaKeys.lists(), { level }] as const,
  children: (parentId: number) => [...areaKeys.lists(), { parent: parentId }] as const,
  details: () => [...areaKeys.all, 'detail'] as const,
  detail: (id: number) => [...areaKeys.details(), id] as const,
};

/** Every area of one level as GeoJSON (`GET /api/areas?level=`). */
export function fetchAreas(level: AreaTreeLevel, signal?: AbortSignal): Promise<AreaCollection> {
  return fetchJson(`/api/areas?level=${level}`, areaCollectionSchema, signal);
}

/** The children of one area as GeoJSON (`GET /api/areas?parent=`). */
export function fetchAreaChildren(parentId: number, signal?: AbortSignal): Promise<AreaCollection> {
  return fetchJson(`/api/areas?parent=${parentId}`, areaCollectionSchema, signal);
}

/** One area with its figures, path and counts by status (`GET /api/areas/:id`). */
export function fetchAreaDetail(id: number, signal?: AbortSignal): Promise<AreaDetail> {
  return fetchJson(`/api/areas/${id}`, areaDetailSchema, signal);
}
