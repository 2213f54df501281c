import { createContext, useContext } from 'react';

import type { Locale } from '../../shared/boot.js';

import { DEFAULT_LOCALE } from './locale';

export interface AppLocale {
  locale: Locale;
  /** Switches the language, `<html lang dir>` and Mantine's direction at once. */
  setLocale: (locale: Locale) => void;
}

export const AppLocaleContext = createContext<AppLocale>({
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
});

export function useAppLocale(): AppLocale {
  return useContext(AppLocaleContext);
}
