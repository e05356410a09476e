/** An undo/redo history of values: `present` is shown, `past` and `future` are the stacks. */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

/** Most edits kept for undo; older ones drop off (each is a copy of a community's partition). */
export const MAX_UNDO_STEPS = 200;

/** A history that starts at `value`. */
export function startHistory<T>(value: T): History<T> {
  return { past: [], present: value, future: [] };
}

/** `value` becomes the present; the old present can be undone; redo is forgotten. */
export function pushHistory<T>(h: History<T>, value: T): History<T> {
  return { past: [...h.past, h.present].slice(-MAX_UNDO_STEPS), present: value, future: [] };
}

/** One step back, or the same history when there is nothing to undo. */
export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

/** One step forward again, or the same history when there is nothing to redo. */
export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
