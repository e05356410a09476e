import { describe, expect, it } from 'vitest';
import { maskName, maskPhone } from './mask-contact.ts';

describe('maskName', () => {
  it('keeps the surname and stars the rest of a Chinese name', () => {
    expect(maskName('张小明')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
  });

  it('stars a one-character name too, so that nothing is shown whole', () => {
    expect(maskName('王')).toBe('王*');
    expect(maskName('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and the last four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('masks a landline with its area code the same way', () => {
    expect(maskPhone('0575-87012345')).toBe('057******2345');
  });

  it('stars short numbers completely', () => {
    expect(maskPhone('110')).toBe('***');
  });
});
