import { REFERRAL_TARGETS, type AreaProperties, type ReferralTarget } from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { serverNow } from '../../clock/server-clock.ts';
import { daysUntil } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import { shortAreaName } from '../../layers/areas/area-label-points.ts';
import { INCIDENT_STATUS_COLOURS } from '../../layers/incidents/incident-status-colours.ts';
import type { Selection } from '../../map/selection.ts';
import { areaChain } from './area-chain.ts';
import { Field } from './detail-fields.tsx';
import { DetailHeader, DetailStatus } from './detail-header.tsx';
import { householdQueryOptions, incidentQueryOptions } from './detail-queries.ts';
import { IncidentActions } from './incident-actions.tsx';
import { NearestButton } from '../nearest/nearest-button.tsx';
import { IncidentTimeline, LevelDurations } from './incident-timeline.tsx';
import type { MediationPointFeature } from '../../api/points-api.ts';

function isReferralTarget(value: string): value is ReferralTarget {
  return (REFERRAL_TARGETS as readonly string[]).includes(value);
}

export interface IncidentDetailProps {
  id: number;
  /** Who records the steps taken here. */
  actor: string;
  canHandle: boolean;
  mediationPoints: readonly MediationPointFeature[];
  findMediationPoint: (id: number) => MediationPointFeature | undefined;
  /** How far the server's clock is ahead of ours, in ms. */
  clockOffsetMs: number;
  /** The app's index of loaded areas, for the town, community and grid the case lies in. */
  findArea: (id: number) => AreaProperties | undefined;
  onSelect: (selection: Selection) => void;
  onClose: () => void;
}

/** A dispute or event: what, where it is, where in the handling cycle, by when, and what happened. */
export function IncidentDetail(props: IncidentDetailProps) {
  const { id, actor, canHandle, mediationPoints, findMediationPoint, clockOffsetMs, findArea, onSelect, onClose } = props;
  const { t, format } = useI18n();
  const query = useQuery(incidentQueryOptions(id));
  const incident = query.data?.properties;
  const householdId = incident?.householdId ?? null;
  // Only the household's address is wanted; the query is shared with its own detail panel.
  const household = useQuery({ ...householdQueryOptions(householdId ?? 0), enabled: householdId !== null });
  const title = incident
    ? t('detail.incidentTitle', { kind: t(`incidentKind.${incident.kind}`), id: String(id) })
    : `${t('detail.kind.incident')} #${id}`;
  const days = incident ? daysUntil(incident.deadlineAt, serverNow(clockOffsetMs)) : 0;
  const point = incident?.mediationPointId != null ? findMediationPoint(incident.mediationPointId) : undefined;
  const severity = incident ? (Math.min(3, Math.max(1, incident.severity)) as 1 | 2 | 3) : 1;

  return (
    <>
      <DetailHeader kind={t('detail.kind.incident')} title={title} onClose={onClose} />
      {query.isPending && <DetailStatus state="loading" />}
      {query.isError && <DetailStatus state="error" />}
      {query.isSuccess && !incident && <DetailStatus state="missing" />}
      {incident && (
        <dl className="fields">
          <Field label={t('detail.kind')}>{t(`incidentKind.${incident.kind}`)}</Field>
          <Field label={t('detail.status')}>
            <span className="status-pill" style={{ background: INCIDENT_STATUS_COLOURS[incident.status] }}>
              {t(`incidentStatus.${incident.status}`)}
            </span>
            {incident.overdue && <span className="overdue-tag">{t('legend.incidents.overdue')}</span>}
          </Field>
          <Field label={t('detail.place')}>
            <AreaPlace gridId={incident.gridId} findArea={findArea} onSelect={onSelect} />
          </Field>
          {householdId !== null && (
            <Field label={t('detail.address')}>
              {household.isPending
                ? t('app.loading')
                : (household.data?.properties.address ?? t('detail.none'))}
            </Field>
          )}
          <Field label={t('detail.severity')}>{t(`severity.${severity}`)}</Field>
          <Field label={t('detail.source')}>{t(`incidentSource.${incident.source}`)}</Field>
          <Field label={t('detail.handlingLevel')}>{t(`level.${incident.level}`)}</Field>
          {incident.originLevel !== incident.level && (
            <Field label={t('detail.originLevel')}>{t(`level.${incident.originLevel}`)}</Field>
          )}
          <Field label={t('detail.reportedAt')}>{format.dateTime(incident.reportedAt)}</Field>
          <Field label={t('detail.deadlineAt')}>
            {format.date(incident.deadlineAt)}
            {!incident.resolvedAt && !incident.closedAt && (
              <span className={days < 0 ? 'deadline overdue' : 'deadline'}>
                {days > 0
                  ? t('detail.daysLeft', { days })
                  : days === 0
                    ? t('detail.dueToday')
                    : t('detail.overdueBy', { days: -days })}
              </span>
            )}
          </Field>
          {incident.resolvedAt && <Field label={t('detail.resolvedAt')}>{format.dateTime(incident.resolvedAt)}</Field>}
          {incident.closedAt && <Field label={t('detail.closedAt')}>{format.dateTime(incident.closedAt)}</Field>}
          {point && (
            <Field label={t('detail.mediationPoint')}>
              <button
                type="button"
                className="crumb"
                title={t('detail.showOnMap')}
                onClick={() => onSelect({ kind: 'mediationPoint', id: point.id, at: point.geometry.coordinates })}
              >
                {point.properties.name}
              </button>
            </Field>
          )}
          {incident.assignee && <Field label={t('detail.assignee')}>{incident.assignee}</Field>}
          {incident.parties.length > 0 && (
            <Field label={t('detail.parties')}>
              {incident.parties.map((party, i) => (
                <span key={i} className="party">
                  {party.name}（{t(`party.${party.role}`)}）{party.phone ? ` ${party.phone}` : ''}
                </span>
              ))}
            </Field>
          )}
          <Field label={t('detail.timeAtLevels')}>
            <LevelDurations durations={incident.levelDurations} />
          </Field>
          {incident.referredTo && (
            <Field label={t('detail.referredTo')}>
              {isReferralTarget(incident.referredTo) ? t(`referral.${incident.referredTo}`) : incident.referredTo}
            </Field>
          )}
          <div className="field wide">
            <dt>{t('detail.description')}</dt>
            <dd className="description">{incident.description}</dd>
          </div>
        </dl>
      )}
      {query.data && <p className="detail-subheading"><NearestButton incidentId={query.data.properties.id} at={query.data.geometry.coordinates} /></p>}
      {query.data && canHandle && <IncidentActions key={query.data.properties.version} incident={query.data} actor={actor} mediationPoints={mediationPoints} />}
      {incident && <IncidentTimeline events={incident.timeline} findMediationPoint={findMediationPoint} />}
    </>
  );
}

/** Town › community › grid of a case, each a button that selects and frames that area. */
function AreaPlace({
  gridId,
  findArea,
  onSelect,
}: {
  gridId: number;
  findArea: (id: number) => AreaProperties | undefined;
  onSelect: (selection: Selection) => void;
}) {
  const { t } = useI18n();
  const chain = areaChain(gridId, findArea);
  // Until the grid list has loaded, the grid is still selectable by its id.
  const crumbs =
    chain.length > 0
      ? chain.map((area, i) => ({
          id: area.id,
          level: area.level,
          name: area.level === 'grid' && i > 0 ? shortAreaName(area.name, chain[i - 1].name) : area.name,
          title: area.name,
        }))
      : [{ id: gridId, level: 'grid' as const, name: `${t('level.grid')} #${gridId}`, title: undefined }];
  return (
    <span className="place" data-testid="incident-place">
      {crumbs.map((crumb) => (
        <button
          type="button"
          key={crumb.id}
          className="crumb"
          title={`${crumb.title ?? crumb.name} · ${t('detail.showOnMap')}`}
          onClick={() => onSelect({ kind: 'area', id: crumb.id, level: crumb.level, fit: true })}
        >
          {crumb.name}
        </button>
      ))}
    </span>
  );
}
