import { INCIDENT_KINDS, INCIDENT_SOURCES, PARTY_ROLES, SEVERITIES, type Severity } from '@gridmap/shared';
import { useMutation } from '@tanstack/react-query';
import { Marker, type Map as MapLibreMap, type MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../api/fetch-json.ts';
import { postIncident } from '../../api/incident-writes-api.ts';
import type { IncidentFeature } from '../../api/points-api.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { coordinateText, draftField, EMPTY_DRAFT, intakeFromDraft, type DraftProblem, type IntakeDraft } from './intake-draft.ts';

/** Marker colour of the place being reported. */
const MARKER_COLOUR = '#dc2626';

const FIELD_LABELS: Record<DraftProblem['field'], MessageKey> = {
  lon: 'intake.lon', lat: 'intake.lat', location: 'intake.location', kind: 'intake.kind', severity: 'intake.severity',
  source: 'intake.source', description: 'intake.description', reportedAt: 'intake.reportedAt', partyName: 'intake.partyName',
  partyPhone: 'intake.partyPhone', partyRole: 'intake.partyRole',
};

export interface IntakeFormProps {
  map: MapLibreMap | null;
  actor: string;
  /** True while a map click places the report (the app must not treat it as a selection). */
  onPickingChange: (picking: boolean) => void;
  onDone: (incident: IncidentFeature) => void;
  onCancel: () => void;
}

/**
 * The intake form (受理登记): where (a click on the map or typed coordinates), what kind, how
 * severe, from which source, what happened, and optionally a party. The server does the rest.
 */
export function IntakeForm({ map, actor, onPickingChange, onDone, onCancel }: IntakeFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<IntakeDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [picking, setPicking] = useState(false);
  const marker = useRef<Marker | null>(null);
  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = useMutation({
    mutationFn: postIncident,
    onSuccess: (incident) => onDone(incident),
    onError: (error) => {
      if (error instanceof ApiRequestError) {
        setProblem({ field: draftField((error.field ?? 'description').split('.')), problem: 'invalid', message: error.message });
      } else {
        setProblem({ field: 'description', problem: 'invalid', message: String(error) });
      }
    },
  });

  // Picking: the next click on the map is the place.
  useEffect(() => {
    onPickingChange(picking);
    if (!map || !picking) return;
    const container = map.getCanvasContainer();
    container.classList.add('picking');
    const onClick = (event: MapMouseEvent) => {
      setDraft((d) => ({ ...d, lon: coordinateText(event.lngLat.lng), lat: coordinateText(event.lngLat.lat) }));
      setPicking(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setPicking(false);
    map.once('click', onClick);
    window.addEventListener('keydown', onKey);
    return () => {
      container.classList.remove('picking');
      map.off('click', onClick);
      window.removeEventListener('keydown', onKey);
    };
  }, [map, picking, onPickingChange]);

  useEffect(() => () => onPickingChange(false), [onPickingChange]);

  // The marker follows the coordinates, typed or picked.
  useEffect(() => {
    const lon = Number(draft.lon);
    const lat = Number(draft.lat);
    const valid = draft.lon !== '' && draft.lat !== '' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90;
    if (!map || !valid) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    marker.current ??= new Marker({ color: MARKER_COLOUR }).setLngLat([lon, lat]).addTo(map);
    marker.current.setLngLat([lon, lat]);
  }, [map, draft.lon, draft.lat]);
  useEffect(() => () => void marker.current?.remove(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = intakeFromDraft(draft, actor);
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    submit.mutate(result.intake);
  };

  const problemText = problem
    ? problem.problem === 'required'
      ? t('intake.required', { label: t(FIELD_LABELS[problem.field]) })
      : problem.problem === 'number'
        ? t('intake.notNumber', { label: t(FIELD_LABELS[problem.field]) })
        : t('intake.serverError', { label: t(FIELD_LABELS[problem.field]), message: problem.message ?? '' })
    : null;
  const invalid = (field: DraftProblem['field']) => (problem?.field === field ? 'invalid' : undefined);

  return (
    <form className="intake-form" data-testid="intake-form" onSubmit={onSubmit} noValidate>
      <h3 className="panel-heading">{t('intake.title')}</h3>
      <fieldset className="form-row">
        <legend>{t('intake.location')}</legend>
        <div className="coordinate-row">
          <input aria-label={t('intake.lon')} placeholder={t('intake.lon')} value={draft.lon} className={invalid('lon') ?? invalid('location')}
            inputMode="decimal" onChange={(e) => set('lon', e.target.value)} data-testid="intake-lon" />
          <input aria-label={t('intake.lat')} placeholder={t('intake.lat')} value={draft.lat} className={invalid('lat') ?? invalid('location')}
            inputMode="decimal" onChange={(e) => set('lat', e.target.value)} data-testid="intake-lat" />
          <button type="button" className={picking ? 'ghost-button active' : 'ghost-button'} onClick={() => setPicking((p) => !p)} data-testid="intake-pick">
            {t('intake.pickOnMap')}
          </button>
        </div>
        {picking && <p className="form-hint">{t('intake.picking')}</p>}
      </fieldset>
      <label className="form-row">
        <span>{t('intake.kind')}</span>
        <select value={draft.kind} onChange={(e) => set('kind', e.target.value as IntakeDraft['kind'])} data-testid="intake-kind">
          {INCIDENT_KINDS.map((kind) => <option key={kind} value={kind}>{t(`incidentKind.${kind}`)}</option>)}
        </select>
      </label>
      <div className="form-row">
        <span>{t('intake.severity')}</span>
        <div className="segmented light" role="radiogroup">
          {SEVERITIES.map((severity) => (
            <label key={severity} className={draft.severity === severity ? 'segment active' : 'segment'}>
              <input type="radio" name="severity" checked={draft.severity === severity} onChange={() => set('severity', severity as Severity)} />
              {t(`severity.${severity}`)}
            </label>
          ))}
        </div>
      </div>
      <label className="form-row">
        <span>{t('intake.source')}</span>
        <select value={draft.source} onChange={(e) => set('source', e.target.value as IntakeDraft['source'])} data-testid="intake-source">
          {INCIDENT_SOURCES.map((source) => <option key={source} value={source}>{t(`incidentSource.${source}`)}</option>)}
        </select>
      </label>
      <label className="form-row">
        <span>{t('intake.description')}</span>
        <textarea rows={3} value={draft.description} placeholder={t('intake.descriptionPlaceholder')} className={invalid('description')}
          maxLength={2000} onChange={(e) => set('description', e.target.value)} data-testid="intake-description" />
      </label>
      <label className="form-row">
        <span>{t('intake.reportedAt')}</span>
        <input type="datetime-local" value={draft.reportedAt} className={invalid('reportedAt')} title={t('intake.reportedAtHint')}
          onChange={(e) => set('reportedAt', e.target.value)} />
      </label>
      <fieldset className="form-row">
        <legend>{t('intake.party')}</legend>
        <div className="party-row">
          <input aria-label={t('intake.partyName')} placeholder={t('intake.partyName')} value={draft.partyName} maxLength={40}
            className={invalid('partyName')} onChange={(e) => set('partyName', e.target.value)} />
          <input aria-label={t('intake.partyPhone')} placeholder={t('intake.partyPhone')} value={draft.partyPhone} maxLength={20}
            className={invalid('partyPhone')} inputMode="tel" onChange={(e) => set('partyPhone', e.target.value)} />
          <select aria-label={t('intake.partyRole')} value={draft.partyRole} onChange={(e) => set('partyRole', e.target.value as IntakeDraft['partyRole'])}>
            {PARTY_ROLES.map((role) => <option key={role} value={role}>{t(`party.${role}`)}</option>)}
          </select>
        </div>
      </fieldset>
      <p className="form-hint">{t('intake.rules')}</p>
      {problemText && <p className="form-error" role="alert" data-testid="intake-error">{problemText}</p>}
      <div className="form-actions">
        <button type="button" className="ghost-button" onClick={onCancel}>{t('intake.cancel')}</button>
        <button type="submit" className="primary-button" disabled={submit.isPending} data-testid="intake-submit">
          {submit.isPending ? t('intake.submitting') : t('intake.submit')}
        </button>
      </div>
    </form>
  );
}
