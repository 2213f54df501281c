import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

import { requireNavigationEntry } from '../../../app/route-guards';

// Every attendance page is open with the 'attendance' menu entry; each page then shows what
// the person's scopes allow (and 403 when they allow nothing there).

/** The attendance pages, as children of the signed-in layout. */
export function createAttendanceRoutes(appLayout: AnyRoute): AnyRoute[] {
  const getParentRoute = () => appLayout;
  const beforeLoad = requireNavigationEntry('attendance');
  return [
    createRoute({
      getParentRoute,
      path: '/attendance',
      beforeLoad,
      component: lazyRouteComponent(() => import('./attendance-page'), 'AttendancePage'),
    }),
    createRoute({
      getParentRoute,
      path: '/attendance/take',
      beforeLoad,
      component: lazyRouteComponent(() => import('./take-attendance-page'), 'TakeAttendancePage'),
    }),
    createRoute({
      getParentRoute,
      path: '/attendance/reports',
      beforeLoad,
      component: lazyRouteComponent(
        () => import('./attendance-reports-page'),
        'AttendanceReportsPage',
      ),
    }),
    createRoute({
      getParentRoute,
      path: '/attendance/absence-notes',
      beforeLoad,
      component: lazyRouteComponent(() => import('./absence-notes-page'), 'AbsenceNotesPage'),
    }),
    createRoute({
      getParentRoute,
      path: '/attendance/settings',
      beforeLoad,
      component: lazyRouteComponent(
        () => import('./attendance-settings-page'),
        'AttendanceSettingsPage',
      ),
    }),
  ];
}
