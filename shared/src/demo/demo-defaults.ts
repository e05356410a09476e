/** Seed of the demo county that the server generates on its first start. */
export const DEFAULT_DEMO_SEED = 20260101;

/** Scale of that county: 1 = the full demo (~400,000 households, ~2,000 grids). */
export const DEFAULT_DEMO_SIZE = 1;
