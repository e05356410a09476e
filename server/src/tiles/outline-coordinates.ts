/** Powers of ten a decimal fraction is divided by, up to the digits a double can mean something with. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The coordinates of a stored GeoJSON Polygon or MultiPolygon as polygons of rings, each ring a
 * flat [lon0, lat0, lon1, lat1, …] array (a third number per position, if any, is skipped).
 * JSON.parse's answer to within a few units in the last place (1e-13° at most, below a
 * millionth of a pixel at z18), read straight off the text: JSON.parse makes an array per
 * position and a string per number is as dear, and for a town's outline that was most of the
 * work and the garbage of a cold area tile.
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
      // Digits into a mantissa, divided once by the power of ten of the fraction's length; an
      // exponent or anything unusual goes to Number().
      let end = i;
      const negative = c === 0x2d;
      if (negative) end++;
      let mantissa = 0;
      let fraction = -1; // digits after the point, -1 before it
      let plain = true;
      for (; end < geometryJson.length; end++) {
        const d = geometryJson.charCodeAt(end);
        if (d >= 0x30 && d <= 0x39) {
          mantissa = mantissa * 10 + (d - 0x30);
          if (fraction >= 0) fraction++;
        } else if (d === 0x2e && fraction < 0) fraction = 0;
        else if (isNumberPart(d)) plain = false;
        else break;
      }
      let value: number;
      if (plain && fraction !== 0 && end > i + (negative ? 1 : 0) && fraction < POW10.length) {
        value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
        if (negative) value = -value;
      } else {
        value = Number(geometryJson.slice(i, end));
        if (Number.isNaN(value)) throw new Error(`Not a number in a GeoJSON outline: '${geometryJson.slice(i, end)}'`);
      }
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
