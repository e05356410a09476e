import type { IncidentKind } from '../incidents/incident-catalogue.ts';
import { locateCell } from './cell-mesh.ts';
import type { PlantedHotspot } from './county-data.ts';
import { DAY_MS } from './incident-timeline.ts';
import { makeIncident, offsetPoint, seasonalTime, type DraftIncident, type IncidentContext } from './incidents.ts';

/** Extra incidents per hot spot at size 1; never fewer than HOTSPOT_MIN_COUNT, so small counties still show them. */
export const HOTSPOT_COUNT_AT_FULL_SIZE = 400;
export const HOTSPOT_MIN_COUNT = 30;
/** The rising cluster covers the last 8 weeks (for early warning). */
const RISING_DAYS = 56;
const RISING_KINDS: IncidentKind[] = ['neighbour', 'property', 'debt', 'family'];

interface HotspotPlan {
  name: string;
  centre: [number, number];
  radiusM: number;
  kind: IncidentKind | null;
  days: number;
  rising: boolean;
}

/**
 * Plants four hot spots on top of the background: property disputes in a city-centre community,
 * land disputes in a village, labour disputes in 店口's industrial area, and a mixed cluster
 * rising over the last 8 weeks. Returns them and their incidents.
 */
export function plantHotspots(ctx: IncidentContext, size: number): { hotspots: PlantedHotspot[]; incidents: DraftIncident[] } {
  const { hierarchy, mesh, random, now } = ctx;
  const count = Math.max(HOTSPOT_MIN_COUNT, Math.round(HOTSPOT_COUNT_AT_FULL_SIZE * size));
  const households = ctx.householdsOfCell;
  const townNamed = (name: string) => Math.max(0, hierarchy.towns.findIndex((t) => t.seat.name === name));
  // The busiest cell of a town (optionally only urban or rural communities): where a cluster would show.
  const busiestCell = (town: number, urban: boolean | null) => {
    let best = hierarchy.towns[town].seatCell, most = -1;
    for (let c = 0; c < mesh.cellCount; c++) {
      if (hierarchy.townOf[c] !== town) continue;
      if (urban !== null && hierarchy.communities[hierarchy.communityOf[c]].urban !== urban) continue;
      if (households[c] > most) (most = households[c]), (best = c);
    }
    return best;
  };
  const at = (cell: number): [number, number] => [mesh.innerX[cell], mesh.innerY[cell]];
  const nameOf = (cell: number) => {
    const community = hierarchy.communities[hierarchy.communityOf[cell]];
    return hierarchy.towns[community.town].seat.name + community.name;
  };

  const city = busiestCell(townNamed('暨阳街道'), true);
  const village = busiestCell(townNamed('枫桥镇'), false);
  const factory = hierarchy.towns[townNamed('店口镇')].seatCell;
  const rising = busiestCell(townNamed('山下湖镇'), null);
  const plans: HotspotPlan[] = [
    { name: `${nameOf(city)}物业纠纷聚集`, centre: at(city), radiusM: 400, kind: 'property', days: 365, rising: false },
    { name: `${nameOf(village)}宅基地纠纷聚集`, centre: at(village), radiusM: 600, kind: 'land', days: 730, rising: false },
    { name: `${nameOf(factory)}工业区劳动争议聚集`, centre: at(factory), radiusM: 800, kind: 'labour', days: 365, rising: false },
    { name: `${nameOf(rising)}近期矛盾上升`, centre: at(rising), radiusM: 300, kind: null, days: RISING_DAYS, rising: true },
  ];

  const hotspots: PlantedHotspot[] = [];
  const incidents: DraftIncident[] = [];
  plans.forEach((plan, h) => {
    const from = now - plan.days * DAY_MS;
    for (let i = 0; i < count; i++) {
      let x = plan.centre[0], y = plan.centre[1], cell = -1;
      for (let attempt = 0; attempt < 20 && cell < 0; attempt++) {
        [x, y] = offsetPoint(plan.centre[0], plan.centre[1], plan.radiusM, random);
        cell = locateCell(mesh, x, y);
      }
      if (cell < 0) (x = plan.centre[0]), (y = plan.centre[1]), (cell = locateCell(mesh, x, y));
      const kind = plan.kind ?? random.pick(RISING_KINDS);
      // Rising: the rate grows linearly over the period, so reports bunch towards now.
      const reportedAt = plan.rising
        ? Math.floor(from + (now - from) * Math.sqrt(random.next()))
        : seasonalTime(kind, from, now, random);
      const gridId = hierarchy.grids[hierarchy.gridOf[cell]].areaId;
      incidents.push(makeIncident(ctx, kind, x, y, gridId, null, Math.min(reportedAt, now - 1)));
    }
    hotspots.push({
      id: h + 1, name: plan.name, lon: plan.centre[0], lat: plan.centre[1], radiusM: plan.radiusM,
      kind: plan.kind, count, from: new Date(from).toISOString(),
    });
  });
  return { hotspots, incidents };
}
