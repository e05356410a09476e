import { METRES_PER_DEGREE_LAT, metresPerDegreeLon } from '../geo/metres.ts';
import type { Random } from './random.ts';

/**
 * Smooth random field in [0, 1] (value noise: random values on a square grid of `scaleM` metres,
 * interpolated with smoothstep). Used to bend borders organically instead of along Voronoi lines.
 */
export class ValueNoise {
  private readonly values: Float64Array;
  private readonly columns: number;
  private readonly rows: number;
  private readonly cellLon: number;
  private readonly cellLat: number;

  constructor(
    private readonly minLon: number,
    private readonly minLat: number,
    maxLon: number,
    maxLat: number,
    scaleM: number,
    random: Random,
  ) {
    this.cellLon = scaleM / metresPerDegreeLon((minLat + maxLat) / 2);
    this.cellLat = scaleM / METRES_PER_DEGREE_LAT;
    this.columns = Math.ceil((maxLon - minLon) / this.cellLon) + 2;
    this.rows = Math.ceil((maxLat - minLat) / this.cellLat) + 2;
    this.values = new Float64Array(this.columns * this.rows);
    for (let i = 0; i < this.values.length; i++) this.values[i] = random.next();
  }

  at(lon: number, lat: number): number {
    const fx = Math.min(Math.max((lon - this.minLon) / this.cellLon, 0), this.columns - 1.000001);
    const fy = Math.min(Math.max((lat - this.minLat) / this.cellLat, 0), this.rows - 1.000001);
    const i = Math.floor(fx), j = Math.floor(fy);
    const sx = smooth(fx - i), sy = smooth(fy - j);
    const v = this.values, w = this.columns;
    const bottom = v[j * w + i] * (1 - sx) + v[j * w + i + 1] * sx;
    const top = v[(j + 1) * w + i] * (1 - sx) + v[(j + 1) * w + i + 1] * sx;
    return bottom * (1 - sy) + top * sy;
  }
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}
