import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator.ts';
import { formatOpeningHours } from './opening-hours.ts';

describe('formatOpeningHours', () => {
  it('reads a run of weekdays as a range', () => {
    const periods = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }];
    expect(formatOpeningHours(periods, createTranslator('zh-CN'))).toEqual(['周一–周五 08:30–17:30']);
    expect(formatOpeningHours(periods, createTranslator('en'))).toEqual(['Mon–Fri 08:30–17:30']);
  });

  it('lists two days and separate days one by one', () => {
    const periods = [
      { days: [6, 7], open: '09:00', close: '12:00' },
      { days: [1, 3, 5], open: '14:00', close: '24:00' },
    ];
    expect(formatOpeningHours(periods, createTranslator('en'))).toEqual([
      'Sat, Sun 09:00–12:00',
      'Mon, Wed, Fri 14:00–24:00',
    ]);
  });

  it('separates listed days with the enumeration comma in Chinese', () => {
    const periods = [{ days: [1, 3, 5], open: '14:00', close: '17:00' }];
    expect(formatOpeningHours(periods, createTranslator('zh-CN'))).toEqual(['周一、周三、周五 14:00–17:00']);
  });
});
