import { AREA_LEVELS, DUE_SOON_HOURS, OPEN_STATUSES, type AreaProperties } from '@gridmap/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { serverNow } from '../../clock/server-clock.ts';
import { daysUntil } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/locale-context.tsx';
import { shortAreaName } from '../../layers/areas/area-label-points.ts';
import { INCIDENT_STATUS_COLOURS } from '../../layers/incidents/incident-status-colours.ts';
import type { FeedEntry } from '../../live/live-feed.ts';
import type { LiveConnection } from '../../live/use-live-stream.ts';
import type { Selection } from '../../map/selection.ts';
import { areaChain } from '../detail-panel/area-chain.ts';
import { countersQueryOptions } from './counters-query.ts';
import { countdownText } from './span-text.ts';

/** Countdowns in the feed move on this often, in ms. */
const CLOCK_TICK_MS = 30_000;
/** Feed lines drawn at most; the feed keeps more for the map. */
const FEED_LINES = 150;

export interface CommandCentreProps {
  feed: readonly FeedEntry[];
  connection: LiveConnection;
  clockOffsetMs: number;
  findArea: (id: number) => AreaProperties | undefined;
  selectedIncidentId: number | null;
  onSelect: (selection: Selection) => void;
  /** Shown in place of the feed (the intake form) while set. */
  replacement?: ReactNode;
  /** Opens the intake form; null when the account may not report. */
  onNewReport: (() => void) | null;
  /** The name on duty, typed while nobody is signed in; null when an account is. */
  operator: { typed: string; setName: (name: string) => void; fallback: string } | null;
}

/** The right column of the command centre: live counters, open cases by level, the live feed. */
export function CommandCentre(props: CommandCentreProps) {
  const { feed, connection, clockOffsetMs, findArea, selectedIncidentId, onSelect, replacement, onNewReport, operator } = props;
  const { t, format } = useI18n();
  const counters = useQuery(countersQueryOptions);
  const [nowMs, setNowMs] = useState(() => serverNow(clockOffsetMs).getTime());
  useEffect(() => {
    const tick = setInterval(() => setNowMs(serverNow(clockOffsetMs).getTime()), CLOCK_TICK_MS);
    setNowMs(serverNow(clockOffsetMs).getTime());
    return () => clearInterval(tick);
  }, [clockOffsetMs, feed]);

  const c = counters.data;
  const levelMax = c ? Math.max(1, ...AREA_LEVELS.map((level) => c.openByLevel[level])) : 1;
  return (
    <aside className="command-panel" data-testid="command-centre">
      <header className="command-head">
        <h2>{t('command.title')}</h2>
        <span className={`live-state ${connection}`} data-testid="live-state" title={t('command.connection.title')}>
          <span className="live-dot" aria-hidden="true" />
          {t(`command.connection.${connection}`)}
        </span>
        {onNewReport && (
          <button type="button" className="primary-button" data-testid="new-report" onClick={onNewReport}>
            + {t('command.newReport')}
          </button>
        )}
      </header>
      <dl className="counters" data-testid="counters">
        <Counter label={t('command.reportedToday')} value={c?.reportedToday} testId="counter-today" />
        <Counter label={t('command.open')} value={c?.open} testId="counter-open" />
        <Counter label={t('command.overdue')} value={c?.overdue} tone="alert" testId="counter-overdue" />
        <Counter label={t('command.dueSoon')} value={c?.dueSoon} tone="warn" title={t('command.dueSoonTitle', { hours: DUE_SOON_HOURS })} testId="counter-due-soon" />
      </dl>
      <section className="by-level">
        <h3 className="panel-heading">{t('command.byLevel')}</h3>
        {[...AREA_LEVELS].reverse().map((level) => (
          <div key={level} className="level-row">
            <span className="level-name">{t(`level.${level}`)}</span>
            <span className="level-bar">
              <span style={{ width: `${c ? (100 * c.openByLevel[level]) / levelMax : 0}%` }} />
            </span>
            <span className="num">{c ? format.number(c.openByLevel[level]) : '–'}</span>
          </div>
        ))}
      </section>
      {replacement ?? (
        <section className="feed-section">
          <h3 className="panel-heading">{t('command.feed')}</h3>
          {feed.length === 0 && <p className="feed-empty">{t('command.feedEmpty')}</p>}
          <ol className="feed" data-testid="live-feed">
            {feed.slice(0, FEED_LINES).map((entry) => (
              <FeedLine
                key={entry.event.id}
                entry={entry}
                nowMs={nowMs}
                findArea={findArea}
                selected={entry.incident.id === selectedIncidentId}
                onSelect={onSelect}
              />
            ))}
          </ol>
        </section>
      )}
      {operator && (
        <label className="operator">
          <span>{t('command.operator')}</span>
          <input
            value={operator.typed}
            placeholder={operator.fallback}
            maxLength={40}
            onChange={(event) => operator.setName(event.target.value)}
            data-testid="operator-name"
          />
        </label>
      )}
    </aside>
  );
}

function Counter({ label, value, tone, title, testId }: { label: string; value: number | undefined; tone?: 'alert' | 'warn'; title?: string; testId: string }) {
  const { format } = useI18n();
  return (
    <div className={`counter ${tone ?? ''}`} title={title}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value === undefined ? '–' : format.number(value)}</dd>
    </div>
  );
}

function FeedLine({ entry, nowMs, findArea, selected, onSelect }: {
  entry: FeedEntry;
  nowMs: number;
  findArea: (id: number) => AreaProperties | undefined;
  selected: boolean;
  onSelect: (selection: Selection) => void;
}) {
  const { t, format } = useI18n();
  const { event, incident } = entry;
  const p = incident.properties;
  const chain = areaChain(p.gridId, findArea);
  const town = chain[0]?.name;
  const grid = chain.at(-1);
  const place = grid ? [town, shortAreaName(grid.name, chain.at(-2)?.name)].filter(Boolean).join(' · ') : '';
  const open = OPEN_STATUSES.includes(p.status);
  const due = open ? countdownText(t, p.deadlineAt, nowMs) : null;
  const time = daysUntil(event.at, new Date(nowMs)) === 0 ? format.time(event.at) : format.dayTime(event.at);
  return (
    <li className={`feed-line ${entry.live ? 'live' : ''} ${selected ? 'selected' : ''}`} data-event-id={event.id} data-incident-id={incident.id}>
      <button
        type="button"
        onClick={() => onSelect({ kind: 'incident', id: incident.id, at: incident.geometry.coordinates as [number, number] })}
      >
        <span className="feed-top">
          <span className={`event-kind ${event.kind}`}>{t(`event.${event.kind}`)}</span>
          <span className="feed-title">
            <span className="feed-kind">{t(`incidentKind.${p.kind}`)}</span>
            <span className="feed-id">#{incident.id}</span>
          </span>
          <time className="feed-time" dateTime={event.at}>{time}</time>
        </span>
        <span className="feed-bottom">
          <span className="status-pill small" style={{ background: INCIDENT_STATUS_COLOURS[p.status] }}>
            {t(`incidentStatus.${p.status}`)}
          </span>
          <span className="feed-place" title={place}>{place}</span>
          {due && <span className={due.overdue ? 'countdown overdue' : 'countdown'}>{due.text}</span>}
        </span>
      </button>
    </li>
  );
}
