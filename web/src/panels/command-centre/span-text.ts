import type { Translate } from '../../i18n/translator.ts';
import { countdown, type Span } from '../../live/countdown.ts';

/** '3 天' / '5 h' … */
export function spanText(t: Translate, s: Span): string {
  return t(`span.${s.unit}`, { value: s.value });
}

/** '剩 3 天' or '超 5 小时', and whether it is overdue. */
export function countdownText(t: Translate, deadlineIso: string, nowMs: number): { text: string; overdue: boolean } {
  const c = countdown(deadlineIso, nowMs);
  return { text: t(c.overdue ? 'countdown.over' : 'countdown.left', { span: spanText(t, c) }), overdue: c.overdue };
}
