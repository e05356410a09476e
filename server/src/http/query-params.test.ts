import { describe, expect, it } from 'vitest';
import { MAX_PAGE_LIMIT, cursorParam, encodeCursor, limitParam, parseId } from './query-params.ts';

describe('parseId', () => {
  it('reads positive integers in plain decimal up to Number.MAX_SAFE_INTEGER', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('42')).toBe(42);
    expect(parseId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['', '0', '-1', '+1', '007', '1e3', '0x10', '1.0', ' 1', '1 ', '9007199254740992', '99999999999999999999'])(
    'refuses %j',
    (text) => {
      expect(parseId(text)).toBeNull();
    },
  );
});

describe('limitParam', () => {
  it('reads 1 to MAX_PAGE_LIMIT and defaults when absent', () => {
    expect(limitParam.parse('1')).toBe(1);
    expect(limitParam.parse(String(MAX_PAGE_LIMIT))).toBe(MAX_PAGE_LIMIT);
    expect(limitParam.parse(undefined)).toBe(1000);
  });

  it.each(['', '0', '10001', '1e3', '0x10', '010', '2.5', '-5', ' 5'])('refuses %j', (text) => {
    expect(limitParam.safeParse(text).success).toBe(false);
  });
});

describe('cursorParam', () => {
  it('decodes a cursor this API gave out to its id', () => {
    expect(cursorParam.parse(encodeCursor(12345))).toBe(12345);
  });

  it.each(['0', '007', '1e3', '0x10', '', '9007199254740992'])('refuses a cursor that decodes to %j', (decoded) => {
    expect(cursorParam.safeParse(Buffer.from(decoded).toString('base64url')).success).toBe(false);
  });
});
