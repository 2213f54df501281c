import 'i18next';

import type en from './en.json';
import type recordsEn from './records.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & typeof recordsEn };
  }
}
