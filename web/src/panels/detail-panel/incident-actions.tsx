import { REFERRAL_TARGETS, type ReferralTarget, type Transition, type TransitionRequest } from '@gridmap/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/fetch-json.ts';
import { postTransition } from '../../api/incident-writes-api.ts';
import { incidentKeys, type IncidentDetailFeature, type MediationPointFeature } from '../../api/points-api.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import { assignCandidates } from './assign-candidates.ts';

export interface IncidentActionsProps {
  incident: IncidentDetailFeature;
  actor: string;
  mediationPoints: readonly MediationPointFeature[];
}

/**
 * The steps the handling cycle allows next, as buttons; each opens a short form (what the step
 * needs, and a note) so that nothing is done by a stray click. The step is made against the
 * version shown: when someone else acted first the server refuses it, and the panel reloads.
 */
export function IncidentActions({ incident, actor, mediationPoints }: IncidentActionsProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Transition | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [assignee, setAssignee] = useState('');
  const [referredTo, setReferredTo] = useState<ReferralTarget>('court');
  const [message, setMessage] = useState<string | null>(null);
  const p = incident.properties;
  const candidates = useMemo(
    () => (chosen === 'assign' ? assignCandidates(mediationPoints, p.kind, incident.geometry.coordinates) : []),
    [chosen, mediationPoints, p.kind, incident.geometry.coordinates],
  );
  const [pointId, setPointId] = useState<number | null>(null);
  const selectedPointId = pointId ?? candidates[0]?.point.id ?? null;

  const step = useMutation({
    mutationFn: (request: TransitionRequest) => postTransition(p.id, request),
    onSuccess: () => {
      setChosen(null);
      setNote('');
      setReason('');
      setMessage(null);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(p.id) });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.counters() });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 409) {
        setMessage(t('action.conflict'));
        setChosen(null);
        void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(p.id) });
      } else {
        setMessage(t('action.failed', { message: error instanceof Error ? error.message : String(error) }));
      }
    },
  });

  if (p.allowedTransitions.length === 0) {
    return <p className="actions-none">{t('action.none')}</p>;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const base = { actor, expectedVersion: p.version, ...(note.trim() && { note: note.trim() }) };
    let request: TransitionRequest;
    if (chosen === 'assign') {
      if (selectedPointId === null || assignee.trim() === '') return;
      request = { transition: 'assign', ...base, mediationPointId: selectedPointId, assignee: assignee.trim() };
    } else if (chosen === 'refer') {
      request = { transition: 'refer', ...base, referredTo };
    } else if (chosen === 'escalate') {
      if (reason.trim() === '') return;
      request = { transition: 'escalate', ...base, reason: reason.trim() };
    } else {
      request = { transition: chosen, ...base } as TransitionRequest;
    }
    step.mutate(request);
  };

  return (
    <section className="actions-section" data-testid="incident-actions">
      <h3 className="section-heading">{t('action.title')}</h3>
      <div className="action-buttons">
        {p.allowedTransitions.map((transition) => (
          <button
            key={transition}
            type="button"
            className={`action-button ${transition === 'escalate' ? 'escalate' : ''} ${chosen === transition ? 'active' : ''}`}
            data-transition={transition}
            onClick={() => {
              setChosen(chosen === transition ? null : transition);
              setMessage(null);
            }}
          >
            {t(`action.${transition}`)}
          </button>
        ))}
      </div>
      {chosen && (
        <form className="action-form" onSubmit={onSubmit} data-testid="action-form">
          {chosen === 'assign' && (
            <>
              <label className="form-row">
                <span>{t('action.mediationPoint')}</span>
                <select value={selectedPointId ?? ''} onChange={(e) => setPointId(Number(e.target.value))} title={t('action.mediationPointHint')} data-testid="assign-point">
                  {candidates.map(({ point, distanceM }) => (
                    <option key={point.id} value={point.id}>
                      {point.properties.name} · {t('action.distance', { km: Math.round(distanceM / 100) / 10 })}
                    </option>
                  ))}
                </select>
              </label>
              <label className="form-row">
                <span>{t('action.assignee')}</span>
                <input value={assignee} maxLength={40} required onChange={(e) => setAssignee(e.target.value)} data-testid="assign-assignee" />
              </label>
            </>
          )}
          {chosen === 'refer' && (
            <label className="form-row">
              <span>{t('action.referredTo')}</span>
              <select value={referredTo} onChange={(e) => setReferredTo(e.target.value as ReferralTarget)}>
                {REFERRAL_TARGETS.map((target) => <option key={target} value={target}>{t(`referral.${target}`)}</option>)}
              </select>
            </label>
          )}
          {chosen === 'escalate' && (
            <label className="form-row">
              <span>{t('action.reason')}</span>
              <textarea rows={2} value={reason} maxLength={2000} required onChange={(e) => setReason(e.target.value)} data-testid="escalate-reason" />
            </label>
          )}
          <label className="form-row">
            <span>{t('action.note')}</span>
            <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="button" className="ghost-button" onClick={() => setChosen(null)}>{t('action.cancel')}</button>
            <button type="submit" className="primary-button" disabled={step.isPending} data-testid="action-submit">
              {t(`action.${chosen}`)} · {t('action.submit')}
            </button>
          </div>
        </form>
      )}
      {message && <p className="form-error" role="alert" data-testid="action-message">{message}</p>}
    </section>
  );
}
