import { PlanEditRefusal } from '@gridmap/shared/plans/plan-edit-refusal';
import type { MessageKey } from '../i18n/zh-CN.ts';
import type { Translate } from '../i18n/translator.ts';

/**
 * What to tell the planner when an edit is refused: the catalogue message for the refusal's
 * kind, with grid ids given as the grids' names. Anything else (a bug) shows its own message.
 */
export function refusalText(err: unknown, t: Translate, gridName: (id: number) => string): string {
  if (!(err instanceof PlanEditRefusal)) return err instanceof Error ? err.message : String(err);
  const { grid, other, count } = err.params;
  return t(`planner.refusal.${err.kind}` satisfies MessageKey, {
    grid: grid === undefined ? '' : gridName(grid),
    other: other === undefined ? '' : gridName(other),
    count: count ?? 0,
  });
}
