import { incidentIntakeSchema, transitionRequestSchema, type IncidentKind } from '@gridmap/shared';
import { distanceMetres } from '@gridmap/shared/geo/metres';
import { KIND_SHARE } from '@gridmap/shared/demo/incidents';
import { Random } from '@gridmap/shared/demo/random';
import { describe, expect, it } from 'vitest';
import {
  chooseAction,
  chooseTransition,
  drawIntake,
  handlingPoint,
  type MediationPointChoice,
  type OpenIncident,
} from './live-simulation.ts';

const HOME = { id: 42, lon: 120.2358, lat: 29.7133 };
const POINTS: MediationPointChoice[] = [
  { id: 1, name: '市矛调中心', level: 'county', disputeKinds: ['neighbour', 'petition', 'medical'], lon: 120.24, lat: 29.71 },
  { id: 2, name: '近村调委会', level: 'community', disputeKinds: ['neighbour', 'family'], lon: 120.236, lat: 29.714 },
  { id: 3, name: '远村调委会', level: 'community', disputeKinds: ['neighbour', 'family'], lon: 120.3, lat: 29.8 },
  { id: 4, name: '镇调解中心', level: 'town', disputeKinds: ['neighbour', 'family', 'land', 'debt'], lon: 120.25, lat: 29.72 },
];
const REPORTED: OpenIncident = {
  kind: 'neighbour', severity: 1, level: 'grid', version: 1, lon: HOME.lon, lat: HOME.lat, allowedTransitions: ['accept', 'escalate'],
};

describe('drawIntake', () => {
  it('draws the same report from the same seed', () => {
    expect(drawIntake(new Random(7, 'a'), HOME)).toEqual(drawIntake(new Random(7, 'a'), HOME));
    expect(drawIntake(new Random(7, 'a'), HOME)).not.toEqual(drawIntake(new Random(7, 'b'), HOME));
  });

  it('draws reports the intake schema accepts, at the door or within 50 m of it', () => {
    const random = new Random(1);
    for (let i = 0; i < 500; i++) {
      const intake = incidentIntakeSchema.parse(drawIntake(random, HOME));
      const d = distanceMetres(HOME.lon, HOME.lat, intake.location.lon, intake.location.lat);
      if (intake.householdId === HOME.id) expect(d).toBe(0);
      else expect(d).toBeLessThanOrEqual(50.01);
    }
  });

  it("follows the demo generator's mix of kinds, and most reports are minor", () => {
    const random = new Random(2);
    const kinds = new Map<IncidentKind, number>();
    let minor = 0;
    const n = 5_000;
    for (let i = 0; i < n; i++) {
      const intake = drawIntake(random, HOME);
      kinds.set(intake.kind, (kinds.get(intake.kind) ?? 0) + 1);
      if (intake.severity === 1) minor++;
    }
    const total = Object.values(KIND_SHARE).reduce((a, b) => a + b, 0);
    for (const [kind, share] of Object.entries(KIND_SHARE)) {
      expect((kinds.get(kind as IncidentKind) ?? 0) / n).toBeCloseTo(share / total, 1);
    }
    expect(minor / n).toBeGreaterThan(0.8);
  });
});

describe('chooseTransition', () => {
  it('accepts a reported case most of the time, against the version it read', () => {
    const random = new Random(3);
    const requests = Array.from({ length: 200 }, () => chooseTransition(random, REPORTED, POINTS)!);
    expect(requests.filter((r) => r.transition === 'accept').length).toBeGreaterThan(180);
    for (const r of requests) expect(transitionRequestSchema.parse(r)).toMatchObject({ expectedVersion: 1 });
    expect(requests.filter((r) => r.transition === 'escalate').every((r) => 'reason' in r && r.reason.length > 0)).toBe(true);
  });

  it('assigns to the nearest point at a fitting level that takes the kind', () => {
    const request = chooseTransition(new Random(4), { ...REPORTED, allowedTransitions: ['assign'], version: 3 }, POINTS);
    expect(request).toMatchObject({ transition: 'assign', mediationPointId: 2, expectedVersion: 3 });
    expect(transitionRequestSchema.parse(request).transition).toBe('assign');
  });

  it('sends a case at the county to a county point', () => {
    expect(handlingPoint(POINTS, { kind: 'neighbour', level: 'county', lon: HOME.lon, lat: HOME.lat })?.id).toBe(1);
  });

  it('takes no step when no mediation point takes the kind', () => {
    expect(chooseTransition(new Random(5), { ...REPORTED, kind: 'labour', allowedTransitions: ['assign'] }, POINTS)).toBeNull();
  });

  it('takes no step on a closed case', () => {
    expect(chooseTransition(new Random(6), { ...REPORTED, allowedTransitions: [] }, POINTS)).toBeNull();
  });

  it('refers a failed petition to the petition office', () => {
    const request = chooseTransition(new Random(7), { ...REPORTED, kind: 'petition', allowedTransitions: ['refer'] }, POINTS);
    expect(request).toMatchObject({ transition: 'refer', referredTo: 'petition_office' });
  });

  it('resolves most mediations of minor cases and fails some', () => {
    const random = new Random(8);
    const mediating = { ...REPORTED, allowedTransitions: ['resolve', 'fail', 'escalate'] } satisfies OpenIncident;
    const kinds = Array.from({ length: 1_000 }, () => chooseTransition(random, mediating, POINTS)!.transition);
    const resolved = kinds.filter((k) => k === 'resolve').length;
    expect(resolved).toBeGreaterThan(800);
    expect(kinds.filter((k) => k === 'fail').length).toBeGreaterThan(30);
  });
});

describe('chooseAction', () => {
  it('reports a new incident while no incident is open', () => {
    const random = new Random(9);
    for (let i = 0; i < 50; i++) expect(chooseAction(random, 0)).toBe('report');
  });

  it('mostly moves open incidents on when there are some', () => {
    const random = new Random(10);
    const actions = Array.from({ length: 1_000 }, () => chooseAction(random, 10));
    expect(actions.filter((a) => a === 'transition').length).toBeGreaterThan(500);
  });
});
