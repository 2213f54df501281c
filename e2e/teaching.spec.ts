import type { Browser, Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { expect, hostUrl, test } from './fixtures.js';

// Teaching in the browser: a teacher takes attendance for a lesson straight from her
// timetable, and a guardian of the Arabic school reads her child's attendance and downloads the
// published report card. The demo data (src/server/modules/schools/demo-teaching.ts) gives
// every school a Monday–Friday timetable, four weeks of attendance and its term's cards published.

const PASSWORD = 'schoolhouse-demo';

async function signIn(page: Page, host: string, email: string, labels = ARABIC_OFF) {
  await page.goto(hostUrl(host, '/sign-in'));
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: labels.signIn }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

const ARABIC_OFF = { email: 'Email', password: 'Password', signIn: 'Sign in' };

/** Calls the API from a signed-in page (same origin, so the session cookie goes along). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as T;
    },
    { method, path, body },
  );
}

interface Day {
  date: string;
  day: number;
  staffId: string | null;
  items: { class: { id: string; name: string } }[];
}

/**
 * The demo timetable runs Monday to Friday. On a weekend the admin adds a period for today and
 * puts one of the teacher's classes in it, as a school would for a weekend revision session.
 */
async function ensureLessonToday(browser: Browser, host: string, teacherDay: Day) {
  if (teacherDay.items.length > 0 || !teacherDay.staffId) return;
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, host, 'admin@greenwood.demo');
  const week = await api<{ entries: { class: { id: string } }[] }>(
    page,
    'GET',
    `/api/timetable?teacherId=${teacherDay.staffId}`,
  );
  const classId = week.entries[0]?.class.id;
  expect(classId, 'the demo teacher has lessons in her week').toBeTruthy();
  const period = await api<{ id: string }>(page, 'POST', '/api/periods', {
    name: `Revision ${teacherDay.date}`,
    startsAt: '07:00',
    endsAt: '07:40',
    days: [teacherDay.day],
  });
  await api(page, 'POST', '/api/timetable/entries', {
    classId,
    day: teacherDay.day,
    periodId: period.id,
  });
  await context.close();
}

test('a teacher takes attendance for a lesson from her timetable', async ({
  page,
  browser,
  consoleErrors,
}) => {
  const host = 'greenwood.localhost';
  await signIn(page, host, 'teacher@greenwood.demo');
  const firstLook = await api<Day>(page, 'GET', '/api/timetable/day');
  await ensureLessonToday(browser, host, firstLook);
  const today = await api<Day>(page, 'GET', '/api/timetable/day');
  const lesson = today.items[0];
  expect(lesson, 'a lesson today').toBeDefined();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Timetable' })
    .click();
  await page
    .getByRole('link', { name: `Take attendance for ${lesson?.class.name ?? ''}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/attendance\/take\?/);

  // Everyone starts present; mark the first student on the roster absent and save once.
  const firstStudent = page.getByRole('radiogroup').first();
  await expect(firstStudent.getByRole('radio', { name: 'Present' })).toBeChecked();
  const studentName = (await firstStudent.getAttribute('aria-label')) ?? '';
  await firstStudent.getByRole('radio', { name: 'Absent' }).check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(page.getByText(/Attendance saved/)).toBeVisible();

  // The register is there on a fresh load, with the change kept.
  await page.reload();
  const again = page.getByRole('radiogroup', { name: studentName });
  await expect(again.getByRole('radio', { name: 'Absent' })).toBeChecked();
  expect(consoleErrors).toEqual([]);
});

test('a guardian of the Arabic school sees attendance and downloads the report card', async ({
  page,
  consoleErrors,
}) => {
  const host = 'alnoor.localhost';
  await signIn(page, host, 'guardian@alnoor.demo', {
    email: 'البريد الإلكتروني',
    password: 'كلمة المرور',
    signIn: 'تسجيل الدخول',
  });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // Her home page shows her child and the child's attendance.
  await expect(page.getByText('لينا حداد').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'الحضور والغياب' }).first()).toBeVisible();

  // The attendance page lists the child's marks from the last weeks.
  const nav = page.getByRole('navigation', { name: 'القائمة الرئيسية' });
  await nav.getByRole('link', { name: 'الحضور والغياب' }).click();
  await expect(page).toHaveURL(/\/attendance/);
  await expect(page.getByText(/غائب|حاضر/).first()).toBeVisible();

  // The published card downloads as a PDF that carries her name.
  await nav.getByRole('link', { name: 'الشهادات المدرسية' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'تنزيل الشهادة' }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const text = (await new PDFParse({ data: await readFile(path) }).getText()).text;
  expect(text).toContain('لينا');
  expect(text).toContain('حداد');
  expect(consoleErrors).toEqual([]);
});
