import { describe, expect, it } from 'vitest';

import { mergeCatalogues } from './merge-catalogues';

describe('mergeCatalogues', () => {
  it('adds the entries of a shared branch to those already there', () => {
    const merged = mergeCatalogues(
      { nav: { dashboard: 'Dashboard' }, common: { cancel: 'Cancel' } },
      { nav: { students: 'Students' }, students: { heading: 'Students' } },
    );
    expect(merged).toEqual({
      nav: { dashboard: 'Dashboard', students: 'Students' },
      common: { cancel: 'Cancel' },
      students: { heading: 'Students' },
    });
  });

  it('leaves both inputs as they were', () => {
    const base = { nav: { dashboard: 'Dashboard' } };
    const extra = { nav: { staff: 'Staff' } };
    mergeCatalogues(base, extra);
    expect(base).toEqual({ nav: { dashboard: 'Dashboard' } });
    expect(extra).toEqual({ nav: { staff: 'Staff' } });
  });
});
