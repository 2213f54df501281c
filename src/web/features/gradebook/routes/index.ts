import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

import { requireNavigationEntry } from '../../../app/route-guards';

/** The gradebook pages, as children of the signed-in layout. */
export function createGradebookRoutes(appLayout: AnyRoute): AnyRoute[] {
  const getParentRoute = () => appLayout;
  const gradebook = requireNavigationEntry('gradebook');
  return [
    createRoute({
      getParentRoute,
      path: '/gradebook',
      beforeLoad: gradebook,
      component: lazyRouteComponent(() => import('./gradebook-page'), 'GradebookPage'),
    }),
    // Scales and settings need grades:manage as well; the page itself says so otherwise.
    createRoute({
      getParentRoute,
      path: '/gradebook/settings',
      beforeLoad: gradebook,
      component: lazyRouteComponent(
        () => import('./gradebook-settings-page'),
        'GradebookSettingsPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/grades',
      beforeLoad: requireNavigationEntry('grades'),
      component: lazyRouteComponent(() => import('./grades-page'), 'GradesPage'),
    }),
  ];
}
