import type { AreaProperties } from '@gridmap/shared';
import type { MediationPointFeature } from '../../api/points-api.ts';
import type { Selection } from '../../map/selection.ts';
import { AreaDetail } from './area-detail.tsx';
import { HouseholdDetail } from './household-detail.tsx';
import { IncidentDetail } from './incident-detail.tsx';
import { MediationPointDetail } from './mediation-point-detail.tsx';

export interface DetailPanelProps {
  selection: Selection;
  findArea: (id: number) => AreaProperties | undefined;
  findMediationPoint: (id: number) => MediationPointFeature | undefined;
  onSelect: (selection: Selection) => void;
  onClose: () => void;
}

/** The right panel: details of the selected feature. */
export function DetailPanel({ selection, findArea, findMediationPoint, onSelect, onClose }: DetailPanelProps) {
  return (
    <aside className="detail-panel" data-testid="detail-panel" aria-live="polite">
      {selection.kind === 'area' && (
        <AreaDetail key={selection.id} id={selection.id} known={findArea(selection.id)} onSelect={onSelect} onClose={onClose} />
      )}
      {selection.kind === 'incident' && <IncidentDetail key={selection.id} id={selection.id} at={selection.at} onClose={onClose} />}
      {selection.kind === 'household' && (
        <HouseholdDetail key={selection.id} id={selection.id} at={selection.at} onClose={onClose} />
      )}
      {selection.kind === 'mediationPoint' && (
        <MediationPointDetail id={selection.id} point={findMediationPoint(selection.id)} onClose={onClose} />
      )}
    </aside>
  );
}
