import { AREA_TILE_MIN_ZOOM, MAX_TILE_ZOOM, type CountyData, type PlannerCommunity } from '@gridmap/shared';
import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { partitionFromGrids, partitionGeometries, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import { moveVertex } from '@gridmap/shared/plans/partition-edits';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import { shortAreaName } from '@gridmap/shared/areas/short-area-name';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { seedCounty } from '../db/seed-sql.ts';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { GENERATED_NOW } from '../test/generated-county-app.ts';
import { createTempDatabase, type TempDatabase } from '../test/test-app.ts';
import { openTestSession, signedIn } from '../test/signed-in-app.ts';
import { mercatorX, mercatorY } from '../tiles/mercator.ts';
import { tileKey } from '../tiles/tile-keys.ts';
import { createTileService, type TileService } from '../tiles/tile-service.ts';

/** Scale of the generated county: ~2% of the full demo. */
const TEST_SIZE = 0.02;

let data: CountyData;
let temp: TempDatabase;
let tiles: TileService;
let app: ReturnType<typeof createApp>;
beforeAll(() => {
  data = generateCounty({ outline: loadCountyOutline(), seed: DEFAULT_DEMO_SEED, size: TEST_SIZE, now: GENERATED_NOW });
  temp = createTempDatabase();
  seedCounty(temp.db, data);
  const config = { basemapStyleUrl: null, webDist: null, now: () => new Date(GENERATED_NOW) };
  tiles = createTileService(temp.db, config.now);
  app = signedIn(createApp({ db: temp.db, config, tiles }), openTestSession(temp.db, 'admin', config.now()));
});
afterAll(() => temp?.close());

async function get(path: string) {
  const res = await app.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
  return { status: res.status, etag: res.headers.get('ETag'), body: new Uint8Array(await res.arrayBuffer()), res };
}

async function post(path: string, body: unknown) {
  const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

/** Area ids in an area tile's layer. */
function areaIds(body: Uint8Array, level: string): number[] {
  if (body.length === 0) return [];
  const layer = new VectorTile(new PbfReader(gunzipSync(body))).layers[level];
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer.feature(i).id!);
}

const tileAt = (lon: number, lat: number, z: number) => ({
  x: Math.floor(mercatorX(lon) * 2 ** z),
  y: Math.floor(mercatorY(lat) * 2 ** z),
});

/** The tiles z/x/y covering [minLon, minLat, maxLon, maxLat] at zoom z. */
function tilesOver([minLon, minLat, maxLon, maxLat]: number[], z: number) {
  const a = tileAt(minLon, maxLat, z);
  const b = tileAt(maxLon, minLat, z);
  const out: { x: number; y: number }[] = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ x, y });
  return out;
}

describe('area tiles', () => {
  it('carry every grid of the county as a polygon with its id and name, and name each once at its label point', async () => {
    const grids = data.areas.filter((a) => a.level === 'grid');
    const county = data.areas.find((a) => a.level === 'county')!;
    const bbox = bboxOfGeometry(county.geometry);
    const seen = new Set<number>();
    const labelled: number[] = [];
    for (const { x, y } of tilesOver(bbox, 12)) {
      const { status, body, res } = await get(`/api/tiles/areas/grid/12/${x}/${y}.mvt`);
      if (status === 204) continue;
      expect(res.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
      const tile = new VectorTile(new PbfReader(gunzipSync(body)));
      const labels = tile.layers['grid-label'];
      for (let i = 0; i < (labels?.length ?? 0); i++) {
        const f = labels.feature(i);
        const grid = grids.find((g) => g.id === f.id)!;
        const parent = data.areas.find((a) => a.id === grid.parentId)!;
        expect(f.properties).toMatchObject({ level: 'grid', name: grid.name, label: shortAreaName(grid.name, parent.name) });
        labelled.push(f.id!);
      }
      const layer = tile.layers.grid;
      for (let i = 0; i < layer.length; i++) {
        const f = layer.feature(i);
        expect(f.type).toBe(3);
        expect(f.properties.name).toBe(grids.find((g) => g.id === f.id)?.name);
        seen.add(f.id!);
      }
    }
    expect(seen).toEqual(new Set(grids.map((g) => g.id)));
    // Each grid is named once, in the tile its label point lies in.
    expect(labelled.sort((a, b) => a - b)).toEqual(grids.map((g) => g.id).sort((a, b) => a - b));
  });

  it('are empty below the level’s minimum zoom, and a level that does not exist is a 400 naming it', async () => {
    const county = data.areas.find((a) => a.level === 'county')!;
    const [lon, lat] = county.labelPoint;
    const z = AREA_TILE_MIN_ZOOM.grid - 1;
    const { x, y } = tileAt(lon, lat, z);
    expect((await get(`/api/tiles/areas/grid/${z}/${x}/${y}.mvt`)).status).toBe(204);
    expect((await get(`/api/tiles/areas/county/${z}/${x}/${y}.mvt`)).status).toBe(200);
    const bad = await app.request(`/api/tiles/areas/village/${z}/${x}/${y}.mvt`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { field: string }).field).toBe('level');
  });
});

describe('area tiles for an account with an area', () => {
  it('hold only the areas inside it, cached apart from the whole map', async () => {
    const town = data.areas.find((a) => a.level === 'town')!;
    const inTown = new Set(data.areas.filter((a) => a.level === 'grid' && data.areas.find((c) => c.id === a.parentId)?.parentId === town.id).map((a) => a.id));
    const scoped = signedIn(app, openTestSession(temp.db, 'town_command', new Date(GENERATED_NOW), town.id));
    const county = data.areas.find((a) => a.level === 'county')!;
    const seen = new Set<number>();
    const all = new Set<number>();
    for (const { x, y } of tilesOver(bboxOfGeometry(county.geometry), 12)) {
      const path = `/api/tiles/areas/grid/12/${x}/${y}.mvt`;
      const mine = await scoped.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
      if (mine.status === 200) areaIds(new Uint8Array(await mine.arrayBuffer()), 'grid').forEach((id) => seen.add(id));
      areaIds((await get(path)).body, 'grid').forEach((id) => all.add(id));
      expect(mine.headers.get('Cache-Control')).toMatch(/^private/);
    }
    expect(seen).toEqual(inTown);
    expect(all.size).toBeGreaterThan(inTown.size);
  });
});

describe('invalidation', () => {
  it('drops exactly the incident tiles that hold a new incident, at every zoom, and changes their ETags', async () => {
    const grid = data.areas.find((a) => a.level === 'grid')!;
    const [lon, lat] = grid.labelPoint;
    // Somewhere else in the county: another grid's label point far enough to lie in other tiles from z10.
    const other = data.areas.filter((a) => a.level === 'grid').find((a) => tileAt(...a.labelPoint, 10).x !== tileAt(lon, lat, 10).x)!;
    const before = new Map<string, string | null>();
    for (let z = 0; z <= MAX_TILE_ZOOM; z++) {
      for (const [plon, plat] of [[lon, lat], other.labelPoint]) {
        const { x, y } = tileAt(plon, plat, z);
        before.set(tileKey('incidents', z, x, y), (await get(`/api/tiles/incidents/${z}/${x}/${y}.mvt`)).etag);
      }
    }
    const intake = { kind: 'neighbour', description: '测试', location: { lon, lat }, source: 'hotline_12345', severity: 1, parties: [], actor: '测试员' };
    expect((await post('/api/incidents', intake)).status).toBe(201);

    for (let z = 0; z <= MAX_TILE_ZOOM; z++) {
      const here = tileAt(lon, lat, z);
      const there = tileAt(...other.labelPoint, z);
      const hereKey = tileKey('incidents', z, here.x, here.y);
      expect(tiles.isCached(hereKey), `z${z} holding the new incident`).toBe(false);
      expect((await get(`/api/tiles/incidents/${z}/${here.x}/${here.y}.mvt`)).etag, `z${z}`).not.toBe(before.get(hereKey));
      if (there.x === here.x && there.y === here.y) continue;
      const thereKey = tileKey('incidents', z, there.x, there.y);
      expect(tiles.isCached(thereKey), `z${z} elsewhere`).toBe(true);
      expect((await get(`/api/tiles/incidents/${z}/${there.x}/${there.y}.mvt`)).etag).toBe(before.get(thereKey));
    }
  });

  it('drops exactly the grid tiles over the grids an applied plan redrew, and keeps the others', async () => {
    const community = data.areas.filter((a) => a.level === 'community')[0];
    const planner = await app.request(`/api/plans/community/${community.id}`);
    const { grids, geometry } = (await planner.json()) as PlannerCommunity;
    const partition = partitionFromGrids(grids, geometry);
    const moved = moveSomeSharedVertex(partition, geometry);
    const z = 15;
    const keys = tilesOver(bboxOfGeometry(community.geometry), z).map(({ x, y }) => ({ z, x, y }));
    // Grid tiles far from this community too (another community's, at z15).
    const far = data.areas.filter((a) => a.level === 'community').at(-1)!;
    keys.push(...tilesOver(bboxOfGeometry(far.geometry), z).slice(0, 20).map(({ x, y }) => ({ z, x, y })));
    const etags = new Map<string, string | null>();
    for (const k of keys) etags.set(tileKey('areas-grid', k.z, k.x, k.y), (await get(`/api/tiles/areas/grid/${k.z}/${k.x}/${k.y}.mvt`)).etag);

    const draft = await post('/api/plans', {
      communityId: community.id,
      author: '规划员',
      reason: '测试',
      base: grids.map((g) => ({ id: g.id, version: g.version })),
      grids: partitionGeometries(moved),
    });
    expect(draft.status).toBe(201);
    const applied = await post(`/api/plans/${draft.body.id}/apply`, { author: '审批人' });
    expect(applied.status).toBe(200);
    const changed = new Set<number>(applied.body.changedGrids);
    expect(changed.size).toBeGreaterThan(0);
    const boxes = [...grids.filter((g) => changed.has(g.id)).map((g) => bboxOfGeometry(g.geometry)),
      ...partitionGeometries(moved).filter((g) => changed.has(g.id)).map((g) => bboxOfGeometry(g.geometry))];

    let dropped = 0;
    let kept = 0;
    for (const k of keys) {
      const key = tileKey('areas-grid', k.z, k.x, k.y);
      const touched = boxes.some((b) => tileMeetsBbox(k.z, k.x, k.y, b));
      expect(tiles.isCached(key), `${key} ${touched ? 'under' : 'away from'} the redrawn grids`).toBe(!touched);
      if (touched) dropped++;
      else kept++;
      const now = await get(`/api/tiles/areas/grid/${k.z}/${k.x}/${k.y}.mvt`);
      if (!touched) expect(now.etag).toBe(etags.get(key));
    }
    expect(dropped).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });
});

/** Whether tile z/x/y grown by its 16-pixel buffer meets a degree bbox. */
function tileMeetsBbox(z: number, x: number, y: number, [minLon, minLat, maxLon, maxLat]: number[]): boolean {
  const n = 2 ** z;
  const b = 16 / 512;
  return mercatorX(maxLon) >= (x - b) / n && mercatorX(minLon) <= (x + 1 + b) / n
    && mercatorY(minLat) >= (y - b) / n && mercatorY(maxLat) <= (y + 1 + b) / n;
}

function bboxOfGeometry(geometry: { type: string; coordinates: unknown }): number[] {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [lon, lat] = c as number[];
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    } else (c as unknown[]).forEach(walk);
  };
  walk(geometry.coordinates);
  return box;
}

/** A vertex shared by two grids, moved a third of the way along an edge, that leaves a valid partition. */
function moveSomeSharedVertex(p: GridPartition, parent: PlannerCommunity['geometry']): GridPartition {
  const owners = new Map<number, Set<number>>();
  for (const g of p.grids) for (const rings of g.polygons) for (const ring of rings) for (const v of ring) owners.set(v, (owners.get(v) ?? new Set()).add(g.id));
  for (const g of p.grids) {
    const ring = g.polygons[0][0];
    for (let i = 0; i < ring.length; i++) {
      const v = ring[i];
      const w = ring[(i + 1) % ring.length];
      if (p.locked.has(v) || owners.get(v)!.size < 2) continue;
      const moved = moveVertex(p, v, p.xs[v] + (p.xs[w] - p.xs[v]) / 3, p.ys[v] + (p.ys[w] - p.ys[v]) / 3);
      if (validatePartition(moved, parent).length === 0) return moved;
    }
  }
  throw new Error('no movable vertex');
}
