import type { PlanImpact } from '@gridmap/shared';
import { useI18n } from '../i18n/locale-context.tsx';

type Figures = NonNullable<PlanImpact['grids'][number]['before']>;
const COLUMNS = ['households', 'residents', 'keyGroupHouseholds', 'openIncidents', 'staff', 'householdsPerGridWorker'] as const satisfies readonly (keyof Figures)[];

/** '城西社区第二网格' → '第二网格': the table names grids of one community. */
function shortName(name: string): string {
  return name.replace(/^.*?(第.+网格)$/, '$1');
}

/** Per grid, each figure before → after (only the after when it did not change), and the community's balance. */
export function BalanceTable({ impact, names, selected, onSelect }: {
  impact: PlanImpact | null;
  names: ReadonlyMap<number, string>;
  selected: readonly number[];
  onSelect(id: number): void;
}) {
  const { t, format } = useI18n();
  if (!impact) return <p className="planner-hint">{t('app.loading')}</p>;
  const value = (f: Figures | null, key: (typeof COLUMNS)[number]) => {
    if (!f) return '–';
    const v = f[key];
    return v === null ? '–' : key === 'householdsPerGridWorker' ? format.decimal(v) : format.number(v);
  };
  const { before, after } = impact.balance;
  const ratio = (b: { maxOverMin: number | null }) => (b.maxOverMin === null ? '–' : format.decimal(b.maxOverMin));
  const pct = (b: { maxDeviation: number }) => `${format.number(Math.round(b.maxDeviation * 100))}%`;
  return (
    <section className="balance">
      <h3 className="panel-heading">{t('planner.balance')}</h3>
      <dl className="balance-figure" data-testid="planner-balance">
        <dt>{t('planner.maxOverMin')}</dt>
        <dd>{ratio(before.households)} → <b>{ratio(after.households)}</b></dd>
        <dt>{t('planner.maxDeviation')}</dt>
        <dd>{pct(before.households)} → <b>{pct(after.households)}</b></dd>
        <dt>{t('planner.perWorkerDeviation')}</dt>
        <dd>{pct(before.householdsPerGridWorker)} → <b>{pct(after.householdsPerGridWorker)}</b></dd>
      </dl>
      <div className="balance-scroll">
        <table className="balance-table" data-testid="planner-table">
          <thead>
            <tr>
              <th>{t('planner.grid')}</th>
              {COLUMNS.map((c) => <th key={c}>{t(`planner.col.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {impact.grids.map((g) => (
              <tr key={g.id} className={`${g.change}${selected.includes(g.id) ? ' selected' : ''}`} onClick={() => onSelect(g.id)} data-grid={g.id}>
                <td className="balance-name" title={g.name || names.get(g.id)}>
                  {g.id < 0 ? t('planner.newGrid') : shortName(names.get(g.id) ?? g.name)}
                  {g.change === 'removed' && <span className="change-tag">{t('planner.removed')}</span>}
                </td>
                {COLUMNS.map((c) => {
                  const b = value(g.before, c), a = value(g.after, c);
                  return <td key={c} data-col={c}>{b === a ? a : <>{b}<span className="arrow">→</span><b>{a}</b></>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
