import type { Navigation } from '../../shared/contracts/identity.js';
import { ForbiddenPageError } from '../components/status-page';
import { hasNavigationEntry } from '../lib/navigation-entries';

/**
 * A `beforeLoad` guard: the page is open exactly when one of these entries is in the actor's
 * navigation (which the server computes from roles and scopes); otherwise it shows 403.
 */
export function requireNavigationEntry(...keys: string[]) {
  return ({ context }: { context: { navigation: Navigation } }) => {
    if (!hasNavigationEntry(context.navigation, ...keys)) throw new ForbiddenPageError();
  };
}
