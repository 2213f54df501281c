import { and, eq } from 'drizzle-orm';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CommentRoster,
  Overview,
  Publication,
  ReportCard,
  ReportCardComment,
  StudentReportCards,
} from '../../../shared/contracts/report-cards.js';
import { createSchool } from '../../../test/factories.js';
import { createUser, HostClient } from '../../../test/identity.js';
import {
  addDays,
  createTeachingFixture,
  type TeachingFixture,
} from '../../../test/teaching-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import { terms } from '../academics/academics.table.js';
import { attendanceMarks, attendanceRegisters } from '../attendance/attendance.table.js';
import { assessmentCategories, assessments, scores } from '../gradebook/gradebook.table.js';
import { students } from '../people/people.table.js';
import type { ReportCardContent } from './report-card-content.js';

let t: TestDatabase;
let h: TestApp;

interface Seeded {
  f: TeachingFixture;
  /** The math test ana scored 40/50 on; change it to see snapshots hold still. */
  mathTestId: string;
}

/**
 * Gradebook and attendance rows, written directly (those modules are separate):
 *   math1A: Tests (weight 60) test 50 pts, Homework (weight 40) hw 10 pts;
 *           ana 40/50 and 9/10 → 0.6 × 80 + 0.4 × 90 = 84 (B); bo 30/50 only → 60 (D)
 *   eng1A:  one category, essay 100 pts; ana 95 → A
 *   ana: daily registers present, late, absent (plus a class-register absence, not counted)
 *   bo:  class registers only: present × 3, absent × 1
 */
async function seed(f: TeachingFixture): Promise<Seeded> {
  const schoolId = f.school.id;
  const mathTestId = newId();
  await t.db.withTenant(schoolId, async (tx) => {
    const tests = newId();
    const homework = newId();
    const essays = newId();
    await tx.insert(assessmentCategories).values([
      { schoolId, id: tests, classId: f.classes.math1A, name: 'Tests', weight: '60' },
      { schoolId, id: homework, classId: f.classes.math1A, name: 'Homework', weight: '40' },
      { schoolId, id: essays, classId: f.classes.eng1A, name: 'Essays', weight: '100' },
    ]);
    const hwId = newId();
    const essayId = newId();
    await tx.insert(assessments).values([
      {
        schoolId,
        id: mathTestId,
        classId: f.classes.math1A,
        categoryId: tests,
        title: 'Test 1',
        maxScore: '50',
      },
      {
        schoolId,
        id: hwId,
        classId: f.classes.math1A,
        categoryId: homework,
        title: 'Homework 1',
        maxScore: '10',
      },
      {
        schoolId,
        id: essayId,
        classId: f.classes.eng1A,
        categoryId: essays,
        title: 'Essay',
        maxScore: '100',
      },
    ]);
    const score = (assessmentId: string, student: string, points: string) => ({
      schoolId,
      assessmentId,
      studentId: student,
      points,
      updatedByName: 'Seed',
    });
    await tx
      .insert(scores)
      .values([
        score(mathTestId, f.students.ana, '40'),
        score(hwId, f.students.ana, '9'),
        score(mathTestId, f.students.bo, '30'),
        score(essayId, f.students.ana, '95'),
      ]);

    const by = { takenByName: 'Seed', updatedByName: 'Seed' };
    const daily = [addDays(f.today, -3), addDays(f.today, -2), addDays(f.today, -1)].map(
      (date) => ({
        schoolId,
        id: newId(),
        kind: 'daily' as const,
        date,
        sectionId: f.section1AId,
        ...by,
      }),
    );
    const classRegisters = [-4, -3, -2, -1].map((offset) => ({
      schoolId,
      id: newId(),
      kind: 'class' as const,
      date: addDays(f.today, offset),
      classId: f.classes.math1A,
      ...by,
    }));
    await tx.insert(attendanceRegisters).values([...daily, ...classRegisters]);
    const mark = (
      register: { id: string; date: string },
      student: string,
      status: 'present' | 'absent' | 'late' | 'excused',
    ) => ({
      schoolId,
      registerId: register.id,
      studentId: student,
      date: register.date,
      status,
      updatedByName: 'Seed',
    });
    const [d1, d2, d3] = daily as [(typeof daily)[0], (typeof daily)[0], (typeof daily)[0]];
    const [c1, c2, c3, c4] = classRegisters as [
      (typeof classRegisters)[0],
      (typeof classRegisters)[0],
      (typeof classRegisters)[0],
      (typeof classRegisters)[0],
    ];
    await tx
      .insert(attendanceMarks)
      .values([
        mark(d1, f.students.ana, 'present'),
        mark(d2, f.students.ana, 'late'),
        mark(d3, f.students.ana, 'absent'),
        mark(c1, f.students.ana, 'absent'),
        mark(c1, f.students.bo, 'present'),
        mark(c2, f.students.bo, 'present'),
        mark(c3, f.students.bo, 'present'),
        mark(c4, f.students.bo, 'absent'),
      ]);
  });
  return { f, mathTestId };
}

function put(client: HostClient, body: unknown) {
  return client.request('PUT', '/api/report-cards/comments', body);
}

function cardUrl(f: TeachingFixture, student: keyof TeachingFixture['students']): string {
  return `/api/report-cards/terms/${f.term1Id}/students/${f.students[student]}`;
}

async function pdfText(buffer: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function auditActions(schoolId: string): Promise<string[]> {
  const rows = await t.owner.query<{ action: string }>(
    `select action from audit_events where school_id = $1 and entity_type like 'report_card%'`,
    [schoolId],
  );
  return rows.map((r) => r.action);
}

let a: Seeded;
let b: Seeded;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await seed(await createTeachingFixture(t, h.app));
  b = await seed(await createTeachingFixture(t, h.app));
});
afterAll(async () => {
  await h.close();
  await t.close();
});

describe('comments', () => {
  it('lets Ada comment on her class and write the homeroom comment of her section', async () => {
    const { f } = a;
    const first = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.ana,
      classId: f.classes.math1A,
      body: '  Solid algebra.  ',
    });
    expect(first.statusCode).toBe(201);
    const again = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.ana,
      classId: f.classes.math1A,
      body: 'Solid algebra; keep practising fractions.',
    });
    expect(again.statusCode).toBe(200);
    const saved = again.json<ReportCardComment>();
    expect(saved).toMatchObject({
      id: first.json<ReportCardComment>().id,
      body: 'Solid algebra; keep practising fractions.',
      authorName: 'ada',
      classId: f.classes.math1A,
    });

    const homeroom = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.ana,
      classId: null,
      body: 'A kind and steady pupil.',
    });
    expect(homeroom.statusCode).toBe(201);
    expect(homeroom.json<ReportCardComment>().classId).toBeNull();

    const roster = await f.c.ada.get(
      `/api/report-cards/comments?termId=${f.term1Id}&classId=${f.classes.math1A}`,
    );
    expect(roster.statusCode).toBe(200);
    const body = roster.json<CommentRoster>();
    expect(body.published).toBe(false);
    expect(body.items.map((i) => i.firstName)).toEqual(['Bo', 'Cy', 'Ana']);
    expect(body.items.find((i) => i.firstName === 'Ana')?.comment?.body).toBe(
      'Solid algebra; keep practising fractions.',
    );
    expect(body.items.find((i) => i.firstName === 'Bo')?.comment).toBeNull();

    const section = await f.c.ada.get(
      `/api/report-cards/comments?termId=${f.term1Id}&sectionId=${f.section1AId}`,
    );
    expect(section.statusCode).toBe(200);
    const sectionBody = section.json<CommentRoster>();
    expect(sectionBody.items.map((i) => i.firstName)).toEqual(['Bo', 'Cy', 'Ana']);
    expect(sectionBody.items.find((i) => i.firstName === 'Ana')?.comment?.body).toBe(
      'A kind and steady pupil.',
    );

    expect(await auditActions(f.school.id)).toEqual(
      expect.arrayContaining(['report_card_comment.created', 'report_card_comment.updated']),
    );
  });

  it('refuses Ben on math1A, on the 1A homeroom, and hides their lists from him', async () => {
    const { f } = a;
    const onMath = await put(f.c.ben, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: f.classes.math1A,
      body: 'Not my class.',
    });
    expect(onMath.statusCode).toBe(403);
    const homeroom = await put(f.c.ben, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: null,
      body: 'Not my homeroom.',
    });
    expect(homeroom.statusCode).toBe(403);
    const list = await f.c.ben.get(
      `/api/report-cards/comments?termId=${f.term1Id}&classId=${f.classes.math1A}`,
    );
    expect(list.statusCode).toBe(404);
    expect(list.json().error.code).toBe('CLASS_NOT_FOUND');
    const sectionList = await f.c.ben.get(
      `/api/report-cards/comments?termId=${f.term1Id}&sectionId=${f.section1AId}`,
    );
    expect(sectionList.statusCode).toBe(404);

    // His own class is fine.
    const own = await put(f.c.ben, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: f.classes.eng1A,
      body: 'Reads widely.',
    });
    expect(own.statusCode).toBe(201);
  });

  it('lists only the classes and homerooms a teacher may comment on', async () => {
    const { f } = a;
    const ada = await f.c.ada.get(`/api/report-cards/comment-groups?termId=${f.term1Id}`);
    expect(ada.statusCode).toBe(200);
    expect(ada.json().classes.map((c: { name: string }) => c.name)).toEqual([
      'Mathematics 1A',
      'Science 2',
    ]);
    expect(ada.json().sections.map((s: { name: string }) => s.name)).toEqual(['1A']);
    const admin = await f.c.admin.get(`/api/report-cards/comment-groups?termId=${f.term1Id}`);
    expect(admin.json().classes).toHaveLength(4);
    expect(admin.json().sections).toHaveLength(3);
  });

  it('refuses a student who is not on the class roster, and blank or long bodies', async () => {
    const { f } = a;
    const dan = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.dan,
      classId: f.classes.math1A,
      body: 'Who?',
    });
    expect(dan.statusCode).toBe(422);
    expect(dan.json().error.code).toBe('NOT_ON_ROSTER');
    const blank = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: f.classes.math1A,
      body: '   ',
    });
    expect(blank.statusCode).toBe(400);
    const long = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: f.classes.math1A,
      body: 'x'.repeat(2001),
    });
    expect(long.statusCode).toBe(400);
    const otherTerm = await put(f.c.admin, {
      termId: f.term2Id,
      studentId: f.students.bo,
      classId: f.classes.math1A,
      body: 'Wrong term.',
    });
    expect(otherTerm.statusCode).toBe(400);
  });

  it('refuses students, guardians and staff without the permission', async () => {
    const { f } = a;
    for (const client of [f.c.pupil, f.c.parent, f.c.staff, f.c.accountant]) {
      const res = await put(client, {
        termId: f.term1Id,
        studentId: f.students.ana,
        classId: null,
        body: 'Hello',
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it("lets an admin write any comment, and a teacher delete only her own class's", async () => {
    const { f } = a;
    const byAdmin = await put(f.c.admin, {
      termId: f.term1Id,
      studentId: f.students.cy,
      classId: f.classes.eng1A,
      body: 'Admin note.',
    });
    expect(byAdmin.statusCode).toBe(201);
    const id = byAdmin.json<ReportCardComment>().id;
    expect((await f.c.ada.delete(`/api/report-cards/comments/${id}`)).statusCode).toBe(404);
    expect((await f.c.ben.delete(`/api/report-cards/comments/${id}`)).statusCode).toBe(204);
    expect((await f.c.ben.delete(`/api/report-cards/comments/${id}`)).statusCode).toBe(404);
    expect(await auditActions(f.school.id)).toContain('report_card_comment.deleted');
  });
});

describe('preview', () => {
  it('computes averages, bands, attendance and comments from the tables now', async () => {
    const { f } = a;
    const res = await f.c.admin.get(
      `/api/report-cards/preview?termId=${f.term1Id}&studentId=${f.students.ana}`,
    );
    expect(res.statusCode).toBe(200);
    const card = res.json<ReportCardContent>();
    expect(card.school).toEqual({ name: f.school.name, locale: 'en' });
    expect(card.term).toMatchObject({
      id: f.term1Id,
      name: 'Term 1',
      academicYearName: 'This year',
    });
    expect(card.student).toMatchObject({
      firstName: 'Ana',
      lastName: 'Zamora',
      studentNumber: 'A-ana',
      gradeLevelName: 'Grade 1',
      sectionName: '1A',
    });
    expect(card.scaleName).toBe('A–F');
    expect(card.classes).toEqual([
      {
        classId: f.classes.eng1A,
        className: 'English 1A',
        subjectName: 'English',
        teacherNames: ['Ben Okafor'],
        average: 95,
        band: 'A',
        comment: null,
        commentAuthor: null,
      },
      {
        classId: f.classes.math1A,
        className: 'Mathematics 1A',
        subjectName: 'Mathematics',
        teacherNames: ['Ada Lovelace'],
        average: 84,
        band: 'B',
        comment: 'Solid algebra; keep practising fractions.',
        commentAuthor: 'ada',
      },
    ]);
    // Daily registers count; the class-register absence the same week does not.
    expect(card.attendance).toEqual({
      present: 1,
      absent: 1,
      late: 1,
      excused: 0,
      total: 3,
      ratePercent: 66.67,
    });
    expect(card.homeroomComment).toEqual({ body: 'A kind and steady pupil.', authorName: 'ada' });
  });

  it('counts class-register marks for a student without daily marks', async () => {
    const { f } = a;
    const res = await f.c.admin.get(
      `/api/report-cards/preview?termId=${f.term1Id}&studentId=${f.students.bo}`,
    );
    const card = res.json<ReportCardContent>();
    expect(card.attendance).toEqual({
      present: 3,
      absent: 1,
      late: 0,
      excused: 0,
      total: 4,
      ratePercent: 75,
    });
    expect(card.classes.find((c) => c.className === 'Mathematics 1A')).toMatchObject({
      average: 60,
      band: 'D',
    });
    expect(card.classes.find((c) => c.className === 'English 1A')).toMatchObject({
      average: null,
      band: null,
    });
  });

  it("shows a teacher only her students' previews, and no one else any", async () => {
    const { f } = a;
    const url = (s: keyof TeachingFixture['students']) =>
      `/api/report-cards/preview?termId=${f.term1Id}&studentId=${f.students[s]}`;
    expect((await f.c.ada.get(url('ana'))).statusCode).toBe(200);
    expect((await f.c.ada.get(url('fay'))).statusCode).toBe(200);
    expect((await f.c.ben.get(url('ana'))).statusCode).toBe(200);
    expect((await f.c.ben.get(url('fay'))).statusCode).toBe(404);
    expect((await f.c.pupil.get(url('ana'))).statusCode).toBe(403);
    expect((await f.c.parent.get(url('ana'))).statusCode).toBe(403);
  });

  it("lists the term's students with missing comments, a teacher only hers", async () => {
    const { f } = a;
    const res = await f.c.admin.get(`/api/report-cards?termId=${f.term1Id}`);
    expect(res.statusCode).toBe(200);
    const overview = res.json<Overview>();
    expect(overview.published).toBeNull();
    expect(overview.students.map((s) => s.name)).toEqual([
      'Bo Adams',
      'Cy Brook',
      'Dan Cole',
      'Eve Dale',
      'Fay Egan',
      'Ana Zamora',
    ]);
    const ana = overview.students.find((s) => s.name === 'Ana Zamora');
    // Two classes: math commented, English not; the homeroom comment is written.
    expect(ana).toMatchObject({ sectionName: '1A', classesCount: 2, commentsMissing: 1 });
    expect(ana?.hasCard).toBe(false);

    const section = await f.c.admin.get(
      `/api/report-cards?termId=${f.term1Id}&sectionId=${f.section1BId}`,
    );
    expect(section.json<Overview>().students.map((s) => s.name)).toEqual(['Dan Cole', 'Eve Dale']);

    const paged = await f.c.admin.get(`/api/report-cards?termId=${f.term1Id}&limit=4`);
    const next = paged.json<Overview>().nextCursor;
    expect(next).not.toBeNull();
    const rest = await f.c.admin.get(
      `/api/report-cards?termId=${f.term1Id}&limit=4&cursor=${next ?? ''}`,
    );
    expect(rest.json<Overview>().students.map((s) => s.name)).toEqual(['Fay Egan', 'Ana Zamora']);

    const ada = await f.c.ada.get(`/api/report-cards?termId=${f.term1Id}`);
    expect(ada.json<Overview>().students.map((s) => s.name)).toEqual([
      'Bo Adams',
      'Cy Brook',
      'Fay Egan',
      'Ana Zamora',
    ]);
    const ben = await f.c.ben.get(`/api/report-cards?termId=${f.term1Id}`);
    expect(ben.json<Overview>().students.map((s) => s.name)).toEqual([
      'Bo Adams',
      'Cy Brook',
      'Dan Cole',
      'Eve Dale',
      'Ana Zamora',
    ]);
    expect((await f.c.pupil.get(`/api/report-cards?termId=${f.term1Id}`)).statusCode).toBe(403);
  });
});

describe('publishing', () => {
  let p: Seeded;
  beforeAll(async () => {
    p = await seed(await createTeachingFixture(t, h.app));
    const res = await put(p.f.c.ada, {
      termId: p.f.term1Id,
      studentId: p.f.students.ana,
      classId: p.f.classes.math1A,
      body: 'Good term.',
    });
    expect(res.statusCode).toBe(201);
  });

  it('shows nothing to families before publishing', async () => {
    const { f } = p;
    expect((await f.c.pupil.get(cardUrl(f, 'ana'))).statusCode).toBe(404);
    expect((await f.c.parent.get(cardUrl(f, 'ana'))).statusCode).toBe(404);
    const admin = await f.c.admin.get(cardUrl(f, 'ana'));
    expect(admin.statusCode).toBe(404);
    expect(admin.json().error.code).toBe('REPORT_CARD_NOT_FOUND');
    const list = await f.c.pupil.get(`/api/students/${f.students.ana}/report-cards`);
    expect(list.statusCode).toBe(200);
    expect(list.json<StudentReportCards>().items).toEqual([]);
  });

  it('lets only an admin publish', async () => {
    const { f } = p;
    for (const client of [f.c.ada, f.c.staff, f.c.pupil, f.c.parent]) {
      const res = await client.post('/api/report-cards/publish', { termId: f.term1Id });
      expect(res.statusCode).toBe(403);
    }
  });

  it('snapshots every student of the term, unchanged by later scores until republished', async () => {
    const { f } = p;
    const res = await f.c.admin.post('/api/report-cards/publish', { termId: f.term1Id });
    expect(res.statusCode).toBe(200);
    const publication = res.json<Publication>();
    expect(publication).toMatchObject({ termId: f.term1Id, publishedByName: 'admin', cards: 6 });

    const card = await f.c.pupil.get(cardUrl(f, 'ana'));
    expect(card.statusCode).toBe(200);
    const body = card.json<ReportCard>();
    expect(body.published).toBe(true);
    expect(body.content.classes.find((c) => c.className === 'Mathematics 1A')).toMatchObject({
      average: 84,
      band: 'B',
      comment: 'Good term.',
    });

    await t.db.withTenant(f.school.id, (tx) =>
      tx
        .update(scores)
        .set({ points: '50' })
        .where(and(eq(scores.assessmentId, p.mathTestId), eq(scores.studentId, f.students.ana))),
    );
    const still = await f.c.pupil.get(cardUrl(f, 'ana'));
    expect(
      still.json<ReportCard>().content.classes.find((c) => c.className === 'Mathematics 1A')
        ?.average,
    ).toBe(84);
    const preview = await f.c.admin.get(
      `/api/report-cards/preview?termId=${f.term1Id}&studentId=${f.students.ana}`,
    );
    // 0.6 × 100 + 0.4 × 90 = 96
    expect(
      preview.json<ReportCardContent>().classes.find((c) => c.className === 'Mathematics 1A')
        ?.average,
    ).toBe(96);

    const again = await f.c.admin.post('/api/report-cards/publish', { termId: f.term1Id });
    expect(again.statusCode).toBe(200);
    const refreshed = await f.c.pupil.get(cardUrl(f, 'ana'));
    expect(
      refreshed.json<ReportCard>().content.classes.find((c) => c.className === 'Mathematics 1A'),
    ).toMatchObject({ average: 96, band: 'A' });

    const overview = await f.c.admin.get(`/api/report-cards?termId=${f.term1Id}`);
    const o = overview.json<Overview>();
    expect(o.published?.byName).toBe('admin');
    expect(o.students.every((s) => s.hasCard)).toBe(true);
    expect(await auditActions(f.school.id)).toEqual(
      expect.arrayContaining(['report_cards.published', 'report_cards.republished']),
    );
  });

  it('refuses comment changes while published', async () => {
    const { f } = p;
    const res = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: f.classes.math1A,
      body: 'Too late.',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_CARDS_PUBLISHED');
    const roster = await f.c.ada.get(
      `/api/report-cards/comments?termId=${f.term1Id}&classId=${f.classes.math1A}`,
    );
    const ana = roster.json<CommentRoster>().items.find((i) => i.firstName === 'Ana');
    expect(roster.json<CommentRoster>().published).toBe(true);
    const del = await f.c.ada.delete(`/api/report-cards/comments/${ana?.comment?.id ?? ''}`);
    expect(del.statusCode).toBe(409);
  });

  it('shows a card to the student, her guardian and her teachers, and to no one else', async () => {
    const { f } = p;
    expect((await f.c.parent.get(cardUrl(f, 'ana'))).statusCode).toBe(200);
    expect((await f.c.ada.get(cardUrl(f, 'ana'))).statusCode).toBe(200);
    expect((await f.c.ben.get(cardUrl(f, 'ana'))).statusCode).toBe(200);
    expect((await f.c.ben.get(cardUrl(f, 'fay'))).statusCode).toBe(404);
    const other = await f.c.otherParent.get(cardUrl(f, 'ana'));
    expect(other.statusCode).toBe(404);
    expect((await f.c.otherParent.get(cardUrl(f, 'dan'))).statusCode).toBe(200);
    expect((await f.c.pupil.get(cardUrl(f, 'bo'))).statusCode).toBe(404);
    expect((await f.c.staff.get(cardUrl(f, 'ana'))).statusCode).toBe(403);

    const own = await f.c.pupil.get(`/api/students/${f.students.ana}/report-cards`);
    expect(own.json<StudentReportCards>().items).toEqual([
      expect.objectContaining({
        termId: f.term1Id,
        termName: 'Term 1',
        academicYearName: 'This year',
      }),
    ]);
    expect(
      (
        await f.c.parent.get(`/api/students/${f.students.ana}/report-cards`)
      ).json<StudentReportCards>().items,
    ).toHaveLength(1);
    expect(
      (await f.c.otherParent.get(`/api/students/${f.students.ana}/report-cards`)).statusCode,
    ).toBe(404);
    expect((await f.c.pupil.get(`/api/students/${f.students.bo}/report-cards`)).statusCode).toBe(
      404,
    );
  });

  it('serves the card as an English PDF with the name and classes', async () => {
    const { f } = p;
    const res = await f.c.pupil.get(`${cardUrl(f, 'ana')}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="report-card-A-ana-Term-1.pdf"',
    );
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Report card');
    expect(text).toContain('Ana Zamora');
    expect(text).toContain('Mathematics 1A');
    expect(text).toContain('Good term.');

    const arabic = await f.c.pupil.get(`${cardUrl(f, 'ana')}/pdf?locale=ar`);
    expect(arabic.statusCode).toBe(200);
    expect(await pdfText(arabic.rawPayload)).toContain('الشهادة المدرسية');
    expect((await f.c.otherParent.get(`${cardUrl(f, 'ana')}/pdf`)).statusCode).toBe(404);
  });

  it('hides the cards again when unpublished, and reopens comments', async () => {
    const { f } = p;
    expect(
      (await f.c.ada.post('/api/report-cards/unpublish', { termId: f.term1Id })).statusCode,
    ).toBe(403);
    const res = await f.c.admin.post('/api/report-cards/unpublish', { termId: f.term1Id });
    expect(res.statusCode).toBe(204);
    expect((await f.c.pupil.get(cardUrl(f, 'ana'))).statusCode).toBe(404);
    expect((await f.c.pupil.get(`${cardUrl(f, 'ana')}/pdf`)).statusCode).toBe(404);
    expect((await f.c.parent.get(cardUrl(f, 'ana'))).statusCode).toBe(404);
    expect((await f.c.ada.get(cardUrl(f, 'ana'))).statusCode).toBe(404);
    const admin = await f.c.admin.get(cardUrl(f, 'ana'));
    expect(admin.statusCode).toBe(200);
    expect(admin.json<ReportCard>().published).toBe(false);
    expect(
      (
        await f.c.pupil.get(`/api/students/${f.students.ana}/report-cards`)
      ).json<StudentReportCards>().items,
    ).toEqual([]);
    const comment = await put(f.c.ada, {
      termId: f.term1Id,
      studentId: f.students.bo,
      classId: f.classes.math1A,
      body: 'Now it is open again.',
    });
    expect(comment.statusCode).toBe(201);
    expect(await auditActions(f.school.id)).toContain('report_cards.unpublished');
  });
});

describe('an Arabic school', () => {
  it('draws the card in Arabic, right to left, with the Arabic name extractable', async () => {
    const { f } = await seed(await createTeachingFixture(t, h.app, { locale: 'ar' }));
    await t.db.withTenant(f.school.id, (tx) =>
      tx
        .update(students)
        .set({ firstName: 'لينا', lastName: 'حداد' })
        .where(eq(students.id, f.students.ana)),
    );
    await t.db.withTenant(f.school.id, (tx) =>
      tx.update(terms).set({ name: 'الفصل الأول' }).where(eq(terms.id, f.term1Id)),
    );
    expect(
      (await f.c.admin.post('/api/report-cards/publish', { termId: f.term1Id })).statusCode,
    ).toBe(200);
    const res = await f.c.parent.get(`${cardUrl(f, 'ana')}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="report-card-A-ana-${addDays(f.today, -60)}.pdf"`,
    );
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('لينا حداد');
    expect(text).toContain('الشهادة المدرسية');
    expect(text).toContain('Mathematics 1A');

    const card = await f.c.parent.get(cardUrl(f, 'ana'));
    expect(card.json<ReportCard>().content.school.locale).toBe('ar');
    const english = await f.c.parent.get(`${cardUrl(f, 'ana')}/pdf?locale=en`);
    expect(await pdfText(english.rawPayload)).toContain('Report card');
  });
});

describe('across schools', () => {
  it("answers 404 to school B for school A's terms, students, cards and comments", async () => {
    const { f: fa } = a;
    const { f: fb } = b;
    const admin = fb.c.admin;
    expect((await admin.get(cardUrl(fa, 'ana'))).statusCode).toBe(404);
    expect((await admin.get(`${cardUrl(fa, 'ana')}/pdf`)).statusCode).toBe(404);
    const preview = await admin.get(
      `/api/report-cards/preview?termId=${fa.term1Id}&studentId=${fa.students.ana}`,
    );
    expect(preview.statusCode).toBe(404);
    expect((await admin.get(`/api/report-cards?termId=${fa.term1Id}`)).statusCode).toBe(404);
    expect((await admin.post('/api/report-cards/publish', { termId: fa.term1Id })).statusCode).toBe(
      404,
    );
    expect(
      (await admin.post('/api/report-cards/unpublish', { termId: fa.term1Id })).statusCode,
    ).toBe(404);
    expect((await admin.get(`/api/students/${fa.students.ana}/report-cards`)).statusCode).toBe(404);
    expect(
      (
        await admin.get(
          `/api/report-cards/comments?termId=${fa.term1Id}&classId=${fa.classes.math1A}`,
        )
      ).statusCode,
    ).toBe(404);
    const write = await put(admin, {
      termId: fa.term1Id,
      studentId: fa.students.ana,
      classId: null,
      body: 'Cross-school',
    });
    expect(write.statusCode).toBe(400);
    const mixed = await put(admin, {
      termId: fb.term1Id,
      studentId: fa.students.ana,
      classId: fb.classes.math1A,
      body: 'Cross-school',
    });
    expect(mixed.statusCode).toBe(400);

    const roster = await fa.c.admin.get(
      `/api/report-cards/comments?termId=${fa.term1Id}&classId=${fa.classes.math1A}`,
    );
    const commentId = roster.json<CommentRoster>().items.find((i) => i.comment)?.comment?.id;
    expect(commentId).toBeDefined();
    expect((await admin.delete(`/api/report-cards/comments/${commentId ?? ''}`)).statusCode).toBe(
      404,
    );

    const own = await admin.get(`/api/report-cards?termId=${fb.term1Id}`);
    expect(own.statusCode).toBe(200);
    const ids = own.json<Overview>().students.map((s) => s.studentId);
    expect(ids).toHaveLength(6);
    expect(ids.some((id) => Object.values(fa.students).includes(id))).toBe(false);
  });
});

describe('plans without report cards', () => {
  it('refuses every report-card endpoint and leaves the page out of the menu', async () => {
    const school = await createSchool(t.db);
    await t.owner.query(`update schools set plan_id = 'free' where id = $1`, [school.id]);
    const user = await createUser(t.db, school.id, { roles: ['admin'] });
    const admin = new HostClient(h.app, `${school.slug}.localhost`, '10.77.0.1');
    expect((await admin.signIn(user.email)).statusCode).toBe(200);

    const overview = await admin.get(`/api/report-cards?termId=${newId()}`);
    expect(overview.statusCode).toBe(403);
    expect(overview.json().error.code).toBe('FEATURE_NOT_AVAILABLE');
    const publish = await admin.post('/api/report-cards/publish', { termId: newId() });
    expect(publish.json().error.code).toBe('FEATURE_NOT_AVAILABLE');

    const nav = await admin.get('/api/me/navigation');
    const keys = (nav.json().items as { key: string }[]).map((i) => i.key);
    expect(keys).not.toContain('report-cards');
    expect(keys).toContain('timetable');
  });
});
