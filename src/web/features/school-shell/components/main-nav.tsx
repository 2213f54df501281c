import { AppShell, NavLink } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

import { useNavigation } from '../../auth/api/get-navigation';
import { navLabel } from '../../../lib/nav-labels';

export const MAIN_NAV_ID = 'main-nav';

function isActive(pathname: string, path: string): boolean {
  if (path === '/') return pathname === '/';
  return pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * Exactly the entries the server returned for this actor, in its order. An admin's menu is
 * taller than a laptop screen, so the menu scrolls on its own, independently of the page.
 */
export function MainNav() {
  const { t } = useTranslation();
  const { items } = useNavigation();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <AppShell.Navbar
      id={MAIN_NAV_ID}
      aria-label={t('nav.label')}
      p="sm"
      style={{ overflowY: 'auto', overscrollBehavior: 'contain' }}
    >
      {items.map((item) => {
        const active = isActive(pathname, item.path);
        return (
          <NavLink
            key={item.key}
            component={Link}
            to={item.path}
            label={navLabel(t, item)}
            active={active}
            aria-current={active ? 'page' : undefined}
            activeOptions={{ exact: item.path === '/' }}
          />
        );
      })}
    </AppShell.Navbar>
  );
}
