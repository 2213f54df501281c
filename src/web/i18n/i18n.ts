import { createInstance } from 'i18next';
import type { i18n } from 'i18next';

import type { Locale } from '../../shared/boot.js';
import { DEFAULT_LOCALE } from '../lib/locale';

import ar from './ar.json';
import en from './en.json';
import { mergeCatalogues } from './merge-catalogues';
import attendanceAr from './attendance.ar.json';
import attendanceEn from './attendance.en.json';
import gradebookAr from './gradebook.ar.json';
import gradebookEn from './gradebook.en.json';
import portalAr from './portal.ar.json';
import portalEn from './portal.en.json';
import recordsAr from './records.ar.json';
import recordsEn from './records.en.json';
import reportCardsAr from './report-cards.ar.json';
import reportCardsEn from './report-cards.en.json';
import timetableAr from './timetable.ar.json';
import timetableEn from './timetable.en.json';

/** The catalogues of feature areas, laid over the main ones (checked in feature-catalogues.test). */
export const featureCatalogues = {
  records: { en: recordsEn, ar: recordsAr satisfies typeof recordsEn },
  timetable: { en: timetableEn, ar: timetableAr satisfies typeof timetableEn },
  attendance: { en: attendanceEn, ar: attendanceAr satisfies typeof attendanceEn },
  gradebook: { en: gradebookEn, ar: gradebookAr satisfies typeof gradebookEn },
  reportCards: { en: reportCardsEn, ar: reportCardsAr satisfies typeof reportCardsEn },
  portal: { en: portalEn, ar: portalAr satisfies typeof portalEn },
} as const;

const englishCatalogue = mergeCatalogues(
  mergeCatalogues(
    mergeCatalogues(
      mergeCatalogues(mergeCatalogues(mergeCatalogues(en, recordsEn), timetableEn), attendanceEn),
      gradebookEn,
    ),
    reportCardsEn,
  ),
  portalEn,
);

// Each feature area keeps its strings in catalogues of its own, laid over the main ones.
export const resources = {
  en: { translation: englishCatalogue },
  ar: {
    translation: mergeCatalogues(
      mergeCatalogues(
        mergeCatalogues(
          mergeCatalogues(
            mergeCatalogues(mergeCatalogues(ar satisfies typeof en, recordsAr), timetableAr),
            attendanceAr,
          ),
          gradebookAr,
        ),
        reportCardsAr,
      ),
      portalAr,
    ) satisfies typeof englishCatalogue,
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
