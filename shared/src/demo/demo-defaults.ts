/** Seed of the demo county that the server generates on its first start. */
export const DEFAULT_DEMO_SEED = 20260101;

/** Scale of that county: 1 = the full demo (~400,000 households, ~2,000 grids). */
export const DEFAULT_DEMO_SIZE = 1;

/** The password of every demo account (README lists them; the server seeds them with the demo county). */
export const DEMO_PASSWORD = 'gridmap2026';
