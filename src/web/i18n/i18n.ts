import { createInstance } from 'i18next';
import type { i18n } from 'i18next';

import type { Locale } from '../../shared/boot.js';
import { DEFAULT_LOCALE } from '../lib/locale';

import ar from './ar.json';
import en from './en.json';

export const resources = {
  en: { translation: en },
  ar: { translation: ar satisfies typeof en },
} as const;

export function createI18n(locale: Locale): i18n {
  const instance = createInstance();
  // The catalogues are bundled, so with initAsync off the instance is ready on return.
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
