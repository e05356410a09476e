import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYER_SETTINGS, layerVisibility } from './layer-settings.ts';

describe('layerVisibility', () => {
  it('hides a level’s line and labels together when its boundary is switched off', () => {
    const visible = layerVisibility({ ...DEFAULT_LAYER_SETTINGS, boundaries: { ...DEFAULT_LAYER_SETTINGS.boundaries, town: false } });
    expect(visible['town-line']).toBe(false);
    expect(visible['town-label']).toBe(false);
    expect(visible['community-line']).toBe(true);
  });

  it('switches both zoom forms of households and incidents at once', () => {
    const visible = layerVisibility({ ...DEFAULT_LAYER_SETTINGS, households: true, incidents: false });
    expect([visible['households-heat'], visible['households-point']]).toEqual([true, true]);
    expect([visible['incidents-bin'], visible['incidents-point']]).toEqual([false, false]);
  });

  it('never hides the grid fill, which clicks on grids land on', () => {
    expect(layerVisibility({ ...DEFAULT_LAYER_SETTINGS, gridFigure: 'none' })).not.toHaveProperty('grid-fill');
  });

  it('opens on the cases in hand: incidents on, open ones only', () => {
    expect(DEFAULT_LAYER_SETTINGS).toMatchObject({ incidents: true, incidentScope: 'open' });
  });
});
