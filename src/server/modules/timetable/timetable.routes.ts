import type { FastifyInstance } from 'fastify';

/** The timetable API on school hosts. */
export function registerTimetableRoutes(app: FastifyInstance): void {
  void app;
}
