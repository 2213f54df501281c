import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../../shared/permissions.js';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import type { SchoolRow } from '../schools/schools.repository.js';

let t: TestDatabase;
let h: TestApp;
let a: SchoolRow;
let b: SchoolRow;
const signedIn: Record<string, HostClient> = {};
let adminA: HostClient;
let adminB: HostClient;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await createSchool(t.db);
  b = await createSchool(t.db);
  for (const role of BUILT_IN_ROLES) {
    const user = await createUser(t.db, a.id, { roles: [role], name: `A ${role}` });
    const c = new HostClient(h.app, `${a.slug}.localhost`);
    await c.signIn(user.email);
    signedIn[role] = c;
  }
  adminA = signedIn.admin as HostClient;
  const bAdmin = await createUser(t.db, b.id, { roles: ['admin'], name: 'B admin' });
  adminB = new HostClient(h.app, `${b.slug}.localhost`);
  await adminB.signIn(bAdmin.email);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

// Every school endpoint of identity, with the permission the table gives it.
const ADMIN_ONLY: [string, string, unknown?][] = [
  ['GET', '/api/users'],
  ['POST', '/api/users', { email: 'matrix@example.test', name: 'Matrix', roles: ['staff'] }],
  ['GET', '/api/roles'],
  ['POST', '/api/roles', { name: 'Matrix role', permissions: ['audit:read'] }],
  ['GET', '/api/audit-events'],
  ['GET', '/api/school/settings'],
  ['PATCH', '/api/school/settings', { timezone: 'UTC' }],
  ['GET', '/api/outbox'],
];

describe('each role against each permission', () => {
  it.each(
    BUILT_IN_ROLES.flatMap((role) =>
      ADMIN_ONLY.map(([method, url, body]) => [role, method, url, body] as const),
    ),
  )('%s: %s %s', async (role, method, url, body) => {
    const res = await (signedIn[role] as HostClient).request(method, url, body);
    if (role === 'admin') expect(res.statusCode, res.body).toBeLessThan(300);
    else {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it.each(BUILT_IN_ROLES)('%s reads their own profile and navigation', async (role) => {
    const c = signedIn[role] as HostClient;
    const me = await c.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual([role]);
    const nav = (await c.get('/api/me/navigation')).json().items.map((i: { key: string }) => i.key);
    if (role === 'admin')
      expect(nav).toEqual([
        'dashboard',
        'students',
        'timetable',
        'attendance',
        'gradebook',
        'report-cards',
        'classes',
        'academics',
        'guardians',
        'staff',
        'imports',
        'users',
        'roles',
        'audit',
        'settings',
        'domains',
        'outbox',
        'profile',
      ]);
    else {
      for (const adminOnly of [
        'users',
        'roles',
        'audit',
        'settings',
        'domains',
        'imports',
        'outbox',
      ]) {
        expect(nav).not.toContain(adminOnly);
      }
    }
  });

  it('refuses everything but public endpoints without a session', async () => {
    const anonymous = new HostClient(h.app, `${a.slug}.localhost`);
    for (const [method, url, body] of ADMIN_ONLY) {
      expect((await anonymous.request(method, url, body)).statusCode).toBe(401);
    }
    expect((await anonymous.get('/api/me')).statusCode).toBe(401);
    expect((await anonymous.get('/api/school')).statusCode).toBe(200);
  });
});

describe('user management', () => {
  it('lists with search, filters and keyset pages', async () => {
    for (let i = 0; i < 5; i++)
      await createUser(t.db, a.id, { roles: ['student'], name: `Pagination Pupil ${i}` });
    const first = await adminA.get('/api/users?q=pagination&limit=2');
    expect(first.statusCode).toBe(200);
    const names: string[] = first.json().items.map((u: { name: string }) => u.name);
    let cursor = first.json().nextCursor as string | null;
    while (cursor) {
      const next = await adminA.get(
        `/api/users?q=pagination&limit=2&cursor=${encodeURIComponent(cursor)}`,
      );
      names.push(...next.json().items.map((u: { name: string }) => u.name));
      cursor = next.json().nextCursor;
    }
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `Pagination Pupil ${i}`));
    const teachers = await adminA.get('/api/users?role=teacher');
    expect(
      teachers.json().items.every((u: { roles: string[] }) => u.roles.includes('teacher')),
    ).toBe(true);
    expect((await adminA.get('/api/users?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('changes roles and records the change in the audit trail', async () => {
    const user = await createUser(t.db, a.id, { roles: ['staff'] });
    const res = await adminA.patch(`/api/users/${user.id}`, { roles: ['staff', 'accountant'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['staff', 'accountant']);
    const audit = await adminA.get(`/api/audit-events?entityType=user&action=user.updated`);
    const event = audit.json().items.find((e: { entityId: string }) => e.entityId === user.id);
    expect(event).toMatchObject({
      before: { roles: ['staff'] },
      after: { roles: ['staff', 'accountant'] },
    });
  });

  it('keeps an admin from locking themselves out', async () => {
    const me = (await adminA.get('/api/me')).json().user.id as string;
    expect((await adminA.patch(`/api/users/${me}`, { status: 'disabled' })).statusCode).toBe(422);
    expect((await adminA.patch(`/api/users/${me}`, { roles: ['teacher'] })).statusCode).toBe(422);
  });

  it("answers another school's user ids with 404 and never lists them", async () => {
    const other = await createUser(t.db, b.id, { name: 'Only In B' });
    expect((await adminA.get(`/api/users/${other.id}`)).statusCode).toBe(404);
    expect((await adminA.patch(`/api/users/${other.id}`, { name: 'Hijack' })).statusCode).toBe(404);
    expect((await adminA.post(`/api/users/${other.id}/invitation`)).statusCode).toBe(404);
    const listed = await adminA.get('/api/users?q=only%20in%20b');
    expect(listed.json().items).toEqual([]);
    const stillB = await adminB.get(`/api/users/${other.id}`);
    expect(stillB.json().name).toBe('Only In B');
  });

  it('refuses unknown fields and wrong types in user changes', async () => {
    const user = await createUser(t.db, a.id);
    expect((await adminA.patch(`/api/users/${user.id}`, { roles: ['root'] })).statusCode).toBe(400);
    expect((await adminA.patch(`/api/users/${user.id}`, { isAdmin: true })).statusCode).toBe(400);
    expect((await adminA.patch(`/api/users/${user.id}`, {})).statusCode).toBe(400);
  });

  it('lets anyone change their own name and language', async () => {
    const c = signedIn.guardian as HostClient;
    const res = await c.patch('/api/me', { locale: 'ar', name: 'Omar H.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locale: 'ar', user: { name: 'Omar H.' } });
    expect((await c.get('/api/me')).json().locale).toBe('ar');
    await c.patch('/api/me', { locale: null });
    expect((await c.get('/api/me')).json().locale).toBe('en');
  });
});

describe('custom roles', () => {
  it('grants a teacher the audit log through a custom role, and takes it away again', async () => {
    const teacherUser = await createUser(t.db, a.id, { roles: ['teacher'] });
    const teacher = new HostClient(h.app, `${a.slug}.localhost`);
    await teacher.signIn(teacherUser.email);
    expect((await teacher.get('/api/audit-events')).statusCode).toBe(403);

    const role = await adminA.post('/api/roles', {
      name: 'Auditor',
      description: 'Reads the audit log',
      permissions: ['audit:read'],
    });
    expect(role.statusCode).toBe(201);
    const roleId = role.json().id as string;
    expect(
      (await adminA.post('/api/roles', { name: 'Auditor', permissions: ['audit:read'] }))
        .statusCode,
    ).toBe(409);
    expect(
      (await adminA.post('/api/roles', { name: 'Bad', permissions: ['nuke:all'] })).statusCode,
    ).toBe(400);

    await adminA.patch(`/api/users/${teacherUser.id}`, { customRoleIds: [roleId] });
    expect((await teacher.get('/api/audit-events')).statusCode).toBe(200);
    const nav = (await teacher.get('/api/me/navigation'))
      .json()
      .items.map((i: { key: string }) => i.key);
    expect(nav).toContain('audit');
    expect((await teacher.get('/api/me')).json().customRoles).toEqual([
      { id: roleId, name: 'Auditor' },
    ]);

    expect((await adminA.delete(`/api/roles/${roleId}`)).statusCode).toBe(409);
    await adminA.patch(`/api/users/${teacherUser.id}`, { customRoleIds: [] });
    expect((await teacher.get('/api/audit-events')).statusCode).toBe(403);
    expect((await adminA.delete(`/api/roles/${roleId}`)).statusCode).toBe(204);
  });

  it("cannot assign another school's custom role", async () => {
    const foreign = await adminB.post('/api/roles', {
      name: 'B only',
      permissions: ['audit:read'],
    });
    const user = await createUser(t.db, a.id);
    const res = await adminA.patch(`/api/users/${user.id}`, { customRoleIds: [foreign.json().id] });
    expect(res.statusCode).toBe(400);
    expect(
      (
        await adminA.patch(`/api/roles/${foreign.json().id}`, {
          name: 'x',
          permissions: ['audit:read'],
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('school settings', () => {
  it('lets the admin rebrand the school, visible at once on its host', async () => {
    const res = await adminA.patch('/api/school/settings', {
      primaryColor: '#123456',
      name: 'Renamed Academy',
    });
    expect(res.statusCode).toBe(200);
    const profile = await new HostClient(h.app, `${a.slug}.localhost`).get('/api/school');
    expect(profile.json()).toMatchObject({
      name: 'Renamed Academy',
      branding: { primaryColor: '#123456' },
    });
    expect(
      (await adminA.patch('/api/school/settings', { timezone: 'Mars/Olympus' })).statusCode,
    ).toBe(400);
    expect((await adminA.patch('/api/school/settings', { primaryColor: 'red' })).statusCode).toBe(
      400,
    );
  });
});
