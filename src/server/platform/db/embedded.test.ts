import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { findOperatorByEmail } from '../../modules/operators/operators.repository.js';
import {
  DEMO_OPERATOR_EMAIL,
  DEMO_OPERATOR_TOTP_SECRET,
  DEMO_SCHOOLS,
  seedDemoData,
} from '../../modules/schools/demo-seed.js';
import { findSchoolBySlug } from '../../modules/schools/schools.repository.js';
import { acquireDataDirLock, DataDirLockedError, openEmbedded } from './embedded.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schoolhouse-embedded-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('refuses a second process on the same data directory with a clear message', () => {
    const dir = tempDir();
    // Simulate another live process holding the lock: our parent is alive for sure.
    fs.writeFileSync(path.join(dir, 'schoolhouse.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another Schoolhouse process/);
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'schoolhouse.lock'), '2147483646');
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'schoolhouse.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'schoolhouse.lock'))).toBe(false);
  });

  // Seeding four demo schools with a term of teaching data takes a few seconds of CPU; on a
  // machine busy with other work that can stretch well past the default timeout.
  it(
    'persists data across restarts, seeds demo schools once and locks while open',
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const first = await openEmbedded(dir);
      try {
        await expect(openEmbedded(dir)).rejects.toThrow(DataDirLockedError);
        expect(await seedDemoData(first)).toBe(true);
        expect(await seedDemoData(first)).toBe(false);
      } finally {
        await first.close();
      }
      const second = await openEmbedded(dir);
      try {
        expect(await seedDemoData(second)).toBe(false);
        const operator = await second.withPlatform((tx) =>
          findOperatorByEmail(tx, DEMO_OPERATOR_EMAIL),
        );
        expect(operator?.totpSecret).toBe(DEMO_OPERATOR_TOTP_SECRET);
        for (const demo of DEMO_SCHOOLS) {
          const row = await second.withPlatform((tx) => findSchoolBySlug(tx, demo.slug));
          expect(row).toMatchObject({ name: demo.name, status: demo.status, locale: demo.locale });
          const counts = await second.withTenant(row?.id ?? '', async (tx) => {
            const one = async (table: string) =>
              (await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))
                .rows[0]?.n;
            return {
              students: await one('students'),
              guardians: await one('guardians'),
              sections: await one('sections'),
              gradeLevels: await one('grade_levels'),
              subjects: await one('subjects'),
              linkedAccounts: await one(
                'users where linked_staff_id is not null or linked_student_id is not null or linked_guardian_id is not null',
              ),
              // The term under way has its report cards published, one per student in its classes.
              termsUnderWay: await one(
                'terms where starts_on <= current_date - 1 and ends_on >= current_date + 1',
              ),
              publications: await one('report_card_publications'),
              cardsPerStudent: await one(
                'report_cards rc where rc.student_id in (select ce.student_id from class_enrollments ce)',
              ),
              studentsInClasses: await one('(select distinct student_id from class_enrollments) s'),
            };
          });
          const { termsUnderWay, publications, cardsPerStudent, studentsInClasses, ...records } =
            counts;
          expect(records).toEqual({
            students: 300,
            guardians: 300,
            sections: 12,
            gradeLevels: 6,
            subjects: 8,
            linkedAccounts: 5,
          });
          if (termsUnderWay === 1) {
            expect(publications).toBe(1);
            expect(cardsPerStudent).toBe(studentsInClasses);
            expect(studentsInClasses).toBeGreaterThan(0);
          }
        }
      } finally {
        await second.close();
      }
    },
  );
});
