import type { Navigation } from '../../shared/contracts/identity.js';

/** Whether any of these pages is in the actor's navigation, and so open to them. */
export function hasNavigationEntry(navigation: Navigation, ...keys: string[]): boolean {
  return navigation.items.some((item) => keys.includes(item.key));
}
