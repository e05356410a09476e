import { describe, expect, it } from 'vitest';
import { etagMatches } from './conditional-get.ts';

describe('etagMatches', () => {
  it('matches nothing without an If-None-Match header', () => {
    expect(etagMatches(undefined, '"a"')).toBe(false);
    expect(etagMatches('', '"a"')).toBe(false);
  });

  it('compares weakly: a W/ on either side does not matter', () => {
    expect(etagMatches('"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', 'W/"a"')).toBe(true);
    expect(etagMatches('W/"b"', 'W/"a"')).toBe(false);
  });

  it('finds the tag in a comma list, spaces allowed, and matches * always', () => {
    expect(etagMatches('"x", W/"a" ,"y"', '"a"')).toBe(true);
    expect(etagMatches('"x","y"', '"a"')).toBe(false);
    expect(etagMatches('*', 'W/"anything"')).toBe(true);
  });
});
