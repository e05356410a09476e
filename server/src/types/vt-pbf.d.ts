// vt-pbf ships no types; this covers the one function the tile encoder calls.
declare module 'vt-pbf' {
  /** A geojson-vt style feature: type 1 = point, geometry in tile coordinates. */
  interface GeojsonVtFeature {
    id?: number;
    type: 1 | 2 | 3;
    geometry: [number, number][] | [number, number][][];
    tags: Record<string, string | number | boolean | null>;
  }
  interface VtPbf {
    fromGeojsonVt(
      layers: Record<string, { features: GeojsonVtFeature[] }>,
      options?: { version?: number; extent?: number },
    ): Uint8Array;
  }
  const vtpbf: VtPbf;
  export default vtpbf;
  export type { GeojsonVtFeature };
}
