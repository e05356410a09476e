import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import * as shapefile from 'shapefile';
import { afterEach, describe, expect, it } from 'vitest';
import { postImport, tableCounts } from '../test/import-requests.ts';
import { createTestApp, getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

async function download(app: TestApp['app'], path: string) {
  const res = await app.request(path);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function readZippedShapefile(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const base = Object.keys(files).find((n) => n.endsWith('.shp'))!.slice(0, -4);
  const collection = await shapefile.read(files[`${base}.shp`].slice().buffer, files[`${base}.dbf`].slice().buffer, {
    encoding: new TextDecoder().decode(files[`${base}.cpg`]),
  });
  return { files: Object.keys(files).sort(), features: collection.features };
}

const hasOgr2ogr = (() => {
  try {
    execFileSync('ogr2ogr', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('GET /api/layer-exports', () => {
  const t = useTinyCountyApp();

  it('exports areas as a zipped shapefile that reads back with the same codes, names and shapes', async () => {
    const { res, bytes } = await download(t.current.app, '/api/layer-exports/areas?format=shp');
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="gridmap-areas.zip"');
    const back = await readZippedShapefile(bytes);
    expect(back.files).toEqual(['gridmap-areas.cpg', 'gridmap-areas.dbf', 'gridmap-areas.prj', 'gridmap-areas.shp', 'gridmap-areas.shx']);
    const { body: api } = await getJson(t.current.app, '/api/areas');
    expect(back.features.map((f) => [f.properties!.code, f.properties!.name, f.properties!.parentCode])).toEqual(
      api.features.map((f: any) => [f.properties.code, f.properties.name, tinyCounty().areas.find((a) => a.id === f.properties.parentId)?.code ?? null]),
    );
    back.features.forEach((f, i) => expect(area(f.geometry as any)).toBeCloseTo(area(api.features[i].geometry), 0));
  });

  it('exports households as CSV with a BOM, masked like the API, that Papa reads back', async () => {
    const { res, bytes } = await download(t.current.app, '/api/layer-exports/households?format=csv&gridId=4');
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['id', 'gridId', 'gridCode', 'address', 'size', 'tags', 'headName', 'phone', 'lon', 'lat']);
    // Exports are masked for every role, the administrator included: the list as an official sees it.
    const { body: api } = await getJson(t.current.as('official'), '/api/households?gridId=4');
    expect(parsed.data.map((r) => [Number(r.id), r.address, r.headName, r.phone, r.tags, Number(r.lon), Number(r.lat)])).toEqual(
      api.features.map((f: any) => [f.id, f.properties.address, f.properties.headName, f.properties.phone, f.properties.tags.join(';'), ...f.geometry.coordinates]),
    );
    expect(parsed.data[0].tags).toBe('migrant'); // household 1 is also a released prisoner: never exported
  });

  it('exports a filtered selection of incidents as GeoJSON, the same features as the list', async () => {
    const { res, bytes } = await download(t.current.app, '/api/layer-exports/incidents?status=reported,mediating&kind=neighbour,family');
    expect(res.headers.get('Content-Type')).toBe('application/geo+json; charset=utf-8');
    const exported = JSON.parse(new TextDecoder().decode(bytes));
    const { body: api } = await getJson(t.current.app, '/api/incidents?status=reported,mediating&kind=neighbour,family');
    expect(exported.features.map((f: any) => [f.properties.id, f.properties.kind, f.geometry.coordinates])).toEqual(
      api.features.map((f: any) => [f.id, f.properties.kind, f.geometry.coordinates]),
    );
    expect(exported.features[0].properties.gridCode).toBe('330681001001001');
  });

  it('exports mediation points as a shapefile with Chinese names and their area codes', async () => {
    const { bytes } = await download(t.current.app, '/api/layer-exports/mediation-points?format=shp');
    const back = await readZippedShapefile(bytes);
    expect(back.features.map((f) => [f.properties!.name, f.properties!.areaCode, f.geometry])).toEqual([
      ['小县矛调中心', '330681000000', { type: 'Point', coordinates: [120.11, 29.11] }],
      ['小村人民调解委员会', '330681001001', { type: 'Point', coordinates: [120.04, 29.04] }],
      ['小镇警民联调室', '330681001000', { type: 'Point', coordinates: [120.15, 29.16] }],
    ]);
  });

  it('refuses an unknown format or filter, naming it', async () => {
    expect((await getJson(t.current.app, '/api/layer-exports/households?format=xlsx')).body).toMatchObject({ code: 'bad_request', field: 'format' });
    expect((await getJson(t.current.app, '/api/layer-exports/areas?kind=x')).body).toMatchObject({ code: 'bad_request', field: 'kind' });
    expect((await getJson(t.current.app, '/api/layer-exports/households?gridId=3')).status).toBe(400);
  });

  it.skipIf(!hasOgr2ogr)('writes shapefiles and CSV that ogr2ogr (GDAL) reads, Chinese text included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridmap-ogr-'));
    try {
      const { bytes: zip } = await download(t.current.app, '/api/layer-exports/areas?format=shp&level=grid');
      writeFileSync(join(dir, 'grids.zip'), zip);
      const fromShp = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${join(dir, 'grids.zip')}`], { encoding: 'utf8' }));
      expect(fromShp.features.map((f: any) => f.properties.name)).toEqual(['西南网格', '东南网格', '西北网格', '东北网格']);
      const { bytes: points } = await download(t.current.app, '/api/layer-exports/households?format=shp');
      writeFileSync(join(dir, 'households.zip'), points);
      const fromPoints = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `/vsizip/${join(dir, 'households.zip')}`], { encoding: 'utf8' }));
      const { body: api } = await getJson(t.current.app, '/api/households');
      // GDAL writes GeoJSON with 15 significant digits: compare to the nanodegree.
      const rounded = (c: number[]) => c.map((x) => Number(x.toFixed(9)));
      expect(fromPoints.features.map((f: any) => [f.properties.address, rounded(f.geometry.coordinates)])).toEqual(
        api.features.map((f: any) => [f.properties.address, rounded(f.geometry.coordinates)]),
      );
      const { bytes: csv } = await download(t.current.app, '/api/layer-exports/areas?format=csv&level=grid');
      writeFileSync(join(dir, 'grids.csv'), csv);
      const fromCsv = JSON.parse(execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', join(dir, 'grids.csv'), '-oo', 'GEOM_POSSIBLE_NAMES=wkt', '-oo', 'KEEP_GEOM_COLUMNS=NO'], { encoding: 'utf8' }));
      expect(fromCsv.features.map((f: any) => [f.properties.code, f.geometry.type])).toEqual([
        ['330681001001001', 'Polygon'], ['330681001001002', 'Polygon'], ['330681001001003', 'Polygon'], ['330681001001004', 'Polygon'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an export imports back', () => {
  let apps: TestApp[] = [];
  afterEach(() => {
    apps.forEach((a) => a.close());
    apps = [];
  });

  it('moves the grids of one GridMap into another that has none, by shapefile', async () => {
    const source = createTestApp(tinyCounty(), TINY_NOW);
    const data = tinyCounty();
    const target = createTestApp({ ...data, areas: data.areas.filter((a) => a.level !== 'grid'), households: [], staff: [], incidents: [], incidentEvents: [] }, TINY_NOW);
    apps.push(source, target);
    const { bytes } = await download(source.app, '/api/layer-exports/areas?format=shp&level=grid');
    const mapping = { layer: 'areas' as const, level: 'grid' as const, fields: { code: 'code', name: 'name', parentCode: 'parentCode' } };
    const before = tableCounts(target.db);
    const { status, body } = await postImport(target.app, 'apply', { name: 'grids.zip', bytes }, { mapping });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ format: 'shapefile', encoding: 'utf-8', crs: 'wgs84', tiling: [] });
    expect(tableCounts(target.db).areas).toBe(before.areas + 4);
    const { body: grids } = await getJson(target.app, '/api/areas?level=grid');
    expect(grids.features.map((f: any) => f.properties.name)).toEqual(['西南网格', '东南网格', '西北网格', '东北网格']);
  });

  it('builds a whole county in an empty database, level by level, from the shapefiles of another', async () => {
    const source = createTestApp(tinyCounty(), TINY_NOW);
    const data = tinyCounty();
    const empty = createTestApp({ ...data, areas: [], households: [], staff: [], mediationPoints: [], incidents: [], incidentEvents: [], hotspots: [] }, TINY_NOW);
    apps.push(source, empty);
    for (const level of ['county', 'town', 'community', 'grid'] as const) {
      const { bytes } = await download(source.app, `/api/layer-exports/areas?format=shp&level=${level}`);
      const mapping = { layer: 'areas' as const, level, fields: { code: 'code', name: 'name', parentCode: 'parentCode' } };
      const { status, body } = await postImport(empty.app, 'apply', { name: `${level}.zip`, bytes }, { mapping });
      expect([level, status, body.report?.totals.create]).toEqual([level, 200, level === 'grid' ? 4 : 1]);
    }
    const { body: grid } = await getJson(empty.app, '/api/areas?level=grid');
    const { body: detail } = await getJson(empty.app, `/api/areas/${grid.features[0].id}`);
    expect(detail.properties.path.map((p: any) => p.name)).toEqual(['小县', '小镇', '小村']);
  });
});
