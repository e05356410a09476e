import {
  AREA_LEVELS,
  HOUSEHOLD_TAGS,
  INCIDENT_KINDS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  MEDIATION_KINDS,
  REFERRAL_TARGETS,
  STAFF_ROLES,
} from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import { INCIDENT_SCOPES } from '../layers/incidents/incident-scope.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

describe('the message catalogues', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have no empty message in either language', () => {
    for (const catalogue of [zhCN, en]) {
      for (const [key, message] of Object.entries(catalogue)) expect(message.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders for a key in both languages', () => {
    const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('label every value of the shared domain catalogues', () => {
    const expected = [
      ...AREA_LEVELS.map((v) => `level.${v}`),
      ...INCIDENT_KINDS.map((v) => `incidentKind.${v}`),
      ...INCIDENT_STATUSES.map((v) => `incidentStatus.${v}`),
      ...INCIDENT_SOURCES.map((v) => `incidentSource.${v}`),
      ...HOUSEHOLD_TAGS.map((v) => `householdTag.${v}`),
      ...MEDIATION_KINDS.map((v) => `mediationKind.${v}`),
      ...STAFF_ROLES.map((v) => `staffRole.${v}`),
      ...REFERRAL_TARGETS.map((v) => `referral.${v}`),
    ];
    for (const key of expected) expect(Object.keys(zhCN), key).toContain(key);
  });

  it('name the language to switch to on the switch', () => {
    expect(zhCN['lang.switchTo']).toBe('EN');
    expect(en['lang.switchTo']).toBe('中文');
  });

  it('say from which zoom incidents turn from bins into points in every scope note', () => {
    // The legend fills {zoom} with INCIDENT_POINT_MIN_ZOOM, so the note follows the tiles.
    for (const catalogue of [zhCN, en]) {
      for (const scope of INCIDENT_SCOPES) expect(catalogue[`legend.incidents.scope.${scope}`]).toContain('{zoom}');
    }
  });
});
