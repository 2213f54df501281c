import type { AnyRoute } from '@tanstack/react-router';

/** The timetable pages, as children of the signed-in layout. */
export function createTimetableRoutes(appLayout: AnyRoute): AnyRoute[] {
  void appLayout;
  return [];
}
