import type { Map as MapLibreMap } from 'maplibre-gl';
import { CoveragePanel } from '../coverage/coverage-panel.tsx';
import './mediation-dock.css';
import { NearestContextMenu } from './nearest-context-menu.tsx';
import { NearestPanel } from './nearest-panel.tsx';

export interface MediationDockProps {
  map: MapLibreMap | null;
  clockOffsetMs: number;
  actor: string;
  /** Whether the signed-in role may take handling steps (assign); the list shows either way. */
  canAssign: boolean;
}

/** Issue 5's tools over the map: coverage gaps and nearest mediation on the left, and the map's context menu. */
export function MediationDock({ map, clockOffsetMs, actor, canAssign }: MediationDockProps) {
  return (
    <>
      <div className="map-dock-left">
        <CoveragePanel map={map} />
        <NearestPanel map={map} clockOffsetMs={clockOffsetMs} actor={actor} canAssign={canAssign} />
      </div>
      <NearestContextMenu map={map} />
    </>
  );
}
