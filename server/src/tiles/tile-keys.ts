/** The cache key of tile z/x/y of a layer ('households', 'incidents', 'areas-grid', …). */
export function tileKey(layer: string, z: number, x: number, y: number): string {
  return `${layer}/${z}/${x}/${y}`;
}

/** Layer and tile of a key made by `tileKey`. */
export function parseTileKey(key: string): { layer: string; z: number; x: number; y: number } {
  const [layer, z, x, y] = key.split('/');
  return { layer, z: Number(z), x: Number(x), y: Number(y) };
}

/**
 * Keys of the tiles of `layer` that hold world point x/y (0…1) at zooms 0 … maxZoom: the tile it
 * lies in, and from `bufferFromZoom` on also the neighbours whose buffer (`bufferFraction` of a
 * side) reaches it, since point features are drawn with a buffer there.
 */
export function tilesTouchingPoint(
  layer: string,
  x: number,
  y: number,
  maxZoom: number,
  bufferFromZoom: number,
  bufferFraction: number,
): string[] {
  const keys: string[] = [];
  for (let z = 0; z <= maxZoom; z++) {
    const n = 2 ** z;
    const b = z >= bufferFromZoom ? bufferFraction : 0;
    const tx0 = Math.max(0, Math.floor((x - b / n) * n));
    const tx1 = Math.min(n - 1, Math.floor((x + b / n) * n));
    const ty0 = Math.max(0, Math.floor((y - b / n) * n));
    const ty1 = Math.min(n - 1, Math.floor((y + b / n) * n));
    for (let tx = tx0; tx <= tx1; tx++) for (let ty = ty0; ty <= ty1; ty++) keys.push(tileKey(layer, z, tx, ty));
  }
  return keys;
}

/**
 * A test for cache keys: whether the key is a tile of `layer` whose box grown by `bufferFraction`
 * of its side meets any of the world boxes [minX, minY, maxX, maxY].
 */
export function tilesTouchingBboxes(
  layer: string,
  boxes: readonly (readonly [number, number, number, number])[],
  bufferFraction: number,
): (key: string) => boolean {
  return (key) => {
    if (!key.startsWith(`${layer}/`)) return false;
    const { z, x, y } = parseTileKey(key);
    const n = 2 ** z;
    const minX = (x - bufferFraction) / n;
    const maxX = (x + 1 + bufferFraction) / n;
    const minY = (y - bufferFraction) / n;
    const maxY = (y + 1 + bufferFraction) / n;
    return boxes.some(([bx0, by0, bx1, by1]) => bx1 >= minX && bx0 <= maxX && by1 >= minY && by0 <= maxY);
  };
}
