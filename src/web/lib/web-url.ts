/**
 * An address the app is about to navigate to (a sign-in link, an impersonation link). It comes
 * from our own server, but only an absolute http(s) URL is followed, never `javascript:` or
 * `data:`.
 */
export function webUrlOrNull(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
