import type { Plan } from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../i18n/locale-context.tsx';
import { communityPlansQueryOptions, fetchPlan } from './planner-api.ts';

/** The community's plans, every planner's, newest first; a draft opens in the planner for review. */
export function PlanList({ communityId, openedId, onOpen }: { communityId: number; openedId: number | null; onOpen(plan: Plan): void }) {
  const { t, format } = useI18n();
  const plans = useQuery(communityPlansQueryOptions(communityId));
  const [error, setError] = useState<string | null>(null);
  const open = (id: number) => {
    setError(null);
    fetchPlan(id).then(onOpen, (err: Error) => setError(err.message));
  };
  return (
    <div className="planner-body planner-plans" data-testid="planner-plans">
      {error && <p className="planner-message error">{error}</p>}
      {plans.isSuccess && plans.data.plans.length === 0 && <p className="planner-hint">{t('planner.plans.empty')}</p>}
      <ol className="history-list">
        {plans.data?.plans.map((p) => (
          <li key={p.id} className={`history-event${p.id === openedId ? ' opened' : ''}`} data-plan={p.id}>
            <div className="history-event-head">
              <b>{t('planner.history.plan', { id: p.id })}</b>
              <span className={`change-tag status-${p.status}`}>{t(`planner.plans.${p.status}`)}</span>
              <span className="history-time">{format.dateTime(p.createdAt)}</span>
              <span className="history-author">{p.author}</span>
            </div>
            <div className="history-reason">{p.reason}</div>
            <div className="history-actions">
              {p.status === 'applied' && p.appliedAt && (
                <span className="planner-hint">{t('planner.plans.appliedBy', { time: format.dateTime(p.appliedAt), by: p.appliedBy ?? '' })}</span>
              )}
              {p.status === 'draft' && (
                <button type="button" className="ghost-button" onClick={() => open(p.id)} data-testid="plan-open">
                  {t('planner.plans.open')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
