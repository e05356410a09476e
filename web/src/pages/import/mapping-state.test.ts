import { describe, expect, it } from 'vitest';
import { missingRequired, toMapping, type MappingState } from './mapping-state.ts';

const state: MappingState = { layer: 'households', level: 'grid', crs: null, encoding: 'auto', fields: { address: '地址', size: '', code: '编码' } };

describe('toMapping', () => {
  it('keeps only the mapped fields of the layer, and no level or crs unless they apply', () => {
    expect(toMapping(state)).toEqual({ layer: 'households', encoding: 'auto', fields: { address: '地址' } });
    expect(toMapping({ ...state, layer: 'areas', crs: 'gcj02' })).toEqual({ layer: 'areas', level: 'grid', crs: 'gcj02', encoding: 'auto', fields: { code: '编码' } });
  });
});

describe('missingRequired', () => {
  it('lists the required fields left unmapped', () => {
    expect(missingRequired(state)).toEqual(['size']);
  });
});
