/**
 * The coordinates of a stored GeoJSON Polygon or MultiPolygon as polygons of rings, each ring a
 * flat [lon0, lat0, lon1, lat1, …] array (a third number per position, if any, is skipped).
 * The same answer as JSON.parse, read straight off the text: JSON.parse makes an array per
 * position, and for a town's outline those arrays were most of the work and the garbage of a
 * cold area tile.
 */
export function outlineCoordinates(geometryJson: string): number[][][] {
  const key = geometryJson.indexOf('"coordinates"');
  if (key < 0) throw new Error(`Not a GeoJSON polygon: no coordinates in ${geometryJson.slice(0, 80)}`);
  let i = geometryJson.indexOf('[', key);
  // Nesting: 3 brackets before the first number for a Polygon, 4 for a MultiPolygon.
  let nesting = 0;
  for (let j = i; j < geometryJson.length && geometryJson[j] !== ']' && !isNumberStart(geometryJson.charCodeAt(j)); j++) {
    if (geometryJson[j] === '[') nesting++;
  }
  if (nesting !== 3 && nesting !== 4) throw new Error(`Not a GeoJSON Polygon or MultiPolygon: coordinates nested ${nesting} deep`);
  const ringDepth = nesting - 1;
  const polygonDepth = nesting - 2;
  const polygons: number[][][] = [];
  let polygon: number[][] = [];
  let ring: number[] = [];
  let inPosition = 0; // numbers read in the current position
  let depth = 0;
  for (; i < geometryJson.length; i++) {
    const c = geometryJson.charCodeAt(i);
    if (c === 0x5b /* [ */) {
      depth++;
      if (depth === ringDepth) ring = [];
      else if (depth === polygonDepth) polygon = [];
      else if (depth === nesting) inPosition = 0;
    } else if (c === 0x5d /* ] */) {
      if (depth === ringDepth) polygon.push(ring);
      else if (depth === polygonDepth) polygons.push(polygon);
      depth--;
      if (depth === 0) break;
    } else if (isNumberStart(c)) {
      let end = i + 1;
      while (end < geometryJson.length && isNumberPart(geometryJson.charCodeAt(end))) end++;
      const value = Number(geometryJson.slice(i, end));
      if (Number.isNaN(value)) throw new Error(`Not a number in a GeoJSON outline: '${geometryJson.slice(i, end)}'`);
      if (inPosition < 2) ring.push(value);
      inPosition++;
      i = end - 1;
    }
  }
  return polygons;
}

function isNumberStart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d /* - */;
}

function isNumberPart(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e /* . */ || c === 0x65 /* e */ || c === 0x45 /* E */ || c === 0x2b /* + */ || c === 0x2d /* - */;
}
