import { createInstance } from 'i18next';
import type { i18n } from 'i18next';

import type { Locale } from '../../shared/boot.js';
import { DEFAULT_LOCALE } from '../lib/locale';

import ar from './ar.json';
import en from './en.json';
import { mergeCatalogues } from './merge-catalogues';
import recordsAr from './records.ar.json';
import recordsEn from './records.en.json';

// The school-records screens keep their strings in catalogues of their own, laid over these.
export const resources = {
  en: { translation: mergeCatalogues(en, recordsEn) },
  ar: {
    translation: mergeCatalogues(ar satisfies typeof en, recordsAr satisfies typeof recordsEn),
  },
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
