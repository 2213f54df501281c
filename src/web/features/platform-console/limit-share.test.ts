import { describe, expect, it } from 'vitest';

import { limitShare } from './limit-share';

describe('limitShare', () => {
  it('gives the share used, to a tenth of a percent', () => {
    expect(limitShare(25, 200)).toEqual({ percent: 12.5, level: 'ok' });
  });

  it('warns from 80% and stops the bar at 100%', () => {
    expect(limitShare(80, 100).level).toBe('near');
    expect(limitShare(100, 100)).toEqual({ percent: 100, level: 'over' });
    expect(limitShare(150, 100)).toEqual({ percent: 100, level: 'over' });
  });

  it('treats a zero limit as full once anything is used', () => {
    expect(limitShare(0, 0)).toEqual({ percent: 0, level: 'ok' });
    expect(limitShare(1, 0)).toEqual({ percent: 100, level: 'over' });
  });
});
