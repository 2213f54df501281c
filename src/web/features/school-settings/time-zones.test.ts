import { describe, expect, it } from 'vitest';

import { timeZoneOptions } from './time-zones';

describe('timeZoneOptions', () => {
  it('lists known zones in order and always offers UTC', () => {
    const zones = timeZoneOptions('Asia/Riyadh');
    expect(zones).toContain('Asia/Riyadh');
    expect(zones).toContain('UTC');
    expect(zones).toEqual([...zones].sort((a, b) => a.localeCompare(b)));
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('keeps the current zone even when the browser does not list it', () => {
    expect(timeZoneOptions('Etc/Unlisted-Zone')).toContain('Etc/Unlisted-Zone');
  });
});
