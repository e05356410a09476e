import { describe, expect, it } from 'vitest';
import { ATTENTION_PALETTE, NO_VALUE_COLOUR, placeChoropleth, placeFillColour } from './place-choropleth.ts';

describe('placeChoropleth', () => {
  it('makes the highest counts of trouble the darkest class', () => {
    const c = placeChoropleth('overdue', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(c.classes).toHaveLength(5);
    expect(c.classes.at(-1)!.colour).toBe(ATTENTION_PALETTE.at(-1));
    expect(c.classes[0]).toMatchObject({ from: null, to: 3 });
    expect(c.classes.at(-1)).toMatchObject({ from: 9, to: null });
  });

  it('makes the lowest safety index the darkest class', () => {
    const c = placeChoropleth('safetyIndex', [60, 70, 80, 90, 95]);
    expect(c.classes[0].colour).toBe(ATTENTION_PALETTE.at(-1));
  });

  it('has no classes when no child has a value', () => {
    expect(placeChoropleth('mediationSuccessRate', [null, null]).classes).toEqual([]);
    expect(placeFillColour(placeChoropleth('mediationSuccessRate', [null]))).toBe(NO_VALUE_COLOUR);
  });

  it('colours a child without a value grey', () => {
    const colour = placeFillColour(placeChoropleth('overdue', [1, 5])) as unknown[];
    expect(colour[0]).toBe('case');
    expect(colour.at(-1)).toBe(NO_VALUE_COLOUR);
  });
});
