import { WARNING_TYPES, incidentFeatureSchema, type Warning } from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchJson } from '../../api/fetch-json.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { LngLat, Selection } from '../../map/selection.ts';
import { warningsQueryOptions } from '../analysis/analysis-queries.ts';
import { warningReason } from './warning-reason.ts';

/** Case links shown per warning before "+n more". */
const CASES_SHOWN = 4;
type TypeFilter = 'all' | Warning['type'];

export interface WarningsPanelProps {
  /** Moves the map to a place and zoom. */
  onLocate: (at: LngLat, zoom: number) => void;
  onSelect: (selection: Selection) => void;
}

/** 研判预警: the warnings list, newest first, each with its reason and links to the map and the cases. */
export function WarningsPanel({ onLocate, onSelect }: WarningsPanelProps) {
  const { t, format } = useI18n();
  const warnings = useQuery(warningsQueryOptions);
  const [open, setOpen] = useState(true);
  const [type, setType] = useState<TypeFilter>('all');
  const all = warnings.data?.warnings ?? [];
  const shown = type === 'all' ? all : all.filter((w) => w.type === type);
  const count = (ty: TypeFilter) => (ty === 'all' ? all.length : all.filter((w) => w.type === ty).length);

  const locate = (w: Warning) => {
    if (w.type === 'rising_area' || w.type === 'emerging_hotspot') {
      onSelect({ kind: 'area', id: w.gridId, level: 'grid', fit: true });
    } else if (w.type === 'repeat_address' && w.householdId !== null) {
      onLocate([w.lon, w.lat], 16);
      onSelect({ kind: 'household', id: w.householdId, at: [w.lon, w.lat] });
    } else {
      onLocate([w.lon, w.lat], 16);
      onSelect({ kind: 'incident', id: w.incidentIds[0], at: [w.lon, w.lat] });
    }
  };
  const openCase = async (id: number) => {
    const incident = await fetchJson(`/api/incidents/${id}`, incidentFeatureSchema);
    const at = incident.geometry.coordinates as LngLat;
    onLocate(at, 16);
    onSelect({ kind: 'incident', id, at });
  };

  return (
    <section className={open ? 'warnings-panel' : 'warnings-panel closed'} data-testid="warnings-panel">
      <header className="warnings-header">
        <h2>
          {t('warnings.title')} <span className="warnings-count num">{all.length}</span>
        </h2>
        <button type="button" className="warnings-toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('warnings.collapse') : t('warnings.expand')}
        </button>
      </header>
      {open && (
        <>
          <div className="warnings-types" role="radiogroup" aria-label={t('warnings.title')}>
            {(['all', ...WARNING_TYPES] as TypeFilter[]).map((ty) => (
              <button
                key={ty}
                type="button"
                role="radio"
                aria-checked={type === ty}
                className={type === ty ? `warning-type active ${ty}` : `warning-type ${ty}`}
                onClick={() => setType(ty)}
              >
                {ty === 'all' ? t('warnings.all') : t(`warnings.type.${ty}`)} <span className="num">{count(ty)}</span>
              </button>
            ))}
          </div>
          <ol className="warnings-list">
            {warnings.isSuccess && shown.length === 0 && <li className="warnings-empty">{t('warnings.empty')}</li>}
            {shown.map((w) => (
              <li key={w.id} className="warning-item" data-testid="warning-item" data-type={w.type}>
                <div className="warning-head">
                  <span className={`warning-badge ${w.type}`}>{t(`warnings.type.${w.type}`)}</span>
                  <span className="warning-at num">{format.dateTime(w.at)}</span>
                </div>
                <div className="warning-place">{w.address ? `${w.place} · ${w.address}` : w.place}</div>
                <div className="warning-reason">{warningReason(w, t)}</div>
                <div className="warning-links">
                  <button type="button" className="link" onClick={() => locate(w)}>
                    {t('warnings.showOnMap')}
                  </button>
                  <span className="warning-cases">
                    {t('warnings.cases')}
                    {w.incidentIds.slice(0, CASES_SHOWN).map((id) => (
                      <button key={id} type="button" className="link num" onClick={() => void openCase(id)}>
                        #{id}
                      </button>
                    ))}
                    {w.incidentIds.length > CASES_SHOWN && (
                      <span className="muted">{t('warnings.moreCases', { count: w.incidentIds.length - CASES_SHOWN })}</span>
                    )}
                  </span>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
