import type { GridVersion } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { historyEvents, restoreInstant } from './history-events.ts';

const square: GridVersion['geometry'] = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
const version = (gridId: number, v: number, planId: number | null, validFrom: string | null, retired = false): GridVersion => ({
  gridId, version: v, code: `c${gridId}`, name: `网格${gridId}`, geometry: retired ? null : square,
  validFrom, validTo: null, planId, author: planId === null ? '' : `作者${planId}`, reason: planId === null ? '' : `原因${planId}`,
});

describe('history events', () => {
  const versions = [
    version(4, 1, null, null), version(4, 2, 10, '2025-06-01T02:00:00.000Z'), version(4, 3, 12, '2025-07-01T02:00:00.000Z'),
    version(5, 1, null, null), version(5, 2, 10, '2025-06-01T02:00:00.000Z', true),
  ];

  it('groups the versions one plan recorded into one change, newest first, the first boundaries last', () => {
    const events = historyEvents(versions);
    expect(events.map((e) => e.planId)).toEqual([12, 10, null]);
    expect(events[1]).toMatchObject({ at: '2025-06-01T02:00:00.000Z', author: '作者10', reason: '原因10' });
    expect(events[1].grids).toEqual([
      { gridId: 4, name: '网格4', version: 2, retired: false },
      { gridId: 5, name: '网格5', version: 2, retired: true },
    ]);
  });

  it('restores a change from when it took effect, and the first boundaries from just before the first change', () => {
    const events = historyEvents(versions);
    expect(restoreInstant(events[0], events)).toBe('2025-07-01T02:00:00.000Z');
    expect(restoreInstant(events[2], events)).toBe('2025-06-01T01:59:59.999Z');
    expect(restoreInstant(events[0], [])).toBe('2025-07-01T02:00:00.000Z');
    expect(restoreInstant({ planId: null, at: null, author: '', reason: '', grids: [] }, [])).toBeNull();
  });
});
