import type { PlanImpact, PlannerCommunity } from '@gridmap/shared';
import { partitionFromGrids, partitionGeometries, type GridPartition } from '@gridmap/shared/plans/grid-partition';
import { insertVertex, mergeGrids, moveVertex, removeVertex, splitGrid } from '@gridmap/shared/plans/partition-edits';
import { validatePartition } from '@gridmap/shared/plans/validate-partition';
import { bboxOf } from '@gridmap/shared/plans/partition-balance';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiRequestError } from '../api/fetch-json.ts';
import { useI18n } from '../i18n/locale-context.tsx';
import { BalanceTable } from './balance-table.tsx';
import { applyPlan, plannerCommunityQueryOptions, previewPlan, savePlan } from './planner-api.ts';
import { pushHistory, redo, startHistory, undo, type History } from './planner-history.ts';
import { usePlannerMap, type PlannerMode } from './use-planner-map.ts';

/** Wait after the last edit before asking the server for the balance, in ms. */
export const PREVIEW_DEBOUNCE_MS = 250;

interface PlannerPanelProps {
  map: MapLibreMap | null;
  communityId: number;
  author: string;
  onClose(): void;
}

/** The planner: edit one community's grids on the map, see the balance, save and apply the plan. */
export function PlannerPanel({ map, communityId, author, onClose }: PlannerPanelProps) {
  const { t } = useI18n();
  const community = useQuery(plannerCommunityQueryOptions(communityId));
  // Frame the community once when the planner opens on it, not again after an apply reloads it.
  const framed = useRef<number | null>(null);
  useEffect(() => {
    if (!map || !community.data || framed.current === communityId) return;
    framed.current = communityId;
    const [minLon, minLat, maxLon, maxLat] = bboxOf(community.data.geometry);
    map.fitBounds([[minLon, minLat], [maxLon, maxLat]], { padding: 40, duration: 0 });
  }, [map, community.data, communityId]);
  return (
    <aside className="command-panel planner-panel" data-testid="planner">
      <header className="command-head">
        <h2>{t('planner.title')}</h2>
        <span className="planner-community">{community.data?.name}</span>
        <button type="button" className="ghost-button planner-close" onClick={onClose} data-testid="planner-close">
          {t('planner.close')}
        </button>
      </header>
      {community.isError && <p className="planner-message error">{t('app.loadFailed')}</p>}
      {community.data && <PlannerEditor key={community.dataUpdatedAt} map={map} community={community.data} author={author} />}
    </aside>
  );
}

function PlannerEditor({ map, community, author }: { map: MapLibreMap | null; community: PlannerCommunity; author: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const original = useMemo(() => partitionFromGrids(community.grids, community.geometry), [community]);
  const [history, setHistory] = useState<History<GridPartition>>(() => startHistory(original));
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
  const [nextNewId, setNextNewId] = useState(-1);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [impact, setImpact] = useState<PlanImpact | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);


  const edit = useCallback((f: (p: GridPartition) => GridPartition) => {
    try {
      setHistory((h) => pushHistory(h, f(h.present)));
      setMessage(null);
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
  }, []);
  // Edits that can throw run here first, so the message shows and the history stays.
  const tryEdit = useCallback((f: (p: GridPartition) => GridPartition) => {
    try {
      const next = f(history.present);
      setHistory((h) => pushHistory(h, next));
      setMessage(null);
      return true;
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
      return false;
    }
  }, [history.present]);

  const problems = useMemo(() => validatePartition(partition, community.geometry), [partition, community.geometry]);
  const originalJson = useMemo(() => new Map(partitionGeometries(original).map((g) => [g.id, JSON.stringify(g.geometry)])), [original]);
  const grids = useMemo(() => partitionGeometries(history.present), [history.present]);
  const changed = useMemo(
    () => new Set(partitionGeometries(partition).filter((g) => originalJson.get(g.id) !== JSON.stringify(g.geometry)).map((g) => g.id)),
    [partition, originalJson],
  );
  const edited = history.past.length > 0;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      previewPlan(community.id, grids).then((result) => live && setImpact(result)).catch(() => live && setImpact(null));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [community.id, grids]);

  usePlannerMap(map, {
    partition,
    selected,
    changed,
    problems,
    cut,
    mode,
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

  const finishCut = () => {
    // A double-click also sends two clicks: drop repeated points.
    const drawn = cutRef.current;
    const line = drawn.filter((p, i) => i === 0 || p[0] !== drawn[i - 1][0] || p[1] !== drawn[i - 1][1]);
    setMode('edit');
    setCut([]);
    if (selected.length !== 1) return;
    if (line.length < 2) return setMessage({ text: t('planner.cutTooShort'), error: true });
    if (tryEdit((p) => splitGrid(p, selected[0], line, nextNewId))) {
      setSelected([selected[0], nextNewId]);
      setNextNewId((n) => n - 1);
    }
  };

  useEffect(() => {
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
    try {
      const plan = await savePlan(community, grids, author, reason.trim() || t('planner.defaultReason'));
      if (!apply) {
        setMessage({ text: t('planner.saved', { id: plan.id }), error: false });
        return;
      }
      const result = await applyPlan(plan.id, author);
      // Said at once; the areas (the whole grid layer, figures) refetch behind it.
      setMessage({ text: t('planner.applied', { id: plan.id, households: result.reassignedHouseholds }), error: false });
      void queryClient.invalidateQueries({ queryKey: ['areas'] });
      void queryClient.invalidateQueries({ queryKey: ['plans', 'community', community.id] });
    } catch (err) {
      const text = err instanceof ApiRequestError ? err.message : (err as Error).message;
      setMessage({ text, error: true });
    } finally {
      setBusy(false);
    }
  };

  const names = new Map(community.grids.map((g) => [g.id, g.name]));
  return (
    <div className="planner-body">
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
        <button type="button" className="ghost-button" disabled={!edited} onClick={() => edit(() => original)}>
          {t('planner.reset')}
        </button>
      </div>
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
      <BalanceTable impact={impact} names={names} selected={selected} onSelect={(id) => setSelected([id])} />
      <div className="planner-commit">
        <input value={reason} placeholder={t('planner.reason')} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="planner-reason" />
        <div className="form-actions">
          <button type="button" className="ghost-button" disabled={!edited || busy} onClick={() => void save(false)} data-testid="planner-save">
            {t('planner.save')}
          </button>
          <button type="button" className="primary-button" disabled={!edited || busy || problems.length > 0} onClick={() => void save(true)} data-testid="planner-apply">
            {t('planner.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
