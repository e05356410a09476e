import { describe, expect, it } from 'vitest';
import { EXPORT_LAYERS, exportUrl } from './export-links.ts';

describe('exportUrl', () => {
  it('names the layer route, the format and the level of an areas export', () => {
    const grids = EXPORT_LAYERS.find((l) => l.id === 'areas-grid')!;
    const households = EXPORT_LAYERS.find((l) => l.id === 'households')!;
    expect(exportUrl(grids, 'shp')).toBe('/api/layer-exports/areas?format=shp&level=grid');
    expect(exportUrl(households, 'csv')).toBe('/api/layer-exports/households?format=csv');
  });
});
