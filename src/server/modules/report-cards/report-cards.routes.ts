import type { FastifyInstance } from 'fastify';

/** The report-cards API on school hosts. */
export function registerReportCardsRoutes(app: FastifyInstance): void {
  void app;
}
