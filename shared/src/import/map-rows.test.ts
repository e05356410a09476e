import { describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error.ts';
import { importMappingSchema, type ImportMappingInput } from './import-mapping.ts';
import { mapRows } from './map-rows.ts';
import type { SourceTable } from './source-table.ts';

const csv = (columns: string[], rows: (string | null)[][]): SourceTable => ({
  format: 'csv',
  columns,
  rows: rows.map((r) => ({ properties: Object.fromEntries(columns.map((c, i) => [c, r[i]])), geometry: null })),
  declaredCrs: null,
  encoding: 'utf-8',
});
const mapping = (m: ImportMappingInput) => importMappingSchema.parse(m);
const households = mapping({
  layer: 'households',
  fields: { lon: '经度', lat: '纬度', address: '地址', size: '人数', tags: '标签', externalId: '编号' },
});
const columns = ['编号', '经度', '纬度', '地址', '人数', '标签'];

describe('mapRows', () => {
  it('turns a register row into a household, reading Chinese tag words', () => {
    const [row] = mapRows(csv(columns, [['H1', '120.05', '29.05', '一组1号', '3', '流动人口、独居老人']]), households);
    expect(row).toEqual({
      row: 1,
      key: 'H1',
      record: { lon: 120.05, lat: 29.05, externalId: 'H1', address: '一组1号', size: 3, tags: ['migrant', 'elderly_alone'], headName: '', phone: '' },
    });
  });

  it('rejects a row with every reason at once, naming the field of each', () => {
    const [row] = mapRows(csv(columns, [['H2', 'east', '29.05', '', '0', '贵宾']]), households);
    expect(row.problems?.map((p) => [p.code, p.field])).toEqual([
      ['invalid_value', 'lon'],
      ['missing_value', 'address'],
      ['invalid_value', 'size'],
      ['invalid_value', 'tags'],
    ]);
  });

  it('converts GCJ-02 positions to WGS84 on the way in', () => {
    const gcj = mapping({ ...households, crs: 'gcj02' });
    const [row] = mapRows(csv(columns, [['H1', '116.41024449916938', '39.91640428150164', 'a', '1', '']]), { ...gcj, layer: 'households' as const });
    expect(row.record?.lon).toBeCloseTo(116.404, 6);
    expect(row.record?.lat).toBeCloseTo(39.915, 6);
  });

  it('refuses a file without coordinate columns', () => {
    const noLonLat = mapping({ layer: 'households', fields: { address: '地址', size: '人数' } });
    expect(() => mapRows(csv(['地址', '人数'], [['a', '1']]), noLonLat)).toThrow(/no coordinate columns/);
  });

  it('refuses a mapping that names a column the file lacks', () => {
    const error = (() => {
      try {
        mapRows(csv(['经度'], [['1']]), households);
      } catch (e) {
        return e as ImportFileError;
      }
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error?.field).toBe('fields.lat');
  });

  it('reads county-local times and defaults the deadline from the kind and severity', () => {
    const incidents = mapping({ layer: 'incidents', fields: { lon: 'x', lat: 'y', kind: '类型', reportedAt: '时间', severity: '等级' } });
    const [row] = mapRows(csv(['x', 'y', '类型', '时间', '等级'], [['120', '29', '劳动争议', '2025/4/2 09:30', '2']]), incidents);
    expect(row.record).toMatchObject({
      kind: 'labour',
      status: 'reported',
      reportedAt: '2025-04-02T01:30:00.000Z', // 09:30 at UTC+8
      deadlineAt: '2025-04-22T01:30:00.000Z', // deadlineDays('labour', 2) = 20
    });
  });

  it('rejects an area whose boundary crosses itself, saying where', () => {
    const areas = mapping({ layer: 'areas', level: 'grid', fields: { code: 'code', name: 'name', parentCode: 'parent' } });
    const bowtie = { type: 'Polygon' as const, coordinates: [[[120, 29], [120.1, 29.1], [120.1, 29], [120, 29.1], [120, 29]]] };
    const table: SourceTable = {
      format: 'geojson', columns: ['code', 'name', 'parent'], declaredCrs: null, encoding: 'utf-8',
      rows: [{ properties: { code: '330681001001009', name: '蝴蝶', parent: '330681001001' }, geometry: bowtie }],
    };
    const [row] = mapRows(table, areas);
    expect(row.problems).toEqual([
      expect.objectContaining({ code: 'invalid_geometry', where: [expect.closeTo(120.05, 9), expect.closeTo(29.05, 9)] }),
    ]);
  });
});
