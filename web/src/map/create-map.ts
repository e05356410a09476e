import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 is ESM-only and finds its worker beside its own module, which a bundler moves;
// Vite emits the worker as an asset and this is its URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Translate } from '../i18n/translator.ts';

declare global {
  interface Window {
    /** The map, for the browser tests and for poking at it from the console. */
    __gridmap?: { map: MapLibreMap };
  }
}

setWorkerUrl(workerUrl);

/** A view of China's east coast shown for the moment before the county's bounds arrive. */
const INITIAL_CENTER: [number, number] = [120.24, 29.72];
const INITIAL_ZOOM = 9;
/** Overzoom beyond the tiles' MAX_TILE_ZOOM for a close look at a building, in zoom levels. */
const MAX_ZOOM = 19;

/** Labels of MapLibre's own controls from our catalogue. */
export function mapControlLocale(t: Translate): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
  };
}

/** Creates the map with a scale bar and zoom buttons; no attribution to outside services. */
export function createMap(container: HTMLElement, style: StyleSpecification | string, t: Translate): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style,
    center: INITIAL_CENTER,
    zoom: INITIAL_ZOOM,
    maxZoom: MAX_ZOOM,
    attributionControl: false, // ours is added by the map view, in the current language
    locale: mapControlLocale(t),
    dragRotate: false, // a plan view: rotation only confuses a wall screen
    pitchWithRotate: false,
    touchPitch: false,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
  window.__gridmap = { map };
  return map;
}
