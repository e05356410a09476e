import type { Polygon, Position } from 'geojson';
import { partitionFromGrids } from '@gridmap/shared/plans/grid-partition';
import { mergeGrids, splitGrid } from '@gridmap/shared/plans/partition-edits';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translator.ts';
import { refusalText } from './refusal-text.ts';

const poly = (...ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
const partition = () => partitionFromGrids(
  [
    { id: 1, geometry: poly([0, 0], [1, 0], [1, 1], [0, 1]) },
    { id: 2, geometry: poly([1, 0], [2, 0], [2, 1], [1, 1]) },
    { id: 3, geometry: poly([0, 1], [1, 1], [1, 2], [0, 2]) },
    { id: 4, geometry: poly([1, 1], [2, 1], [2, 2], [1, 2]) },
  ],
  poly([0, 0], [1, 0], [2, 0], [2, 1], [2, 2], [1, 2], [0, 2], [0, 1]),
);
const names = new Map([[1, '西南网格'], [4, '东北网格']]);
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('not refused');
};

describe('refusal text', () => {
  it('says a refused cut in Chinese with the grid\'s name and the count, no English', () => {
    const text = refusalText(refusal(() => splitGrid(partition(), 4, [[1.5, 1.5], [1.5, 2.1]], -1)), createTranslator('zh-CN'), (id) => names.get(id)!);
    expect(text).toBe('切分线须恰好两次穿过东北网格的边界（现在 1 次）');
  });

  it('names both grids of a refused merge in English', () => {
    const text = refusalText(refusal(() => mergeGrids(partition(), 1, 4)), createTranslator('en'), (id) => names.get(id)!);
    expect(text).toBe('西南网格 and 东北网格 share no edge (they only touch at a corner) and cannot merge');
  });

  it('shows any other error as it is', () => {
    expect(refusalText(new Error('boom'), createTranslator('zh-CN'), String)).toBe('boom');
  });
});
