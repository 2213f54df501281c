import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostClient } from '../../../test/identity.js';
import {
  addDays,
  createTeachingFixture,
  type TeachingFixture,
} from '../../../test/teaching-fixture.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { newId } from '../../platform/db/ids.js';
import { termAveragesForStudents } from './gradebook-averages.js';

let t: TestDatabase;
let h: TestApp;
let a: TeachingFixture;
let b: TeachingFixture;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await createTestApp(t.db);
  a = await createTeachingFixture(t, h.app);
  b = await createTeachingFixture(t, h.app);
});
afterAll(async () => {
  await h.close();
  await t.close();
});

const put = (c: HostClient, url: string, body: unknown) => c.request('PUT', url, body);

async function countRows(table: string, schoolId: string, where = 'true'): Promise<number> {
  const rows = await t.owner.query<{ n: number }>(
    `select count(*)::int as n from ${table} where school_id = $1 and ${where}`,
    [schoolId],
  );
  return rows[0]?.n ?? -1;
}

async function createCategory(c: HostClient, classId: string, name: string, weight: number) {
  const res = await c.post(`/api/classes/${classId}/assessment-categories`, { name, weight });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function createAssessment(
  c: HostClient,
  body: {
    classId: string;
    categoryId: string;
    title: string;
    maxScore: number;
    dueOn?: string | null;
    published?: boolean;
  },
) {
  const res = await c.post('/api/assessments', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

interface Averages {
  studentId: string;
  percent: number | null;
  band: string | null;
}

function averageOf(list: Averages[], studentId: string) {
  const found = list.find((x) => x.studentId === studentId);
  return found ? { percent: found.percent, band: found.band } : undefined;
}

describe('grading scales', () => {
  let f: TeachingFixture;
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
  });

  const letters = [
    { label: 'A', minPercent: 90 },
    { label: 'B', minPercent: 75 },
    { label: 'C', minPercent: 0 },
  ];

  it('answers with the built-in A–F while the school has none, and stores nothing', async () => {
    const res = await f.c.pupil.get('/api/grading-scales');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      items: [],
      effective: {
        id: null,
        name: 'A–F',
        bands: [
          { label: 'A', minPercent: 90 },
          { label: 'B', minPercent: 80 },
          { label: 'C', minPercent: 70 },
          { label: 'D', minPercent: 60 },
          { label: 'F', minPercent: 0 },
        ],
      },
    });
    expect(await countRows('grading_scales', f.school.id)).toBe(0);
  });

  it('refuses bands that do not make a scale, naming the band', async () => {
    const post = (bands: unknown) => f.c.admin.post('/api/grading-scales', { name: 'X', bands });
    const noZero = await post([{ label: 'A', minPercent: 50 }]);
    expect(noZero.statusCode).toBe(400);
    expect(noZero.json().error.details).toEqual([
      expect.objectContaining({ field: 'bands', code: 'no_zero_band' }),
    ]);
    const twice = await post([
      { label: 'A', minPercent: 50 },
      { label: 'a', minPercent: 0 },
    ]);
    expect(twice.json().error.details).toEqual([
      expect.objectContaining({ field: 'bands.1.label', code: 'duplicate' }),
    ]);
    const sameMin = await post([
      { label: 'A', minPercent: 0 },
      { label: 'B', minPercent: 0 },
    ]);
    expect(sameMin.json().error.details).toEqual([
      expect.objectContaining({ field: 'bands.1.minPercent', code: 'duplicate' }),
    ]);
    const blank = await post([{ label: ' ', minPercent: 0 }]);
    expect(blank.json().error.details).toEqual([
      expect.objectContaining({ field: 'bands.0.label', code: 'required' }),
    ]);
    expect((await post([])).statusCode).toBe(400);
    expect((await post([{ label: 'A', minPercent: 101 }])).statusCode).toBe(400);
    const many = Array.from({ length: 21 }, (_, i) => ({ label: `L${i}`, minPercent: i }));
    expect((await post(many)).statusCode).toBe(400);
    expect(await countRows('grading_scales', f.school.id)).toBe(0);
  });

  it('makes the first scale the default and keeps exactly one default', async () => {
    const first = await f.c.admin.post('/api/grading-scales', {
      name: 'Letters',
      bands: [...letters].reverse(),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ name: 'Letters', isDefault: true, bands: letters });
    const second = await f.c.admin.post('/api/grading-scales', {
      name: 'Pass or fail',
      bands: [
        { label: 'Pass', minPercent: 50 },
        { label: 'Fail', minPercent: 0 },
      ],
    });
    expect(second.json().isDefault).toBe(false);
    expect(
      (await f.c.admin.post('/api/grading-scales', { name: 'Letters', bands: letters })).statusCode,
    ).toBe(409);

    const made = await f.c.admin.post(`/api/grading-scales/${second.json().id}/make-default`);
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json().isDefault).toBe(true);
    const list = (await f.c.ada.get('/api/grading-scales')).json();
    expect(list.items.filter((s: { isDefault: boolean }) => s.isDefault)).toHaveLength(1);
    expect(list.effective).toMatchObject({ id: second.json().id, name: 'Pass or fail' });

    // The default goes only once it is the last one.
    const refused = await f.c.admin.delete(`/api/grading-scales/${second.json().id}`);
    expect(refused.statusCode).toBe(409);
    expect((await f.c.admin.delete(`/api/grading-scales/${first.json().id}`)).statusCode).toBe(204);
    expect((await f.c.admin.delete(`/api/grading-scales/${second.json().id}`)).statusCode).toBe(
      204,
    );
    expect((await f.c.admin.get('/api/grading-scales')).json().effective.id).toBeNull();
  });

  it('changes bands and names with the same checks', async () => {
    const created = await f.c.admin.post('/api/grading-scales', {
      name: 'Edit me',
      bands: letters,
    });
    const id = created.json().id as string;
    const bad = await f.c.admin.patch(`/api/grading-scales/${id}`, {
      bands: [{ label: 'A', minPercent: 10 }],
    });
    expect(bad.statusCode).toBe(400);
    const ok = await f.c.admin.patch(`/api/grading-scales/${id}`, { name: 'Edited' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Edited', bands: letters });
    expect(
      (await f.c.admin.patch(`/api/grading-scales/${newId()}`, { name: 'x' })).statusCode,
    ).toBe(404);
  });

  it('keeps a school to fifty scales', async () => {
    const g = await createTeachingFixture(t, h.app);
    await t.owner.query(
      `insert into grading_scales (school_id, id, name, bands)
       select $1, gen_random_uuid(), 'Scale ' || n, '[{"label": "P", "minPercent": 0}]'::jsonb
         from generate_series(1, 50) n`,
      [g.school.id],
    );
    const res = await g.c.admin.post('/api/grading-scales', { name: 'One more', bands: letters });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('RULE_VIOLATION');
    expect((await g.c.admin.get('/api/grading-scales')).json().items).toHaveLength(50);
  });

  it('leaves scales and settings to grades:manage', async () => {
    for (const c of [f.c.ada, f.c.pupil, f.c.parent, f.c.staff]) {
      expect((await c.post('/api/grading-scales', { name: 'No', bands: letters })).statusCode).toBe(
        403,
      );
      expect(
        (await c.patch('/api/gradebook/settings', { missingCountsAsZero: true })).statusCode,
      ).toBe(403);
    }
    expect((await f.c.accountant.get('/api/grading-scales')).statusCode).toBe(403);
  });

  it('keeps the settings, false until changed', async () => {
    expect((await f.c.ada.get('/api/gradebook/settings')).json()).toEqual({
      missingCountsAsZero: false,
      updatedAt: null,
    });
    const res = await f.c.admin.patch('/api/gradebook/settings', { missingCountsAsZero: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().missingCountsAsZero).toBe(true);
    expect((await f.c.ada.get('/api/gradebook/settings')).json().missingCountsAsZero).toBe(true);
    expect(
      await countRows('audit_events', f.school.id, "action = 'gradebook_settings.updated'"),
    ).toBe(1);
  });
});

describe('categories and assessments', () => {
  let f: TeachingFixture;
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
  });

  it('lets the class teacher and admins manage categories, not other teachers', async () => {
    const math = f.classes.math1A;
    const tests = await createCategory(f.c.ada, math, 'Tests', 60);
    await createCategory(f.c.admin, math, 'Homework', 25);
    expect(
      (await f.c.ben.post(`/api/classes/${math}/assessment-categories`, { name: 'X', weight: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await f.c.ada.post(`/api/classes/${math}/assessment-categories`, { name: 'X', weight: -1 }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await f.c.ada.post(`/api/classes/${math}/assessment-categories`, {
          name: 'Tests',
          weight: 1,
        })
      ).statusCode,
    ).toBe(409);

    const list = await f.c.ada.get(`/api/classes/${math}/assessment-categories`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { name: string; sortOrder: number }) => c.name)).toEqual([
      'Tests',
      'Homework',
    ]);
    expect(list.json().weightTotal).toBe(85);

    const changed = await f.c.ada.patch(`/api/assessment-categories/${tests}`, { weight: 75 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().weight).toBe(75);
    expect(
      (await f.c.ben.patch(`/api/assessment-categories/${tests}`, { weight: 1 })).statusCode,
    ).toBe(403);
    expect((await f.c.ben.get(`/api/classes/${math}/assessment-categories`)).statusCode).toBe(403);
  });

  it('refuses to delete a category that has assessments', async () => {
    const klass = f.classes.sci2;
    const used = await createCategory(f.c.ada, klass, 'Labs', 1);
    const spare = await createCategory(f.c.ada, klass, 'Spare', 1);
    await createAssessment(f.c.ada, { classId: klass, categoryId: used, title: 'L1', maxScore: 5 });
    const refused = await f.c.ada.delete(`/api/assessment-categories/${used}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IN_USE');
    expect((await f.c.ada.delete(`/api/assessment-categories/${spare}`)).statusCode).toBe(204);
    expect((await f.c.ada.delete(`/api/assessment-categories/${spare}`)).statusCode).toBe(404);
  });

  it('creates, publishes and changes assessments with their rules', async () => {
    const klass = f.classes.eng1A;
    const essays = await createCategory(f.c.ben, klass, 'Essays', 1);
    const otherClassCategory = await createCategory(f.c.ada, f.classes.math1A, 'Quizzes', 1);
    const wrong = await f.c.ben.post('/api/assessments', {
      classId: klass,
      categoryId: otherClassCategory,
      title: 'Essay',
      maxScore: 20,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      expect.objectContaining({ field: 'categoryId', code: 'unknown' }),
    ]);
    expect(
      (
        await f.c.ben.post('/api/assessments', {
          classId: klass,
          categoryId: essays,
          title: 'Essay',
          maxScore: 0,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await f.c.ada.post('/api/assessments', {
          classId: klass,
          categoryId: essays,
          title: 'Essay',
          maxScore: 20,
        })
      ).statusCode,
    ).toBe(403);

    const id = await createAssessment(f.c.ben, {
      classId: klass,
      categoryId: essays,
      title: 'Essay 1',
      maxScore: 20,
      dueOn: f.today,
    });
    const fresh = (await f.c.ben.get(`/api/assessments/${id}`)).json();
    expect(fresh).toMatchObject({ published: false, publishedAt: null, maxScore: 20 });

    const published = await f.c.ben.patch(`/api/assessments/${id}`, { published: true });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().published).toBe(true);
    expect(published.json().publishedAt).toEqual(expect.any(String));

    const saved = await put(f.c.ben, `/api/classes/${klass}/scores`, {
      scores: [{ assessmentId: id, studentId: f.students.ana, status: 'scored', points: 15 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const lower = await f.c.ben.patch(`/api/assessments/${id}`, { maxScore: 10 });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.details).toEqual([
      expect.objectContaining({ field: 'maxScore', code: 'below_scores' }),
    ]);
    expect((await f.c.ben.patch(`/api/assessments/${id}`, { maxScore: 15 })).statusCode).toBe(200);

    const unpublished = await f.c.ben.patch(`/api/assessments/${id}`, { published: false });
    expect(unpublished.json()).toMatchObject({ published: false, publishedAt: null });

    expect((await f.c.ada.delete(`/api/assessments/${id}`)).statusCode).toBe(403);
    expect((await f.c.ben.delete(`/api/assessments/${id}`)).statusCode).toBe(204);
    expect(await countRows('scores', f.school.id, `assessment_id = '${id}'`)).toBe(0);
    expect((await f.c.ben.get(`/api/assessments/${id}`)).statusCode).toBe(404);
  });
});

describe('the grid, averages and what each reader sees', () => {
  // math1A (Ada): Tests weight 3, Homework weight 1 (they need not sum to 100).
  //   H1 homework /10 due -20, published    T1 test /50 due -10, published
  //   T2 test /100 due -5, NOT published    H2 homework /10 undated, published
  // ana: T1 40, T2 30, H1 10, H2 missing    bo: T1 25, T2 excused, H1 missing, H2 missing
  // cy: no scores
  const ids = { tests: '', homework: '', t1: '', t2: '', h1: '', h2: '' };
  let f: TeachingFixture;

  beforeAll(async () => {
    f = a;
    const math = f.classes.math1A;
    ids.tests = await createCategory(f.c.ada, math, 'Tests', 3);
    ids.homework = await createCategory(f.c.ada, math, 'Homework', 1);
    const make = (
      title: string,
      categoryId: string,
      maxScore: number,
      dueOn: string | null,
      published: boolean,
    ) =>
      createAssessment(f.c.ada, { classId: math, categoryId, title, maxScore, dueOn, published });
    ids.t1 = await make('T1', ids.tests, 50, addDays(f.today, -10), true);
    ids.t2 = await make('T2', ids.tests, 100, addDays(f.today, -5), false);
    ids.h1 = await make('H1', ids.homework, 10, addDays(f.today, -20), true);
    ids.h2 = await make('H2', ids.homework, 10, null, true);
    const s = f.students;
    const res = await put(f.c.ada, `/api/classes/${math}/scores`, {
      scores: [
        { assessmentId: ids.t1, studentId: s.ana, status: 'scored', points: 40, comment: 'Good' },
        { assessmentId: ids.t2, studentId: s.ana, status: 'scored', points: 30 },
        { assessmentId: ids.h1, studentId: s.ana, status: 'scored', points: 10 },
        { assessmentId: ids.h2, studentId: s.ana, status: 'missing' },
        { assessmentId: ids.t1, studentId: s.bo, status: 'scored', points: 25 },
        { assessmentId: ids.t2, studentId: s.bo, status: 'excused', points: null },
        { assessmentId: ids.h1, studentId: s.bo, status: 'missing' },
        { assessmentId: ids.h2, studentId: s.bo, status: 'missing' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  async function setMissingAsZero(on: boolean) {
    const res = await f.c.admin.patch('/api/gradebook/settings', { missingCountsAsZero: on });
    expect(res.statusCode).toBe(200);
  }

  it('shows roster, assessments in due order, scores and averages', async () => {
    const res = await f.c.ada.get(`/api/classes/${f.classes.math1A}/gradebook`);
    expect(res.statusCode, res.body).toBe(200);
    const grid = res.json();
    expect(grid.class).toMatchObject({
      id: f.classes.math1A,
      name: 'Mathematics 1A',
      subject: { code: 'MATH' },
      term: { id: f.term1Id },
      teachers: [{ id: f.adaId, firstName: 'Ada', lastName: 'Lovelace' }],
    });
    expect(grid.assessments.map((x: { title: string }) => x.title)).toEqual([
      'H1',
      'T1',
      'T2',
      'H2',
    ]);
    // Roster by last name: Adams, Brook, Zamora.
    expect(grid.students.map((x: { id: string }) => x.id)).toEqual([
      f.students.bo,
      f.students.cy,
      f.students.ana,
    ]);
    expect(grid.scores).toHaveLength(8);
    expect(grid.scores).toContainEqual({
      assessmentId: ids.t1,
      studentId: f.students.ana,
      status: 'scored',
      points: 40,
      comment: 'Good',
    });
    expect(grid.scores).toContainEqual({
      assessmentId: ids.t2,
      studentId: f.students.bo,
      status: 'excused',
      points: null,
      comment: null,
    });
    expect(grid.missingCountsAsZero).toBe(false);
    expect(grid.scale.name).toBe('A–F');
    // ana: tests 70/150, homework 10/10 (H2 missing, left out): (3 × 46.67 + 100) / 4 = 60
    expect(averageOf(grid.averages, f.students.ana)).toEqual({ percent: 60, band: 'D' });
    // bo: T2 excused, tests 25/50; no homework counted, so tests carry all the weight
    expect(averageOf(grid.averages, f.students.bo)).toEqual({ percent: 50, band: 'F' });
    // cy: nothing at all
    expect(averageOf(grid.averages, f.students.cy)).toEqual({ percent: null, band: null });
  });

  it('counts missing work as zero when the school says so', async () => {
    await setMissingAsZero(true);
    try {
      const grid = (await f.c.admin.get(`/api/classes/${f.classes.math1A}/gradebook`)).json();
      expect(grid.missingCountsAsZero).toBe(true);
      // ana: homework 10/20 = 50: (140 + 50) / 4 = 47.5; bo: (150 + 0) / 4 = 37.5
      expect(averageOf(grid.averages, f.students.ana)).toEqual({ percent: 47.5, band: 'F' });
      expect(averageOf(grid.averages, f.students.bo)).toEqual({ percent: 37.5, band: 'F' });
      expect(averageOf(grid.averages, f.students.cy)).toEqual({ percent: null, band: null });
    } finally {
      await setMissingAsZero(false);
    }
  });

  it('bands averages with the default scale', async () => {
    const scale = await f.c.admin.post('/api/grading-scales', {
      name: 'Pass or fail',
      bands: [
        { label: 'Pass', minPercent: 55 },
        { label: 'Fail', minPercent: 0 },
      ],
    });
    expect(scale.statusCode).toBe(201);
    try {
      const grid = (await f.c.ada.get(`/api/classes/${f.classes.math1A}/gradebook`)).json();
      expect(grid.scale).toMatchObject({ id: scale.json().id, name: 'Pass or fail' });
      expect(averageOf(grid.averages, f.students.ana)).toEqual({ percent: 60, band: 'Pass' });
      expect(averageOf(grid.averages, f.students.bo)).toEqual({ percent: 50, band: 'Fail' });
    } finally {
      expect((await f.c.admin.delete(`/api/grading-scales/${scale.json().id}`)).statusCode).toBe(
        204,
      );
    }
  });

  it('gives report cards the same averages the grid shows', async () => {
    const grid = (await f.c.ada.get(`/api/classes/${f.classes.math1A}/gradebook`)).json();
    const all = await t.db.withTenant(f.school.id, (tx) =>
      termAveragesForStudents(tx, f.school.id, f.term1Id, null),
    );
    for (const key of ['ana', 'bo', 'cy'] as const) {
      const id = f.students[key];
      expect(all.get(id)?.get(f.classes.math1A)).toEqual(averageOf(grid.averages, id));
    }
    // Every class of the term the student is in, with no grade yet where nothing is scored.
    expect(all.get(f.students.ana)?.get(f.classes.eng1A)).toEqual({ percent: null, band: null });
    expect(all.get(f.students.dan)?.get(f.classes.math1B)).toEqual({ percent: null, band: null });
    expect(all.get(f.students.dan)?.has(f.classes.math1A)).toBe(false);

    const some = await t.db.withTenant(f.school.id, (tx) =>
      termAveragesForStudents(tx, f.school.id, f.term1Id, [f.students.bo]),
    );
    expect([...some.keys()]).toEqual([f.students.bo]);
    expect(some.get(f.students.bo)?.get(f.classes.math1A)).toEqual({ percent: 50, band: 'F' });
    const otherTerm = await t.db.withTenant(f.school.id, (tx) =>
      termAveragesForStudents(tx, f.school.id, f.term2Id, null),
    );
    expect(otherTerm.size).toBe(0);
  });

  it('keeps other teachers, students and guardians out of the grid', async () => {
    expect((await f.c.ben.get(`/api/classes/${f.classes.math1A}/gradebook`)).statusCode).toBe(403);
    expect((await f.c.pupil.get(`/api/classes/${f.classes.math1A}/gradebook`)).statusCode).toBe(
      403,
    );
    expect((await f.c.parent.get(`/api/classes/${f.classes.math1A}/gradebook`)).statusCode).toBe(
      403,
    );
    expect(
      (await f.c.accountant.get(`/api/classes/${f.classes.math1A}/gradebook`)).statusCode,
    ).toBe(403);
    expect((await f.c.ada.get(`/api/classes/${newId()}/gradebook`)).statusCode).toBe(404);
    const before = await countRows('scores', f.school.id);
    const res = await put(f.c.ben, `/api/classes/${f.classes.math1A}/scores`, {
      scores: [{ assessmentId: ids.t1, studentId: f.students.cy, status: 'scored', points: 1 }],
    });
    expect(res.statusCode).toBe(403);
    expect(
      (
        await put(f.c.pupil, `/api/classes/${f.classes.math1A}/scores`, {
          scores: [
            { assessmentId: ids.t1, studentId: f.students.ana, status: 'scored', points: 50 },
          ],
        })
      ).statusCode,
    ).toBe(403);
    expect(await countRows('scores', f.school.id)).toBe(before);
    expect((await f.c.ben.get(`/api/assessments?classId=${f.classes.math1A}`)).statusCode).toBe(
      403,
    );
    expect((await f.c.ben.get(`/api/assessments/${ids.t1}`)).statusCode).toBe(403);
  });

  it('shows a student only published assessments and only her own scores', async () => {
    const list = await f.c.pupil.get(`/api/assessments?classId=${f.classes.math1A}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([ids.h1, ids.t1, ids.h2]);
    expect((await f.c.pupil.get(`/api/assessments/${ids.t2}`)).statusCode).toBe(404);
    expect((await f.c.pupil.get(`/api/assessments/${ids.t1}`)).statusCode).toBe(200);
    expect((await f.c.pupil.get(`/api/assessments?classId=${f.classes.math1B}`)).statusCode).toBe(
      403,
    );

    const res = await f.c.pupil.get(`/api/students/${f.students.ana}/grades`);
    expect(res.statusCode, res.body).toBe(200);
    const grades = res.json();
    expect(grades.term).toMatchObject({ id: f.term1Id });
    expect(grades.classes.map((x: { class: { id: string } }) => x.class.id).sort()).toEqual(
      [f.classes.eng1A, f.classes.math1A].sort(),
    );
    const math = grades.classes.find(
      (x: { class: { id: string } }) => x.class.id === f.classes.math1A,
    );
    expect(math.subject).toMatchObject({ code: 'MATH' });
    expect(math.teachers).toEqual([{ id: f.adaId, firstName: 'Ada', lastName: 'Lovelace' }]);
    expect(math.assessments.map((x: { id: string }) => x.id)).toEqual([ids.h1, ids.t1, ids.h2]);
    expect(math.assessments[1].score).toEqual({ status: 'scored', points: 40, comment: 'Good' });
    // Over what she may see: tests 40/50 = 80, homework 10/10 = 100: (240 + 100) / 4 = 85
    expect(math).toMatchObject({ percent: 85, band: 'B' });
    const body = res.body;
    expect(body).not.toContain(f.students.bo);
    expect(body).not.toContain(f.students.cy);
    expect(body).not.toContain(ids.t2);

    expect((await f.c.pupil.get(`/api/students/${f.students.bo}/grades`)).statusCode).toBe(404);
  });

  it("shows a guardian her child's published grades, and nobody else's", async () => {
    const res = await f.c.parent.get(`/api/students/${f.students.ana}/grades?termId=${f.term1Id}`);
    expect(res.statusCode, res.body).toBe(200);
    const math = res
      .json()
      .classes.find((x: { class: { id: string } }) => x.class.id === f.classes.math1A);
    expect(math).toMatchObject({ percent: 85, band: 'B' });
    expect(res.body).not.toContain(ids.t2);
    expect((await f.c.parent.get(`/api/students/${f.students.dan}/grades`)).statusCode).toBe(404);
    expect((await f.c.otherParent.get(`/api/students/${f.students.ana}/grades`)).statusCode).toBe(
      404,
    );
    expect((await f.c.parent.get(`/api/assessments?classId=${f.classes.math1A}`)).statusCode).toBe(
      200,
    );
    expect(
      (await f.c.otherParent.get(`/api/assessments?classId=${f.classes.math1A}`)).statusCode,
    ).toBe(403);
    expect(
      (await f.c.parent.get(`/api/students/${f.students.ana}/grades?termId=${newId()}`)).statusCode,
    ).toBe(404);
  });

  it('shows a teacher only the classes she teaches, with every assessment', async () => {
    const ada = (await f.c.ada.get(`/api/students/${f.students.ana}/grades`)).json();
    expect(ada.classes.map((x: { class: { id: string } }) => x.class.id)).toEqual([
      f.classes.math1A,
    ]);
    expect(ada.classes[0].assessments).toHaveLength(4);
    expect(ada.classes[0]).toMatchObject({ percent: 60, band: 'D' });
    const ben = (await f.c.ben.get(`/api/students/${f.students.ana}/grades`)).json();
    expect(ben.classes.map((x: { class: { id: string } }) => x.class.id)).toEqual([
      f.classes.eng1A,
    ]);
    // Ben teaches no class Fay is in.
    expect((await f.c.ben.get(`/api/students/${f.students.fay}/grades`)).statusCode).toBe(404);
    const admin = (await f.c.admin.get(`/api/students/${f.students.ana}/grades`)).json();
    expect(admin.classes).toHaveLength(2);
  });
});

describe('saving scores in bulk', () => {
  let f: TeachingFixture;
  let quiz: string;
  let essay: string;
  beforeAll(async () => {
    f = await createTeachingFixture(t, h.app);
    const cat = await createCategory(f.c.ada, f.classes.math1A, 'Quizzes', 1);
    quiz = await createAssessment(f.c.ada, {
      classId: f.classes.math1A,
      categoryId: cat,
      title: 'Quiz',
      maxScore: 10,
    });
    const other = await createCategory(f.c.ben, f.classes.math1B, 'Essays', 1);
    essay = await createAssessment(f.c.ben, {
      classId: f.classes.math1B,
      categoryId: other,
      title: 'Essay',
      maxScore: 10,
    });
  });

  const url = () => `/api/classes/${f.classes.math1A}/scores`;

  it('saves nothing when one item is bad, and says which', async () => {
    const res = await put(f.c.ada, url(), {
      scores: [
        { assessmentId: quiz, studentId: f.students.ana, status: 'scored', points: 8 },
        { assessmentId: quiz, studentId: f.students.bo, status: 'scored', points: 11 },
        { assessmentId: quiz, studentId: f.students.cy, status: 'scored', points: 9 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'scores.1.points', code: 'above_max' }),
    ]);
    expect(await countRows('scores', f.school.id)).toBe(0);
    expect(await countRows('audit_events', f.school.id, "action = 'scores.saved'")).toBe(0);
  });

  it('names every kind of bad item', async () => {
    const res = await put(f.c.ada, url(), {
      scores: [
        { assessmentId: essay, studentId: f.students.ana, status: 'scored', points: 1 },
        { assessmentId: quiz, studentId: f.students.dan, status: 'scored', points: 1 },
        { assessmentId: quiz, studentId: f.students.ana, status: 'scored' },
        { assessmentId: quiz, studentId: f.students.bo, status: 'excused', points: 3 },
        { assessmentId: quiz, studentId: f.students.bo, status: 'missing' },
        { assessmentId: quiz, studentId: f.students.cy, status: 'scored', points: 10 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
    ).toEqual([
      ['scores.0.assessmentId', 'unknown'],
      ['scores.1.studentId', 'not_on_roster'],
      ['scores.2.points', 'required'],
      ['scores.3.points', 'not_allowed'],
      ['scores.4', 'duplicate'],
    ]);
    expect(await countRows('scores', f.school.id)).toBe(0);
  });

  it('refuses malformed bodies before looking at the class', async () => {
    expect((await put(f.c.ada, url(), { scores: [] })).statusCode).toBe(400);
    const negative = await put(f.c.ada, url(), {
      scores: [{ assessmentId: quiz, studentId: f.students.ana, status: 'scored', points: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('scores.0.points');
    expect(
      (
        await put(f.c.ada, url(), {
          scores: [{ assessmentId: quiz, studentId: f.students.ana, status: 'late' }],
        })
      ).statusCode,
    ).toBe(400);
    const tooMany = Array.from({ length: 2001 }, () => ({
      assessmentId: quiz,
      studentId: f.students.ana,
      status: 'missing',
    }));
    expect((await put(f.c.ada, url(), { scores: tooMany })).statusCode).toBe(400);
  });

  it('upserts everything in one go, with one audit event and fresh averages', async () => {
    const first = await put(f.c.ada, url(), {
      scores: [
        {
          assessmentId: quiz,
          studentId: f.students.ana,
          status: 'scored',
          points: 7.5,
          comment: 'Neat',
        },
        { assessmentId: quiz, studentId: f.students.bo, status: 'missing' },
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().saved).toBe(2);
    expect(averageOf(first.json().averages, f.students.ana)).toEqual({ percent: 75, band: 'C' });
    expect(averageOf(first.json().averages, f.students.bo)).toEqual({ percent: null, band: null });
    expect(first.json().averages).toHaveLength(3);

    // A comment left out stays; the same values again change nothing.
    const second = await put(f.c.ada, url(), {
      scores: [
        { assessmentId: quiz, studentId: f.students.ana, status: 'scored', points: 9 },
        { assessmentId: quiz, studentId: f.students.bo, status: 'missing' },
        { assessmentId: quiz, studentId: f.students.cy, status: 'excused' },
      ],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().saved).toBe(2);
    const grid = (await f.c.ada.get(`/api/classes/${f.classes.math1A}/gradebook`)).json();
    expect(grid.scores).toContainEqual({
      assessmentId: quiz,
      studentId: f.students.ana,
      status: 'scored',
      points: 9,
      comment: 'Neat',
    });
    const cleared = await put(f.c.ada, url(), {
      scores: [
        {
          assessmentId: quiz,
          studentId: f.students.ana,
          status: 'scored',
          points: 9,
          comment: null,
        },
      ],
    });
    expect(cleared.json().saved).toBe(1);
    const rows = await t.owner.query<{ comment: string | null; updated_by: string }>(
      'select comment, updated_by from scores where assessment_id = $1 and student_id = $2',
      [quiz, f.students.ana],
    );
    expect(rows).toEqual([{ comment: null, updated_by: f.userIds.ada }]);

    const events = await t.owner.query<{ entity_id: string; after: Record<string, number> }>(
      "select entity_id, after from audit_events where school_id = $1 and action = 'scores.saved' order by at",
      [f.school.id],
    );
    expect(events).toHaveLength(3);
    expect(events[1]).toEqual({
      entity_id: f.classes.math1A,
      after: expect.objectContaining({ items: 3, created: 1, updated: 1, unchanged: 1 }),
    });
  });

  it('lets an admin record in any class', async () => {
    const res = await put(f.c.admin, `/api/classes/${f.classes.math1B}/scores`, {
      scores: [{ assessmentId: essay, studentId: f.students.dan, status: 'scored', points: 10 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(averageOf(res.json().averages, f.students.dan)).toEqual({ percent: 100, band: 'A' });
  });
});

describe('another school', () => {
  let aCategory: string;
  let aAssessment: string;
  let aScale: string;
  beforeAll(async () => {
    aCategory = await createCategory(a.c.ada, a.classes.sci2, 'Cross', 1);
    aAssessment = await createAssessment(a.c.ada, {
      classId: a.classes.sci2,
      categoryId: aCategory,
      title: 'Cross',
      maxScore: 10,
      published: true,
    });
    const scale = await a.c.admin.post('/api/grading-scales', {
      name: 'A only',
      bands: [{ label: 'Z', minPercent: 0 }],
    });
    aScale = scale.json().id as string;
    const saved = await put(a.c.ada, `/api/classes/${a.classes.sci2}/scores`, {
      scores: [
        { assessmentId: aAssessment, studentId: a.students.fay, status: 'scored', points: 4 },
      ],
    });
    expect(saved.statusCode).toBe(200);
  });

  it("answers 404 for the first school's ids", async () => {
    const admin = b.c.admin;
    expect((await admin.get(`/api/classes/${a.classes.sci2}/gradebook`)).statusCode).toBe(404);
    expect(
      (await admin.get(`/api/classes/${a.classes.sci2}/assessment-categories`)).statusCode,
    ).toBe(404);
    expect((await admin.get(`/api/assessments?classId=${a.classes.sci2}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/assessments/${aAssessment}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/assessments/${aAssessment}`, { title: 'x' })).statusCode).toBe(
      404,
    );
    expect((await admin.delete(`/api/assessments/${aAssessment}`)).statusCode).toBe(404);
    expect(
      (await admin.patch(`/api/assessment-categories/${aCategory}`, { weight: 2 })).statusCode,
    ).toBe(404);
    expect((await admin.delete(`/api/assessment-categories/${aCategory}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/grading-scales/${aScale}`, { name: 'x' })).statusCode).toBe(
      404,
    );
    expect((await admin.post(`/api/grading-scales/${aScale}/make-default`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/grading-scales/${aScale}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/students/${a.students.fay}/grades`)).statusCode).toBe(404);
    const write = await put(admin, `/api/classes/${a.classes.sci2}/scores`, {
      scores: [
        { assessmentId: aAssessment, studentId: a.students.fay, status: 'scored', points: 9 },
      ],
    });
    expect(write.statusCode).toBe(404);
    expect(
      (
        await admin.post(`/api/classes/${a.classes.sci2}/assessment-categories`, {
          name: 'x',
          weight: 1,
        })
      ).statusCode,
    ).toBe(404);
    const rows = await t.owner.query<{ points: string }>(
      'select points from scores where assessment_id = $1',
      [aAssessment],
    );
    expect(rows).toEqual([{ points: '4.00' }]);
  });

  it("refuses writes that point at the first school's rows", async () => {
    const cat = await createCategory(b.c.admin, b.classes.sci2, 'Own', 1);
    const foreignClass = await b.c.admin.post('/api/assessments', {
      classId: a.classes.sci2,
      categoryId: cat,
      title: 'x',
      maxScore: 1,
    });
    expect(foreignClass.statusCode).toBe(400);
    const foreignCategory = await b.c.admin.post('/api/assessments', {
      classId: b.classes.sci2,
      categoryId: aCategory,
      title: 'x',
      maxScore: 1,
    });
    expect(foreignCategory.statusCode).toBe(400);
    const foreignCells = await put(b.c.admin, `/api/classes/${b.classes.sci2}/scores`, {
      scores: [
        { assessmentId: aAssessment, studentId: a.students.fay, status: 'scored', points: 1 },
      ],
    });
    expect(foreignCells.statusCode).toBe(400);
    expect(
      foreignCells.json().error.details.map((d: { field: string; code: string }) => d.code),
    ).toEqual(['unknown', 'not_on_roster']);
  });

  it("never shows the first school's rows", async () => {
    const scales = (await b.c.admin.get('/api/grading-scales')).json();
    expect(scales.items.map((s: { id: string }) => s.id)).not.toContain(aScale);
    const grid = await b.c.admin.get(`/api/classes/${b.classes.sci2}/gradebook`);
    expect(grid.statusCode).toBe(200);
    expect(grid.body).not.toContain(aAssessment);
    expect(grid.body).not.toContain(aCategory);
    expect(grid.body).not.toContain(a.students.fay);
    const averages = await t.db.withTenant(b.school.id, (tx) =>
      termAveragesForStudents(tx, b.school.id, a.term1Id, null),
    );
    expect(averages.size).toBe(0);
  });
});
