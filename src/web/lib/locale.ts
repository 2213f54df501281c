import type { BootData, Locale } from '../../shared/boot.js';

export type Direction = 'ltr' | 'rtl';

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ar';
}

// A school page speaks the school's language; every other page follows the language the
// server chose for the document.
export function pickLocale(boot: BootData, documentLang: string): Locale {
  if (boot.page === 'school') return boot.school.locale;
  const primary = documentLang.trim().toLowerCase().split('-')[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}

export function directionOf(locale: Locale): Direction {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

export const LOCALES: readonly Locale[] = ['en', 'ar'];

// Each language is named in itself (an autonym), whatever the page's language, so a reader
// can find their own language in the list; these are deliberately not translated.
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية' };
