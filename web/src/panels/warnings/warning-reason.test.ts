import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/translator.ts';
import { formatQ, warningReason } from './warning-reason.ts';

describe('warningReason', () => {
  const zh = createTranslator('zh-CN');
  const en = createTranslator('en');
  const rising = {
    type: 'rising_area' as const,
    figures: { recent: 22, baseline: 26, recentDays: 28, baselineDays: 364, rateRatio: 11, pValue: 2.7e-13, qValue: 1.6e-11 },
  };

  it('words a rising grid in Chinese and English from its figures', () => {
    expect(warningReason(rising, zh)).toBe('近28天 22 起，此前364天 26 起；日均为此前的 11 倍（泊松检验 q < 0.001）');
    expect(warningReason(rising, en)).toBe('Last 28 days: 22; previous 364 days: 26; daily rate 11× before (Poisson test, q < 0.001)');
  });

  it('says when a rising grid had no cases before rather than printing a ratio', () => {
    expect(warningReason({ ...rising, figures: { ...rising.figures, baseline: 0, rateRatio: -1 } }, en)).toContain('none in the previous 364 days');
  });

  it('words the other types', () => {
    expect(warningReason({ type: 'repeat_address', figures: { count: 3, windowDays: 90 } }, zh)).toBe('90天内同一住户 3 起纠纷');
    expect(warningReason({ type: 'near_deadline', figures: { hoursLeft: 50, deadlineHours: 72 } }, en)).toBe('50 hours to the deadline');
    expect(warningReason({ type: 'emerging_hotspot', figures: { recent: 4, recentDays: 28, z: 3.41, confidence: 95, baselineZ: -0.03, baselineDays: 364 } }, en)).toBe(
      'A 95% hot spot over the last 28 days (Gi* z = 3.41), not over the previous 364 (z = -0.03); 4 cases in this grid',
    );
  });

  it('reads small q-values as below 0.001', () => {
    expect([formatQ(0.0004), formatQ(0.0123)]).toEqual(['< 0.001', '= 0.012']);
  });
});
