import { MEDIATION_KINDS } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_POINTS_MIN_ZOOM, mediationPointsLayer, MEDIATION_NAME_MIN_ZOOM } from './mediation-points-layer.ts';
import { MEDIATION_SYMBOLS, mediationImageId } from './mediation-symbols.ts';

describe('mediation points layer', () => {
  it('picks the image of each point’s kind, the ids the map adds its drawn symbols under', () => {
    const layer = mediationPointsLayer();
    expect(layer.layout?.['icon-image']).toEqual(['concat', 'mediation-', ['get', 'kind']]);
    expect(mediationImageId('court')).toBe('mediation-court');
  });

  it('names points only from high zoom', () => {
    expect(mediationPointsLayer().layout?.['text-field']).toEqual(['step', ['zoom'], '', MEDIATION_NAME_MIN_ZOOM, ['get', 'name']]);
  });

  it('leave community points out below their zoom, and county and town points in', () => {
    expect(mediationPointsLayer().filter).toEqual([
      'any', ['!=', ['get', 'level'], 'community'], ['>=', ['zoom'], COMMUNITY_POINTS_MIN_ZOOM],
    ]);
  });

  it('give every kind its own character and colour', () => {
    const symbols = MEDIATION_KINDS.map((kind) => MEDIATION_SYMBOLS[kind]);
    expect(symbols.map((s) => s.glyph).join('')).toBe('矛调警商专心法');
    expect(new Set(symbols.map((s) => s.colour)).size).toBe(MEDIATION_KINDS.length);
  });
});
