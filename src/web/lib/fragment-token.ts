// One-time tokens (invitations, password resets, impersonation) arrive in the URL fragment,
// which browsers never send to servers or put in Referer headers. The page reads the token,
// then removes it from the address bar before using it, so it does not linger in history or
// get copied along with the URL.

export function readFragmentToken(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '') return null;
  const token = new URLSearchParams(fragment).get('token')?.trim();
  return token ? token : null;
}

/** The same address without its fragment: what goes back into the address bar. */
export function withoutFragment(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

let captured: { path: string; token: string } | null = null;

/**
 * Reads the token from the current address and strips the fragment at once. The token is
 * remembered for this path, so a second render (React's strict mode, a remount) still sees it.
 */
export function takeFragmentToken(location: Location = window.location): string | null {
  const token = readFragmentToken(location.hash);
  if (token) {
    captured = { path: location.pathname, token };
    window.history.replaceState(window.history.state, '', withoutFragment(location.href));
    return token;
  }
  return captured?.path === location.pathname ? captured.token : null;
}
