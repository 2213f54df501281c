/**
 * The host of a school's own site, seen from the operator console: the console lives on
 * `<platform>.<root>`, schools on `<slug>.<root>`, so the first label of the host is swapped.
 */
export function schoolSiteHost(slug: string, platformHost: string): string {
  const dot = platformHost.indexOf('.');
  const root = dot === -1 ? platformHost : platformHost.slice(dot + 1);
  return `${slug}.${root}`;
}

export function schoolSiteUrl(slug: string, platformHost: string, protocol: string): string {
  return `${protocol}//${schoolSiteHost(slug, platformHost)}`;
}
