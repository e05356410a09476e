import { distanceMetres } from '../geo/metres.ts';
import type { ValueNoise } from './value-noise.ts';
import type { TownSeat } from './zhuji-towns.ts';

/** Households per km² of the rural background at size 1 (villages spread over the hills). */
export const RURAL_DENSITY_PER_KM2 = 70;

/**
 * Relative household density at a point: a rural background (varied by a noise field in [0, 1])
 * plus a Gaussian around every town seat, strongest at the city centre. Only ratios matter:
 * the generator scales the total to the number of households.
 */
export function householdDensity(lon: number, lat: number, seats: readonly TownSeat[], noise: ValueNoise): number {
  let density = RURAL_DENSITY_PER_KM2 * (0.3 + 1.4 * noise.at(lon, lat));
  for (const seat of seats) {
    const dKm = distanceMetres(lon, lat, seat.lon, seat.lat) / 1000;
    if (dKm < seat.sigmaKm * 5) density += seat.peak * Math.exp(-(dKm * dKm) / (2 * seat.sigmaKm * seat.sigmaKm));
  }
  return density;
}

/** 0..1: how strongly a point is drawn to industrial seats (migrant workers rent there). */
export function industrialPull(lon: number, lat: number, seats: readonly TownSeat[]): number {
  let pull = 0;
  for (const seat of seats) {
    if (!seat.industrial) continue;
    const dKm = distanceMetres(lon, lat, seat.lon, seat.lat) / 1000;
    pull = Math.max(pull, Math.exp(-(dKm * dKm) / (2 * 2.5 * 2.5)));
  }
  return pull;
}
