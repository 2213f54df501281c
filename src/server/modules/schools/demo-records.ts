import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import {
  academicYears,
  classes,
  classTeachers,
  gradeLevels,
  rooms,
  sections,
  subjects,
  terms,
} from '../academics/academics.table.js';
import { classEnrollments, sectionEnrollments } from '../enrollment/enrollment.table.js';
import { guardians, staff, studentGuardians, students } from '../people/people.table.js';
import { users } from '../users/users.table.js';
import { seedDemoTeaching } from './demo-teaching.js';

// A realistic year for each demo school: terms, six grades with two sections each, eight
// subjects, rooms, classes with teachers, 300 students with guardians and their enrollments.
// Deterministic (a seeded generator), so every fresh start shows the same school.

const ENGLISH_FIRST = [
  'Ava',
  'Noah',
  'Mia',
  'Liam',
  'Zoe',
  'Ethan',
  'Isla',
  'Leo',
  'Ruby',
  'Owen',
  'Freya',
  'Jack',
  'Grace',
  'Finn',
  'Ella',
  'Max',
  'Lily',
  'Sam',
  'Chloe',
  'Theo',
  'Maya',
  'Oscar',
  'Nina',
  'Hugo',
];
const ENGLISH_LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Evans',
  'Thomas',
  'Roberts',
  'Walker',
  'Wright',
  'Hughes',
  'Green',
  'Hall',
  'Clarke',
  'Patel',
  'Khan',
  'Lewis',
  'Young',
  'King',
];
const ARABIC_FIRST = [
  'مريم',
  'يوسف',
  'ليلى',
  'عمر',
  'سارة',
  'أحمد',
  'نور',
  'خالد',
  'هدى',
  'علي',
  'رنا',
  'سامي',
  'جنى',
  'كريم',
  'دانة',
  'فيصل',
  'لمى',
  'زياد',
  'ريم',
  'حسن',
  'سلمى',
  'مازن',
  'هالة',
  'طارق',
];
const ARABIC_LAST = [
  'الحسن',
  'العلي',
  'الخطيب',
  'النجار',
  'الشامي',
  'المصري',
  'الحداد',
  'السيد',
  'القاسم',
  'الزين',
  'البكري',
  'الراشد',
  'الفارس',
  'السالم',
  'الهاشمي',
  'العمري',
  'الدوري',
  'النعيمي',
  'الكردي',
  'التميمي',
];

const SUBJECTS: [string, string, string][] = [
  ['MATH', 'Mathematics', 'الرياضيات'],
  ['ENG', 'English', 'اللغة الإنجليزية'],
  ['SCI', 'Science', 'العلوم'],
  ['ARAB', 'Arabic', 'اللغة العربية'],
  ['HIST', 'History', 'التاريخ'],
  ['GEO', 'Geography', 'الجغرافيا'],
  ['ART', 'Art', 'الفنون'],
  ['PE', 'Physical Education', 'التربية البدنية'],
];

const STUDENTS_PER_SCHOOL = 300;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The school year containing today: September to July. */
function currentYear(now = new Date()): { name: string; start: Date; end: Date } {
  const startYear = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return {
    name: `${startYear}-${startYear + 1}`,
    start: new Date(Date.UTC(startYear, 8, 1)),
    end: new Date(Date.UTC(startYear + 1, 6, 15)),
  };
}

export interface DemoLinks {
  teacherEmail: string;
  teacher2Email: string;
  staffEmail: string;
  studentEmail: string;
  guardianEmail: string;
}

/** Must run inside withTenant(schoolId). Links the demo accounts to their records. */
export async function seedDemoRecords(
  tx: Tx,
  schoolId: string,
  slug: string,
  locale: 'en' | 'ar',
  links: DemoLinks,
  timeZone = 'UTC',
  now = new Date(),
): Promise<void> {
  const random = generator([...slug].reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const arabic = locale === 'ar';
  const first = arabic ? ARABIC_FIRST : ENGLISH_FIRST;
  const last = arabic ? ARABIC_LAST : ENGLISH_LAST;

  const year = currentYear(now);
  const yearId = newId();
  await tx.insert(academicYears).values({
    schoolId,
    id: yearId,
    name: year.name,
    startsOn: isoDate(year.start),
    endsOn: isoDate(year.end),
    isCurrent: true,
  });
  const mid = new Date(Date.UTC(year.start.getUTCFullYear() + 1, 0, 5));
  const termOne = newId();
  const termTwo = newId();
  // The classes belong to the term the demo is in (Term 2 from its first day on), so the
  // timetable, attendance and gradebook have something to show all year round.
  const classTerm = now.getTime() >= mid.getTime() ? termTwo : termOne;
  await tx.insert(terms).values([
    {
      schoolId,
      id: termOne,
      academicYearId: yearId,
      name: arabic ? 'الفصل الأول' : 'Term 1',
      startsOn: isoDate(year.start),
      endsOn: isoDate(new Date(mid.getTime() - 86_400_000 * 14)),
    },
    {
      schoolId,
      id: termTwo,
      academicYearId: yearId,
      name: arabic ? 'الفصل الثاني' : 'Term 2',
      startsOn: isoDate(mid),
      endsOn: isoDate(year.end),
    },
  ]);

  // Teachers: the two demo teachers plus enough colleagues for every subject.
  const teacherRows = Array.from({ length: 10 }, (_, i) => ({
    schoolId,
    id: newId(),
    employeeNumber: `T${String(i + 1).padStart(3, '0')}`,
    firstName:
      i === 0 ? (arabic ? 'توم' : 'Tom') : i === 1 ? (arabic ? 'سارة' : 'Sara') : pick(first),
    lastName:
      i === 0
        ? arabic
          ? 'بيكر'
          : 'Baker'
        : i === 1
          ? arabic
            ? 'لندكفيست'
            : 'Lindqvist'
          : pick(last),
    email: i === 0 ? links.teacherEmail : i === 1 ? links.teacher2Email : null,
    position: arabic ? 'معلم' : 'Teacher',
    department: SUBJECTS[i % SUBJECTS.length]?.[1] ?? '',
    isTeacher: true,
  }));
  const officeRow = {
    schoolId,
    id: newId(),
    employeeNumber: 'S001',
    firstName: arabic ? 'سام' : 'Sam',
    lastName: arabic ? 'أوكافور' : 'Okafor',
    email: links.staffEmail,
    position: arabic ? 'مسؤول القبول' : 'Admissions officer',
    department: arabic ? 'الإدارة' : 'Office',
    isTeacher: false,
  };
  await tx.insert(staff).values([...teacherRows, officeRow]);

  const grades = Array.from({ length: 6 }, (_, i) => ({
    schoolId,
    id: newId(),
    name: arabic ? `الصف ${i + 1}` : `Grade ${i + 1}`,
    sortOrder: i + 1,
  }));
  await tx.insert(gradeLevels).values(grades);
  const sectionRows = grades.flatMap((g, gi) =>
    ['A', 'B'].map((name, si) => ({
      schoolId,
      id: newId(),
      gradeLevelId: g.id,
      name,
      homeroomTeacherId: teacherRows[(gi * 2 + si) % teacherRows.length]?.id ?? null,
    })),
  );
  await tx.insert(sections).values(sectionRows);

  const subjectRows = SUBJECTS.map(([code, en, ar]) => ({
    schoolId,
    id: newId(),
    code,
    name: arabic ? ar : en,
  }));
  await tx.insert(subjects).values(subjectRows);
  const roomRows = Array.from({ length: 12 }, (_, i) => ({
    schoolId,
    id: newId(),
    name: arabic ? `القاعة ${i + 1}` : `Room ${i + 1}`,
    capacity: 30,
  }));
  await tx.insert(rooms).values(roomRows);

  // Every section takes every subject in term 1; the demo teacher teaches mathematics throughout.
  const classRows: (typeof classes.$inferInsert)[] = [];
  const teacherLinks: (typeof classTeachers.$inferInsert)[] = [];
  sectionRows.forEach((section, si) => {
    const grade = grades.find((g) => g.id === section.gradeLevelId);
    subjectRows.forEach((subject, subIndex) => {
      const id = newId();
      classRows.push({
        schoolId,
        id,
        name: `${subject.name} ${grade?.name ?? ''}${section.name}`,
        subjectId: subject.id,
        termId: classTerm,
        sectionId: section.id,
        roomId: roomRows[si % roomRows.length]?.id ?? null,
      });
      // The two demo teachers each teach half the school (grades 1-3 and 4-6), so their scopes differ.
      const lower = si < sectionRows.length / 2;
      const index =
        subIndex === 0
          ? lower
            ? 0
            : 2
          : subIndex === 1
            ? lower
              ? 3
              : 1
            : 4 + ((subIndex + si) % 6);
      const teacher = teacherRows[index];
      if (teacher) teacherLinks.push({ schoolId, classId: id, staffId: teacher.id });
    });
  });
  await tx.insert(classes).values(classRows);
  await tx.insert(classTeachers).values(teacherLinks);

  const studentRows: (typeof students.$inferInsert)[] = [];
  const guardianRows: (typeof guardians.$inferInsert)[] = [];
  const guardianLinks: (typeof studentGuardians.$inferInsert)[] = [];
  const sectionEnrollmentRows: (typeof sectionEnrollments.$inferInsert)[] = [];
  const classEnrollmentRows: (typeof classEnrollments.$inferInsert)[] = [];
  for (let i = 0; i < STUDENTS_PER_SCHOOL; i++) {
    const section = sectionRows[i % sectionRows.length];
    if (!section) continue;
    const grade = grades.findIndex((g) => g.id === section.gradeLevelId);
    const familyName = i === 0 ? (arabic ? 'حداد' : 'Haddad') : pick(last);
    const id = newId();
    studentRows.push({
      schoolId,
      id,
      admissionNumber: `A${String(1001 + i)}`,
      firstName: i === 0 ? (arabic ? 'لينا' : 'Lina') : pick(first),
      lastName: familyName,
      dateOfBirth: isoDate(
        new Date(
          Date.UTC(
            year.start.getUTCFullYear() - 6 - grade,
            Math.floor(random() * 12),
            1 + Math.floor(random() * 27),
          ),
        ),
      ),
      gender: random() < 0.5 ? 'female' : 'male',
      status: 'enrolled',
      enrolledOn: isoDate(year.start),
      sectionId: section.id,
    });
    const guardianId = newId();
    guardianRows.push({
      schoolId,
      id: guardianId,
      firstName: i === 0 ? (arabic ? 'عمر' : 'Omar') : pick(first),
      lastName: familyName,
      email: i === 0 ? links.guardianEmail : `family${i + 1}@${slug}.demo`,
      phone: `+1555${String(1_000_000 + i * 37).slice(-7)}`,
    });
    guardianLinks.push({
      schoolId,
      studentId: id,
      guardianId,
      relationship: i % 3 === 0 ? 'father' : 'mother',
      isPrimary: true,
    });
    sectionEnrollmentRows.push({
      schoolId,
      id: newId(),
      studentId: id,
      sectionId: section.id,
      academicYearId: yearId,
    });
    for (const cls of classRows.filter((c) => c.sectionId === section.id)) {
      classEnrollmentRows.push({
        schoolId,
        id: newId(),
        classId: cls.id,
        studentId: id,
        startsOn: isoDate(year.start),
      });
    }
  }
  await tx.insert(students).values(studentRows);
  await tx.insert(guardians).values(guardianRows);
  await tx.insert(studentGuardians).values(guardianLinks);
  await tx.insert(sectionEnrollments).values(sectionEnrollmentRows);
  for (let i = 0; i < classEnrollmentRows.length; i += 1000) {
    await tx.insert(classEnrollments).values(classEnrollmentRows.slice(i, i + 1000));
  }

  // The demo accounts stand for these records, so their scopes have something to show.
  const link = async (email: string, fields: Partial<typeof users.$inferInsert>) => {
    await tx.update(users).set(fields).where(eq(users.email, email));
  };
  await link(links.teacherEmail, { linkedStaffId: teacherRows[0]?.id ?? null });
  await link(links.teacher2Email, { linkedStaffId: teacherRows[1]?.id ?? null });
  await link(links.staffEmail, { linkedStaffId: officeRow.id });
  await link(links.studentEmail, { linkedStudentId: studentRows[0]?.id ?? null });
  await link(links.guardianEmail, { linkedGuardianId: guardianRows[0]?.id ?? null });

  // Timetable, attendance, gradebook and report-card comments for this year.
  await seedDemoTeaching(tx, schoolId, { locale, random, timeZone, now });
}
