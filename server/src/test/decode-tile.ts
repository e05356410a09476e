import { gunzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { mercatorX, mercatorY } from '../tiles/mercator.ts';

export interface DecodedFeature {
  id: number | undefined;
  x: number;
  y: number;
  properties: Record<string, unknown>;
}

/** Reads an MVT (gzip or not) back into its layers' point features. */
export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const tile = new VectorTile(new PbfReader(raw));
  const layers: Record<string, DecodedFeature[]> = {};
  for (const [name, layer] of Object.entries(tile.layers)) {
    layers[name] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      const [[p]] = f.loadGeometry();
      layers[name].push({ id: f.id, x: p.x, y: p.y, properties: f.properties });
    }
  }
  return layers;
}

/** The tile x/y at zoom z that holds lon/lat. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  return { x: Math.floor(mercatorX(lon) * n), y: Math.floor(mercatorY(lat) * n) };
}
