import { describe, expect, it } from 'vitest';
import { clockOffsetMs, serverNow } from './server-clock.ts';

describe('server clock', () => {
  it('measures the server ahead of the browser as a positive offset', () => {
    const receivedAt = Date.parse('2025-06-01T10:00:00Z');
    expect(clockOffsetMs('2025-06-01T10:05:00Z', receivedAt)).toBe(5 * 60_000);
  });

  it('measures a server behind the browser as a negative offset', () => {
    const receivedAt = Date.parse('2025-06-02T00:00:00Z');
    expect(clockOffsetMs('2025-06-01T00:00:00Z', receivedAt)).toBe(-86_400_000);
  });

  it('tells the server time from the local time and the offset', () => {
    const local = Date.parse('2025-06-01T10:00:00Z');
    expect(serverNow(-3_600_000, local).toISOString()).toBe('2025-06-01T09:00:00.000Z');
  });

  it('rejects a server time that is not a date, naming it', () => {
    expect(() => clockOffsetMs('soon', 0)).toThrow('Invalid server time: soon');
  });
});
