import type { Locator, Page } from '@playwright/test';
import { expect, hostUrl, test } from './fixtures.js';

// School records in the browser: a CSV import from a file with mistakes to the fixed file, and
// the students page scoped by the server to a teacher's own classes. The demo school and the
// sample files are described in src/server/modules/schools/demo-records.ts and
// samples/csv/README.md.

const PASSWORD = 'schoolhouse-demo';
const SCHOOL = 'greenwood.localhost';

async function signIn(page: Page, email: string) {
  await page.goto(hostUrl(SCHOOL, '/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, / })).toBeVisible();
}

/** The row of the problems table for a data row and a column. */
function problem(table: Locator, row: string, column: string): Locator {
  const page = table.page();
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: row, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: column, exact: true }) });
}

async function searchStudents(page: Page, text: string) {
  await page.getByLabel('Search students').fill(text);
}

test('an admin checks a students file with mistakes, imports the fixed one and finds a student', async ({
  page,
  consoleErrors,
}) => {
  await signIn(page, 'admin@greenwood.demo');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Imports' }).click();
  await expect(page.getByRole('heading', { name: 'Imports', level: 1 })).toBeVisible();

  await page.getByLabel('What to import').selectOption('students');
  await page.getByLabel('CSV file').setInputFiles('samples/csv/students-with-errors.csv');
  await page.getByRole('button', { name: 'Check file' }).click();

  const problems = page.getByRole('table', { name: 'Problems found' });
  await expect(problems).toBeVisible();
  // The deliberate mistakes: a date that does not exist, a section grade 2 lacks, and an
  // admission number used on rows 5 and 40.
  await expect(problem(problems, '7', 'date_of_birth')).toHaveCount(1);
  await expect(problem(problems, '12', 'section')).toHaveCount(1);
  await expect(problem(problems, '5', 'admission_number')).toHaveCount(1);
  await expect(problem(problems, '40', 'admission_number')).toHaveCount(1);
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download errors' }).click();
  expect((await download).suggestedFilename()).toBe('students-with-errors-problems.csv');

  await page.getByLabel('CSV file').setInputFiles('samples/csv/students.csv');
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('The file is ready to import: 40 rows.')).toBeVisible();
  await expect(problems).toHaveCount(0);
  await importButton.click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(page.getByText('Students imported from 40 rows.')).toBeVisible();

  await nav.getByRole('link', { name: 'Students' }).click();
  await expect(page.getByRole('heading', { name: 'Students', level: 1 })).toBeVisible();
  await searchStudents(page, 'S-2026-004');
  const students = page.getByRole('table', { name: 'Students' });
  await expect(students.getByRole('link', { name: 'Lily Chen' })).toBeVisible();
  await expect(students.getByRole('row')).toHaveCount(2);

  await students.getByRole('link', { name: 'Lily Chen' }).click();
  await expect(page.getByRole('heading', { name: 'Lily Chen', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Admission number')).toHaveValue('S-2026-004');
  expect(consoleErrors).toEqual([]);
});

test('a teacher sees only the students of her own classes', async ({ page, consoleErrors }) => {
  // The demo teacher teaches mathematics to grades 1 to 3 (and is homeroom teacher of 1A and
  // 6A): A1001 is in grade 1A; A1007 is in grade 4A, where she teaches nothing.
  await signIn(page, 'teacher@greenwood.demo');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Students' })
    .click();
  await expect(page.getByRole('heading', { name: 'Students', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add student' })).toHaveCount(0);

  await searchStudents(page, 'A1007');
  await expect(page.getByText('No students match these filters.')).toBeVisible();

  await searchStudents(page, 'A1001');
  const students = page.getByRole('table', { name: 'Students' });
  await expect(students.getByRole('row')).toHaveCount(2);
  await expect(students.getByRole('cell', { name: 'A1001', exact: true })).toBeVisible();

  // Her own student's profile opens read-only: teachers do not manage student records.
  await students.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByRole('tab', { name: 'Enrolment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change status' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a guardian sees only her own child, and the records pages she has no entry for are closed', async ({
  page,
  consoleErrors,
}) => {
  await signIn(page, 'guardian@greenwood.demo');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'My children' })
    .click();
  await expect(page.getByRole('heading', { name: 'My children', level: 1 })).toBeVisible();
  const children = page.getByRole('table', { name: 'My children' });
  await expect(children.getByRole('row')).toHaveCount(2);
  await expect(children.getByRole('link', { name: 'Lina Haddad' })).toBeVisible();

  for (const path of ['/admin/imports', '/academics', '/staff']) {
    await page.goto(hostUrl(SCHOOL, path));
    await expect(page.getByRole('heading', { name: 'You cannot open this page' })).toBeVisible();
  }
  expect(consoleErrors).toEqual([]);
});

test('an admin walks through the structure, a class roster, staff and guardians', async ({
  page,
  consoleErrors,
}) => {
  await signIn(page, 'admin@greenwood.demo');
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Academic structure' }).click();
  await expect(page.getByRole('table', { name: 'Academic years' })).toBeVisible();
  await page.getByRole('tab', { name: 'Grade levels' }).click();
  const grades = page.getByRole('table', { name: 'Grade levels, in order' });
  await expect(grades.getByRole('rowheader')).toHaveText([
    'Grade 1',
    'Grade 2',
    'Grade 3',
    'Grade 4',
    'Grade 5',
    'Grade 6',
  ]);
  // A grade level with sections and students is refused, with what still uses it.
  await page.getByRole('button', { name: 'Delete Grade 1' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Other records still depend on this one, so it cannot be deleted.',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Subjects' }).click();
  await expect(page.getByRole('table', { name: 'Subjects' }).getByRole('row')).toHaveCount(9);

  await nav.getByRole('link', { name: 'Classes' }).click();
  await expect(page.getByRole('heading', { name: 'Classes', level: 1 })).toBeVisible();
  await page.getByLabel('Search classes').fill('Mathematics Grade 1A');
  await page.getByRole('link', { name: 'Mathematics Grade 1A' }).click();
  await expect(page.getByRole('heading', { name: 'Mathematics Grade 1A', level: 1 })).toBeVisible();
  const roster = page.getByRole('table', { name: 'Students in Mathematics Grade 1A today' });
  await expect(roster.getByRole('link', { name: 'Lina Haddad' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enroll students' })).toBeVisible();

  await nav.getByRole('link', { name: 'Staff' }).click();
  await page.getByLabel('Search staff').fill('Baker');
  await page.getByRole('link', { name: 'Tom Baker' }).click();
  await expect(page.getByRole('table', { name: 'Classes taught by Tom Baker' })).toBeVisible();

  await nav.getByRole('link', { name: 'Guardians' }).click();
  await page.getByLabel('Search guardians').fill('guardian@greenwood.demo');
  await page.getByRole('link', { name: 'Omar Haddad' }).click();
  const guardianChildren = page.getByRole('table', { name: 'Children of Omar Haddad' });
  await guardianChildren.getByRole('link', { name: 'Lina Haddad' }).click();
  await page.getByRole('tab', { name: 'Guardians' }).click();
  await expect(page.getByRole('table', { name: 'Guardians of Lina Haddad' })).toContainText(
    'Primary contact',
  );
  await page.getByRole('tab', { name: 'Enrolment' }).click();
  await expect(page.getByRole('rowheader', { name: 'Mathematics Grade 1A' })).toBeVisible();
  // The browser reports the refused delete (409) itself; nothing else may fail.
  expect(consoleErrors.filter((e) => !/status of 409/.test(e))).toEqual([]);
});
