import { describe, expect, it } from 'vitest';
import { incidentUnderPointer } from './pointer-incident.ts';

describe('incidentUnderPointer', () => {
  it('prefers the live layer, then the tiles, and ignores other layers and bins', () => {
    expect(incidentUnderPointer([
      { layer: { id: 'incidents-bin' }, properties: { count: 12 } },
      { layer: { id: 'incidents-point' }, properties: { id: 7 } },
      { layer: { id: 'live-incidents' }, properties: { id: 9 } },
    ])).toBe(9);
    expect(incidentUnderPointer([{ layer: { id: 'incidents-point' }, properties: { id: 7 } }])).toBe(7);
    expect(incidentUnderPointer([{ layer: { id: 'grid-fill' }, properties: { id: 4 } }])).toBeNull();
  });
});
