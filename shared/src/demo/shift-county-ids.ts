import type { CountyData } from './county-data.ts';

/** What is already in the database before a county is appended: each table's largest id. */
export interface IdOffsets {
  areas: number;
  households: number;
  staff: number;
  mediationPoints: number;
  incidents: number;
  incidentEvents: number;
  hotspots: number;
}

export const NO_OFFSETS: IdOffsets = { areas: 0, households: 0, staff: 0, mediationPoints: 0, incidents: 0, incidentEvents: 0, hotspots: 0 };

/**
 * Moves a generated county's ids (all 1-based) past `offsets` and hangs its county area under
 * `parentId`, so that many counties fit in one database. Changes `data` in place: a province
 * streams ~25 million records through this and copying each would double the writer's work.
 * Returns the offsets after this county.
 */
export function shiftCountyIds(data: CountyData, offsets: IdOffsets, parentId: number | null): IdOffsets {
  const o = offsets;
  for (const a of data.areas) {
    a.id += o.areas;
    a.parentId = a.parentId === null ? parentId : a.parentId + o.areas;
  }
  for (const h of data.households) (h.id += o.households), (h.gridId += o.areas);
  for (const s of data.staff) (s.id += o.staff), (s.gridId += o.areas);
  for (const m of data.mediationPoints) (m.id += o.mediationPoints), (m.areaId += o.areas);
  for (const i of data.incidents) {
    i.id += o.incidents;
    i.gridId += o.areas;
    if (i.householdId !== null) i.householdId += o.households;
    if (i.mediationPointId !== null) i.mediationPointId += o.mediationPoints;
  }
  for (const e of data.incidentEvents) {
    e.id += o.incidentEvents;
    e.incidentId += o.incidents;
    if (e.mediationPointId !== null) e.mediationPointId += o.mediationPoints;
  }
  for (const h of data.hotspots) h.id += o.hotspots;
  return {
    areas: o.areas + data.areas.length,
    households: o.households + data.households.length,
    staff: o.staff + data.staff.length,
    mediationPoints: o.mediationPoints + data.mediationPoints.length,
    incidents: o.incidents + data.incidents.length,
    incidentEvents: o.incidentEvents + data.incidentEvents.length,
    hotspots: o.hotspots + data.hotspots.length,
  };
}
