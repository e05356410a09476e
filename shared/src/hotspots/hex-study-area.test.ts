import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area-geometry.ts';
import { hexStudyArea } from './hex-study-area.ts';
import { neighboursOf } from './neighbourhood.ts';

const box: AreaGeometry = {
  type: 'Polygon',
  coordinates: [[[120.0, 29.0], [120.2, 29.0], [120.2, 29.2], [120.0, 29.2], [120.0, 29.0]]],
};

describe('hexStudyArea', () => {
  it('covers the outline with cells whose centres lie inside, and gives inner cells their six neighbours', () => {
    const area = hexStudyArea(box, [], [], 7);
    expect(area.cells.length).toBeGreaterThan(50);
    for (const cell of area.cells) {
      const [lat, lon] = cellToLatLng(cell);
      expect(lon >= 120 && lon <= 120.2 && lat >= 29 && lat <= 29.2).toBe(true);
    }
    const centre = area.cells.indexOf(latLngToCell(29.1, 120.1, 7));
    const expected = gridDisk(area.cells[centre], 1).filter((c) => c !== area.cells[centre]).sort();
    expect(neighboursOf(area.neighbourhood, centre).map((i) => area.cells[i]).sort()).toEqual(expected);
  });

  it('adds the cell of a point outside the outline and points each point at its cell', () => {
    const area = hexStudyArea(box, [120.1, 121.5], [29.1, 29.1], 7);
    expect(area.cells[area.cellOfPoint[1]]).toBe(latLngToCell(29.1, 121.5, 7));
    expect(area.cells[area.cellOfPoint[0]]).toBe(latLngToCell(29.1, 120.1, 7));
  });

  it('refuses a resolution outside 5..9', () => {
    expect(() => hexStudyArea(box, [], [], 10)).toThrow(/outside 5..9/);
  });
});
