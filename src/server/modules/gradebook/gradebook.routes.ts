import type { FastifyInstance } from 'fastify';

/** The gradebook API on school hosts. */
export function registerGradebookRoutes(app: FastifyInstance): void {
  void app;
}
