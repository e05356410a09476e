import { useI18n } from '../../i18n/locale-context.tsx';
import { openNearest } from './nearest-store.ts';

/** "就近调解" for an incident's panel: opens the nearest search from the incident's place and kind. */
export function NearestButton({ incidentId, at }: { incidentId: number; at: readonly number[] }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="ghost-button nearest-button"
      data-testid="nearest-button"
      onClick={() => openNearest({ kind: 'incident', id: incidentId, at: [at[0], at[1]] })}
    >
      {t('nearest.button')}
    </button>
  );
}
