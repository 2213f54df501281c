import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, uniqueSlug } from '../../../test/factories.js';
import { createUser, HostClient, TEST_PASSWORD } from '../../../test/identity.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { listTenantTables } from '../../platform/db/isolation-invariants.js';
import { createOperator } from '../operators/operators.service.js';
import type { SchoolRow } from '../schools/schools.repository.js';
import {
  ARCHIVE_FORMAT,
  EXCLUDED_TABLES,
  localMigrationCount,
  type Manifest,
} from './school-archive.js';
import { exportSchoolArchive } from './school-export.service.js';
import { importSchoolArchive } from './school-import.service.js';
import { readTar, tarEnd, tarHeader, tarPadding } from './tar.js';

let t: TestDatabase;
let h: TestApp;
let source: SchoolRow;
let other: SchoolRow;
let admin: { email: string };
let teacher: { email: string };
let ops: HostClient;
let archive: Buffer;
const operatorEmail = 'transfer-ops@schoolhouse.test';

// A tenant table that no migration defines: it shows that new tables travel without a hand
// list, and it carries the column types and the self-reference the real schema lacks so far.
const PROBE_TABLE = [
  `create table transfer_probe (
     school_id uuid not null references schools(id),
     id bigint not null,
     parent_id bigint,
     label text not null default 'unnamed',
     shout text generated always as (upper(label)) stored,
     amount numeric(14, 4),
     ratio double precision,
     tags text[] not null default '{}',
     meta jsonb,
     address inet,
     raw bytea,
     day date,
     span interval,
     at timestamptz not null default now(),
     primary key (school_id, id),
     foreign key (school_id, parent_id) references transfer_probe (school_id, id)
   )`,
  `select schoolhouse_protect_tenant_table('transfer_probe')`,
  `create table transfer_probe_links (
     school_id uuid not null references schools(id),
     probe_id bigint not null,
     position integer not null,
     primary key (school_id, probe_id, position),
     foreign key (school_id, probe_id) references transfer_probe (school_id, id)
   )`,
  `select schoolhouse_protect_tenant_table('transfer_probe_links')`,
];

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The archive's entries, in order, as name → bytes. */
async function entriesOf(gzipped: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  await readTar([gunzipSync(gzipped)], (entry) => {
    const parts: Buffer[] = [];
    return {
      write: (chunk) => void parts.push(chunk),
      end: () => void entries.set(entry.name, Buffer.concat(parts)),
    };
  });
  return entries;
}

function pack(entries: Map<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, body] of entries) {
    parts.push(tarHeader(name, body.length, new Date()), body, tarPadding(body.length));
  }
  parts.push(tarEnd());
  return gzipSync(Buffer.concat(parts));
}

function manifestOf(entries: Map<string, Buffer>): Manifest {
  return JSON.parse((entries.get('manifest.json') as Buffer).toString('utf8')) as Manifest;
}

/** The archive with changes applied to its manifest and files. */
async function tampered(
  change: (manifest: Manifest, entries: Map<string, Buffer>) => void,
): Promise<Buffer> {
  const entries = await entriesOf(archive);
  const manifest = manifestOf(entries);
  change(manifest, entries);
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  return pack(entries);
}

function linesOf(entries: Map<string, Buffer>, table: string): string[] {
  return (entries.get(`tables/${table}.jsonl`) as Buffer).toString('utf8').split('\n').slice(0, -1);
}

function setLines(entries: Map<string, Buffer>, table: string, lines: string[]): void {
  entries.set(`tables/${table}.jsonl`, Buffer.from(lines.map((l) => `${l}\n`).join('')));
}

/** Every tenant table's rows of one school, without school_id, read as the owner. */
async function snapshot(schoolId: string): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const table of await listTenantTables(t.owner.query)) {
    const rows = await t.owner.query<{ row: string }>(
      `select (to_jsonb(t) - 'school_id')::text as row from "${table}" t where school_id = $1 order by 1`,
      [schoolId],
    );
    result.set(
      table,
      rows.map((r) => r.row),
    );
  }
  return result;
}

async function countOf(sqlText: string, params: unknown[] = []): Promise<number> {
  const rows = await t.owner.query<{ n: number }>(sqlText, params);
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  await t.owner.transaction(PROBE_TABLE);

  source = await createSchool(t.db, {
    name: 'Greenwood Academy',
    locale: 'ar',
    primaryColor: '#2a7f62',
  });
  await t.owner.query(
    `update schools set timezone = 'Asia/Dubai', logo_url = 'https://cdn.example.test/logo.png',
            plan_id = 'enterprise' where id = $1`,
    [source.id],
  );
  other = await createSchool(t.db);

  admin = await createUser(t.db, source.id, { roles: ['admin'], name: 'Ada Admin' });
  teacher = await createUser(t.db, source.id, { roles: ['teacher'] });
  await createUser(t.db, other.id, { roles: ['admin'] });

  const client = new HostClient(h.app, `${source.slug}.localhost`);
  expect((await client.signIn(admin.email)).statusCode).toBe(200);
  const role = await client.post('/api/roles', {
    name: 'Librarian',
    description: 'Runs the library',
    permissions: ['students:read', 'staff:read'],
  });
  expect(role.statusCode).toBe(201);
  const invited = await client.post('/api/users', {
    email: 'new.staff@example.test',
    name: 'Nour Staff',
    roles: ['staff'],
    customRoleIds: [role.json().id],
  });
  expect(invited.statusCode).toBe(201);

  for (const school of [source, other]) {
    await t.owner.query(
      `insert into transfer_probe (school_id, id, parent_id, label, amount, ratio, tags, meta, address, raw, day, span)
       values ($1, 4611686018427387904, null, 'root', 12345678.1234, 0.1, '{a,"b c",NULL}',
               $2::jsonb, '10.1.2.3/32', '\\x00ff10', '2024-02-29', '1 day 02:03:04'),
              ($1, 1, 4611686018427387904, 'a child whose id sorts before its parent', null, null,
               '{}', null, null, null, null, null)`,
      [
        school.id,
        JSON.stringify({ nested: { x: [1, 2.5, null] }, text: 'line\nbreak "quoted" ✓' }),
      ],
    );
    // More rows than one batch, so export pages through the keyset and import splits inserts.
    await t.owner.query(
      `insert into transfer_probe (school_id, id, parent_id, label)
       select $1, g, case when g % 3 = 0 then g - 1 end, 'bulk ' || g from generate_series(100, 2600) g`,
      [school.id],
    );
    // A composite key whose first batch ends in the middle of one probe's links.
    await t.owner.query(
      `insert into transfer_probe_links (school_id, probe_id, position)
       select $1, g, p from generate_series(100, 599) g, generate_series(1, 3) p`,
      [school.id],
    );
    await t.owner.query(
      `insert into mail_outbox (school_id, id, to_address, subject, body_text, created_at)
       select $1, gen_random_uuid(), 'p' || g || '@example.test', 'Notice ' || g, 'Body ' || g,
              now() - g * interval '1 minute'
         from generate_series(1, 1200) g`,
      [school.id],
    );
  }

  await createOperator(t.db, { email: operatorEmail, name: 'Ops', password: TEST_PASSWORD });
  // Operators sign in with a second factor: enrol a known one.
  const secret = new Secret({ size: 20 });
  await t.owner.query('update operators set totp_secret = $1 where email = $2', [
    secret.base32,
    operatorEmail,
  ]);
  ops = new HostClient(h.app, 'admin.localhost');
  const opsSignIn = await ops.post('/api/auth/sign-in', {
    email: operatorEmail,
    password: TEST_PASSWORD,
    totp: new TOTP({ secret, digits: 6, period: 30 }).generate(),
  });
  expect(opsSignIn.statusCode, opsSignIn.body).toBe(200);

  archive = await toBuffer((await exportSchoolArchive(t.db, source.id)).stream);
});

afterAll(async () => {
  await h?.close();
  await t?.close();
});

describe('school archives', () => {
  it('copy every tenant table into a new school, row for row with the same ids', async () => {
    const before = await snapshot(source.id);
    for (const table of ['users', 'custom_roles', 'user_custom_roles', 'audit_events']) {
      expect(before.get(table)?.length, table).toBeGreaterThan(0);
    }
    for (const table of ['mail_outbox', 'transfer_probe', 'transfer_probe_links']) {
      expect(before.get(table)?.length, table).toBeGreaterThan(1000);
    }
    for (const table of EXCLUDED_TABLES) {
      expect(before.get(table)?.length, table).toBeGreaterThan(0);
    }

    const slug = uniqueSlug('copy');
    const imported = await importSchoolArchive(t.db, archive, { slug });
    expect(imported.id).not.toBe(source.id);

    const copy = await snapshot(imported.id);
    const tables = await listTenantTables(t.owner.query);
    expect(tables).toContain('transfer_probe');
    for (const table of tables) {
      if (EXCLUDED_TABLES.includes(table)) expect(copy.get(table), table).toEqual([]);
      else expect(copy.get(table), table).toEqual(before.get(table));
    }
    expect(await snapshot(source.id)).toEqual(before);

    const rows = await t.owner.query<Record<string, unknown>>(
      'select * from schools where id = $1',
      [imported.id],
    );
    expect(rows[0]).toMatchObject({
      slug,
      name: 'Greenwood Academy',
      status: 'active',
      plan_id: 'enterprise',
      locale: 'ar',
      timezone: 'Asia/Dubai',
      primary_color: '#2a7f62',
      logo_url: 'https://cdn.example.test/logo.png',
    });

    // Password hashes travel; sessions do not, so people sign in again on the copy.
    const onCopy = new HostClient(h.app, `${slug}.localhost`);
    expect((await onCopy.signIn(admin.email)).statusCode).toBe(200);
    expect((await onCopy.get('/api/users')).statusCode).toBe(200);
  });

  it('describe the school and every exported table in the manifest', async () => {
    const entries = await entriesOf(archive);
    const manifest = manifestOf(entries);
    const tenantTables = await listTenantTables(t.owner.query);
    expect(manifest).toMatchObject({
      format: ARCHIVE_FORMAT,
      version: 1,
      migrations: await localMigrationCount(),
      school: {
        id: source.id,
        slug: source.slug,
        name: 'Greenwood Academy',
        locale: 'ar',
        timezone: 'Asia/Dubai',
        branding: { primaryColor: '#2a7f62', logoUrl: 'https://cdn.example.test/logo.png' },
        planId: 'enterprise',
      },
      excluded: ['sessions', 'user_tokens'],
    });
    expect(manifest.tables.map((m) => m.name).sort()).toEqual(
      tenantTables.filter((name) => !EXCLUDED_TABLES.includes(name)),
    );
    const order = manifest.tables.map((m) => m.name);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('user_custom_roles'));
    expect(order.indexOf('custom_roles')).toBeLessThan(order.indexOf('user_custom_roles'));
    expect(order.indexOf('transfer_probe')).toBeLessThan(order.indexOf('transfer_probe_links'));
    const probe = manifest.tables.find((m) => m.name === 'transfer_probe');
    expect(probe?.rowCount).toBe(2 + 2501);
    expect(probe?.columns).not.toContain('school_id');
    expect(probe?.columns).not.toContain('shout');
    expect(manifest.tables.find((m) => m.name === 'mail_outbox')?.rowCount).toBeGreaterThan(1200);

    expect([...entries.keys()][0]).toBe('manifest.json');
    expect(entries.has('tables/sessions.jsonl')).toBe(false);
    expect(entries.has('tables/user_tokens.jsonl')).toBe(false);
    for (const table of manifest.tables) {
      const lines = linesOf(entries, table.name);
      expect(lines.length, table.name).toBe(table.rowCount);
      for (const line of lines.slice(0, 3)) {
        expect(Object.keys(JSON.parse(line) as object)).not.toContain('school_id');
      }
    }
  });

  it('read an archive from a stream that arrives in small chunks', async () => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < archive.length; i += 1000) chunks.push(archive.subarray(i, i + 1000));
    const imported = await importSchoolArchive(t.db, Readable.from(chunks), {
      slug: uniqueSlug('streamed'),
      name: '  Greenwood Copy ',
    });
    expect(imported.name).toBe('Greenwood Copy');
    expect(imported.planId).toBe('enterprise');
    const users = await countOf('select count(*)::int as n from users where school_id = $1', [
      imported.id,
    ]);
    expect(users).toBe(3);
  });

  it("fall back to the default plan when this deployment lacks the archive's plan", async () => {
    const changed = await tampered((manifest) => {
      manifest.school.planId = 'retired-plan';
    });
    const imported = await importSchoolArchive(t.db, changed, { slug: uniqueSlug('plan') });
    expect(imported.planId).toBe('standard');
  });

  it('refuse a slug that is taken or not allowed, before creating anything', async () => {
    const schools = await countOf('select count(*)::int as n from schools');
    await expect(importSchoolArchive(t.db, archive, { slug: source.slug })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/taken/),
    });
    await expect(
      importSchoolArchive(t.db, archive, { slug: source.slug.toUpperCase() }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    for (const slug of ['Admin', 'ab', 'not a slug', 'x--y']) {
      await expect(importSchoolArchive(t.db, archive, { slug })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await countOf('select count(*)::int as n from schools')).toBe(schools);
  });
});

describe('tampered archives', () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    [
      'an unknown version',
      () => tampered((m) => Object.assign(m, { version: 2 })),
      /version 2 is not supported/,
    ],
    [
      'another format',
      () => tampered((m) => Object.assign(m, { format: 'something-else' })),
      /not a school archive/,
    ],
    [
      'a newer schema',
      async () => {
        const local = await localMigrationCount();
        return tampered((m) => Object.assign(m, { migrations: local + 1 }));
      },
      /newer schema/,
    ],
    [
      'an unknown table',
      () =>
        tampered((m, entries) => {
          m.tables.push({ name: 'gradebook', rowCount: 1, columns: ['id'] });
          entries.set('tables/gradebook.jsonl', Buffer.from('{"id": 1}\n'));
        }),
      /unknown table gradebook/,
    ],
    [
      'a table file the manifest does not list',
      () =>
        tampered((_m, entries) => {
          entries.set('tables/gradebook.jsonl', Buffer.from('{"id": 1}\n'));
        }),
      /unknown table gradebook/,
    ],
    [
      'an unknown column in the manifest',
      () =>
        tampered((m) => {
          m.tables.find((x) => x.name === 'users')?.columns.push('nickname');
        }),
      /unknown column users\.nickname/,
    ],
    [
      'a row with an unknown column',
      () =>
        tampered((_m, entries) => {
          const lines = linesOf(entries, 'users');
          lines[1] = JSON.stringify({ ...(JSON.parse(lines[1] as string) as object), nick: 'x' });
          setLines(entries, 'users', lines);
        }),
      /tables\/users\.jsonl line 2 has unknown column nick/,
    ],
    [
      'a row carrying school_id',
      () =>
        tampered((_m, entries) => {
          const lines = linesOf(entries, 'custom_roles');
          const row = JSON.parse(lines[0] as string) as object;
          lines[0] = JSON.stringify({ ...row, school_id: other.id });
          setLines(entries, 'custom_roles', lines);
        }),
      /unknown column school_id/,
    ],
    [
      'a malformed JSON line in a table imported late',
      () =>
        tampered((_m, entries) => {
          const lines = linesOf(entries, 'user_custom_roles');
          lines.push('{"user_id": ');
          setLines(entries, 'user_custom_roles', lines);
        }),
      /user_custom_roles\.jsonl line \d+ is not valid JSON/,
    ],
    [
      'rows the database refuses',
      () =>
        tampered((m, entries) => {
          const lines = linesOf(entries, 'custom_roles');
          setLines(entries, 'custom_roles', [...lines, lines[0] as string]);
          const table = m.tables.find((x) => x.name === 'custom_roles');
          if (table) table.rowCount += 1;
        }),
      /database refused rows of custom_roles/,
    ],
    [
      'a row count that does not match',
      () =>
        tampered((m) => {
          const table = m.tables.find((x) => x.name === 'mail_outbox');
          if (table) table.rowCount += 1;
        }),
      /mail_outbox\.jsonl has \d+ rows but manifest\.json says/,
    ],
    [
      'sessions',
      () =>
        tampered((m, entries) => {
          m.tables.push({ name: 'sessions', rowCount: 0, columns: ['id'] });
          entries.set('tables/sessions.jsonl', Buffer.alloc(0));
        }),
      /sessions holds credentials/,
    ],
    [
      'no manifest',
      async () => pack(new Map([['tables/users.jsonl', Buffer.alloc(0)]])),
      /no manifest/,
    ],
    [
      'a file that is not gzip',
      async () => Buffer.from('plain text, not an archive'),
      /not a gzip/,
    ],
    ['a gzip that is not a tar', async () => gzipSync(Buffer.alloc(2048, 0x41)), /checksum/],
    [
      'a cut-short archive',
      async () => archive.subarray(0, archive.length >> 1),
      /gzip|cut short|ends/,
    ],
  ];

  it.each(cases)('refuse %s and leave no school behind', async (_label, make, message) => {
    const body = await make();
    const schools = await countOf('select count(*)::int as n from schools');
    const users = await countOf('select count(*)::int as n from users');
    const roles = await countOf('select count(*)::int as n from custom_roles');
    const slug = uniqueSlug('tampered');
    await expect(importSchoolArchive(t.db, body, { slug })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(message),
    });
    expect(await countOf('select count(*)::int as n from schools where slug = $1', [slug])).toBe(0);
    expect(await countOf('select count(*)::int as n from schools')).toBe(schools);
    expect(await countOf('select count(*)::int as n from users')).toBe(users);
    expect(await countOf('select count(*)::int as n from custom_roles')).toBe(roles);
  });
});

describe('export endpoints', () => {
  it('give an operator the archive of any school, recorded in the platform trail', async () => {
    const res = await ops.get(`/api/schools/${source.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="${source.slug}-\\d{4}-\\d{2}-\\d{2}\\.tar\\.gz"$`),
    );
    const manifest = manifestOf(await entriesOf(res.rawPayload));
    expect(manifest.school.id).toBe(source.id);
    const tenantTables = await listTenantTables(t.owner.query);
    expect(manifest.tables.map((m) => m.name).sort()).toEqual(
      tenantTables.filter((name) => !EXCLUDED_TABLES.includes(name)),
    );

    const trail = await t.owner.query<{ operator_email: string; target_school_slug: string }>(
      `select operator_email, target_school_slug from platform_audit_events
        where action = 'school.exported' and target_school_id = $1`,
      [source.id],
    );
    expect(trail).toEqual([{ operator_email: operatorEmail, target_school_slug: source.slug }]);
  });

  it('answer 404 for an unknown school and 401 without an operator', async () => {
    const unknown = '0190d5c8-0000-7000-8000-000000000000';
    expect((await ops.get(`/api/schools/${unknown}/export`)).statusCode).toBe(404);
    const anonymous = new HostClient(h.app, 'admin.localhost');
    expect((await anonymous.get(`/api/schools/${source.id}/export`)).statusCode).toBe(401);
  });

  it("give a school's admin the archive of their own school, recorded in its audit trail", async () => {
    const exportsBefore = await countOf(
      `select count(*)::int as n from audit_events where school_id = $1 and action = 'school.exported'`,
      [source.id],
    );
    const auditRows = await countOf(
      'select count(*)::int as n from audit_events where school_id = $1',
      [source.id],
    );
    const c = new HostClient(h.app, `${source.slug}.localhost`);
    await c.signIn(admin.email);
    const afterSignIn = await countOf(
      'select count(*)::int as n from audit_events where school_id = $1',
      [source.id],
    );
    const res = await c.get('/api/school/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.tar\.gz"$/,
    );
    const manifest = manifestOf(await entriesOf(res.rawPayload));
    expect(manifest.school.id).toBe(source.id);
    // The export's own audit record is written after the snapshot was read.
    expect(manifest.tables.find((m) => m.name === 'audit_events')?.rowCount).toBe(afterSignIn);
    expect(afterSignIn).toBeGreaterThanOrEqual(auditRows);
    expect(
      await countOf(
        `select count(*)::int as n from audit_events where school_id = $1 and action = 'school.exported'`,
        [source.id],
      ),
    ).toBe(exportsBefore + 1);
  });

  it('refuse a teacher (403) and answer 404 across host kinds', async () => {
    const c = new HostClient(h.app, `${source.slug}.localhost`);
    await c.signIn(teacher.email);
    const refused = await c.get('/api/school/export');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const adminClient = new HostClient(h.app, `${source.slug}.localhost`);
    await adminClient.signIn(admin.email);
    expect((await adminClient.get(`/api/schools/${source.id}/export`)).statusCode).toBe(404);
    expect((await ops.get('/api/school/export')).statusCode).toBe(404);
  });
});
