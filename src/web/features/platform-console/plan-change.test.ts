import { describe, expect, it } from 'vitest';

import { planChange } from './plan-change';

const noLimits = {
  maxUsers: '',
  maxStudents: '',
  maxStaff: '',
  maxStorageMb: '',
  rateLimitPerMinute: '',
};

describe('planChange', () => {
  it('goes back to the plan when nothing is overridden', () => {
    expect(
      planChange(
        'standard',
        noLimits,
        { customDomains: true, reportCards: true },
        { customDomains: true, reportCards: true },
      ),
    ).toEqual({ planId: 'standard', limitOverrides: {}, features: {} });
  });

  it('sends the limits that were filled in, as numbers', () => {
    const body = planChange(
      'free',
      { ...noLimits, maxStudents: 250, rateLimitPerMinute: '900' },
      { customDomains: false, reportCards: false },
      { customDomains: false, reportCards: false },
    );
    expect(body.limitOverrides).toEqual({ maxStudents: 250, rateLimitPerMinute: 900 });
  });

  it('overrides only the features that differ from the chosen plan', () => {
    const body = planChange(
      'free',
      noLimits,
      { customDomains: true, reportCards: false },
      { customDomains: false, reportCards: false },
    );
    expect(body.features).toEqual({ customDomains: true });
  });

  it('can take a feature away that the plan gives', () => {
    const body = planChange(
      'standard',
      noLimits,
      { customDomains: false, reportCards: true },
      { customDomains: true, reportCards: true },
    );
    expect(body.features).toEqual({ customDomains: false });
  });
});
