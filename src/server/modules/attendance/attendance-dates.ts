// Calendar arithmetic for attendance. Dates are `YYYY-MM-DD` days on the school's clock; the
// recording window and the default expiry of an unlock count whole days from the school's
// today, never from the server's. The calendar helpers themselves live in school-date.ts.

import { addDays, atSchoolTime } from '../enrollment/school-date.js';

/** The first date still inside the recording window: 0 days means today only. */
export function windowOpensOn(today: string, editWindowDays: number): string {
  return addDays(today, -editWindowDays);
}

/** Default expiry of an unlock: the end of the school's next day. */
export function endOfNextDay(today: string, timeZone: string): Date {
  return atSchoolTime(addDays(today, 2), '00:00', timeZone);
}
