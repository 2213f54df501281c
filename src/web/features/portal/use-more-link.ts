import { hasNavigationEntry } from '../../lib/navigation-entries';
import { useNavigation } from '../auth/api/get-navigation';

import type { MoreLink } from './components/home-block';

/** A link to a navigation entry's page, or null when the reader may not open it. */
export function useMoreLink(key: string, label: string): MoreLink | null {
  const navigation = useNavigation();
  const item = navigation.items.find((entry) => entry.key === key);
  return item ? { to: item.path, label } : null;
}

/** Whether the reader may open a navigation entry's page. */
export function useHasPage(key: string): boolean {
  return hasNavigationEntry(useNavigation(), key);
}
