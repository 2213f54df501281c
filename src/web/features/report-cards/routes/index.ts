import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

import { requireNavigationEntry } from '../../../app/route-guards';

/** The report-cards pages, as children of the signed-in layout. */
export function createReportCardsRoutes(appLayout: AnyRoute): AnyRoute[] {
  return [
    createRoute({
      getParentRoute: () => appLayout,
      path: '/report-cards',
      beforeLoad: requireNavigationEntry('report-cards'),
      component: lazyRouteComponent(() => import('./report-cards-page'), 'ReportCardsPage'),
    }),
  ];
}
