import { describe, expect, it } from 'vitest';
import { csvText } from './csv-text.ts';

describe('csvText', () => {
  it('starts with a UTF-8 BOM and quotes cells holding commas, quotes or line breaks', () => {
    const text = csvText(['address', 'tags'], [
      { properties: { address: '一组1号,"后院"', tags: ['migrant', 'elderly_alone'] }, geometry: { type: 'Point', coordinates: [120.5, 29.25] } },
    ]);
    expect(text).toBe('\uFEFFaddress,tags,lon,lat\r\n"一组1号,""后院""",migrant;elderly_alone,120.5,29.25\r\n');
  });

  it('writes polygons as WKT in a wkt column', () => {
    const text = csvText(['code'], [
      { properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
    ]);
    expect(text.split('\r\n')[1]).toBe('A,"POLYGON ((0 0, 1 0, 1 1, 0 0))"');
  });
});
