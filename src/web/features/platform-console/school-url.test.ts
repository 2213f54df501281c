import { describe, expect, it } from 'vitest';

import { schoolSiteHost, schoolSiteUrl } from './school-url';

describe('schoolSiteUrl', () => {
  it('replaces the console label with the school address, keeping the port', () => {
    expect(schoolSiteUrl('oakridge', 'admin.localhost:3000', 'http:')).toBe(
      'http://oakridge.localhost:3000',
    );
  });

  it('works under a real root domain', () => {
    expect(schoolSiteUrl('oakridge', 'admin.schoolhouse.example', 'https:')).toBe(
      'https://oakridge.schoolhouse.example',
    );
  });
});

describe('schoolSiteHost', () => {
  it('is the address without its scheme', () => {
    expect(schoolSiteHost('alnoor', 'admin.localhost:4173')).toBe('alnoor.localhost:4173');
  });
});
