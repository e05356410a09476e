import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/locale-context.tsx';
import { openNearest } from './nearest-store.ts';
import { incidentUnderPointer, INCIDENT_POINT_LAYERS } from './pointer-incident.ts';

interface MenuState {
  x: number;
  y: number;
  at: [number, number];
  incident: { id: number; at: [number, number] } | null;
}

/** Half the side of the box a right-click searches for an incident, in pixels. */
const POINTER_TOLERANCE_PX = 4;

/**
 * The map's context menu (right-click anywhere): "nearest mediation" from that place, and from
 * the incident under the pointer when there is one.
 */
export function NearestContextMenu({ map }: { map: MapLibreMap | null }) {
  const { t } = useI18n();
  const [menu, setMenu] = useState<MenuState | null>(null);

  useEffect(() => {
    if (!map) return;
    const onContext = (event: MapMouseEvent) => {
      event.preventDefault();
      const { x, y } = event.point;
      const layers = INCIDENT_POINT_LAYERS.filter((id) => map.getLayer(id));
      const features = layers.length === 0 ? [] : map.queryRenderedFeatures(
        [[x - POINTER_TOLERANCE_PX, y - POINTER_TOLERANCE_PX], [x + POINTER_TOLERANCE_PX, y + POINTER_TOLERANCE_PX]],
        { layers },
      );
      const id = incidentUnderPointer(features);
      const hit = id === null ? undefined : features.find((f) => f.properties.id === id);
      const incidentAt = hit?.geometry.type === 'Point' ? (hit.geometry.coordinates as [number, number]) : null;
      setMenu({
        x,
        y,
        at: [event.lngLat.lng, event.lngLat.lat],
        incident: id !== null && incidentAt ? { id, at: incidentAt } : null,
      });
    };
    const close = () => setMenu(null);
    map.on('contextmenu', onContext);
    map.on('movestart', close);
    map.on('click', close);
    return () => {
      map.off('contextmenu', onContext);
      map.off('movestart', close);
      map.off('click', close);
    };
  }, [map]);

  useEffect(() => {
    if (!menu) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setMenu(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menu]);

  if (!menu) return null;
  const choose = (origin: Parameters<typeof openNearest>[0]) => {
    openNearest(origin);
    setMenu(null);
  };
  return (
    <div className="context-menu" style={{ left: menu.x, top: menu.y }} role="menu" data-testid="map-context-menu">
      <button type="button" role="menuitem" onClick={() => choose({ kind: 'place', at: menu.at })} data-testid="menu-nearest-here">
        {t('nearest.menuHere')}
      </button>
      {menu.incident && (
        <button type="button" role="menuitem" onClick={() => choose({ kind: 'incident', ...menu.incident! })} data-testid="menu-nearest-incident">
          {t('nearest.menuIncident', { id: String(menu.incident.id) })}
        </button>
      )}
    </div>
  );
}
