import type { PlannerCommunity, StaffMember } from '@gridmap/shared';
import { partitionFromGrids, partitionGeometries } from '@gridmap/shared/plans/grid-partition';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/locale-context.tsx';
import { gridStaffQueryOptions, planKeys, previewPlan, setGridStaff } from './planner-api.ts';

/** The community's grids as they are, with their figures: the workload table's rows. */
const workloadQueryOptions = (community: PlannerCommunity) =>
  queryOptions({
    queryKey: [...planKeys.all, 'workload', community.id] as const,
    queryFn: () => previewPlan(community.id, partitionGeometries(partitionFromGrids(community.grids, community.geometry))),
  });

/**
 * Assigns grid workers, police and auxiliaries to the community's grids: pick a grid, remove
 * members of its team or add unassigned staff. Each change is saved at once (one PUT of the
 * grid's whole team) and the workload table (households per grid worker) follows.
 */
export function StaffAssignment({ community, onChanged }: { community: PlannerCommunity; onChanged(): void }) {
  const { t, format } = useI18n();
  const queryClient = useQueryClient();
  const [gridId, setGridId] = useState(community.grids[0]?.id ?? 0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const staff = useQuery({ ...gridStaffQueryOptions(gridId), enabled: gridId > 0 });
  const workload = useQuery(workloadQueryOptions(community));
  const team = useMemo(() => staff.data?.staff.filter((s) => s.gridId === gridId) ?? [], [staff.data, gridId]);
  const unassigned = useMemo(() => staff.data?.staff.filter((s) => s.gridId === null) ?? [], [staff.data]);
  const gridName = (id: number) => community.grids.find((g) => g.id === id)?.name ?? `#${id}`;

  const change = async (staffIds: number[]) => {
    setBusy(true);
    setMessage(null);
    try {
      const answer = await setGridStaff(gridId, staffIds);
      queryClient.setQueryData(gridStaffQueryOptions(gridId).queryKey, answer);
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
      await queryClient.invalidateQueries({ queryKey: [...planKeys.all, 'workload', community.id] });
      void queryClient.invalidateQueries({ queryKey: ['areas'] });
      onChanged();
      setMessage({ text: t('planner.staff.saved', { grid: gridName(gridId) }), error: false });
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  const member = (s: StaffMember, action: 'assign' | 'unassign') => (
    <li key={s.id} data-staff={s.id}>
      <span className={`role-tag role-${s.role}`}>{t(`staffRole.${s.role}`)}</span>
      <span className="staff-name">{s.name}</span>
      <button
        type="button"
        className="ghost-button"
        disabled={busy}
        onClick={() => void change(action === 'assign' ? [...team.map((m) => m.id), s.id] : team.filter((m) => m.id !== s.id).map((m) => m.id))}
        data-testid={`staff-${action}`}
      >
        {t(`planner.staff.${action}`)}
      </button>
    </li>
  );

  return (
    <div className="planner-body planner-staff" data-testid="planner-staff">
      <label className="planner-rename">
        <span>{t('planner.staff.grid')}</span>
        <select value={gridId} onChange={(e) => (setGridId(Number(e.target.value)), setMessage(null))} data-testid="staff-grid">
          {community.grids.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      {message && <p className={`planner-message${message.error ? ' error' : ''}`} data-testid="staff-message">{message.text}</p>}
      <div className="staff-columns">
        <section>
          <h3 className="panel-heading">{t('planner.staff.team', { grid: gridName(gridId).replace(/^.*?(第.+网格)$/, '$1') })}</h3>
          <ul className="staff-list" data-testid="staff-team">
            {team.length === 0 && staff.isSuccess && <li className="planner-hint">{t('planner.staff.none')}</li>}
            {team.map((s) => member(s, 'unassign'))}
          </ul>
        </section>
        <section>
          <h3 className="panel-heading">{t('planner.staff.unassigned')}</h3>
          <ul className="staff-list" data-testid="staff-unassigned">
            {unassigned.length === 0 && staff.isSuccess && <li className="planner-hint">{t('planner.staff.none')}</li>}
            {unassigned.map((s) => member(s, 'assign'))}
          </ul>
        </section>
      </div>
      <h3 className="panel-heading staff-workload-heading">{t('planner.staff.workload')}</h3>
      <div className="balance-scroll">
        <table className="balance-table" data-testid="staff-workload">
          <thead>
            <tr>
              <th>{t('planner.grid')}</th>
              <th>{t('planner.col.households')}</th>
              <th>{t('staffRole.grid_worker')}</th>
              <th>{t('planner.col.staff')}</th>
              <th>{t('planner.col.householdsPerGridWorker')}</th>
            </tr>
          </thead>
          <tbody>
            {workload.data?.grids.map((g) => (
              <tr key={g.id} className={g.id === gridId ? 'selected' : ''} onClick={() => setGridId(g.id)} data-grid={g.id}>
                <td className="balance-name" title={g.name}>{g.name.replace(/^.*?(第.+网格)$/, '$1')}</td>
                <td>{g.before ? format.number(g.before.households) : '–'}</td>
                <td data-col="gridWorkers">{g.before ? format.number(g.before.gridWorkers) : '–'}</td>
                <td data-col="staff">{g.before ? format.number(g.before.staff) : '–'}</td>
                <td data-col="householdsPerGridWorker">
                  {g.before?.householdsPerGridWorker == null ? '–' : format.decimal(g.before.householdsPerGridWorker)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
