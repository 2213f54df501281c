// Every cache key is built here. Keys start with the platform namespace (`p:`) or with the
// school id (`t:{schoolId}:`), so one school's entries can never be read under another's key.

export const cacheKeys = {
  schoolBySlug: (slug: string) => `p:school:slug:${slug}`,
  schoolByHost: (host: string) => `p:school:host:${host}`,
  tenant: (schoolId: string, ...parts: string[]) => `t:${schoolId}:${parts.join(':')}`,
};

export const INVALIDATION_CHANNEL = 'p:invalidate';
