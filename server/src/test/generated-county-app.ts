import type { CountyData } from '@gridmap/shared';
import { DEFAULT_DEMO_SEED } from '@gridmap/shared/demo/demo-defaults';
import { generateCounty } from '@gridmap/shared/demo/generate-county';
import { afterAll, beforeAll } from 'vitest';
import { loadCountyOutline } from '../demo/load-outline.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** The instant generated test counties end at (their two years of incidents lead up to it). */
export const GENERATED_NOW = '2026-01-01T00:00:00.000Z';

/**
 * A generated county of `size` (1 = the full demo) served by the app over a temporary database,
 * made once for the calling file (generating takes a few seconds) and only read by its cases.
 * Call at the top level of the file; read `.data` and `.app` inside tests.
 */
export function useGeneratedCountyApp(size: number, seed = DEFAULT_DEMO_SEED): { readonly data: CountyData; readonly t: TestApp } {
  const holder = { data: undefined as unknown as CountyData, t: undefined as unknown as TestApp };
  beforeAll(() => {
    holder.data = generateCounty({ outline: loadCountyOutline(), seed, size, now: GENERATED_NOW });
    holder.t = createTestApp(holder.data, GENERATED_NOW);
  });
  afterAll(() => holder.t?.close());
  return holder;
}
