import 'i18next';

import type attendanceEn from './attendance.en.json';
import type en from './en.json';
import type gradebookEn from './gradebook.en.json';
import type portalEn from './portal.en.json';
import type recordsEn from './records.en.json';
import type reportCardsEn from './report-cards.en.json';
import type timetableEn from './timetable.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en &
        typeof recordsEn &
        typeof timetableEn &
        typeof attendanceEn &
        typeof gradebookEn &
        typeof reportCardsEn &
        typeof portalEn;
    };
  }
}
