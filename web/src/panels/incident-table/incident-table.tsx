import {
  AREA_LEVELS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  countyDay,
  type IncidentList,
  type IncidentSort,
  type IncidentSortKey,
} from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { INCIDENT_STATUS_COLOURS } from '../../layers/incidents/incident-status-colours.ts';
import type { TableFilters } from '../../url-state/view-state.ts';
import { incidentPageQueryOptions, TABLE_PAGE_ROWS } from './incident-page-queries.ts';

export type IncidentRowFeature = IncidentList['features'][number];

export interface IncidentTableProps {
  /** The list's query: area, period, filters and sort (see incidentQueryParams). */
  query: URLSearchParams;
  filters: TableFilters;
  onFilters: (filters: TableFilters) => void;
  onOpen: (incident: IncidentRowFeature) => void;
  /** The incident open in the detail panel, marked in the table. */
  openId: number | null;
}

const SORTABLE: { key: IncidentSortKey; label: MessageKey }[] = [
  { key: 'id', label: 'table.col.id' },
  { key: 'severity', label: 'table.col.severity' },
  { key: 'reportedAt', label: 'table.col.reportedAt' },
  { key: 'deadlineAt', label: 'table.col.deadlineAt' },
];

/**
 * The area's incidents, filtered and sorted on the server, a page of TABLE_PAGE_ROWS at a time
 * with keyset cursors (so the 1,000th page is as quick as the first); a row opens the incident.
 * Mount it with a key of its query, so that a new selection starts at page one.
 */
export function IncidentTable({ query, filters, onFilters, onOpen, openId }: IncidentTableProps) {
  const { t } = useI18n();
  // Cursors of the pages seen so far: page n starts after cursors[n - 1]; page 1 has none.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = cursors.length;
  const result = useQuery(incidentPageQueryOptions(query, cursors[cursors.length - 1]));
  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.numberMatched / TABLE_PAGE_ROWS)) : 1;

  const sortKey = filters.sort.replace('-', '') as IncidentSortKey;
  const descending = filters.sort.startsWith('-');
  const sortBy = (key: IncidentSortKey) => {
    const next: IncidentSort = key === sortKey ? ((descending ? key : `-${key}`) as IncidentSort) : key === 'id' ? 'id' : (`-${key}` as IncidentSort);
    onFilters({ ...filters, sort: next });
  };
  const select = <K extends 'kinds' | 'statuses' | 'levels'>(name: K, value: string) =>
    onFilters({ ...filters, [name]: value === '' ? [] : [value] });

  return (
    <section className="incident-table" data-testid="incident-table">
      <div className="table-filters">
        <label>
          {t('table.filter.kind')}
          <select data-testid="filter-kind" value={filters.kinds[0] ?? ''} onChange={(e) => select('kinds', e.target.value)}>
            <option value="">{t('table.filter.all')}</option>
            {INCIDENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>{t(`incidentKind.${kind}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('table.filter.status')}
          <select data-testid="filter-status" value={filters.statuses[0] ?? ''} onChange={(e) => select('statuses', e.target.value)}>
            <option value="">{t('table.filter.all')}</option>
            {INCIDENT_STATUSES.map((status) => (
              <option key={status} value={status}>{t(`incidentStatus.${status}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('table.filter.level')}
          <select data-testid="filter-level" value={filters.levels[0] ?? ''} onChange={(e) => select('levels', e.target.value)}>
            <option value="">{t('table.filter.all')}</option>
            {AREA_LEVELS.map((level) => (
              <option key={level} value={level}>{t(`level.${level}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('table.filter.overdue')}
          <select
            data-testid="filter-overdue"
            value={filters.overdue === null ? '' : String(filters.overdue)}
            onChange={(e) => onFilters({ ...filters, overdue: e.target.value === '' ? null : e.target.value === 'true' })}
          >
            <option value="">{t('table.filter.all')}</option>
            <option value="true">{t('table.filter.overdueOnly')}</option>
            <option value="false">{t('table.filter.notOverdue')}</option>
          </select>
        </label>
      </div>
      <table>
        <thead>
          <tr>
            {SORTABLE.slice(0, 1).map(({ key, label }) => sortHeader(key, label))}
            <th scope="col">{t('table.col.kind')}</th>
            <th scope="col">{t('table.col.status')}</th>
            <th scope="col">{t('table.col.level')}</th>
            {SORTABLE.slice(1).map(({ key, label }) => sortHeader(key, label))}
          </tr>
        </thead>
        <tbody>
          {data?.features.map((incident) => {
            const p = incident.properties;
            return (
              <tr
                key={incident.id}
                className={incident.id === openId ? 'open-row' : undefined}
                data-incident-id={incident.id}
                tabIndex={0}
                title={t('table.open', { id: incident.id })}
                onClick={() => onOpen(incident)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(incident);
                }}
              >
                <td className="num">{incident.id}</td>
                <td>{t(`incidentKind.${p.kind}`)}</td>
                <td>
                  <span className="dot" style={{ background: INCIDENT_STATUS_COLOURS[p.status] }} />
                  {t(`incidentStatus.${p.status}`)}
                </td>
                <td>{t(`level.${p.level}`).replace(/\(.*\)/, '').split('/')[0]}</td>
                <td className={`sev sev-${p.severity}`}>{t(`severity.${p.severity}` as MessageKey)}</td>
                <td className="num">{countyDay(p.reportedAt)}</td>
                <td className={`num${p.overdue ? ' overdue' : ''}`}>
                  {countyDay(p.deadlineAt)}
                  {p.overdue && <span className="overdue-tag">{t('table.overdue')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {data && data.features.length === 0 && <p className="table-empty">{t('table.empty')}</p>}
      {result.isError && <p className="table-empty error">{t('area.error')}</p>}
      <div className="table-pager">
        <span data-testid="table-count">{data ? t('table.count', { count: data.numberMatched }) : t('app.loading')}</span>
        <span className="muted">{t('table.page', { page, pages })}</span>
        <button type="button" disabled={page === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('table.prev')}
        </button>
        <button
          type="button"
          data-testid="table-next"
          disabled={!data?.nextCursor || result.isPlaceholderData}
          onClick={() => data?.nextCursor && setCursors((c) => [...c, data.nextCursor])}
        >
          {t('table.next')}
        </button>
      </div>
    </section>
  );

  function sortHeader(key: IncidentSortKey, label: MessageKey) {
    const active = key === sortKey;
    return (
      <th key={key} scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort" title={t('table.sortBy', { column: t(label) })} onClick={() => sortBy(key)}>
          {t(label)}
          <span className="sort-mark">{active ? (descending ? '↓' : '↑') : ''}</span>
        </button>
      </th>
    );
  }
}
