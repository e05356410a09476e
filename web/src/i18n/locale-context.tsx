import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createFormatters, type Formatters } from './format.ts';
import { createTranslator, initialLocale, type Locale, type Translate } from './translator.ts';

/** localStorage key of the chosen language. */
export const LOCALE_STORAGE_KEY = 'gridmap.lang';

export interface I18n {
  locale: Locale;
  t: Translate;
  format: Formatters;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed iframe): fall back to the default
  }
}

/** Holds the language, keeps `<html lang>`, localStorage and `?lang=` in step with it. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() =>
    initialLocale(window.location.search, readStoredLocale()),
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // not persisted; the switch still works for this page
    }
    const url = new URL(window.location.href);
    // Only rewrite a `?lang=` that is there, so that a shared link keeps saying what it shows.
    if (url.searchParams.has('lang') && url.searchParams.get('lang') !== locale) {
      url.searchParams.set('lang', locale);
      window.history.replaceState(window.history.state, '', url);
    }
  }, [locale]);

  const setLocale = useCallback((next: Locale) => setLocaleState(next), []);
  const value = useMemo<I18n>(
    () => ({ locale, t: createTranslator(locale), format: createFormatters(locale), setLocale }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's `t`, formatters and switch. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() called outside <LocaleProvider>');
  return value;
}
