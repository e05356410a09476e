import { unzipSync } from 'fflate';
import * as shapefile from 'shapefile';
import { describe, expect, it } from 'vitest';
import type { ExportRow } from './export-format.ts';
import { shapefileZip } from './shapefile-zip.ts';

const rows: ExportRow[] = [
  {
    properties: { code: '330681001001001', name: '城西社区第一网格'.repeat(20), households: 312, tags: ['migrant', 'elderly_alone'] },
    geometry: {
      type: 'Polygon', // RFC 7946 winding: outer counter-clockwise, hole clockwise
      coordinates: [
        [[120, 29], [120.1, 29], [120.1, 29.1], [120, 29.1], [120, 29]],
        [[120.02, 29.02], [120.02, 29.04], [120.04, 29.04], [120.02, 29.02]],
      ],
    },
  },
  {
    properties: { code: '330681001001002', name: null, households: 0, tags: [] },
    geometry: { type: 'MultiPolygon', coordinates: [[[[120.1, 29], [120.2, 29], [120.2, 29.1], [120.1, 29]]], [[[121, 30], [121.1, 30], [121.1, 30.1], [121, 30]]]] },
  },
];

describe('shapefileZip', () => {
  it('writes .shp, .shx, .dbf, a WGS84 .prj and a UTF-8 .cpg', () => {
    const { zip } = shapefileZip('grids', 'polygon', ['code', 'name', 'households', 'tags'], rows);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['grids.cpg', 'grids.dbf', 'grids.prj', 'grids.shp', 'grids.shx']);
    expect(new TextDecoder().decode(files['grids.cpg'])).toBe('UTF-8');
    expect(new TextDecoder().decode(files['grids.prj'])).toMatch(/^GEOGCS\["GCS_WGS_1984"/);
  });

  it('reads back with the shapefile library: Chinese text, numbers, lists, holes and multipolygons', async () => {
    const { zip, dbfNames } = shapefileZip('grids', 'polygon', ['code', 'name', 'households', 'tags'], rows);
    const files = unzipSync(zip);
    const back = await shapefile.read(files['grids.shp'].slice().buffer, files['grids.dbf'].slice().buffer, { encoding: 'utf-8' });
    expect(dbfNames).toEqual({ code: 'code', name: 'name', households: 'households', tags: 'tags' });
    const name = back.features[0].properties!.name as string;
    // cut at 254 bytes on a character boundary: 84 three-byte characters
    expect(name).toBe('城西社区第一网格'.repeat(20).slice(0, 84));
    expect(back.features.map((f) => [f.properties!.code, f.properties!.households, f.properties!.tags])).toEqual([
      ['330681001001001', 312, 'migrant;elderly_alone'],
      ['330681001001002', 0, null], // a blank DBF cell reads as null
    ]);
    // The library rebuilds holes and parts from the rings' winding, so these prove the winding is right.
    expect(back.features[0].geometry).toMatchObject({ type: 'Polygon', coordinates: [expect.any(Array), expect.any(Array)] });
    expect(back.features[1].geometry.type).toBe('MultiPolygon');
  });

  it('shortens long column names to ten unique characters', () => {
    const points: ExportRow[] = [{ properties: { mediationPointId: 1, mediationPointName: 'x' }, geometry: { type: 'Point', coordinates: [120, 29] } }];
    const { dbfNames } = shapefileZip('p', 'point', ['mediationPointId', 'mediationPointName'], points);
    expect(dbfNames).toEqual({ mediationPointId: 'mediationP', mediationPointName: 'mediatio_2' });
  });
});
