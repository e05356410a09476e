import { AREA_LEVELS, INCIDENT_KINDS, type AreaLevel, type IncidentKind, type NearestMediationCollection } from '@gridmap/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/fetch-json.ts';
import { postTransition } from '../../api/incident-writes-api.ts';
import { incidentKeys } from '../../api/points-api.ts';
import { serverNow } from '../../clock/server-clock.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import { useNearestData, useNearestLayersAdded } from '../../layers/nearest/use-nearest-layers.ts';
import { incidentQueryOptions } from '../detail-panel/detail-queries.ts';
import { formatOpeningHours } from '../detail-panel/opening-hours.ts';
import { nearestData, NEAREST_SOURCE_ID } from '../../layers/nearest/nearest-layers.ts';
import { formatDistance } from './format-distance.ts';
import { nearestPath, nearestQueryOptions, type NearestFilters } from './nearest-queries.ts';
import { openNearest, useNearestOrigin, type NearestOrigin } from './nearest-store.ts';

/** Candidates a search may list (the API allows up to MAX_NEAREST_K). */
const K_CHOICES = [3, 5, 10] as const;
/** Padding when the map fits the place and its candidates, in pixels; the left clears the warnings list and this panel, the bottom the analysis bar. */
const FIT_PADDING_PX = { top: 60, bottom: 110, left: 680, right: 60 };
/** Closest zoom of that fit: two points a few hundred metres apart still show their streets. */
const FIT_MAX_ZOOM = 15;

export interface NearestPanelProps {
  map: MapLibreMap | null;
  clockOffsetMs: number;
  /** Who assigns (the signed-in account's or the operator's name). */
  actor: string;
  /** Whether the assign form is offered on a case's candidates. */
  canAssign: boolean;
}

/** The nearest-mediation panel: the search the store holds, its candidates listed and drawn on the map. */
export function NearestPanel({ map, clockOffsetMs, actor, canAssign }: NearestPanelProps) {
  const origin = useNearestOrigin();
  useNearestLayersAdded(map);
  useEffect(() => {
    // The search's own component draws it; once the panel closes, the map is cleared.
    if (!origin) (map?.getSource(NEAREST_SOURCE_ID) as GeoJSONSource | undefined)?.setData(nearestData(null, [], null));
  }, [map, origin]);
  if (!origin) return null;
  // A new origin starts a fresh panel (filters, chosen row, assign form).
  return <NearestSearch key={JSON.stringify(origin)} origin={origin} map={map} clockOffsetMs={clockOffsetMs} actor={actor} canAssign={canAssign} />;
}

function NearestSearch({ origin, map, clockOffsetMs, actor, canAssign }: NearestPanelProps & { origin: NearestOrigin }) {
  const { t } = useI18n();
  const [disputeKind, setDisputeKind] = useState<IncidentKind | null>(null);
  const [openNow, setOpenNow] = useState(false);
  const [level, setLevel] = useState<AreaLevel | null>(null);
  const [k, setK] = useState<number>(5);
  const [chosenId, setChosenId] = useState<number | null>(null);
  // "Now" to the minute, so that the query key holds still between renders.
  const openAt = openNow ? new Date(Math.floor(serverNow(clockOffsetMs).getTime() / 60_000) * 60_000).toISOString() : null;
  const filters: NearestFilters = { disputeKind, openAt, level, k };
  const search = useQuery(nearestQueryOptions(nearestPath(origin, filters)));
  const features = useMemo(() => search.data?.features ?? [], [search.data]);
  const marks = useMemo(
    () => features.map((f, i) => ({ id: f.id, coordinates: f.geometry.coordinates as [number, number], rank: i + 1 })),
    [features],
  );
  useNearestData(map, origin.at, marks, chosenId);
  useFitSearch(map, origin.at, search.data);

  return (
    <section className="dock-card nearest-panel" data-testid="nearest-panel" aria-label={t('nearest.title')}>
      <header className="dock-head">
        <div>
          <h2 className="dock-title">{t('nearest.title')}</h2>
          <p className="dock-sub">
            {origin.kind === 'place'
              ? t('nearest.fromPlace', { lon: origin.at[0].toFixed(4), lat: origin.at[1].toFixed(4) })
              : t('nearest.fromIncident', { id: String(origin.id), kind: search.data?.query.disputeKind ? t(`incidentKind.${search.data.query.disputeKind}`) : '…' })}
          </p>
        </div>
        <button type="button" className="detail-close" aria-label={t('nearest.close')} onClick={() => openNearest(null)}>×</button>
      </header>
      <div className="dock-filters">
        {origin.kind === 'place' ? (
          <label className="dock-field">
            <span>{t('nearest.kind')}</span>
            <select value={disputeKind ?? ''} onChange={(e) => setDisputeKind((e.target.value || null) as IncidentKind | null)} data-testid="nearest-kind">
              <option value="">{t('nearest.anyKind')}</option>
              {INCIDENT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`incidentKind.${kind}`)}</option>)}
            </select>
          </label>
        ) : (
          <label className="dock-field">
            <span>{t('nearest.kind')}</span>
            <span className="dock-fixed">{search.data?.query.disputeKind ? t(`incidentKind.${search.data.query.disputeKind}`) : '…'}</span>
          </label>
        )}
        <label className="dock-field">
          <span>{t('nearest.level')}</span>
          <select value={level ?? ''} onChange={(e) => setLevel((e.target.value || null) as AreaLevel | null)}>
            <option value="">{t('nearest.anyLevel')}</option>
            {AREA_LEVELS.filter((l) => l !== 'grid').map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
          </select>
        </label>
        <label className="dock-field">
          <span>{t('nearest.count')}</span>
          <select value={k} onChange={(e) => setK(Number(e.target.value))}>
            {K_CHOICES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <label className="switch-row dock-check">
          <input type="checkbox" checked={openNow} onChange={(e) => setOpenNow(e.target.checked)} data-testid="nearest-open-now" />
          {t('nearest.openNow')}
        </label>
      </div>
      {search.isPending && <p className="detail-status">{t('nearest.loading')}</p>}
      {search.isError && <p className="detail-status error">{search.error.message}</p>}
      {search.data && features.length === 0 && <p className="detail-status" data-testid="nearest-none">{t('nearest.none')}</p>}
      {search.data && features.length > 0 && features.length < k && <p className="dock-note">{t('nearest.fewer', { n: features.length })}</p>}
      <ol className="nearest-list" data-testid="nearest-list">
        {features.map((f, i) => (
          <NearestRow
            key={f.id}
            rank={i + 1}
            feature={f}
            chosen={chosenId === f.id}
            onChoose={() => setChosenId(chosenId === f.id ? null : f.id)}
            assign={origin.kind === 'incident' && canAssign ? { incidentId: origin.id, actor } : null}
          />
        ))}
      </ol>
      {features.length > 0 && <p className="dock-note">{t('nearest.greatCircle')}</p>}
    </section>
  );
}

type Candidate = NearestMediationCollection['features'][number];

function NearestRow({ rank, feature, chosen, onChoose, assign }: {
  rank: number;
  feature: Candidate;
  chosen: boolean;
  onChoose: () => void;
  assign: { incidentId: number; actor: string } | null;
}) {
  const { t } = useI18n();
  const p = feature.properties;
  return (
    <li className={`nearest-row ${chosen ? 'chosen' : ''}`} data-testid="nearest-row" data-point-id={feature.id}>
      <button type="button" className="nearest-pick" onClick={onChoose} aria-pressed={chosen}>
        <span className="nearest-rank">{rank}</span>
        <span className="nearest-main">
          <span className="nearest-name">{p.name}</span>
          <span className="nearest-meta">{t(`mediationKind.${p.kind}`)} · {t(`level.${p.level}`)} · {t('nearest.mediators', { n: p.mediators })}</span>
        </span>
        <span className="nearest-distance num" data-testid="nearest-distance">{formatDistance(p.distanceM, t)}</span>
      </button>
      <div className="nearest-detail">
        <span className="nearest-hours">{formatOpeningHours(p.hours, t).join('；')}</span>
        <span className="nearest-contact num">{t('nearest.phone')} {p.phone} · {p.address}</span>
      </div>
      {chosen && assign && <AssignForm incidentId={assign.incidentId} actor={assign.actor} point={feature} />}
    </li>
  );
}

/** Assigns the incident to the chosen point through the handling cycle's `assign` step. */
function AssignForm({ incidentId, actor, point }: { incidentId: number; actor: string; point: Candidate }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const incident = useQuery(incidentQueryOptions(incidentId));
  const [assignee, setAssignee] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const step = useMutation({
    mutationFn: (version: number) =>
      postTransition(incidentId, { transition: 'assign', actor, expectedVersion: version, mediationPointId: point.id, assignee: assignee.trim() }),
    onSuccess: () => {
      setMessage(t('nearest.assigned', { name: point.properties.name }));
      void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.counters() });
    },
    onError: (error) => {
      if (error instanceof ApiRequestError && error.status === 409) {
        setMessage(t('action.conflict'));
        void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentId) });
      } else {
        setMessage(t('action.failed', { message: error instanceof Error ? error.message : String(error) }));
      }
    },
  });
  const data = incident.data;
  if (!data) return null;
  if (step.isSuccess) return <p className="dock-ok" role="status" data-testid="nearest-assigned">{message}</p>;
  if (!data.properties.allowedTransitions.includes('assign')) return <p className="dock-note">{t('nearest.cannotAssign')}</p>;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (assignee.trim() === '') return;
    step.mutate(data.properties.version);
  };
  return (
    <form className="nearest-assign" onSubmit={onSubmit} data-testid="nearest-assign">
      <label className="dock-field">
        <span>{t('nearest.assignee')}</span>
        <input value={assignee} maxLength={40} required onChange={(e) => setAssignee(e.target.value)} data-testid="nearest-assignee" />
      </label>
      <button type="submit" className="primary-button" disabled={step.isPending} data-testid="nearest-assign-submit">{t('nearest.assign')}</button>
      {message && <p className="form-error" role="alert">{message}</p>}
    </form>
  );
}

/** Fits the map to the place and its candidates once per answer. */
function useFitSearch(map: MapLibreMap | null, at: [number, number], data: NearestMediationCollection | undefined) {
  useEffect(() => {
    if (!map || !data || data.features.length === 0) return;
    const lons = [at[0], ...data.features.map((f) => f.geometry.coordinates[0])];
    const lats = [at[1], ...data.features.map((f) => f.geometry.coordinates[1])];
    const bounds: LngLatBoundsLike = [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
    map.fitBounds(bounds, { padding: FIT_PADDING_PX, maxZoom: FIT_MAX_ZOOM, duration: 500 });
  }, [map, at, data]);
}
