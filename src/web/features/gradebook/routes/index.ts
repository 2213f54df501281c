import type { AnyRoute } from '@tanstack/react-router';

/** The gradebook pages, as children of the signed-in layout. */
export function createGradebookRoutes(appLayout: AnyRoute): AnyRoute[] {
  void appLayout;
  return [];
}
