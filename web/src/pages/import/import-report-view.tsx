import type { ImportReport } from '@gridmap/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** Report rows drawn at most; the rest are counted (a 400,000-row table would stall the page). */
const ROWS_DRAWN = 300;
const COORDINATE_DIGITS = 5; // about a metre

/** The dry-run report: totals, where areas do not tile their parent, and the rows one by one. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, format } = useI18n();
  const deg = (x: number) => x.toFixed(COORDINATE_DIGITS);
  const { totals } = report;
  // Rejected rows are what a person has to act on: shown alone by default when there are any.
  const [onlyRejected, setOnlyRejected] = useState(totals.reject > 0);
  const listed = onlyRejected ? report.rows.filter((r) => r.action === 'reject') : report.rows;
  const rows = listed.slice(0, ROWS_DRAWN);
  return (
    <div className="import-report" data-testid="import-report">
      <dl className="import-totals">
        {(['rows', 'create', 'update', 'reject'] as const).map((k) => (
          <div key={k} className={`import-total ${k}`}>
            <dt>{t(`import.totals.${k}`)}</dt>
            <dd data-testid={`import-total-${k}`}>{format.number(totals[k])}</dd>
          </div>
        ))}
      </dl>
      <p className={report.applicable ? 'import-verdict ok' : 'import-verdict blocked'}>
        {t(report.applicable ? 'import.applicable' : 'import.notApplicable')}
      </p>
      {report.tiling.length > 0 && (
        <section>
          <h4 className="import-subheading">{t('import.tiling.title')}</h4>
          <ul className="tiling-problems">
            {report.tiling.map((p, i) => (
              <li key={i}>
                <span className={`problem-kind ${p.kind}`}>{t(`import.tiling.${p.kind}`)}</span>
                {t('import.tiling.detail', { codes: p.codes.join(' / '), area: p.areaM2, lon: deg(p.where[0]), lat: deg(p.where[1]) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {totals.reject > 0 && (
        <label className="only-rejected">
          <input type="checkbox" data-testid="only-rejected" checked={onlyRejected} onChange={(e) => setOnlyRejected(e.target.checked)} />
          {t('import.onlyRejected')}
        </label>
      )}
      <table className="import-rows">
        <thead>
          <tr>
            <th className="num">{t('import.col.row')}</th>
            <th>{t('import.col.action')}</th>
            <th>{t('import.col.key')}</th>
            <th>{t('import.col.target')}</th>
            <th>{t('import.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className={r.action}>
              <td className="num">{r.row}</td>
              <td>
                <span className={`action-pill ${r.action}`}>{t(`import.action.${r.action}`)}</span>
              </td>
              <td className="key">{r.key}</td>
              <td className="mono">{r.target ?? '—'}</td>
              <td>
                {r.problems.map((p, i) => (
                  <div key={i} className="problem" title={p.message}>
                    {t(`importProblem.${p.code}` as MessageKey)}
                    {p.field && <span className="problem-field">{t(fieldKey(p.field))}</span>}
                    {p.where && <span className="problem-where">{t('import.where', { lon: deg(p.where[0]), lat: deg(p.where[1]) })}</span>}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {listed.length > ROWS_DRAWN && <p className="import-note">{t('import.rowsShown', { count: ROWS_DRAWN })}</p>}
      {report.rowsLeftOut > 0 && <p className="import-note">{t('import.rowsLeftOut', { count: report.rowsLeftOut })}</p>}
    </div>
  );
}

/** The label of the GridMap field a problem names (`geometry` is the position or polygon). */
function fieldKey(field: string): MessageKey {
  return `importField.${field}` as MessageKey;
}
