import type { AreaTreeLevel, AreaProperties } from '@gridmap/shared';
import type { MediationPointFeature } from '../../api/points-api.ts';
import type { Selection } from '../../map/selection.ts';
import { AreaDetail } from './area-detail.tsx';
import { HouseholdDetail } from './household-detail.tsx';
import { IncidentDetail } from './incident-detail.tsx';
import { MediationPointDetail } from './mediation-point-detail.tsx';

export interface DetailPanelProps {
  selection: Selection;
  findArea: (id: number) => AreaProperties | undefined;
  /** The areas directly under an area, in the order the panel lists them. */
  findChildren: (id: number, level: AreaTreeLevel) => AreaProperties[];
  findMediationPoint: (id: number) => MediationPointFeature | undefined;
  mediationPoints: readonly MediationPointFeature[];
  /** Who records the steps taken in the panel. */
  actor: string;
  /** Whether the panel offers the handling cycle's steps. */
  canHandle: boolean;
  /** How far the server's clock is ahead of ours, in ms: deadlines count on the server's clock. */
  clockOffsetMs: number;
  onSelect: (selection: Selection) => void;
  onClose: () => void;
}

/** The right panel: details of the selected feature. */
export function DetailPanel(props: DetailPanelProps) {
  const { selection, findArea, findChildren, findMediationPoint, mediationPoints, actor, canHandle, clockOffsetMs, onSelect, onClose } = props;
  return (
    <aside className="detail-panel" data-testid="detail-panel" aria-live="polite">
      {selection.kind === 'area' && (
        <AreaDetail
          key={selection.id}
          id={selection.id}
          known={findArea(selection.id)}
          subAreas={findChildren(selection.id, selection.level)}
          onSelect={onSelect}
          onClose={onClose}
        />
      )}
      {selection.kind === 'incident' && (
        <IncidentDetail
          key={selection.id}
          id={selection.id}
          actor={actor}
          canHandle={canHandle}
          mediationPoints={mediationPoints}
          findMediationPoint={findMediationPoint}
          clockOffsetMs={clockOffsetMs}
          findArea={findArea}
          onSelect={onSelect}
          onClose={onClose}
        />
      )}
      {selection.kind === 'household' && <HouseholdDetail key={selection.id} id={selection.id} onClose={onClose} />}
      {selection.kind === 'mediationPoint' && (
        <MediationPointDetail
          key={selection.id}
          id={selection.id}
          known={findMediationPoint(selection.id)}
          onClose={onClose}
        />
      )}
    </aside>
  );
}
