import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { HOTSPOT_BIN_COLOURS, hotspotFillLayer } from './hotspot-layers.ts';

describe('hotspotFillLayer', () => {
  it('draws only significant cells', () => {
    const filter = featureFilter(hotspotFillLayer().filter, 'layers[0].filter');
    const at = (bin: number) => filter.filter({ zoom: 10 } as never, { type: 3, properties: { bin }, geometry: [] } as never);
    expect([-3, -1, 0, 1, 3].map(at)).toEqual([true, true, false, true, true]);
  });

  it('colours hot cells red and cold cells blue, deeper with confidence', () => {
    const paint = JSON.stringify(hotspotFillLayer().paint?.['fill-color']);
    for (const colour of Object.values(HOTSPOT_BIN_COLOURS)) expect(paint).toContain(colour);
    expect(HOTSPOT_BIN_COLOURS[3]).toBe('#b2182b');
    expect(HOTSPOT_BIN_COLOURS[-3]).toBe('#2166ac');
  });
});
