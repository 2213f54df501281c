import type { FastifyInstance } from 'fastify';

/** The attendance API on school hosts. */
export function registerAttendanceRoutes(app: FastifyInstance): void {
  void app;
}
