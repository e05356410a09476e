import { COUNTY_TIME_ZONE, type AuditEntry } from '@gridmap/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { auditActionsQueryOptions, auditLinesQueryOptions } from './audit-api.ts';
import { NO_AUDIT_FILTERS, parseAuditTarget, type AuditFilters } from './audit-query.ts';

/** Actions with a label in the catalogue; others (added later on the server) show as their code. */
const ACTION_LABELS: Record<string, MessageKey> = {
  sign_in: 'audit.action.sign_in',
  sign_in_failed: 'audit.action.sign_in_failed',
  sign_out: 'audit.action.sign_out',
  view_personal: 'audit.action.view_personal',
  write: 'audit.action.write',
};

/**
 * The audit log for the administrator (issue 9): who did what, when and from where, newest
 * first, narrowed by account, action and county days, in pages of a hundred lines.
 */
export function AuditPage({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const lines = useInfiniteQuery(auditLinesQueryOptions(filters));
  const actions = useQuery(auditActionsQueryOptions);
  const entries = useMemo(() => lines.data?.pages.flat() ?? [], [lines.data]);
  // Seconds matter in an audit trail: the app's usual date-time stops at minutes.
  const stamp = useMemo(
    () => new Intl.DateTimeFormat(locale, { timeZone: COUNTY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
    [locale],
  );
  const actionLabel = (action: string) => (ACTION_LABELS[action] ? t(ACTION_LABELS[action]) : action);
  const targetLabel = (target: string) => {
    const parsed = parseAuditTarget(target);
    return 'raw' in parsed ? parsed.raw : t(`audit.target.${parsed.kind}`, { id: String(parsed.id) });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const field = (name: keyof AuditFilters) => ({ value: draft[name], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }) });

  return (
    <div className="data-page audit-page" data-testid="audit-page">
      <div className="data-page-head">
        <h2>{t('audit.title')}</h2>
        <button type="button" className="data-button" onClick={onClose}>
          {t('audit.back')}
        </button>
      </div>
      <section className="data-card">
        <p className="data-hint">{t('audit.hint')}</p>
        <form className="audit-filters" onSubmit={apply}>
          <label>
            <span>{t('audit.account')}</span>
            <input {...field('account')} placeholder={t('audit.anyAccount')} data-testid="audit-account" />
          </label>
          <label>
            <span>{t('audit.action')}</span>
            <select {...field('action')} data-testid="audit-action">
              <option value="">{t('audit.allActions')}</option>
              {(actions.data ?? []).map((a) => (
                <option key={a} value={a}>{actionLabel(a)}</option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('audit.from')}</span>
            <input type="date" {...field('from')} data-testid="audit-from" />
          </label>
          <label>
            <span>{t('audit.to')}</span>
            <input type="date" {...field('to')} data-testid="audit-to" />
          </label>
          <button type="submit" className="data-button primary" data-testid="audit-apply">{t('audit.apply')}</button>
          <button type="button" className="data-button" onClick={() => (setDraft(NO_AUDIT_FILTERS), setFilters(NO_AUDIT_FILTERS))}>
            {t('audit.clear')}
          </button>
          <span className="audit-count">{t('audit.count', { count: entries.length })}</span>
        </form>
        {lines.isError && <p className="form-error" role="alert">{t('action.failed', { message: lines.error.message })}</p>}
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.col.at')}</th>
              <th>{t('audit.col.account')}</th>
              <th>{t('audit.col.action')}</th>
              <th>{t('audit.col.target')}</th>
              <th>{t('audit.col.ip')}</th>
              <th className="audit-detail">{t('audit.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry: AuditEntry) => (
              <tr key={entry.id} className={`audit-${entry.action}`} data-testid="audit-line">
                <td className="audit-at">{stamp.format(new Date(entry.at))}</td>
                <td>{entry.username}</td>
                <td className="audit-action">{actionLabel(entry.action)}</td>
                <td>{targetLabel(entry.target)}</td>
                {/* An IPv4 client seen on a dual-stack socket reads ::ffff:10.0.0.5; the address is the part after. */}
                <td className="audit-ip">{entry.ip.replace(/^::ffff:/, '')}</td>
                <td className="audit-detail" title={entry.detail}>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {lines.isPending && <p className="data-hint">{t('app.loading')}</p>}
        {!lines.isPending && entries.length === 0 && <p className="data-hint">{t('audit.empty')}</p>}
        {lines.hasNextPage ? (
          <button type="button" className="data-button audit-more" disabled={lines.isFetchingNextPage} onClick={() => void lines.fetchNextPage()}>
            {t('audit.loadMore')}
          </button>
        ) : (
          entries.length > 0 && <p className="data-hint audit-end">{t('audit.end')}</p>
        )}
      </section>
    </div>
  );
}
