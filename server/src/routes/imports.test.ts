import { sessionSchema, type CountyData, type ImportMappingInput } from '@gridmap/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import { insertAccount } from '../db/accounts-sql.ts';
import { pointInPolygon } from '@gridmap/shared/geo/point-in-ring';
import { fixtureBytes, postImport, tableCounts } from '../test/import-requests.ts';
import { createTestApp, getJson, useTinyCountyApp, type TestApp } from '../test/test-app.ts';
import { TINY_NOW, tinyCounty } from '../test/tiny-county.ts';

const GRIDS: ImportMappingInput = { layer: 'areas', level: 'grid', fields: { code: '网格编码', name: '网格名称', parentCode: '社区编码' } };
const HOUSEHOLDS: ImportMappingInput = {
  layer: 'households',
  fields: { externalId: '户编号', lon: '经度', lat: '纬度', address: '地址', size: '人数', tags: '标签', headName: '户主', phone: '电话' },
};
const gridsZip = () => ({ name: 'grids-gbk.zip', bytes: fixtureBytes('grids-gbk.zip') });
const householdsCsv = (name = 'households-gbk.csv') => ({ name, bytes: fixtureBytes(name) });

/** The tiny county before its grids were drawn: county, town and community only. */
function countyWithoutGrids(): CountyData {
  const data = tinyCounty();
  return { ...data, areas: data.areas.filter((a) => a.level !== 'grid'), households: [], staff: [], incidents: [], incidentEvents: [] };
}

describe('POST /api/imports on the tiny county', () => {
  const t = useTinyCountyApp();

  it('previews a GBK shapefile: columns, encoding, coordinate system and a guessed mapping', async () => {
    const { status, body } = await postImport(t.current.app, 'preview', gridsZip(), { layer: 'areas' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      format: 'shapefile',
      encoding: 'gbk',
      declaredCrs: 'wgs84',
      columns: ['网格编码', '网格名称', '社区编码'],
      rowCount: 4,
      geometryTypes: ['Polygon'],
      guessedFields: GRIDS.fields,
    });
    expect(body.sample[0]['网格名称']).toBe('西南第一网格');
  });

  it('dry-runs the grids of the community as four updates that tile it, and writes nothing', async () => {
    const before = tableCounts(t.current.db);
    const { status, body } = await postImport(t.current.app, 'dry-run', gridsZip(), { mapping: GRIDS });
    expect(status).toBe(200);
    expect(body.totals).toEqual({ rows: 4, create: 0, update: 4, reject: 0 });
    expect(body.tiling).toEqual([]);
    expect(body.applicable).toBe(true);
    expect(tableCounts(t.current.db)).toEqual(before);
    const { body: grids } = await getJson(t.current.app, '/api/areas?level=grid');
    expect(grids.features[0].properties.name).toBe('西南网格');
  });

  it('applies the grids: the new names show, the figures stay', async () => {
    const { status, body } = await postImport(t.current.app, 'apply', gridsZip(), { mapping: GRIDS });
    expect(status).toBe(200);
    expect(body.batchId).toBe(1);
    const { body: grids } = await getJson(t.current.app, '/api/areas?level=grid');
    expect(grids.features.map((f: any) => [f.properties.name, f.properties.households])).toEqual([
      ['西南第一网格', 3], ['东南第二网格', 3], ['西北第三网格', 3], ['东北第四网格', 3],
    ]);
  });

  it('moves the households and cases of a redrawn grid into the grid that holds them now', async () => {
    // The boundary between the south-west (4) and south-east (5) grids moves west to 120.065°:
    // the south-west grid's easternmost household (at 120.08°) and its case change grid.
    const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
    const grid = (n: number, name: string, geometry: object) => ({
      type: 'Feature', geometry, properties: { 网格编码: `330681001001${String(n).padStart(3, '0')}`, 网格名称: name, 社区编码: '330681001001' },
    });
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        grid(1, '西南网格', square(120.0, 29.0, 120.065, 29.1)),
        grid(2, '东南网格', square(120.065, 29.0, 120.2, 29.1)),
        grid(3, '西北网格', square(120.0, 29.1, 120.1, 29.2)),
        grid(4, '东北网格', square(120.1, 29.1, 120.2, 29.2)),
      ],
    });
    const { status, body } = await postImport(t.current.app, 'apply', { name: 'grids.geojson', bytes: file }, { mapping: GRIDS });
    expect(status, JSON.stringify(body)).toBe(200);
    const db = t.current.db;
    const geometries = new Map((db.prepare("SELECT id, geometry FROM areas WHERE level = 'grid'").all() as { id: number; geometry: string }[])
      .map((g) => [g.id, JSON.parse(g.geometry)]));
    const containing = (lon: number, lat: number) => [...geometries].filter(([, g]) => pointInPolygon(lon, lat, g)).map(([id]) => id);
    for (const table of ['households', 'incidents']) {
      for (const row of db.prepare(`SELECT lon, lat, grid_id FROM ${table}`).all() as { lon: number; lat: number; grid_id: number }[]) {
        expect(containing(row.lon, row.lat), `${table} at ${row.lon}`).toEqual([row.grid_id]);
      }
    }
    const figures = (id: number) => db.prepare('SELECT households FROM areas WHERE id = ?').pluck().get(id);
    expect([figures(4), figures(5), figures(3)]).toEqual([2, 4, 12]);
  });

  it('reports households row by row: created, outside every grid, missing size, repeated id', async () => {
    const { status, body } = await postImport(t.current.app, 'dry-run', householdsCsv(), { mapping: HOUSEHOLDS });
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: 'csv', encoding: 'gbk', crs: 'wgs84', applicable: false });
    expect(body.totals).toEqual({ rows: 7, create: 4, update: 0, reject: 3 });
    expect(body.rows.map((r: any) => [r.row, r.action, r.key, r.target, r.problems.map((p: any) => p.code)])).toEqual([
      [1, 'create', 'H001', '330681001001001', []],
      [2, 'create', 'H002', '330681001001002', []],
      [3, 'create', 'H003', '330681001001003', []],
      [4, 'create', 'H004', '330681001001004', []],
      [5, 'reject', 'H005', null, ['outside_grids']],
      [6, 'reject', 'H006', null, ['missing_value']],
      [7, 'reject', 'H001', '330681001001001', ['duplicate_id']],
    ]);
    expect(body.rows[4].problems[0].where).toEqual([121.5, 29.5]);
  });

  it('refuses to apply with rejected rows (409, nothing written), and applies the rest when told to skip them', async () => {
    const before = tableCounts(t.current.db);
    const { body: communityBefore } = await getJson(t.current.app, '/api/areas/3');
    const refused = await postImport(t.current.app, 'apply', householdsCsv(), { mapping: HOUSEHOLDS });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'conflict', field: 'skipRejected', message: expect.stringContaining('3 of 7 rows are rejected') });
    expect(tableCounts(t.current.db)).toEqual(before);

    const applied = await postImport(t.current.app, 'apply', householdsCsv(), { mapping: HOUSEHOLDS, skipRejected: true });
    expect(applied.status).toBe(200);
    expect(tableCounts(t.current.db).households).toBe(before.households + 4);
    // The community's stored figures follow: 4 more households with 3+1+4+2 residents.
    const { body: community } = await getJson(t.current.app, '/api/areas/3');
    expect(community.properties.households).toBe(communityBefore.properties.households + 4);
    expect(community.properties.residents).toBe(communityBefore.properties.residents + 10);
    const { body: page } = await getJson(t.current.app, '/api/households?gridId=4');
    expect(page.features.map((f: any) => f.properties.address)).toContain('小村一组1号');
  });

  it('updates, not doubles, the households of a second import with the same ids', async () => {
    await postImport(t.current.app, 'apply', householdsCsv(), { mapping: HOUSEHOLDS, skipRejected: true });
    const counts = tableCounts(t.current.db);
    const again = await postImport(t.current.app, 'apply', householdsCsv('households-utf8.csv'), { mapping: HOUSEHOLDS, skipRejected: true });
    expect(again.body.report.totals).toMatchObject({ create: 0, update: 4 });
    expect(tableCounts(t.current.db)).toEqual({ ...counts, import_batches: counts.import_batches + 1 });
    const { body: community } = await getJson(t.current.app, '/api/areas/3');
    expect(community.properties.households).toBe(16);
  });

  it('imports mediation points from GeoJSON, by area code, with Chinese kinds', async () => {
    const mapping: ImportMappingInput = {
      layer: 'mediation_points',
      fields: { externalId: '编号', name: '名称', kind: '类型', areaCode: '区域编码', mediators: '调解员', disputeKinds: '受理类型', phone: '电话', address: '地址' },
    };
    const { status, body } = await postImport(t.current.app, 'apply', { name: 'mp.geojson', bytes: fixtureBytes('mediation-points.geojson') }, { mapping });
    expect(status).toBe(200);
    expect(body.report.rows.map((r: any) => [r.key, r.target])).toEqual([['M1', '330681001001'], ['M2', '330681001000']]);
    const { body: points } = await getJson(t.current.app, '/api/mediation-points?kind=commercial');
    expect(points.features[0].properties).toMatchObject({ name: '小镇商事调解室', level: 'town', areaId: 2, disputeKinds: ['commercial', 'debt'] });
  });

  it('imports incidents with county-local times, rejecting an unknown kind', async () => {
    const mapping: ImportMappingInput = {
      layer: 'incidents',
      fields: { externalId: '案件编号', lon: '经度', lat: '纬度', kind: '纠纷类型', reportedAt: '上报时间', status: '状态', severity: '等级', source: '来源', description: '简要案情', closedAt: '办结时间' },
    };
    const file = { name: 'incidents.csv', bytes: fixtureBytes('incidents-utf8.csv') };
    const { body } = await postImport(t.current.app, 'apply', file, { mapping, skipRejected: true });
    expect(body.report.totals).toEqual({ rows: 3, create: 2, update: 0, reject: 1 });
    expect(body.report.rows[2].problems[0]).toMatchObject({ code: 'invalid_value', field: 'kind' });
    const { body: list } = await getJson(t.current.app, '/api/incidents?kind=labour&limit=10');
    const labour = list.features.find((f: any) => f.properties.description === '拖欠工资');
    expect(labour.properties).toMatchObject({ status: 'closed', severity: 2, source: 'hotline_12345', reportedAt: '2025-04-01T16:00:00.000Z', closedAt: '2025-04-20T08:00:00.000Z' });
    // Its timeline starts with a report event in the status it came in, naming the file.
    const { body: one } = await getJson(t.current.app, `/api/incidents/${labour.id}`);
    expect(one.properties.timeline).toEqual([
      expect.objectContaining({ kind: 'report', actor: 'import', toStatus: 'closed', note: 'imported from incidents.csv' }),
    ]);
  });
});

describe('POST /api/imports: bad input is a 400 naming the problem, and changes nothing', () => {
  const t = useTinyCountyApp();

  const refuse = async (file: { name: string; bytes: Uint8Array | string }, mapping: ImportMappingInput | undefined, status: number, field: string, message: RegExp) => {
    const before = tableCounts(t.current.db);
    const res = await postImport(t.current.app, 'apply', file, { mapping, skipRejected: true });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ code: status === 413 ? 'payload_too_large' : 'bad_request', field, requestId: expect.any(String) });
    expect(res.body.message).toMatch(message);
    expect(tableCounts(t.current.db)).toEqual(before);
  };

  it('an empty file', () => refuse({ name: 'empty.csv', bytes: fixtureBytes('empty.csv') }, HOUSEHOLDS, 400, 'file', /empty\.csv is empty/));
  it('a wrong format', () => refuse({ name: 'photo.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }, HOUSEHOLDS, 400, 'file', /not a format GridMap reads/));
  it('a shapefile missing its .dbf', () => refuse({ name: 'g.zip', bytes: fixtureBytes('grids-missing-dbf.zip') }, GRIDS, 400, 'file', /not its attribute table grids\.dbf/));
  it('a shapefile zip without its .shp', async () => {
    const { unzipSync, zipSync } = await import('fflate');
    const { 'grids.shp': _, ...rest } = unzipSync(fixtureBytes('grids-gbk.zip'));
    await refuse({ name: 'g.zip', bytes: zipSync(rest) }, GRIDS, 400, 'file', /no \.shp file/);
  });
  it('a CSV with no coordinate columns', () =>
    refuse({ name: 'n.csv', bytes: fixtureBytes('no-coordinates.csv') }, { layer: 'households', fields: { externalId: '户编号', address: '地址', size: '人数' } }, 400, 'mapping.fields.lon', /no coordinate columns/));
  it('a mapping naming a column the file lacks', () =>
    refuse(householdsCsv(), { ...HOUSEHOLDS, fields: { ...HOUSEHOLDS.fields, size: '家庭人口' } }, 400, 'mapping.fields.size', /no column '家庭人口'/));
  it('an areas mapping without its level', () => refuse(gridsZip(), { layer: 'areas', fields: GRIDS.fields }, 400, 'mapping.level', /names the level/));
  it('no mapping at all', () => refuse(householdsCsv(), undefined, 400, 'mapping', /no mapping/));

  it('a file over the size limit, from its Content-Length, before reading it', async () => {
    const before = tableCounts(t.current.db);
    const res = await t.current.app.request('/api/imports/apply', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(200 * 1024 * 1024) },
      body: '--x--',
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large', field: 'file' });
    expect(tableCounts(t.current.db)).toEqual(before);
  });

  it('a body that is not a form', async () => {
    const res = await t.current.app.request('/api/imports/dry-run', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'file', message: expect.stringContaining('multipart/form-data') });
  });
});

describe('POST /api/imports: areas must tile their parent', () => {
  let current: TestApp;
  afterEach(() => current.close());

  it('creates the grids of a community that has none, with closure rows, in one batch', async () => {
    current = createTestApp(countyWithoutGrids(), TINY_NOW);
    const { status, body } = await postImport(current.app, 'apply', gridsZip(), { mapping: GRIDS });
    expect(status).toBe(200);
    expect(body.report.totals).toEqual({ rows: 4, create: 4, update: 0, reject: 0 });
    const { body: grids } = await getJson(current.app, '/api/areas?parent=3');
    expect(grids.features).toHaveLength(4);
    const { body: grid } = await getJson(current.app, `/api/areas/${grids.features[3].id}`);
    expect(grid.properties.path.map((p: any) => p.name)).toEqual(['小县', '小镇', '小村']);
  });

  it('reports the gap three grids leave, where it is, and refuses to apply', async () => {
    current = createTestApp(countyWithoutGrids(), TINY_NOW);
    const square = (x: number, y: number) => [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]];
    const three = {
      type: 'FeatureCollection',
      features: [[120.0, 29.0], [120.1, 29.0], [120.0, 29.1]].map(([x, y], i) => ({
        type: 'Feature',
        properties: { code: `33068100100100${i + 1}`, name: `网格${i + 1}`, parent: '330681001001' },
        geometry: { type: 'Polygon', coordinates: square(x, y) },
      })),
    };
    const file = { name: 'three.geojson', bytes: JSON.stringify(three) };
    const mapping: ImportMappingInput = { layer: 'areas', level: 'grid', fields: { code: 'code', name: 'name', parentCode: 'parent' } };
    const { body } = await postImport(current.app, 'dry-run', file, { mapping });
    expect(body.tiling).toEqual([expect.objectContaining({ kind: 'gap', parentCode: '330681001001' })]);
    expect(body.tiling[0].where).toEqual([expect.closeTo(120.15, 6), expect.closeTo(29.15, 6)]);
    expect(body.applicable).toBe(false);
    const before = tableCounts(current.db);
    const refused = await postImport(current.app, 'apply', file, { mapping });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/do not tile their parents/);
    expect(tableCounts(current.db)).toEqual(before);
  });

  it('rejects a grid whose parent code is unknown', async () => {
    current = createTestApp(countyWithoutGrids(), TINY_NOW);
    const one = {
      type: 'Feature',
      properties: { code: '330681001002001', name: '孤网格', parent: '330681001002' },
      geometry: { type: 'Polygon', coordinates: [[[120, 29], [120.1, 29], [120.1, 29.1], [120, 29]]] },
    };
    const mapping: ImportMappingInput = { layer: 'areas', level: 'grid', fields: { code: 'code', name: 'name', parentCode: 'parent' } };
    const { body } = await postImport(current.app, 'dry-run', { name: 'one.geojson', bytes: JSON.stringify(one) }, { mapping });
    expect(body.rows[0]).toMatchObject({ action: 'reject', key: '330681001002001', problems: [{ code: 'unknown_parent', field: 'parentCode' }] });
  });
});

describe('/api/imports/mappings', () => {
  const t = useTinyCountyApp();

  it('saves a mapping under a name, lists it by layer, and deletes it', async () => {
    const put = await t.current.app.request('/api/imports/mappings/户籍登记表', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mapping: HOUSEHOLDS }),
    });
    expect(put.status).toBe(200);
    const { body } = await getJson(t.current.app, '/api/imports/mappings?layer=households');
    expect(body.mappings).toEqual([{ name: '户籍登记表', mapping: { ...HOUSEHOLDS, encoding: 'auto' }, savedAt: TINY_NOW }]);
    expect((await getJson(t.current.app, '/api/imports/mappings?layer=areas')).body.mappings).toEqual([]);
    const del = await t.current.app.request(`/api/imports/mappings/${encodeURIComponent('户籍登记表')}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await getJson(t.current.app, '/api/imports/mappings')).body.mappings).toEqual([]);
  });

  it('refuses to save a mapping to a field the layer does not have', async () => {
    const put = await t.current.app.request('/api/imports/mappings/x', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mapping: { layer: 'households', fields: { colour: 'c' } } }),
    });
    expect(put.status).toBe(400);
    expect(await put.json()).toMatchObject({ field: 'mapping.fields.colour' });
  });
});

describe('POST /api/imports with a session', () => {
  let current: TestApp;
  afterEach(() => current.close());

  /** A multipart dry run of the household fixture as `username` (with or without the CSRF token). */
  async function signedIn(username: 'admin' | 'official') {
    current = createTestApp(tinyCounty(), TINY_NOW);
    const hash = await hashPassword('import-test');
    insertAccount(current.db, { username, displayName: username, role: username, areaId: 1, passwordHash: hash }, new Date(TINY_NOW));
    const res = await current.app.request('/api/session', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'import-test' }),
    });
    const cookie = res.headers.get('Set-Cookie')!.split(';')[0];
    const { csrfToken } = sessionSchema.parse(await res.json());
    return async (withToken: boolean) => {
      const form = new FormData();
      form.append('file', new File([householdsCsv().bytes], 'households.csv'));
      form.append('mapping', JSON.stringify(HOUSEHOLDS));
      const r = await current.app.request('/api/imports/dry-run', {
        method: 'POST', body: form, headers: { Cookie: cookie, ...(withToken && { 'X-CSRF-Token': csrfToken }) },
      });
      return { status: r.status, body: (await r.json()) as any };
    };
  }

  it('lets a role with the import permission dry-run, with its CSRF token', async () => {
    const post = await signedIn('admin');
    expect((await post(true)).status).toBe(200);
    expect((await post(false)).status).toBe(403);
  });

  it('refuses a role without the import permission', async () => {
    const post = await signedIn('official');
    const res = await post(true);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/may not import/);
  });
});
