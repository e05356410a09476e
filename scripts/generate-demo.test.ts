import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZE } from '@gridmap/shared/demo/demo-defaults';
import { describe, expect, it } from 'vitest';
import { parseGenerateDemoArgs } from './generate-demo.ts';

describe('parseGenerateDemoArgs', () => {
  it('generates by default the county a first server start generates', () => {
    const options = parseGenerateDemoArgs([], '/work', new Date('2025-06-01T12:00:00Z'));
    expect(options).toMatchObject({ seed: DEFAULT_DEMO_SEED, size: DEFAULT_DEMO_SIZE });
  });

  it('dates the default county at the start of the county day (00:00 UTC+8)', () => {
    // 20:00 UTC on 1 June is 04:00 on 2 June in the county.
    const { now } = parseGenerateDemoArgs([], '/work', new Date('2025-06-01T20:00:00Z'));
    expect(now.toISOString()).toBe('2025-06-01T16:00:00.000Z');
  });

  it('reads a seed, a size, a time and an output path relative to the working directory', () => {
    const options = parseGenerateDemoArgs(['--seed', '7', '--size', '0.1', '--now', '2025-01-01T00:00:00Z', '--out', 'x.sqlite'], '/work');
    expect(options).toEqual({ seed: 7, size: 0.1, now: new Date('2025-01-01T00:00:00Z'), out: '/work/x.sqlite', scale: 'county' });
  });

  it('reads the province scale with its default output for the benches, and --counties only with it', () => {
    expect(parseGenerateDemoArgs(['--scale', 'province', '--counties', '3'], '/work')).toMatchObject({
      scale: 'province', counties: 3, size: 1, out: '/tmp/province/gridmap-province.sqlite',
    });
    expect(() => parseGenerateDemoArgs(['--counties', '3'])).toThrow('--counties needs --scale province');
    expect(() => parseGenerateDemoArgs(['--scale', 'state'])).toThrow('--scale must be county or province');
    expect(() => parseGenerateDemoArgs(['--scale', 'province', '--counties', '0'])).toThrow('--counties must be a positive integer');
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => parseGenerateDemoArgs(['--seed', '1.5'])).toThrow('--seed must be an integer');
  });
});
