import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error.ts';
import { readSource } from './read-source.ts';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../data/fixtures/${name}`, import.meta.url)));

describe('readSource', () => {
  it('reads a zipped shapefile with a GBK attribute table, its .cpg and .prj', async () => {
    const table = await readSource(fixture('grids-gbk.zip'), 'grids-gbk.zip', 'auto');
    expect(table).toMatchObject({ format: 'shapefile', encoding: 'gbk', declaredCrs: 'wgs84' });
    expect(table.columns).toEqual(['网格编码', '网格名称', '社区编码']);
    expect(table.rows.map((r) => r.properties['网格名称'])).toEqual(['西南第一网格', '东南第二网格', '西北第三网格', '东北第四网格']);
    expect(table.rows[0].geometry?.type).toBe('Polygon');
  });

  it('recognises GBK in a shapefile that has no .cpg', async () => {
    const table = await readSource(fixture('grids-gbk-no-cpg.zip'), 'grids.zip', 'auto');
    expect(table.encoding).toBe('gbk');
    expect(table.rows[3].properties['网格名称']).toBe('东北第四网格');
  });

  it('reads the same CSV rows from its UTF-8 and its GBK version', async () => {
    const utf8 = await readSource(fixture('households-utf8.csv'), 'households-utf8.csv', 'auto');
    const gbk = await readSource(fixture('households-gbk.csv'), 'households-gbk.csv', 'auto');
    expect(utf8.encoding).toBe('utf-8');
    expect(gbk.encoding).toBe('gbk');
    expect(gbk.columns).toEqual(['户编号', '经度', '纬度', '地址', '人数', '标签', '户主', '电话']);
    expect(gbk.rows).toEqual(utf8.rows);
    expect(utf8.rows[2].properties['地址']).toBe('小村三组12号,后院');
  });

  it('drops the BOM Excel puts before a UTF-8 header', async () => {
    const bytes = new TextEncoder().encode('\uFEFF经度,纬度\n120.1,29.1\n');
    const table = await readSource(bytes, 'x.csv', 'auto');
    expect(table.columns).toEqual(['经度', '纬度']);
  });

  it('reads GeoJSON features with their properties', async () => {
    const table = await readSource(fixture('mediation-points.geojson'), 'mp.geojson', 'auto');
    expect(table.format).toBe('geojson');
    expect(table.rows[1].properties['名称']).toBe('小镇商事调解室');
    expect(table.rows[1].geometry).toEqual({ type: 'Point', coordinates: [120.15, 29.15] });
  });

  const rejects = async (bytes: Uint8Array, name: string, message: RegExp) => {
    const error = await readSource(bytes, name, 'auto').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(message);
  };

  it('refuses an empty file', () => rejects(fixture('empty.csv'), 'empty.csv', /empty\.csv is empty/));
  it('refuses a shapefile zip without its .dbf, naming the file it misses', () =>
    rejects(fixture('grids-missing-dbf.zip'), 'g.zip', /grids\.shp but not its attribute table grids\.dbf/));
  it('refuses a zip without a .shp', () => rejects(zipSync({ 'readme.txt': new Uint8Array([65]) }), 'a.zip', /no \.shp file \(it holds: readme\.txt\)/));
  it('refuses an Excel workbook, asking for CSV', () => rejects(new Uint8Array([0x50, 0x4b, 3, 4]), 'register.xlsx', /Excel workbook; save it as CSV/));
  it('refuses a format it does not read', () => rejects(new Uint8Array([1, 2, 3]), 'photo.png', /not a format GridMap reads/));
  it('refuses JSON that is not GeoJSON', () => rejects(new TextEncoder().encode('{"a":1}'), 'a.json', /not a GeoJSON FeatureCollection/));
  it('refuses a header-only CSV as holding no rows', () => rejects(new TextEncoder().encode('经度,纬度\n'), 'h.csv', /holds no rows/));
  it('refuses a projected shapefile, naming its system', async () => {
    const files = await import('fflate').then((f) => f.unzipSync(fixture('grids-gbk.zip')));
    files['grids.prj'] = new TextEncoder().encode('PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["China_2000"]]');
    await rejects(zipSync(files), 'g.zip', /projected coordinate system 'CGCS2000_3_Degree_GK_CM_120E'/);
  });
});
