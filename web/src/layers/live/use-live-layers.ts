import type { GeoJSONSource, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { INCIDENTS_SOURCE_ID } from '../incidents/incidents-layers.ts';
import { liveFeatures, PULSE_MS, type FeedEntry } from '../../live/live-feed.ts';
import {
  LIVE_PULSE_LAYER_ID,
  LIVE_SOURCE_ID,
  livePointLayer,
  livePulseLayer,
  liveSource,
  PULSE_PERIOD_MS,
  pulsePaint,
} from './live-layers.ts';

/** Frames of the pulse per second: smooth enough for a ring, light on a map that runs all day. */
const PULSE_FPS = 20;

/**
 * Keeps the live layers of `map` in step with the feed: the feed's incidents above the tiles,
 * a pulse around those just reported, and the incident tiles fetched again when `tilesVersion`
 * moves (the URL changes, so neither MapLibre nor the browser serves the old tile).
 */
export function useLiveLayers(map: MapLibreMap | null, feed: readonly FeedEntry[], tilesVersion: number): void {
  const [now, setNow] = useState(() => Date.now());
  const data = useMemo(() => liveFeatures(feed, now), [feed, now]);
  const pulsing = data.features.some((f) => f.properties.fresh === 1);

  useEffect(() => {
    if (!map || map.getSource(LIVE_SOURCE_ID)) return;
    map.addSource(LIVE_SOURCE_ID, liveSource());
    map.addLayer(livePulseLayer());
    map.addLayer(livePointLayer());
  }, [map]);

  useEffect(() => {
    (map?.getSource(LIVE_SOURCE_ID) as GeoJSONSource | undefined)?.setData(data);
  }, [map, data]);

  // The pulse: its paint follows the clock while anything is fresh; `now` moves on every
  // second so that a pulse ends when its incident stops being fresh.
  useEffect(() => {
    if (!map || !pulsing) return;
    const frame = setInterval(() => {
      const phase = (performance.now() % PULSE_PERIOD_MS) / PULSE_PERIOD_MS;
      const paint = pulsePaint(phase);
      map.setPaintProperty(LIVE_PULSE_LAYER_ID, 'circle-radius', paint['circle-radius']);
      map.setPaintProperty(LIVE_PULSE_LAYER_ID, 'circle-stroke-opacity', paint['circle-stroke-opacity']);
    }, 1000 / PULSE_FPS);
    const clock = setInterval(() => setNow(Date.now()), Math.min(1_000, PULSE_MS));
    return () => {
      clearInterval(frame);
      clearInterval(clock);
    };
  }, [map, pulsing]);

  useEffect(() => {
    // New incidents must also reach a feed entry's first render: tick once when one arrives.
    setNow(Date.now());
  }, [feed]);

  useEffect(() => {
    if (!map || tilesVersion === 0) return;
    const source = map.getSource(INCIDENTS_SOURCE_ID) as VectorTileSource | undefined;
    source?.setTiles([`${window.location.origin}/api/tiles/incidents/{z}/{x}/{y}.mvt?v=${tilesVersion}`]);
  }, [map, tilesVersion]);
}
