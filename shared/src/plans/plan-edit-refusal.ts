/** Why the planner refused an edit; the web app shows each as a catalogue message with the params. */
export const PLAN_EDIT_REFUSALS = [
  'vertex_locked',
  'no_edge',
  'edge_on_boundary',
  'ring_too_small',
  'no_vertex',
  'vertex_is_junction',
  'grid_exists',
  'line_along_edge',
  'line_crossings',
  'line_crosses_hole',
  'line_outside',
  'split_piece_empty',
  'merge_self',
  'merge_no_shared_edge',
  'hole_outside',
  'no_grid',
] as const;
export type PlanEditRefusalKind = (typeof PLAN_EDIT_REFUSALS)[number];

/** Parameters of a refusal: grid ids (the UI shows their names), counts, coordinates. */
export type PlanEditRefusalParams = Partial<Record<'grid' | 'other' | 'vertex' | 'count' | 'lon' | 'lat', number>>;

/**
 * An edit the topology cannot make. The message stays English for logs and tests; the `kind`
 * and `params` are what a UI translates, so a zh-CN screen never shows the English.
 */
export class PlanEditRefusal extends Error {
  constructor(
    readonly kind: PlanEditRefusalKind,
    readonly params: PlanEditRefusalParams,
    message: string,
  ) {
    super(message);
    this.name = 'PlanEditRefusal';
  }
}
