import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

import { requireNavigationEntry } from '../../../app/route-guards';

/** The timetable pages, as children of the signed-in layout. */
export function createTimetableRoutes(appLayout: AnyRoute): AnyRoute[] {
  const getParentRoute = () => appLayout;
  const timetable = requireNavigationEntry('timetable');
  return [
    createRoute({
      getParentRoute,
      path: '/timetable',
      beforeLoad: timetable,
      component: lazyRouteComponent(() => import('./timetable-page'), 'TimetablePage'),
    }),
    createRoute({
      getParentRoute,
      path: '/timetable/periods',
      beforeLoad: timetable,
      component: lazyRouteComponent(() => import('./periods-page'), 'PeriodsPage'),
    }),
  ];
}
