import type { FastifyInstance } from 'fastify';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  rooms,
  sections,
  subjects,
  terms,
} from '../server/modules/academics/academics.table.js';
import { addDays, schoolToday } from '../server/modules/enrollment/school-date.js';
import {
  classEnrollments,
  sectionEnrollments,
} from '../server/modules/enrollment/enrollment.table.js';
import {
  guardians,
  staff,
  studentGuardians,
  students,
} from '../server/modules/people/people.table.js';
import type { SchoolRow } from '../server/modules/schools/schools.repository.js';
import { newId } from '../server/platform/db/ids.js';
import { createSchool } from './factories.js';
import { createUser, HostClient } from './identity.js';
import type { TestDatabase } from './test-database.js';

// One small school with the shape every teaching module needs, shared by the timetable,
// attendance, gradebook and report-card suites:
//
//   current year around today; Term 1 = today-60 … today+60; Term 2 = today+61 … today+180
//   Grade 1 with sections 1A (homeroom: Ada) and 1B; Grade 2 with section 2A
//   rooms R1, R2; subjects MATH, ENG, SCI
//   Term 1 classes: math1A (Ada), eng1A (Ben), math1B (Ben), sci2 (grade-level Grade 2, Ada)
//   students: ana, bo, cy in 1A (enrolled in math1A and eng1A); dan, eve in 1B (math1B);
//             fay in 2A (sci2)
//   guardians: rosa (ana's, portal access), paul (dan's)
//   signed-in clients: admin, staff, accountant, ada, ben, pupil (ana), parent (rosa),
//   otherParent (paul)

export type TeachingStudent = 'ana' | 'bo' | 'cy' | 'dan' | 'eve' | 'fay';
export type TeachingClient =
  'admin' | 'staff' | 'accountant' | 'ada' | 'ben' | 'pupil' | 'parent' | 'otherParent';

export interface TeachingFixture {
  school: SchoolRow;
  host: string;
  today: string;
  yearId: string;
  term1Id: string;
  term2Id: string;
  grade1Id: string;
  grade2Id: string;
  section1AId: string;
  section1BId: string;
  section2AId: string;
  room1Id: string;
  room2Id: string;
  subjects: Record<'math' | 'eng' | 'sci', string>;
  classes: Record<'math1A' | 'eng1A' | 'math1B' | 'sci2', string>;
  adaId: string;
  benId: string;
  students: Record<TeachingStudent, string>;
  rosaId: string;
  paulId: string;
  /** The account id behind each client. */
  userIds: Record<TeachingClient, string>;
  c: Record<TeachingClient, HostClient>;
}

/** A calendar date `offset` days from another (YYYY-MM-DD). */
export { addDays };

let fixturesMade = 0;

/**
 * Creates the school above. Each fixture signs in from its own address, because sign-in is
 * rate limited per address.
 */
export async function createTeachingFixture(
  t: TestDatabase,
  app: FastifyInstance,
  options: { locale?: 'en' | 'ar' } = {},
): Promise<TeachingFixture> {
  const school = await createSchool(t.db, { locale: options.locale ?? 'en' });
  const schoolId = school.id;
  const today = schoolToday('UTC');
  const ip = `10.${100 + (process.pid % 100)}.${++fixturesMade % 250}.${1 + Math.floor(fixturesMade / 250)}`;
  const id = () => newId();
  const f = {
    yearId: id(),
    term1Id: id(),
    term2Id: id(),
    grade1Id: id(),
    grade2Id: id(),
    section1AId: id(),
    section1BId: id(),
    section2AId: id(),
    room1Id: id(),
    room2Id: id(),
    subjects: { math: id(), eng: id(), sci: id() },
    classes: { math1A: id(), eng1A: id(), math1B: id(), sci2: id() },
    adaId: id(),
    benId: id(),
    students: { ana: id(), bo: id(), cy: id(), dan: id(), eve: id(), fay: id() },
    rosaId: id(),
    paulId: id(),
  };
  const term1Start = addDays(today, -60);
  await t.db.withTenant(schoolId, async (tx) => {
    await tx.insert(academicYears).values({
      schoolId,
      id: f.yearId,
      name: 'This year',
      startsOn: addDays(today, -90),
      endsOn: addDays(today, 200),
      isCurrent: true,
    });
    await tx.insert(terms).values([
      {
        schoolId,
        id: f.term1Id,
        academicYearId: f.yearId,
        name: 'Term 1',
        startsOn: term1Start,
        endsOn: addDays(today, 60),
      },
      {
        schoolId,
        id: f.term2Id,
        academicYearId: f.yearId,
        name: 'Term 2',
        startsOn: addDays(today, 61),
        endsOn: addDays(today, 180),
      },
    ]);
    await tx.insert(gradeLevels).values([
      { schoolId, id: f.grade1Id, name: 'Grade 1', sortOrder: 1 },
      { schoolId, id: f.grade2Id, name: 'Grade 2', sortOrder: 2 },
    ]);
    await tx.insert(staff).values([
      {
        schoolId,
        id: f.adaId,
        employeeNumber: 'T-1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        isTeacher: true,
      },
      {
        schoolId,
        id: f.benId,
        employeeNumber: 'T-2',
        firstName: 'Ben',
        lastName: 'Okafor',
        isTeacher: true,
      },
    ]);
    await tx.insert(sections).values([
      {
        schoolId,
        id: f.section1AId,
        gradeLevelId: f.grade1Id,
        name: '1A',
        homeroomTeacherId: f.adaId,
      },
      { schoolId, id: f.section1BId, gradeLevelId: f.grade1Id, name: '1B' },
      { schoolId, id: f.section2AId, gradeLevelId: f.grade2Id, name: '2A' },
    ]);
    await tx.insert(rooms).values([
      { schoolId, id: f.room1Id, name: 'R1' },
      { schoolId, id: f.room2Id, name: 'R2' },
    ]);
    await tx.insert(subjects).values([
      { schoolId, id: f.subjects.math, code: 'MATH', name: 'Mathematics' },
      { schoolId, id: f.subjects.eng, code: 'ENG', name: 'English' },
      { schoolId, id: f.subjects.sci, code: 'SCI', name: 'Science' },
    ]);
    const klass = (
      key: keyof typeof f.classes,
      name: string,
      subject: keyof typeof f.subjects,
      group: { sectionId: string } | { gradeLevelId: string },
    ) => ({
      schoolId,
      id: f.classes[key],
      name,
      subjectId: f.subjects[subject],
      termId: f.term1Id,
      ...group,
    });
    await tx
      .insert(classes)
      .values([
        klass('math1A', 'Mathematics 1A', 'math', { sectionId: f.section1AId }),
        klass('eng1A', 'English 1A', 'eng', { sectionId: f.section1AId }),
        klass('math1B', 'Mathematics 1B', 'math', { sectionId: f.section1BId }),
        klass('sci2', 'Science 2', 'sci', { gradeLevelId: f.grade2Id }),
      ]);
    await tx.insert(classTeachers).values([
      { schoolId, classId: f.classes.math1A, staffId: f.adaId },
      { schoolId, classId: f.classes.eng1A, staffId: f.benId },
      { schoolId, classId: f.classes.math1B, staffId: f.benId },
      { schoolId, classId: f.classes.sci2, staffId: f.adaId },
    ]);
    const names: Record<TeachingStudent, [string, string, string]> = {
      ana: ['Ana', 'Zamora', f.section1AId],
      bo: ['Bo', 'Adams', f.section1AId],
      cy: ['Cy', 'Brook', f.section1AId],
      dan: ['Dan', 'Cole', f.section1BId],
      eve: ['Eve', 'Dale', f.section1BId],
      fay: ['Fay', 'Egan', f.section2AId],
    };
    const entries = Object.entries(names) as [TeachingStudent, [string, string, string]][];
    await tx.insert(students).values(
      entries.map(([key, [firstName, lastName, sectionId]]) => ({
        schoolId,
        id: f.students[key],
        admissionNumber: `A-${key}`,
        firstName,
        lastName,
        status: 'enrolled' as const,
        sectionId,
      })),
    );
    await tx.insert(sectionEnrollments).values(
      entries.map(([key, [, , sectionId]]) => ({
        schoolId,
        id: newId(),
        studentId: f.students[key],
        sectionId,
        academicYearId: f.yearId,
      })),
    );
    const inClass = (key: TeachingStudent, classKey: keyof typeof f.classes) => ({
      schoolId,
      id: newId(),
      classId: f.classes[classKey],
      studentId: f.students[key],
      startsOn: term1Start,
    });
    await tx
      .insert(classEnrollments)
      .values([
        inClass('ana', 'math1A'),
        inClass('bo', 'math1A'),
        inClass('cy', 'math1A'),
        inClass('ana', 'eng1A'),
        inClass('bo', 'eng1A'),
        inClass('cy', 'eng1A'),
        inClass('dan', 'math1B'),
        inClass('eve', 'math1B'),
        inClass('fay', 'sci2'),
      ]);
    await tx.insert(guardians).values([
      { schoolId, id: f.rosaId, firstName: 'Rosa', lastName: 'Zamora' },
      { schoolId, id: f.paulId, firstName: 'Paul', lastName: 'Cole' },
    ]);
    await tx.insert(studentGuardians).values([
      { schoolId, studentId: f.students.ana, guardianId: f.rosaId },
      { schoolId, studentId: f.students.dan, guardianId: f.paulId },
    ]);
  });

  const host = `${school.slug}.localhost`;
  const userIds = {} as Record<TeachingClient, string>;
  const client = async (
    key: TeachingClient,
    roles: string[],
    link?: { column: string; id: string },
  ): Promise<HostClient> => {
    const user = await createUser(t.db, schoolId, { roles, name: key });
    userIds[key] = user.id;
    if (link) {
      await t.owner.query(`update users set ${link.column} = $1 where id = $2`, [link.id, user.id]);
    }
    const c = new HostClient(app, host, ip);
    const res = await c.signIn(user.email);
    if (res.statusCode !== 200) throw new Error(`sign-in failed for ${key}: ${res.body}`);
    return c;
  };
  const c: Record<TeachingClient, HostClient> = {
    admin: await client('admin', ['admin']),
    staff: await client('staff', ['staff']),
    accountant: await client('accountant', ['accountant']),
    ada: await client('ada', ['teacher'], { column: 'linked_staff_id', id: f.adaId }),
    ben: await client('ben', ['teacher'], { column: 'linked_staff_id', id: f.benId }),
    pupil: await client('pupil', ['student'], { column: 'linked_student_id', id: f.students.ana }),
    parent: await client('parent', ['guardian'], { column: 'linked_guardian_id', id: f.rosaId }),
    otherParent: await client('otherParent', ['guardian'], {
      column: 'linked_guardian_id',
      id: f.paulId,
    }),
  };
  return { school, host, today, ...f, userIds, c };
}
