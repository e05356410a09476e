import { describe, expect, it } from 'vitest';
import { createTranslator, initialLocale } from './translator.ts';

describe('createTranslator', () => {
  it('looks a key up in the chosen language', () => {
    expect(createTranslator('zh-CN')('level.grid')).toBe('网格');
    expect(createTranslator('en')('level.grid')).toBe('Grid');
  });

  it('fills placeholders and formats numbers with Latin digits and the locale separators', () => {
    expect(createTranslator('zh-CN')('legend.orMore', { value: 12345 })).toBe('12,345 及以上');
    expect(createTranslator('en')('detail.overdueBy', { days: 1234 })).toBe('Days overdue: 1,234');
  });

  it('reads day counts in English without a plural that breaks on one', () => {
    // The catalogue has no plural forms, so English puts the number after a label.
    expect(createTranslator('en')('detail.daysLeft', { days: 1 })).toBe('Days left: 1');
    expect(createTranslator('en')('detail.overdueBy', { days: 1 })).toBe('Days overdue: 1');
  });

  it('leaves a placeholder without a parameter as written', () => {
    expect(createTranslator('en')('detail.daysLeft', {})).toBe('Days left: {days}');
  });
});

describe('initialLocale', () => {
  it('starts in zh-CN when nothing is chosen', () => {
    expect(initialLocale('', null)).toBe('zh-CN');
  });

  it('prefers ?lang= over the stored choice', () => {
    expect(initialLocale('?lang=en', 'zh-CN')).toBe('en');
    expect(initialLocale('?lang=zh', 'en')).toBe('zh-CN');
  });

  it('uses the stored choice when the URL names none or an unknown language', () => {
    expect(initialLocale('?lang=fr', 'en')).toBe('en');
    expect(initialLocale('?x=1', 'en')).toBe('en');
  });

  it('ignores a stored value that is not a locale', () => {
    expect(initialLocale('', 'klingon')).toBe('zh-CN');
  });
});
