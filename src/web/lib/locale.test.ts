import { describe, expect, it } from 'vitest';

import type { PublicSchoolProfile } from '../../shared/boot.js';

import { directionOf, pickLocale } from './locale';

const school: PublicSchoolProfile = {
  id: '0190b7a4-0000-7000-8000-000000000001',
  slug: 'greenwood',
  name: 'Greenwood Academy',
  locale: 'ar',
  timezone: 'Asia/Riyadh',
  branding: { primaryColor: '#1f6feb', logoUrl: null },
};

describe('pickLocale', () => {
  it("uses the school's locale on a school page whatever the document says", () => {
    expect(pickLocale({ page: 'school', school }, 'en')).toBe('ar');
  });

  it.each([
    { lang: 'ar', locale: 'ar' },
    { lang: 'AR-sa', locale: 'ar' },
    { lang: 'en-GB', locale: 'en' },
    { lang: 'fr', locale: 'en' },
    { lang: '', locale: 'en' },
    { lang: '__SH_LANG__', locale: 'en' },
  ])('reads "$lang" on other pages as $locale', ({ lang, locale }) => {
    expect(pickLocale({ page: 'suspended' }, lang)).toBe(locale);
  });
});

describe('directionOf', () => {
  it('writes Arabic right to left and English left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});
