import { describe, expect, it } from 'vitest';
import { MAX_UNDO_STEPS, pushHistory, redo, startHistory, undo } from './planner-history.ts';

describe('planner history', () => {
  it('undoes and redoes edits in order, and a new edit forgets what could be redone', () => {
    let h = pushHistory(pushHistory(startHistory('a'), 'b'), 'c');
    h = undo(undo(h));
    expect(h.present).toBe('a');
    h = redo(h);
    expect(h.present).toBe('b');
    h = pushHistory(h, 'd');
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe('b');
  });

  it('keeps at most MAX_UNDO_STEPS steps to undo', () => {
    let h = startHistory(0);
    for (let i = 1; i <= MAX_UNDO_STEPS + 5; i++) h = pushHistory(h, i);
    expect(h.past).toHaveLength(MAX_UNDO_STEPS);
    expect(h.past[0]).toBe(5);
  });
});
