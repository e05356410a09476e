import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { SessionMenu } from '../../session/session-menu.tsx';
import { healthQueryOptions } from './health-query.ts';

const COUNTS: { key: 'households' | 'incidents' | 'mediationPoints' | 'staff'; label: MessageKey }[] = [
  { key: 'households', label: 'count.households' },
  { key: 'incidents', label: 'count.incidents' },
  { key: 'mediationPoints', label: 'count.mediationPoints' },
  { key: 'staff', label: 'count.staff' },
];

/** The dark bar across the top: product, county, demo badge, views, table counts, language switch. */
export function TopBar({ nav }: { nav?: ReactNode } = {}) {
  const { t, format, locale, setLocale } = useI18n();
  const health = useQuery(healthQueryOptions);
  const data = health.data;
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.title')}</span>
      </div>
      {data && <span className="county-name">{data.county.name}</span>}
      {(data?.demo ?? true) && (
        <span className="demo-badge" title={t('app.demoHint')}>
          {t('app.demoBadge')}
        </span>
      )}
      {nav}
      <dl className="top-counts">
        {COUNTS.map(({ key, label }) => (
          <div key={key} className="top-count">
            <dt>{t(label)}</dt>
            <dd>{data?.counts ? format.number(data.counts[key]) : '–'}</dd>
          </div>
        ))}
      </dl>
      {health.isError && <span className="top-error">{t('app.loadFailed')}</span>}
      <SessionMenu />
      <button
        type="button"
        className="lang-switch"
        data-testid="lang-switch"
        title={t('lang.switchTitle')}
        onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
      >
        {t('lang.switchTo')}
      </button>
    </header>
  );
}
