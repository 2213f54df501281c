import { describe, expect, it } from 'vitest';

import { isFinalStatus, isStudentStatus, nextStatuses } from './student-status';

describe('student lifecycle', () => {
  it('lets an applicant be enrolled or withdraw', () => {
    expect(nextStatuses('applicant')).toEqual(['enrolled', 'withdrawn']);
  });

  it('brings a suspended student back to enrolled', () => {
    expect(nextStatuses('suspended')).toContain('enrolled');
  });

  it('treats graduated, transferred and withdrawn as final', () => {
    for (const status of ['graduated', 'transferred', 'withdrawn'] as const) {
      expect(isFinalStatus(status)).toBe(true);
      expect(nextStatuses(status)).toEqual([]);
    }
    expect(isFinalStatus('enrolled')).toBe(false);
  });

  it('knows the statuses by name', () => {
    expect(isStudentStatus('enrolled')).toBe(true);
    expect(isStudentStatus('expelled')).toBe(false);
  });
});
