import type { RouteAccess } from './fastify-types.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

/** API routes that declare neither a permission nor that they are public. */
export function routesWithoutAccess(routes: readonly RegisteredRoute[]): string[] {
  return routes
    .filter((r) => (r.url === '/api' || r.url.startsWith('/api/')) && r.access === undefined)
    .map((r) => `${r.method} ${r.url}`);
}
