import { describe, expect, it } from 'vitest';

import type { BootData } from '../../shared/boot.js';

import { parseBootData } from './boot';

const school = {
  id: '0190b7a4-0000-7000-8000-000000000001',
  slug: 'greenwood',
  name: 'Greenwood Academy',
  locale: 'ar',
  timezone: 'Asia/Riyadh',
  branding: { primaryColor: '#1f6feb', logoUrl: null },
};

describe('parseBootData', () => {
  it.each<BootData>([
    { page: 'platform' },
    { page: 'not-found' },
    { page: 'suspended' },
    { page: 'maintenance' },
    { page: 'marketing', demoSchools: [] },
    {
      page: 'marketing',
      demoSchools: [
        { slug: 'greenwood', name: 'Greenwood', url: 'http://greenwood.localhost:3000/' },
      ],
    },
    { page: 'school', school: { ...school, locale: 'ar' } },
    {
      page: 'school',
      school: { ...school, locale: 'en', branding: { primaryColor: '#000000', logoUrl: '/l.png' } },
    },
  ])('reads a well-formed $page page unchanged', (boot) => {
    expect(parseBootData(JSON.stringify(boot))).toEqual(boot);
  });

  it.each([
    { text: undefined, why: 'the element is missing' },
    { text: '', why: 'the element is empty' },
    { text: '__SH_BOOT__', why: 'the placeholder was never replaced' },
    { text: '{"page":', why: 'the JSON is cut short' },
    { text: 'null', why: 'the value is null' },
    { text: '[]', why: 'the value is an array' },
    { text: '{"page":"dashboard"}', why: 'the page is unknown' },
    { text: '{"page":"marketing"}', why: 'the marketing page has no demo list' },
    { text: '{"page":"school"}', why: 'the school page has no school' },
    {
      text: JSON.stringify({ page: 'school', school: { ...school, locale: 'fr' } }),
      why: 'the school locale is unsupported',
    },
    {
      text: JSON.stringify({ page: 'school', school: { ...school, name: 42 } }),
      why: 'the school name is not text',
    },
    {
      text: JSON.stringify({ page: 'school', school: { ...school, branding: undefined } }),
      why: 'the school has no branding',
    },
  ])('falls back to not-found when $why', ({ text }) => {
    expect(parseBootData(text)).toEqual({ page: 'not-found' });
  });

  it('drops fields the contract does not list', () => {
    const text = JSON.stringify({
      page: 'school',
      school: { ...school, plan: 'enterprise', branding: { ...school.branding, secret: 1 } },
      extra: true,
    });
    expect(parseBootData(text)).toEqual({ page: 'school', school });
  });

  it('keeps only demo schools whose address is an http(s) URL', () => {
    const text = JSON.stringify({
      page: 'marketing',
      demoSchools: [
        { slug: 'greenwood', name: 'Greenwood', url: 'https://greenwood.example.com/' },
        { slug: 'evil', name: 'Evil', url: 'javascript:alert(1)' },
        { slug: 'relative', name: 'Relative', url: '/somewhere' },
        { slug: 'broken', name: 'Broken' },
      ],
    });
    expect(parseBootData(text)).toEqual({
      page: 'marketing',
      demoSchools: [
        { slug: 'greenwood', name: 'Greenwood', url: 'https://greenwood.example.com/' },
      ],
    });
  });
});
