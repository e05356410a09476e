import { useI18n } from '../../i18n/locale-context.tsx';

/** Kind line, title and close button at the top of the detail panel. */
export function DetailHeader({ kind, title, onClose }: { kind: string; title: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <header className="detail-header">
      <div className="detail-kind">{kind}</div>
      <h2 className="detail-title" data-testid="detail-title">
        {title}
      </h2>
      <button type="button" className="detail-close" onClick={onClose} aria-label={t('detail.close')} title={t('detail.close')}>
        ×
      </button>
    </header>
  );
}

/** What shows while a detail loads or when it failed. */
export function DetailStatus({ state }: { state: 'loading' | 'error' | 'missing' }) {
  const { t } = useI18n();
  const message = state === 'loading' ? t('app.loading') : state === 'error' ? t('app.loadFailed') : t('detail.notFound');
  return <p className={`detail-status ${state}`}>{message}</p>;
}
