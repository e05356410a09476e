import { INCIDENT_KINDS, type IncidentKind } from '@gridmap/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import { COVERAGE_RAMP, coverageShares } from '../../layers/coverage/coverage-layers.ts';
import { useCoverageData, useCoverageLayersAdded } from '../../layers/coverage/use-coverage-layers.ts';
import { coverageRows, formatShare } from './coverage-rows.ts';
import { coverageHouseholdsQueryOptions, coverageQueryOptions, suggestionsQueryOptions } from './coverage-queries.ts';

/** Reach choices in kilometres; 3 km is the default the issue names. */
const DISTANCE_CHOICES_KM = [1, 2, 3, 5, 8] as const;
const DEFAULT_DISTANCE_KM = 3;
/** Labour disputes first: few rooms take them, so their gaps are the ones to see. */
const DEFAULT_KIND: IncidentKind = 'labour';
const SUGGESTION_CHOICES = [3, 5, 10] as const;

/** The coverage-gap tool: a toggle, then figures per town, the households behind them, and suggested new points on the map. */
export function CoveragePanel({ map }: { map: MapLibreMap | null }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  useCoverageLayersAdded(map);
  if (!open) {
    return (
      <button type="button" className="dock-toggle" onClick={() => setOpen(true)} data-testid="coverage-toggle">
        {t('coverage.toggle')}
      </button>
    );
  }
  return <CoverageCard map={map} onClose={() => setOpen(false)} />;
}

function CoverageCard({ map, onClose }: { map: MapLibreMap | null; onClose: () => void }) {
  const { t, format } = useI18n();
  const [kind, setKind] = useState<IncidentKind>(DEFAULT_KIND);
  const [km, setKm] = useState<number>(DEFAULT_DISTANCE_KM);
  const [listed, setListed] = useState<{ areaId: number; name: string } | null>(null);
  const [n, setN] = useState<number>(5);
  const [suggesting, setSuggesting] = useState(false);
  const distanceM = km * 1000;
  const figures = useQuery(coverageQueryOptions(distanceM, kind));
  const suggestions = useQuery({ ...suggestionsQueryOptions(distanceM, kind, n), enabled: suggesting });
  const shares = useMemo(() => (figures.data ? coverageShares(figures.data, kind) : new Map<number, number>()), [figures.data, kind]);
  useCoverageData(map, shares, suggesting ? suggestions.data : undefined);

  const county = figures.data?.areas.find((a) => a.level === 'county');
  const towns = useMemo(() => (figures.data ? coverageRows(figures.data, kind, 'town') : []), [figures.data, kind]);
  const countyUncovered = county?.uncovered[kind] ?? 0;
  const newlyCovered = suggestions.data?.suggestions.reduce((s, x) => s + x.householdIds.length, 0) ?? 0;

  return (
    <section className="dock-card coverage-panel" data-testid="coverage-panel" aria-label={t('coverage.title')}>
      <header className="dock-head">
        <h2 className="dock-title">{t('coverage.title')}</h2>
        <button type="button" className="detail-close" aria-label={t('coverage.close')} onClick={onClose}>×</button>
      </header>
      <div className="dock-filters">
        <label className="dock-field">
          <span>{t('coverage.kind')}</span>
          <select value={kind} onChange={(e) => { setKind(e.target.value as IncidentKind); setListed(null); }} data-testid="coverage-kind">
            {INCIDENT_KINDS.map((k) => <option key={k} value={k}>{t(`incidentKind.${k}`)}</option>)}
          </select>
        </label>
        <label className="dock-field">
          <span>{t('coverage.distance')}</span>
          <select value={km} onChange={(e) => { setKm(Number(e.target.value)); setListed(null); }} data-testid="coverage-distance">
            {DISTANCE_CHOICES_KM.map((d) => <option key={d} value={d}>{d} {t('coverage.km')}</option>)}
          </select>
        </label>
      </div>
      {figures.isPending && <p className="detail-status">{t('coverage.loading')}</p>}
      {county && (
        <p className="coverage-county" data-testid="coverage-county">
          {t('coverage.countyShare', { share: formatShare(countyUncovered / Math.max(1, county.households)), n: format.number(countyUncovered), km })}
        </p>
      )}
      <div className="coverage-legend" aria-label={t('coverage.legend')}>
        <span className="ramp" style={{ background: `linear-gradient(to right, ${COVERAGE_RAMP.map(([, c]) => c).join(', ')})` }} />
        <span className="legend-note">0% – 100% · {t('coverage.legend')}</span>
      </div>
      {towns.length > 0 && (
        <div className="coverage-table-wrap">
        <table className="coverage-table" data-testid="coverage-towns">
          <caption>{t('coverage.byTown')}</caption>
          <thead>
            <tr><th>{t('coverage.area')}</th><th className="num">{t('coverage.households')}</th><th className="num">{t('coverage.uncovered')}</th><th className="num">{t('coverage.share')}</th></tr>
          </thead>
          <tbody>
            {towns.map((row) => (
              <tr key={row.areaId} className={listed?.areaId === row.areaId ? 'chosen' : ''}>
                <td>
                  <button type="button" className="sub-area" title={t('coverage.listHouseholds')} onClick={() => setListed(listed?.areaId === row.areaId ? null : row)}>
                    {row.name}
                  </button>
                </td>
                <td className="num">{format.number(row.households)}</td>
                <td className="num">{format.number(row.uncovered)}</td>
                <td className="num"><span className="share-bar" style={{ width: `${Math.round(row.share * 36)}px` }} />{formatShare(row.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {listed && <UncoveredHouseholds distanceM={distanceM} kind={kind} area={listed} />}
      <div className="coverage-suggest">
        <label className="dock-field">
          <span>{t('coverage.suggestCount')}</span>
          <select value={n} onChange={(e) => setN(Number(e.target.value))}>
            {SUGGESTION_CHOICES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <button type="button" className="primary-button" onClick={() => setSuggesting(true)} data-testid="coverage-suggest">{t('coverage.suggest')}</button>
      </div>
      {suggesting && suggestions.isPending && <p className="detail-status">{t('coverage.loading')}</p>}
      {suggesting && suggestions.data && (
        <div className="coverage-suggestions" data-testid="coverage-suggestions">
          <p className="dock-note">{t('coverage.suggestionsNote')}</p>
          {suggestions.data.suggestions.length === 0 ? (
            <p className="detail-status">{t('coverage.noSuggestions')}</p>
          ) : (
            <>
              <ol className="suggestion-list">
                {suggestions.data.suggestions.map((s) => (
                  <li key={s.areaId}>
                    <span className="suggestion-rank">{s.rank}</span>
                    <span className="suggestion-name">{s.name}</span>
                    <span className="num">{t('coverage.covers', { n: format.number(s.householdIds.length) })}</span>
                  </li>
                ))}
              </ol>
              <p className="dock-note" data-testid="coverage-suggestions-total">
                {t('coverage.suggestionsTotal', {
                  n: format.number(newlyCovered),
                  before: format.number(suggestions.data.uncoveredBefore),
                  after: format.number(suggestions.data.uncoveredBefore - newlyCovered),
                })}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function UncoveredHouseholds({ distanceM, kind, area }: { distanceM: number; kind: IncidentKind; area: { areaId: number; name: string } }) {
  const { t } = useI18n();
  const pages = useInfiniteQuery(coverageHouseholdsQueryOptions(distanceM, kind, area.areaId));
  const households = pages.data?.pages.flatMap((p) => p.features) ?? [];
  return (
    <div className="coverage-households" data-testid="coverage-households">
      <h3 className="detail-subheading">{t('coverage.householdsOf', { name: area.name })}</h3>
      <ul className="household-list">
        {households.map((h) => (
          <li key={h.id}><span className="num">#{h.id}</span> {h.properties.address} · {h.properties.headName}</li>
        ))}
      </ul>
      {pages.hasNextPage && (
        <button type="button" className="ghost-button" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>{t('coverage.more')}</button>
      )}
    </div>
  );
}
