import { describe, expect, it } from 'vitest';
import { concatTypedArrays } from './concat-typed-arrays.ts';

describe('concatTypedArrays', () => {
  it('puts the parts one after another in an array of their type', () => {
    const out = concatTypedArrays([Uint32Array.of(1, 2), Uint32Array.of(), Uint32Array.of(3)], Uint32Array);
    expect(out).toBeInstanceOf(Uint32Array);
    expect([...out]).toEqual([1, 2, 3]);
  });

  it('hands back a lone part as it is, and an empty array for none', () => {
    const one = Uint8Array.of(7);
    expect(concatTypedArrays([one], Uint8Array)).toBe(one);
    expect(concatTypedArrays([], Uint8Array)).toHaveLength(0);
  });
});
