import type { Plan } from '@gridmap/shared';
import { bboxOf } from '@gridmap/shared/plans/partition-balance';
import { useQuery } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/locale-context.tsx';
import { PLACE_FILL_LAYER_ID } from '../layers/choropleth/place-choropleth.ts';
import { PlanList } from './plan-list.tsx';
import { PlannerEditor, type PlannerMessage } from './planner-editor.tsx';
import { plannerCommunityQueryOptions } from './planner-api.ts';
import { StaffAssignment } from './staff-assignment.tsx';
import { VersionHistory } from './version-history.tsx';

/** The layer panel's grid fill (web/src/layers/grid-fill/). */
const GRID_FILL_LAYER_ID = 'grid-fill';

export const PLANNER_TABS = ['edit', 'plans', 'history', 'staff'] as const;
export type PlannerTab = (typeof PLANNER_TABS)[number];

/**
 * Map layers of other features that would colour the grids under the planner's own fill: the
 * place's figure map (issue 7) and the layer panel's grid fill. Hidden while the planner is open.
 */
const LAYERS_HIDDEN_WHILE_PLANNING = [PLACE_FILL_LAYER_ID, GRID_FILL_LAYER_ID];

interface PlannerPanelProps {
  map: MapLibreMap | null;
  communityId: number;
  author: string;
  onClose(): void;
}

/**
 * The planner on one community: edit its grids (or review a saved plan), the plans of every
 * planner, the history of its boundaries, and its staff.
 */
export function PlannerPanel({ map, communityId, author, onClose }: PlannerPanelProps) {
  const { t } = useI18n();
  const community = useQuery(plannerCommunityQueryOptions(communityId));
  const [tab, setTab] = useState<PlannerTab>('edit');
  // A saved plan under review in the editor; null edits the current grids.
  const [draft, setDraft] = useState<Plan | null>(null);
  const [staffVersion, setStaffVersion] = useState(0);
  const [message, setMessage] = useState<PlannerMessage | null>(null);
  // Frame the community once when the planner opens on it, not again after an apply reloads it.
  const framed = useRef<number | null>(null);
  useEffect(() => {
    if (!map || !community.data || framed.current === communityId) return;
    framed.current = communityId;
    const [minLon, minLat, maxLon, maxLat] = bboxOf(community.data.geometry);
    map.fitBounds([[minLon, minLat], [maxLon, maxLat]], { padding: 40, duration: 0 });
  }, [map, community.data, communityId]);
  useHiddenLayers(map, LAYERS_HIDDEN_WHILE_PLANNING);
  const open = (plan: Plan) => {
    setDraft(plan);
    setMessage(null);
    setTab('edit');
  };
  return (
    <aside className="command-panel planner-panel" data-testid="planner">
      <header className="command-head">
        <h2>{t('planner.title')}</h2>
        <span className="planner-community">{community.data?.name}</span>
        <button type="button" className="ghost-button planner-close" onClick={onClose} data-testid="planner-close">
          {t('planner.close')}
        </button>
      </header>
      <nav className="planner-tabs" role="tablist">
        {PLANNER_TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => setTab(id)} data-testid={`planner-tab-${id}`}>
            {t(`planner.tab.${id}`)}
          </button>
        ))}
      </nav>
      {community.isError && <p className="planner-message error">{t('app.loadFailed')}</p>}
      {community.data && (
        <PlannerEditor
          key={`${community.dataUpdatedAt}-${draft?.id ?? 'current'}`}
          map={map}
          community={community.data}
          author={author}
          draft={draft}
          visible={tab === 'edit'}
          staffVersion={staffVersion}
          message={message}
          setMessage={setMessage}
          onBackToCurrent={() => (setDraft(null), setMessage(null))}
          onApplied={() => setDraft(null)}
        />
      )}
      {community.data && tab === 'plans' && <PlanList communityId={communityId} openedId={draft?.id ?? null} onOpen={open} />}
      {community.data && tab === 'history' && <VersionHistory map={map} community={community.data} author={author} onRestored={open} />}
      {community.data && tab === 'staff' && <StaffAssignment community={community.data} onChanged={() => setStaffVersion((v) => v + 1)} />}
    </aside>
  );
}

/** Hides map layers of other features while mounted, and shows them again after. */
function useHiddenLayers(map: MapLibreMap | null, ids: readonly string[]): void {
  useEffect(() => {
    if (!map) return;
    const hidden = ids.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    for (const id of hidden) map.setLayoutProperty(id, 'visibility', 'none');
    return () => {
      if (!map.style) return;
      for (const id of hidden) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible');
    };
  }, [map, ids]);
}
