import type { AnyRoute } from '@tanstack/react-router';

/** The report-cards pages, as children of the signed-in layout. */
export function createReportCardsRoutes(appLayout: AnyRoute): AnyRoute[] {
  void appLayout;
  return [];
}
