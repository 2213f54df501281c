import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { routesWithoutAccess } from './route-access.js';

let t: TestDatabase;
let h: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

describe('every API route declares who may call it', () => {
  it('holds for every route the application registers', () => {
    const apiRoutes = h.app.services.routes.filter((r) => r.url.startsWith('/api/'));
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(routesWithoutAccess(h.app.services.routes)).toEqual([]);
  });

  it('names a route that forgets, and that route serves nobody', async () => {
    const careless = await createTestApp(t.db, {
      beforeReady(app) {
        app.get('/api/test-forgotten', { config: { hostKinds: ['tenant'] } }, async () => ({
          secret: true,
        }));
      },
    });
    try {
      expect(routesWithoutAccess(careless.app.services.routes)).toEqual([
        'GET /api/test-forgotten',
      ]);
      const school = await createSchool(t.db);
      const admin = await createUser(t.db, school.id, { roles: ['admin'] });
      const c = new HostClient(careless.app, `${school.slug}.localhost`);
      await c.signIn(admin.email);
      const res = await c.get('/api/test-forgotten');
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('secret');
    } finally {
      await careless.close();
    }
  });
});
