import type { AreaProperties } from '@gridmap/shared';
import { useI18n } from '../i18n/locale-context.tsx';
import type { Selection } from '../map/selection.ts';

/** The community a selection belongs to, for the planner: itself, or a grid's parent; else null. */
export function plannerCommunityOf(selection: Selection | null, findArea: (id: number) => AreaProperties | undefined): number | null {
  if (selection?.kind !== 'area') return null;
  if (selection.level === 'community') return selection.id;
  if (selection.level === 'grid') return findArea(selection.id)?.parentId ?? null;
  return null;
}

/** A button over the map that opens the planner on the selected community. */
export function PlannerEntry({ communityId, findArea, onOpen }: {
  communityId: number;
  findArea: (id: number) => AreaProperties | undefined;
  onOpen(id: number): void;
}) {
  const { t } = useI18n();
  return (
    <button type="button" className="primary-button planner-entry" onClick={() => onOpen(communityId)} data-testid="planner-open">
      {t('planner.open', { name: findArea(communityId)?.name ?? '' })}
    </button>
  );
}
