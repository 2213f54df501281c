import type { AnyRoute } from '@tanstack/react-router';

/** The attendance pages, as children of the signed-in layout. */
export function createAttendanceRoutes(appLayout: AnyRoute): AnyRoute[] {
  void appLayout;
  return [];
}
