import { webUrlOrNull } from '../../lib/web-url';

/** The address the console opens after starting an impersonation: only an http(s) URL. */
export function impersonationTarget(url: string): string | null {
  return webUrlOrNull(url);
}
