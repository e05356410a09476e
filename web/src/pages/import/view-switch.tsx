import { useI18n } from '../../i18n/locale-context.tsx';
import type { AppView } from './use-hash-view.ts';

/** Map | Import & export, in the top bar. */
export function ViewSwitch({ view, onChange }: { view: AppView; onChange: (view: AppView) => void }) {
  const { t } = useI18n();
  return (
    <nav className="view-switch">
      {(['map', 'data'] as const).map((v) => (
        <button key={v} type="button" data-testid={`view-${v}`} className={view === v ? 'active' : ''} aria-pressed={view === v} onClick={() => onChange(v)}>
          {t(`view.${v}`)}
        </button>
      ))}
    </nav>
  );
}
