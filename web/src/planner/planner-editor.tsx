import type { Plan, PlanImpact, PlannerCommunity } from '@gridmap/shared';
import { partitionFromGrids, partitionGeometries, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import { insertVertex, mergeGrids, moveVertex, removeVertex, splitGrid } from '@gridmap/shared/plans/partition-edits';
import { bboxOf } from '@gridmap/shared/plans/partition-balance';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiRequestError } from '../api/fetch-json.ts';
import { useI18n } from '../i18n/locale-context.tsx';
import { BalanceTable } from './balance-table.tsx';
import { applyPlan, fetchPlanImpact, planImpactQueryOptions, planKeys, plannerKeys, previewPlan, savePlan } from './planner-api.ts';
import { pushHistory, redo, startHistory, undo, type History } from './planner-history.ts';
import { refusalText } from './refusal-text.ts';
import { usePlannerMap, type PlannerMode } from './use-planner-map.ts';

/** Wait after the last edit before asking the server for the balance, in ms. */
export const PREVIEW_DEBOUNCE_MS = 250;
/** Closest zoom when a draft opens framed on the grids it changes. */
const DRAFT_FRAME_MAX_ZOOM = 16;
/** How close to a grid's vertex a cut line snaps through it, in screen pixels. */
export const CUT_SNAP_PX = 8;

interface PlannerEditorProps {
  map: MapLibreMap | null;
  community: PlannerCommunity;
  author: string;
  /** A saved plan under review (another planner's draft, or a restore), or null: the current grids. */
  draft: Plan | null;
  /** False while another tab of the planner is shown: the edits stay, the handles hide. */
  visible: boolean;
  /** Changes when staff were reassigned, so the workload figures are asked for again. */
  staffVersion: number;
  /** The last outcome said to the planner; kept by the panel, so it outlives a reload of the grids. */
  message: PlannerMessage | null;
  setMessage(message: PlannerMessage | null): void;
  onBackToCurrent(): void;
  /** A plan took effect: the editor goes back to the (new) current grids. */
  onApplied(): void;
}

export interface PlannerMessage {
  text: string;
  error: boolean;
}

/** Edits one community's grids on the map, shows the balance, saves and applies the plan. */
export function PlannerEditor({ map, community, author, draft, visible, staffVersion, message, setMessage, onBackToCurrent, onApplied }: PlannerEditorProps) {
  const { t, format } = useI18n();
  const queryClient = useQueryClient();
  const current = useMemo(() => partitionFromGrids(community.grids, community.geometry), [community]);
  const initial = useMemo(() => (draft ? partitionFromGrids(draft.grids, community.geometry) : current), [draft, community, current]);
  const [history, setHistory] = useState<History<GridPartition>>(() => startHistory(initial));
  // While a vertex is dragged the partition follows the mouse without an undo step per move.
  const [dragged, setDragged] = useState<GridPartition | null>(null);
  const partition = dragged ?? history.present;
  const [selected, setSelected] = useState<number[]>([]);
  const [mode, setMode] = useState<PlannerMode>('edit');
  const [cut, setCutState] = useState<Position[]>([]);
  // The clicks of a double-click arrive before React renders them: the cut is read from a ref.
  const cutRef = useRef<Position[]>([]);
  const setCut = useCallback((next: Position[] | ((c: Position[]) => Position[])) => {
    cutRef.current = typeof next === 'function' ? next(cutRef.current) : next;
    setCutState(cutRef.current);
  }, []);
  const [nextNewId, setNextNewId] = useState(() => Math.min(0, ...(draft?.grids.map((g) => g.id) ?? [])) - 1);
  // Names the plan gives (a draft's, or typed here); a grid not in it keeps its name.
  const currentNames = useMemo(() => new Map(community.grids.map((g) => [g.id, g.name])), [community]);
  const draftNames = useMemo(
    () => new Map((draft?.grids ?? []).flatMap((g) => (g.name && g.name !== currentNames.get(g.id) ? [[g.id, g.name] as const] : []))),
    [draft, currentNames],
  );
  const [names, setNames] = useState<ReadonlyMap<number, string>>(draftNames);
  const [impact, setImpact] = useState<PlanImpact | null>(null);
  const [reason, setReason] = useState(draft?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const gridName = useCallback(
    (id: number) => names.get(id) ?? currentNames.get(id) ?? t('planner.newGrid'),
    [names, currentNames, t],
  );

  const edit = useCallback((f: (p: GridPartition) => GridPartition) => {
    setHistory((h) => pushHistory(h, f(h.present)));
    setMessage(null);
  }, [setMessage]);
  // Edits that can be refused run here first, so the message shows and the history stays.
  const tryEdit = useCallback((f: (p: GridPartition) => GridPartition) => {
    try {
      const next = f(history.present);
      setHistory((h) => pushHistory(h, next));
      setMessage(null);
      return true;
    } catch (err) {
      setMessage({ text: refusalText(err, t, gridName), error: true });
      return false;
    }
  }, [history.present, t, gridName, setMessage]);

  const problems = useMemo(() => validatePartition(partition, community.geometry), [partition, community.geometry]);
  const currentJson = useMemo(() => new Map(partitionGeometries(current).map((g) => [g.id, JSON.stringify(g.geometry)])), [current]);
  const grids = useMemo(
    () => partitionGeometries(history.present).map((g) => (names.has(g.id) ? { ...g, name: names.get(g.id) } : g)),
    [history.present, names],
  );
  const changed = useMemo(
    () => new Set(partitionGeometries(partition).filter((g) => currentJson.get(g.id) !== JSON.stringify(g.geometry) || names.has(g.id)).map((g) => g.id)),
    [partition, currentJson, names],
  );
  const edited = history.past.length > 0 || names.size !== draftNames.size || [...names].some(([id, n]) => draftNames.get(id) !== n);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      previewPlan(community.id, grids).then((result) => live && setImpact(result)).catch(() => live && setImpact(null));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [community.id, grids, staffVersion]);

  // A draft opens framed on what it changes (often a few grids of a larger community).
  useEffect(() => {
    if (!map || !draft) return;
    const boxes = partitionGeometries(initial).filter((g) => currentJson.get(g.id) !== JSON.stringify(g.geometry)).map((g) => bboxOf(g.geometry));
    if (boxes.length === 0) return;
    map.fitBounds(
      [[Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))], [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]],
      { padding: 60, maxZoom: DRAFT_FRAME_MAX_ZOOM, duration: 0 },
    );
    // Once per draft opened; later edits do not move the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, draft?.id]);

  // A draft drawn on grids that changed since cannot be applied: say which, before anyone tries.
  const draftImpact = useQuery({ ...planImpactQueryOptions(draft?.id ?? 0), enabled: draft !== null });
  const staleNames = (ids: readonly number[]) => ids.map((id) => currentNames.get(id) ?? `#${id}`).join('、');

  const finishCut = () => {
    // A double-click also sends two clicks: drop repeated points.
    const drawn = cutRef.current;
    const line = drawn.filter((p, i) => i === 0 || p[0] !== drawn[i - 1][0] || p[1] !== drawn[i - 1][1]);
    setMode('edit');
    setCut([]);
    if (selected.length !== 1) return;
    if (line.length < 2) return setMessage({ text: t('planner.cutTooShort'), error: true });
    if (tryEdit((p) => splitGrid(p, selected[0], line, nextNewId, snapDegrees(map, line[0])))) {
      setSelected([selected[0], nextNewId]);
      setNextNewId((n) => n - 1);
    }
  };

  usePlannerMap(map, {
    partition,
    selected,
    changed,
    problems,
    cut,
    mode,
    visible,
    onDrag(v, lon, lat, done) {
      const next = moveVertex(history.present, v, lon, lat);
      if (done) {
        setDragged(null);
        edit(() => next);
      } else setDragged(next);
    },
    onInsert: (a, b, lon, lat) => void tryEdit((p) => insertVertex(p, a, b, lon, lat).partition),
    onRemove: (v) => void tryEdit((p) => removeVertex(p, v)),
    onSelectGrid(id, additive) {
      if (id === null) return setSelected([]);
      setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : additive ? [...s, id].slice(-2) : [id]));
    },
    onCutPoint: (at) => setCut((c) => [...c, at]),
    onCutFinish: () => finishCut(),
  });

  useEffect(() => {
    if (!visible) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && key === 'z') (e.preventDefault(), setHistory((h) => (e.shiftKey ? redo(h) : undo(h))));
      else if ((e.ctrlKey || e.metaKey) && key === 'y') (e.preventDefault(), setHistory(redo));
      else if (key === 'escape' && mode === 'split') (setMode('edit'), setCut([]));
      else if (key === 'enter' && mode === 'split') finishCut();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const save = async (apply: boolean) => {
    setBusy(true);
    let planId = draft?.id ?? null;
    try {
      // A draft opened as it was is applied as it is; edited, it becomes a new draft on the same base.
      if (!draft || edited) {
        const base = draft?.base ?? community.grids.map((g) => ({ id: g.id, version: g.version }));
        const plan = await savePlan(community.id, base, grids, author, reason.trim() || t('planner.defaultReason'));
        planId = plan.id;
        void queryClient.invalidateQueries({ queryKey: plannerKeys.plans(community.id) });
        if (!apply) return setMessage({ text: t('planner.saved', { id: plan.id }), error: false });
      }
      const result = await applyPlan(planId!, author);
      // Said at once; the areas (the whole grid layer, figures) refetch behind it.
      setMessage({ text: t('planner.applied', { id: result.plan.id, households: result.reassignedHouseholds }), error: false });
      onApplied();
      void queryClient.invalidateQueries({ queryKey: ['areas'] });
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['grid-versions'] });
      void queryClient.invalidateQueries({ queryKey: ['staff'] });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409 && err.field === 'base' && planId !== null) {
        const stale = await fetchPlanImpact(planId).then((i) => i.staleGrids, () => []);
        setMessage({ text: t('planner.staleApply', { id: planId, grids: staleNames(stale) }), error: true });
      } else setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const rowNames = new Map([...currentNames, ...names]);
  const one = selected.length === 1 ? selected[0] : null;
  return (
    <div className="planner-body" hidden={!visible}>
      {draft && (
        <div className="planner-draft" data-testid="planner-draft">
          <span>{t('planner.reviewing', { id: draft.id, author: draft.author, time: format.dateTime(draft.createdAt) })}</span>
          <button type="button" className="link-button" onClick={onBackToCurrent}>{t('planner.backToCurrent')}</button>
          {draftImpact.data && draftImpact.data.staleGrids.length > 0 && (
            <p className="planner-message error" data-testid="planner-stale">{t('planner.stale', { grids: staleNames(draftImpact.data.staleGrids) })}</p>
          )}
        </div>
      )}
      <div className="planner-tools" role="toolbar">
        <button type="button" className="ghost-button" disabled={history.past.length === 0} onClick={() => setHistory(undo)} data-testid="planner-undo">
          {t('planner.undo')}
        </button>
        <button type="button" className="ghost-button" disabled={history.future.length === 0} onClick={() => setHistory(redo)} data-testid="planner-redo">
          {t('planner.redo')}
        </button>
        <button
          type="button"
          className={`ghost-button${mode === 'split' ? ' active' : ''}`}
          disabled={selected.length !== 1}
          onClick={() => (mode === 'split' ? (setMode('edit'), setCut([])) : (setMode('split'), setCut([])))}
          data-testid="planner-split"
        >
          {t('planner.split')}
        </button>
        <button
          type="button"
          className="ghost-button"
          disabled={selected.length !== 2}
          onClick={() => tryEdit((p) => mergeGrids(p, selected[0], selected[1])) && setSelected([selected[0]])}
          data-testid="planner-merge"
        >
          {t('planner.merge')}
        </button>
        <button type="button" className="ghost-button" disabled={!edited} onClick={() => (edit(() => initial), setNames(draftNames))}>
          {t('planner.reset')}
        </button>
      </div>
      {one !== null && (
        <label className="planner-rename">
          <span>{t('planner.rename')}</span>
          <input
            value={names.get(one) ?? currentNames.get(one) ?? ''}
            placeholder={t('planner.newGrid')}
            maxLength={60}
            onChange={(e) => {
              const value = e.target.value;
              setNames((m) => {
                const next = new Map(m);
                if (value.trim() === '' || value === currentNames.get(one)) next.delete(one);
                else next.set(one, value);
                return next;
              });
            }}
            data-testid="planner-rename"
          />
        </label>
      )}
      <p className="planner-hint">{mode === 'split' ? t('planner.hintSplit') : t('planner.hintEdit')}</p>
      {message && <p className={`planner-message${message.error ? ' error' : ''}`} data-testid="planner-message">{message.text}</p>}
      {problems.length > 0 && (
        <section className="planner-problems" data-testid="planner-problems">
          <h3 className="panel-heading">{t('planner.problems', { count: problems.length })}</h3>
          <ul>
            {problems.slice(0, 6).map((q, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => map?.flyTo({ center: q.at, zoom: Math.max(map.getZoom(), 16) })}>
                  {t(`planner.problem.${q.kind}`)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <BalanceTable impact={impact} names={rowNames} selected={selected} onSelect={(id) => setSelected([id])} />
      <div className="planner-commit">
        <input value={reason} placeholder={t('planner.reason')} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="planner-reason" />
        <div className="form-actions">
          <button type="button" className="ghost-button" disabled={!edited || busy} onClick={() => void save(false)} data-testid="planner-save">
            {t('planner.save')}
          </button>
          <button
            type="button"
            className="primary-button"
            disabled={!(edited || draft) || busy || problems.length > 0}
            onClick={() => void save(true)}
            data-testid="planner-apply"
          >
            {t('planner.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** `CUT_SNAP_PX` in degrees at the map's zoom near `at`; 0 without a map (exact cuts only). */
function snapDegrees(map: MapLibreMap | null, at: Position): number {
  if (!map) return 0;
  const p = map.project([at[0], at[1]]);
  const q = map.unproject([p.x + CUT_SNAP_PX, p.y]);
  return Math.abs(q.lng - at[0]);
}
