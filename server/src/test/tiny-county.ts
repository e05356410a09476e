import {
  nextHandlingState,
  type AreaRecord,
  type CountyData,
  type HouseholdRecord,
  type IncidentEventRecord,
  type IncidentRecord,
  type IncidentStatus,
  type Transition,
} from '@gridmap/shared';

type Polygon = Extract<AreaRecord['geometry'], { type: 'Polygon' }>;

/** The instant the tiny county's figures are stated at (tests pass it as the app's clock). */
export const TINY_NOW = '2025-06-01T00:00:00.000Z';

/** Grid squares of the tiny county, 0.1° on a side: [id, name, minLon, minLat]. */
const GRIDS: [number, string, number, number][] = [
  [4, '西南网格', 120.0, 29.0],
  [5, '东南网格', 120.1, 29.0],
  [6, '西北网格', 120.0, 29.1],
  [7, '东北网格', 120.1, 29.1],
];

function square(minLon: number, minLat: number, side: number): Polygon {
  const maxLon = Math.round((minLon + side) * 10) / 10;
  const maxLat = Math.round((minLat + side) * 10) / 10;
  return {
    type: 'Polygon',
    coordinates: [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]],
  };
}

/**
 * A hand-made county small enough to check by eye: one county, one town and one community
 * covering [120.0, 29.0]–[120.2, 29.2], split into four 0.1° grids; 3 households per grid
 * (12), 9 staff, 3 mediation points and 8 incidents, 4 of them open and 2 of those overdue at
 * TINY_NOW. Returns a fresh object each call, so tests may change it.
 */
export function tinyCounty(): CountyData {
  const whole = square(120.0, 29.0, 0.2);
  const areas: AreaRecord[] = [
    { id: 1, code: '330681000000', name: '小县', level: 'county', parentId: null, geometry: whole, labelPoint: [120.1, 29.1] },
    { id: 2, code: '330681001000', name: '小镇', level: 'town', parentId: 1, geometry: whole, labelPoint: [120.1, 29.1] },
    { id: 3, code: '330681001001', name: '小村', level: 'community', parentId: 2, geometry: whole, labelPoint: [120.1, 29.1] },
    ...GRIDS.map(([id, name, lon, lat], i): AreaRecord => ({
      id,
      code: `330681001001${String(i + 1).padStart(3, '0')}`,
      name,
      level: 'grid',
      parentId: 3,
      geometry: square(lon, lat, 0.1),
      labelPoint: [lon + 0.05, lat + 0.05],
    })),
  ];
  const households: HouseholdRecord[] = GRIDS.flatMap(([gridId, , lon, lat], g) =>
    [0, 1, 2].map((k): HouseholdRecord => {
      const id = g * 3 + k + 1;
      return {
        id,
        gridId,
        lon: lon + 0.02 + 0.03 * k,
        lat: lat + 0.02 + 0.025 * k,
        address: `小村${id}号`,
        size: 1 + (id % 5),
        tags: id === 1 ? ['migrant', 'released_prisoner'] : id % 4 === 0 ? ['migrant'] : id === 7 ? ['elderly_alone'] : [],
        headName: id % 2 === 0 ? '张小明' : '李四',
        phone: `1381234${String(1000 + id)}`,
      };
    }),
  );
  const incident = (
    id: number,
    gridId: number,
    kind: IncidentRecord['kind'],
    status: IncidentRecord['status'],
    reportedAt: string,
    deadlineAt: string,
  ): IncidentRecord => {
    const household = households.find((h) => h.gridId === gridId)!;
    const closed = !['reported', 'accepted', 'assigned', 'mediating', 'failed'].includes(status);
    return {
      id,
      kind,
      status,
      severity: ((id % 3) + 1) as 1 | 2 | 3,
      source: 'patrol',
      level: 'grid',
      originLevel: 'grid',
      description: `事件${id}`,
      lon: household.lon + 0.001,
      lat: household.lat + 0.001,
      gridId,
      householdId: household.id,
      mediationPointId: id % 2 === 0 ? 2 : null,
      assignee: id % 2 === 0 ? '孙调解' : null,
      referredTo: status === 'referred' ? 'court' : null,
      reportedAt,
      deadlineAt,
      resolvedAt: closed ? deadlineAt : null,
      closedAt: status === 'closed' ? deadlineAt : null,
    };
  };
  const incidents: IncidentRecord[] = [
    incident(1, 4, 'neighbour', 'reported', '2025-05-25T02:00:00Z', '2025-06-09T02:00:00Z'),
    incident(2, 4, 'family', 'mediating', '2025-04-01T02:00:00Z', '2025-04-16T02:00:00Z'), // open, overdue
    incident(3, 5, 'land', 'closed', '2024-03-01T02:00:00Z', '2024-03-31T02:00:00Z'),
    incident(4, 5, 'labour', 'failed', '2025-03-01T02:00:00Z', '2025-03-31T02:00:00Z'), // open, overdue
    incident(5, 6, 'neighbour', 'resolved', '2024-11-11T02:00:00Z', '2024-11-26T02:00:00Z'),
    incident(6, 6, 'property', 'accepted', '2025-05-30T02:00:00Z', '2025-06-14T02:00:00Z'),
    incident(7, 7, 'traffic', 'referred', '2024-12-31T23:00:00Z', '2025-01-30T23:00:00Z'),
    incident(8, 7, 'debt', 'followed_up', '2025-01-01T01:00:00Z', '2025-01-31T01:00:00Z'),
  ];
  const hours = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' }];
  return {
    meta: { seed: 1, size: 0, now: TINY_NOW, countyName: '小县', countyCode: '330681000000', source: 'hand-made test fixture' },
    areas,
    households,
    staff: GRIDS.flatMap(([gridId], g) => [
      { id: g * 2 + 1, gridId, role: 'grid_worker' as const, name: '王网格', phone: '13900000001' },
      { id: g * 2 + 2, gridId, role: 'community_police' as const, name: '赵民警', phone: '13900000002' },
    ]).concat([{ id: 9, gridId: 4, role: 'grid_worker', name: '钱网格', phone: '13900000003' }]),
    mediationPoints: [
      { id: 1, kind: 'conflict_centre', level: 'county', areaId: 1, name: '小县矛调中心', lon: 120.11, lat: 29.11, address: '县府路1号', hours, disputeKinds: ['neighbour', 'family', 'land', 'labour', 'petition'], mediators: 6, phone: '0575-87000001' },
      { id: 2, kind: 'people_committee', level: 'community', areaId: 3, name: '小村人民调解委员会', lon: 120.04, lat: 29.04, address: '小村1号', hours, disputeKinds: ['neighbour', 'family', 'land'], mediators: 3, phone: '0575-87000002' },
      { id: 3, kind: 'police_joint', level: 'town', areaId: 2, name: '小镇警民联调室', lon: 120.15, lat: 29.16, address: '镇前街2号', hours, disputeKinds: ['traffic', 'neighbour', 'debt'], mediators: 2, phone: '0575-87000003' },
    ],
    incidents,
    incidentEvents: incidents.flatMap(timelineOf).map((event, i) => ({ ...event, id: i + 1 })),
    hotspots: [{ id: 1, name: '西南角', lon: 120.03, lat: 29.03, radiusM: 500, kind: 'neighbour', count: 2, from: '2025-04-01' }],
  };
}

/** The shortest way through the handling cycle to each status (referred cases via failure). */
const PATH_TO: Record<IncidentStatus, Transition[]> = {
  reported: [],
  accepted: ['accept'],
  assigned: ['accept', 'assign'],
  mediating: ['accept', 'assign', 'start_mediation'],
  resolved: ['accept', 'assign', 'start_mediation', 'resolve'],
  failed: ['accept', 'assign', 'start_mediation', 'fail'],
  referred: ['accept', 'assign', 'start_mediation', 'fail', 'refer'],
  followed_up: ['accept', 'assign', 'start_mediation', 'resolve', 'follow_up'],
  closed: ['accept', 'assign', 'start_mediation', 'resolve', 'follow_up', 'close'],
};

/** A timeline for a fixture incident: intake, then one step an hour along PATH_TO its status. */
function timelineOf(incident: IncidentRecord): Omit<IncidentEventRecord, 'id'>[] {
  const hour = (n: number) => new Date(Date.parse(incident.reportedAt) + n * 3_600_000).toISOString();
  const base = { incidentId: incident.id, actor: '网格员', note: '', mediationPointId: null, assignee: null, referredTo: null, reason: null };
  const events: Omit<IncidentEventRecord, 'id'>[] = [
    { ...base, kind: 'report', at: hour(0), fromStatus: null, toStatus: 'reported', fromLevel: null, toLevel: incident.originLevel },
  ];
  let state = { status: 'reported' as IncidentStatus, level: incident.originLevel };
  for (const [n, transition] of PATH_TO[incident.status].entries()) {
    const next = nextHandlingState(state, transition)!;
    events.push({
      ...base, kind: transition, at: hour(n + 1), fromStatus: state.status, toStatus: next.status,
      fromLevel: state.level, toLevel: next.level,
      mediationPointId: transition === 'assign' ? incident.mediationPointId : null,
      assignee: transition === 'assign' ? incident.assignee : null,
      referredTo: transition === 'refer' ? incident.referredTo : null,
    });
    state = next;
  }
  return events;
}
