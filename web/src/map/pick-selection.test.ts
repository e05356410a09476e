import { describe, expect, it } from 'vitest';
import { pickSelection, type PickedFeature } from './pick-selection.ts';

const at: [number, number] = [120.25, 29.71];

function feature(layer: string, properties: Record<string, unknown>, point?: [number, number]): PickedFeature {
  return {
    layer: { id: layer },
    properties,
    geometry: point ? { type: 'Point', coordinates: point } : { type: 'Polygon', coordinates: [] },
  };
}

describe('pickSelection', () => {
  it('selects the grid under the pointer with its level', () => {
    const pick = pickSelection([feature('grid-fill', { id: 42, level: 'grid', name: '第1网格' })], at);
    expect(pick).toEqual({ kind: 'select', selection: { kind: 'area', id: 42, level: 'grid' } });
  });

  it('prefers a point over the grid it lies in', () => {
    const pick = pickSelection(
      [feature('grid-fill', { id: 42, level: 'grid' }), feature('incidents-point', { id: 7, status: 'reported' }, [120.2, 29.7])],
      at,
    );
    expect(pick).toEqual({ kind: 'select', selection: { kind: 'incident', id: 7, at: [120.2, 29.7] } });
  });

  it('prefers a mediation point over an incident next to it', () => {
    const pick = pickSelection(
      [feature('incidents-point', { id: 7 }, at), feature('mediation-points', { id: 3, kind: 'court' }, at)],
      at,
    );
    expect(pick).toEqual({ kind: 'select', selection: { kind: 'mediationPoint', id: 3, at } });
  });

  it('selects a household with the point it was drawn at', () => {
    const pick = pickSelection([feature('households-point', { id: 9, size: 3 }, [120.3, 29.8])], at);
    expect(pick).toEqual({ kind: 'select', selection: { kind: 'household', id: 9, at: [120.3, 29.8] } });
  });

  it('zooms into an incident bin instead of selecting it', () => {
    expect(pickSelection([feature('incidents-bin', { count: 12, open: 2 }, [120.1, 29.6])], at)).toEqual({
      kind: 'zoomTo',
      at: [120.1, 29.6],
    });
  });

  it('picks nothing outside every clickable layer', () => {
    expect(pickSelection([feature('county-line', { id: 1 })], at)).toBeNull();
    expect(pickSelection([], at)).toBeNull();
  });
});
