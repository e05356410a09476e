import type { AreaLevel } from '../areas/area-level.ts';
import { distanceMetres } from '../geo/metres.ts';
import { INCIDENT_KINDS, type IncidentKind } from '../incidents/incident-catalogue.ts';
import type { MediationKind, OpeningPeriod } from '../mediation/mediation-catalogue.ts';
import type { AreaHierarchy } from './area-hierarchy.ts';
import { randomPointInCell, type CellMesh } from './cell-mesh.ts';
import type { MediationPointRecord } from './county-data.ts';
import { randomLandline } from './person-names.ts';
import { Random } from './random.ts';

const WEEKDAYS: OpeningPeriod[] = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
const WEEKDAYS_AND_SATURDAY: OpeningPeriod[] = [...WEEKDAYS, { days: [6], open: '09:00', close: '12:00' }];
const ALWAYS: OpeningPeriod[] = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }];

/** Civil disputes, which people's mediation committees take. */
const CIVIL: IncidentKind[] = ['neighbour', 'family', 'land', 'property', 'debt'];
const POLICE_JOINT: IncidentKind[] = ['neighbour', 'traffic', 'debt', 'family'];
const COMMERCIAL: IncidentKind[] = ['commercial', 'debt', 'labour'];
const PSYCHOLOGICAL: IncidentKind[] = ['family', 'neighbour', 'petition'];
/** Courts take every civil matter; petitions go to the petition office instead. */
const COURT: IncidentKind[] = INCIDENT_KINDS.filter((k) => k !== 'petition');

/** The county's specialised committees (专业调委会) and the one kind each takes. */
const SPECIALISED: [string, IncidentKind][] = [
  ['道路交通事故人民调解委员会', 'traffic'],
  ['医疗纠纷人民调解委员会', 'medical'],
  ['劳动人事争议调解委员会', 'labour'],
  ['物业纠纷人民调解委员会', 'property'],
  ['信访事项人民调解委员会', 'petition'],
];
/** Towns with a people's tribunal (人民法庭) of the county court. */
const TRIBUNAL_TOWNS = ['枫桥镇', '店口镇', '璜山镇', '牌头镇', '大唐街道', '次坞镇'];
/** Business districts with a commercial mediation room, besides the county centre. */
const COMMERCIAL_TOWNS = ['暨阳街道', '浣东街道', '陶朱街道', '暨南街道', '大唐街道', '店口镇', '山下湖镇'];
/** Town stations of the psychological service besides the county centre. */
const PSYCHOLOGICAL_STATIONS = 8;
/** Share of communities (the largest) with their own people's mediation committee. */
const COMMUNITY_COMMITTEE_SHARE = 0.25;

/**
 * Places the mediation points where they would be (DOMAIN.md): the county centre, committees and
 * court at the county seat; a centre, committee and police room at each town seat; committees
 * in the largest communities; commercial rooms in business districts; psychological stations.
 */
export function placeMediationPoints(mesh: CellMesh, hierarchy: AreaHierarchy, countyName: string, seed: number): MediationPointRecord[] {
  const random = new Random(seed, 'mediation-points');
  const { towns, communities, townOf, communityOf, areas } = hierarchy;
  const cellsOfTown: number[][] = towns.map(() => []);
  townOf.forEach((t, c) => cellsOfTown[t].push(c));
  const points: MediationPointRecord[] = [];
  const city = towns[0];

  const add = (
    kind: MediationKind, level: AreaLevel, areaId: number, name: string, cell: number,
    hours: OpeningPeriod[], disputeKinds: IncidentKind[], mediators: [number, number],
  ) => {
    const [lon, lat] = randomPointInCell(mesh, cell, random);
    const community = communities[communityOf[cell]];
    const address = `${towns[community.town].seat.name}${community.name}${1 + random.int(300)}号`;
    points.push({
      id: points.length + 1, kind, level, areaId, name, lon, lat, address, hours, disputeKinds,
      mediators: mediators[0] + random.int(mediators[1] - mediators[0] + 1), phone: randomLandline(random),
    });
  };
  // A cell of the town within `radiusM` of its seat (the seat itself when none), for offices near the seat.
  const nearSeat = (t: number, radiusM: number) => {
    const seat = towns[t].seatCell;
    const near = cellsOfTown[t].filter((c) => distanceMetres(mesh.innerX[c], mesh.innerY[c], mesh.innerX[seat], mesh.innerY[seat]) <= radiusM);
    return near.length > 0 ? random.pick(near) : seat;
  };
  const townIndex = (name: string) => towns.findIndex((t) => t.seat.name === name);
  const short = (name: string) => name.replace(/(街道|镇|乡)$/, '');

  add('conflict_centre', 'county', 1, `${countyName}社会矛盾纠纷调处化解中心`, city.seatCell, ALWAYS, [...INCIDENT_KINDS], [8, 8]);
  for (const [name, kind] of SPECIALISED) add('specialised', 'county', 1, countyName + name, nearSeat(0, 1500), WEEKDAYS, [kind], [3, 5]);
  add('commercial', 'county', 1, `${countyName}商事纠纷调解中心`, nearSeat(0, 1500), WEEKDAYS, COMMERCIAL, [3, 5]);
  add('psychological', 'county', 1, `${countyName}社会心理服务中心`, nearSeat(0, 1500), WEEKDAYS_AND_SATURDAY, PSYCHOLOGICAL, [3, 6]);
  add('court', 'county', 1, `${countyName}人民法院诉调对接中心`, nearSeat(0, 2000), WEEKDAYS, COURT, [4, 8]);

  towns.forEach((town, t) => {
    const name = town.seat.name;
    add('conflict_centre', 'town', town.areaId, `${name}社会矛盾纠纷调处化解中心`, town.seatCell,
      random.chance(0.4) ? WEEKDAYS_AND_SATURDAY : WEEKDAYS, [...INCIDENT_KINDS], [3, 6]);
    add('people_committee', 'town', town.areaId, `${name}人民调解委员会`, nearSeat(t, 500), WEEKDAYS, CIVIL, [2, 4]);
    add('police_joint', 'town', town.areaId, `${countyName}公安局${short(name)}派出所警民联调室`, nearSeat(t, 1000), ALWAYS, POLICE_JOINT, [2, 3]);
  });

  const largest = communities.map((c, m) => m).sort((a, b) => communities[b].households - communities[a].households || a - b);
  const committees = largest.slice(0, Math.max(1, Math.round(communities.length * COMMUNITY_COMMITTEE_SHARE))).sort((a, b) => a - b);
  const cellsOfCommunity: number[][] = communities.map(() => []);
  communityOf.forEach((m, c) => cellsOfCommunity[m].push(c));
  for (const m of committees) {
    // Where the community's people are: its cell nearest the label point.
    const [lx, ly] = areas[communities[m].areaId - 1].labelPoint;
    const cell = cellsOfCommunity[m].reduce((a, b) =>
      distanceMetres(mesh.innerX[a], mesh.innerY[a], lx, ly) <= distanceMetres(mesh.innerX[b], mesh.innerY[b], lx, ly) ? a : b);
    add('people_committee', 'community', communities[m].areaId, `${communities[m].name}人民调解委员会`, cell, WEEKDAYS, CIVIL, [1, 3]);
  }

  for (const name of COMMERCIAL_TOWNS) {
    const t = townIndex(name);
    if (t >= 0) add('commercial', 'town', towns[t].areaId, `${name}商事纠纷调解室`, nearSeat(t, 1200), WEEKDAYS, COMMERCIAL, [2, 4]);
  }
  const householdsOfTown = towns.map(() => 0);
  communities.forEach((c) => (householdsOfTown[c.town] += c.households));
  const stations = towns.map((_, t) => t).sort((a, b) => householdsOfTown[b] - householdsOfTown[a] || a - b).slice(0, PSYCHOLOGICAL_STATIONS);
  for (const t of stations.sort((a, b) => a - b)) {
    add('psychological', 'town', towns[t].areaId, `${towns[t].seat.name}社会心理服务工作站`, nearSeat(t, 800), WEEKDAYS_AND_SATURDAY, PSYCHOLOGICAL, [1, 3]);
  }
  for (const name of TRIBUNAL_TOWNS) {
    const t = townIndex(name);
    if (t >= 0) add('court', 'town', towns[t].areaId, `${countyName}人民法院${short(name)}人民法庭`, nearSeat(t, 1500), WEEKDAYS, COURT, [2, 5]);
  }
  return points;
}
