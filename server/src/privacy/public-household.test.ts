import { HOUSEHOLD_TAGS, KEY_GROUP_TAGS } from '@gridmap/shared';
import { describe, expect, it } from 'vitest';
import type { HouseholdRow } from '../db/households-sql.ts';
import { publicHousehold } from './public-household.ts';

const row = (tags: HouseholdRow['tags']): HouseholdRow => ({
  id: 7,
  gridId: 4,
  lon: 120.05,
  lat: 29.05,
  address: '小村7号',
  size: 3,
  tags,
  headName: '张小明',
  phone: '13812341234',
});

describe('publicHousehold', () => {
  it('keeps the migrant and elderly-alone tags', () => {
    expect(publicHousehold(row(['migrant', 'elderly_alone'])).tags).toEqual(['migrant', 'elderly_alone']);
  });

  it('drops every key-group tag, leaving no trace that the household had one', () => {
    expect(publicHousehold(row([...HOUSEHOLD_TAGS])).tags).toEqual(['migrant', 'elderly_alone']);
    for (const tag of KEY_GROUP_TAGS) expect(publicHousehold(row([tag])).tags).toEqual([]);
  });

  it('masks the head name and phone and leaves out the position, which is the geometry', () => {
    expect(publicHousehold(row([]))).toEqual({
      id: 7,
      gridId: 4,
      address: '小村7号',
      size: 3,
      tags: [],
      headName: '张**',
      phone: '138****1234',
    });
  });
});
