import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { distanceMetres } from '../geo/metres.ts';
import { readPrj, toWgs84 } from './coordinate-system.ts';

// Published conversions of Beijing's Tiananmen test point (116.404, 39.915), from the test file
// of wandergis/coordtransform (test/app.js, https://github.com/wandergis/coordtransform), the
// reference implementation that Hutool's CoordinateUtilTest and coordtransform-rs also test against:
//   wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164]
//   bd09togcj02(116.404, 39.915)  = [116.39762729119315, 39.90865673957631]
const WGS84 = [116.404, 39.915] as const;
const GCJ02_OF_WGS84 = [116.41024449916938, 39.91640428150164] as const;
const BD09 = [116.404, 39.915] as const;
const GCJ02_OF_BD09 = [116.39762729119315, 39.90865673957631] as const;

describe('toWgs84', () => {
  it('converts the published GCJ-02 position back to its WGS84 point within 0.1 m', () => {
    const [lon, lat] = toWgs84(GCJ02_OF_WGS84, 'gcj02');
    expect(distanceMetres(lon, lat, WGS84[0], WGS84[1])).toBeLessThan(0.1);
  });

  it('uses the same offset formula as the published forward conversion', () => {
    // The inverse is only as right as the forward formula it inverts: check that one to the digit.
    const [lon, lat] = gcoord.transform([WGS84[0], WGS84[1]], gcoord.WGS84, gcoord.GCJ02) as number[];
    expect(lon).toBeCloseTo(GCJ02_OF_WGS84[0], 9);
    expect(lat).toBeCloseTo(GCJ02_OF_WGS84[1], 9);
  });

  it('converts a BD-09 position to the WGS84 point of its published GCJ-02 equivalent', () => {
    const viaBaidu = toWgs84(BD09, 'bd09');
    const viaGaode = toWgs84(GCJ02_OF_BD09, 'gcj02');
    expect(distanceMetres(viaBaidu[0], viaBaidu[1], viaGaode[0], viaGaode[1])).toBeLessThan(0.1);
    // and Baidu's offset is the familiar ~700 m at Beijing
    expect(distanceMetres(viaBaidu[0], viaBaidu[1], BD09[0], BD09[1])).toBeGreaterThan(500);
  });

  it('leaves WGS84 and CGCS2000 positions as they are', () => {
    expect(toWgs84([120.1, 29.1], 'wgs84')).toEqual([120.1, 29.1]);
    expect(toWgs84([120.1, 29.1], 'cgcs2000')).toEqual([120.1, 29.1]);
  });
});

describe('readPrj', () => {
  it('reads WGS84 and CGCS2000 geographic systems', () => {
    expect(readPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]')).toEqual({ crs: 'wgs84' });
    expect(readPrj('GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]]]')).toEqual({ crs: 'cgcs2000' });
  });

  it('refuses a projected system, naming it', () => {
    const reading = readPrj('PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]');
    expect(reading).toEqual({ unsupported: expect.stringContaining('CGCS2000_3_Degree_GK_CM_120E') });
  });
});
