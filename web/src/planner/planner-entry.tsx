import type { AreaProperties } from '@gridmap/shared';
import { useI18n } from '../i18n/locale-context.tsx';

/** The community an area belongs to, for the planner: itself, or a grid's parent; else null. */
export function plannerCommunityOf(area: Pick<AreaProperties, 'id' | 'level' | 'parentId'> | undefined): number | null {
  if (area?.level === 'community') return area.id;
  if (area?.level === 'grid') return area.parentId;
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
