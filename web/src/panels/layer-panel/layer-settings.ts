import type { AreaLevel } from '@gridmap/shared';
import type { GridFigure } from '../../layers/grid-fill/grid-fill-layer.ts';
import type { IncidentScope } from '../../layers/incidents/incident-scope.ts';

/** What the user has switched on in the layer panel. */
export interface LayerSettings {
  boundaries: Record<AreaLevel, boolean>;
  gridFigure: GridFigure;
  households: boolean;
  incidents: boolean;
  /** Which incidents show when they are on: open only, recent, or all. */
  incidentScope: IncidentScope;
  mediationPoints: boolean;
}

/** The opening view: every boundary, grids by households, open cases and where to take them. */
export const DEFAULT_LAYER_SETTINGS: LayerSettings = {
  boundaries: { county: true, town: true, community: true, grid: true },
  gridFigure: 'households',
  households: false,
  incidents: true,
  incidentScope: 'open',
  mediationPoints: true,
};

/**
 * Visibility of every switchable map layer under these settings. The grid fill is never
 * hidden (with no figure it is transparent) because clicks on grids land on it.
 */
export function layerVisibility(settings: LayerSettings): Record<string, boolean> {
  const { boundaries } = settings;
  return {
    'county-line': boundaries.county,
    'town-line': boundaries.town,
    'town-label': boundaries.town,
    'community-line': boundaries.community,
    'community-label': boundaries.community,
    'grid-line': boundaries.grid,
    'grid-label': boundaries.grid,
    'households-heat': settings.households,
    'households-point': settings.households,
    'incidents-bin': settings.incidents,
    'incidents-point': settings.incidents,
    'mediation-points': settings.mediationPoints,
  };
}
