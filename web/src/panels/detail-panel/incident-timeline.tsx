import { AREA_LEVELS, type IncidentEvent } from '@gridmap/shared';
import type { MediationPointFeature } from '../../api/points-api.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import { span } from '../../live/countdown.ts';
import { spanText } from '../command-centre/span-text.ts';

/** The incident's timeline, oldest first: when, what, who, and what moved (level, point, referral). */
export function IncidentTimeline({ events, findMediationPoint }: {
  events: readonly IncidentEvent[];
  findMediationPoint: (id: number) => MediationPointFeature | undefined;
}) {
  const { t, format } = useI18n();
  return (
    <section className="timeline-section">
      <h3 className="section-heading">{t('timeline.title')}</h3>
      <ol className="timeline" data-testid="incident-timeline">
        {events.map((event) => (
          <li key={event.id} className={`timeline-item ${event.kind}`} data-kind={event.kind}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-head">
              <strong>{t(`event.${event.kind}`)}</strong>
              <time dateTime={event.at}>{format.dayTime(event.at)}</time>
            </div>
            <div className="timeline-body">
              {event.actor && <span className="timeline-actor">{event.actor}</span>}
              {event.fromLevel !== null && event.fromLevel !== event.toLevel && (
                <span>{t('timeline.levelMove', { from: t(`level.${event.fromLevel}`), to: t(`level.${event.toLevel}`) })}</span>
              )}
              {event.kind === 'assign' && (
                <span>
                  {t('timeline.assigned', {
                    point: (event.mediationPointId !== null && findMediationPoint(event.mediationPointId)?.properties.name) || `#${event.mediationPointId ?? '—'}`,
                    assignee: event.assignee ?? '—',
                  })}
                </span>
              )}
              {event.referredTo && <span>{t(`referral.${event.referredTo}`)}</span>}
              {event.reason && <span className="timeline-note">{event.reason}</span>}
              {event.note && <span className="timeline-note">{event.note}</span>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** '网格 2 天 · 社区/村 5 小时': the levels the case spent time at, lowest first. */
export function LevelDurations({ durations }: { durations: Record<string, number> }) {
  const { t } = useI18n();
  const parts = [...AREA_LEVELS]
    .reverse()
    .filter((level) => (durations[level] ?? 0) > 0)
    .map((level) => `${t(`level.${level}`)} ${spanText(t, span(durations[level]))}`);
  return <span data-testid="level-durations">{parts.join(' · ') || t('detail.none')}</span>;
}
