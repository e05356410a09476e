import type { MediationKind } from '@gridmap/shared';

/**
 * The symbol of each mediation kind: one Chinese character on a coloured rounded square.
 * The character is part of the symbol, not a label, so it is the same in both languages.
 */
export const MEDIATION_SYMBOLS: Record<MediationKind, { glyph: string; colour: string }> = {
  conflict_centre: { glyph: '矛', colour: '#be123c' },
  people_committee: { glyph: '调', colour: '#2563eb' },
  police_joint: { glyph: '警', colour: '#1e3a8a' },
  commercial: { glyph: '商', colour: '#b45309' },
  specialised: { glyph: '专', colour: '#0f766e' },
  psychological: { glyph: '心', colour: '#7e22ce' },
  court: { glyph: '法', colour: '#374151' },
};

/** Image id of a kind's symbol in the map style, e.g. 'mediation-court'. */
export function mediationImageId(kind: MediationKind): string {
  return `mediation-${kind}`;
}
