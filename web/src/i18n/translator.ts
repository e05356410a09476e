import { en } from './en.ts';
import { zhCN, type MessageKey, type Messages } from './zh-CN.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const CATALOGUES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A `t(key, params?)` for one locale: looks the key up and fills `{name}` placeholders.
 * Numbers in params are formatted with the locale's digits and separators, so callers pass
 * raw figures. An unknown placeholder is left as written, which shows up in review.
 */
export function createTranslator(locale: Locale): Translate {
  const messages = CATALOGUES[locale];
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) => {
    const message = messages[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** True when `value` names a supported locale, e.g. from `?lang=` or localStorage. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale to start in: `?lang=` wins (a shared link), then the stored choice, then zh-CN.
 * `lang=zh` is accepted for zh-CN since people type it so.
 */
export function initialLocale(search: string, stored: string | null): Locale {
  const fromUrl = new URLSearchParams(search).get('lang');
  const normalised = fromUrl === 'zh' ? 'zh-CN' : fromUrl;
  if (isLocale(normalised)) return normalised;
  if (isLocale(stored)) return stored;
  return DEFAULT_LOCALE;
}
