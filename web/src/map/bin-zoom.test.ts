import { INCIDENT_POINT_MIN_ZOOM } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { BIN_ZOOM_STEP, binClickZoom } from './bin-zoom.ts';

const MAX_ZOOM = 19;

describe('binClickZoom', () => {
  it('zooms in a step from far out', () => {
    expect(binClickZoom(INCIDENT_POINT_MIN_ZOOM - 4, MAX_ZOOM)).toBe(INCIDENT_POINT_MIN_ZOOM - 4 + BIN_ZOOM_STEP);
  });

  it('stops at the point zoom when a step would pass it', () => {
    expect(binClickZoom(INCIDENT_POINT_MIN_ZOOM - 0.5, MAX_ZOOM)).toBe(INCIDENT_POINT_MIN_ZOOM);
  });

  it('zooms further in, never out, from a bin drawn at or above the point zoom', () => {
    const zoom = INCIDENT_POINT_MIN_ZOOM + 0.3;
    expect(binClickZoom(zoom, MAX_ZOOM)).toBeCloseTo(zoom + BIN_ZOOM_STEP);
  });

  it('never passes the map’s largest zoom', () => {
    expect(binClickZoom(MAX_ZOOM - 1, MAX_ZOOM)).toBe(MAX_ZOOM);
  });
});
