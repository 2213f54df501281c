/**
 * The address the console opens after starting an impersonation. It comes from our own
 * server, but it is navigated to, so only an absolute http(s) URL is followed.
 */
export function impersonationTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
